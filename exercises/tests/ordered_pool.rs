//! `cargo test -p exercises --test ordered_pool`

mod support;

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Barrier};
use std::thread;
use std::time::Duration;

use exercises::ordered_pool::map_in_order;

#[test]
fn results_come_back_in_the_order_of_the_jobs() {
    support::within("ten jobs, later ones faster", || {
        // Later jobs finish first, so a pool that returns results as they arrive is out of order.
        let squares = map_in_order((1..=10).collect(), 3, |n| {
            thread::sleep(Duration::from_millis(2 * (10 - n)));
            n * n
        });
        assert_eq!(squares, [1, 4, 9, 16, 25, 36, 49, 64, 81, 100]);
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

#[test]
fn the_workers_work_at_the_same_time() {
    support::within("three jobs that meet", || {
        // Each job waits until three jobs are in progress at once: only a pool whose three workers
        // really work at the same time can finish them.
        let all_working = Arc::new(Barrier::new(3));
        let ids = map_in_order(vec![7, 8, 9], 3, move |n| {
            all_working.wait();
            n
        });
        assert_eq!(ids, [7, 8, 9]);
    });
}
