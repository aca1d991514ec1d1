//! `cargo test -p exercises --test ordered_pool`

mod support;

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread;
use std::time::Duration;

use exercises::ordered_pool::map_in_order;
use support::Crowd;

#[test]
fn results_come_back_in_the_order_of_the_jobs() {
    for _ in 0..5 {
        support::within("job 0 finishes after job 1", || {
            // Both jobs start, then job 0 takes longer: its result arrives
            // last, and must still come first.
            let both_started = Arc::new(Crowd::new(2));
            let results = map_in_order(vec![0, 1], 2, move |n| {
                both_started.meet();
                if n == 0 {
                    thread::sleep(Duration::from_millis(50));
                }
                n + 10
            });
            assert_eq!(
                results,
                [10, 11],
                "the results are in the order the jobs finished in, not in \
                 the order of the jobs"
            );
        });
    }
    support::within("ten jobs, later ones faster", || {
        let squares = map_in_order((1..=10).collect(), 3, |n| {
            thread::sleep(Duration::from_millis(2 * (10 - n)));
            n * n
        });
        assert_eq!(
            squares,
            [1, 4, 9, 16, 25, 36, 49, 64, 81, 100],
            "the results are not in the order of the jobs"
        );
    });
}

#[test]
fn no_jobs_give_no_results() {
    support::within("no jobs", || {
        assert!(map_in_order(Vec::new(), 2, |n| n).is_empty());
    });
}

#[test]
fn every_job_is_done_exactly_once() {
    for _ in 0..support::ROUNDS / 20 {
        support::within("a hundred jobs, four workers", || {
            let calls = Arc::new(AtomicUsize::new(0));
            let counted = Arc::clone(&calls);
            let doubled = map_in_order((0..100).collect(), 4, move |n| {
                counted.fetch_add(1, Ordering::SeqCst);
                2 * n
            });
            assert_eq!(
                calls.load(Ordering::SeqCst),
                100,
                "jobs were skipped or repeated"
            );
            assert!(doubled.iter().copied().eq((0..100).map(|n| 2 * n)));
        });
    }
}

/// Runs `4 * workers` jobs, each of which waits in a `Crowd` expecting
/// `expected` of them at once; returns the most that ran at once.
fn most_at_once(workers: usize, expected: usize) -> usize {
    let crowd = Arc::new(Crowd::new(expected));
    let jobs = (0..4 * workers as u64).collect();
    let inside = Arc::clone(&crowd);
    map_in_order(jobs, workers, move |n| {
        inside.meet();
        n
    });
    crowd.most()
}

#[test]
fn no_more_jobs_run_at_once_than_there_are_workers() {
    support::within("eight jobs, two workers", || {
        // Each job waits for a third one to join it; with two workers, none
        // ever does, and after a while the jobs stop waiting.
        let most = most_at_once(2, 3);
        assert!(
            most <= 2,
            "{most} jobs ran at once with 2 workers: more threads did the work \
             than `workers` allows"
        );
    });
}

#[test]
fn all_the_workers_work_at_the_same_time() {
    support::within("sixteen jobs, four workers", || {
        // Each job waits until four are running at once: with four workers
        // that really work at the same time, they soon are.
        let most = most_at_once(4, 4);
        assert!(
            most >= 4,
            "with 4 workers, the most jobs running at once was {most}: the \
             other workers waited, for a lock that a working one held (the \
             job receiver's?), or they were never started"
        );
    });
}
