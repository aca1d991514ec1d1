//! `cargo test -p exercises --test chunked_sum`

mod support;

use std::collections::HashSet;
use std::sync::Mutex;
use std::thread;

use exercises::chunked_sum::chunked_sum;
use support::Crowd;

#[test]
fn sums_the_scores_like_a_single_thread_for_any_number_of_workers() {
    let numbers: Vec<u64> = (1..=1000).collect();
    let expected: u64 = numbers.iter().map(|n| n * n).sum();
    for workers in [1, 2, 3, 4, 7, 16] {
        let numbers = numbers.clone();
        let total = support::within("chunked_sum", move || {
            chunked_sum(&numbers, workers, |n| n * n)
        });
        assert_eq!(total, expected, "with {workers} workers");
    }
}

#[test]
fn handles_more_workers_than_numbers_and_no_numbers() {
    assert_eq!(
        support::within("chunked_sum", || chunked_sum(&[5, 6], 8, |n| n)),
        11
    );
    assert_eq!(
        support::within("chunked_sum", || chunked_sum(&[], 3, |n| n)),
        0
    );
}

#[test]
fn scores_on_workers_threads_at_the_same_time() {
    const WORKERS: usize = 3;
    let (most, threads) = support::within("chunked_sum, 3 workers", || {
        // Each call of `score` waits until three are running at once (or
        // gives up after a while): only threads that really run at the same
        // time meet there.
        let crowd = Crowd::new(WORKERS);
        let seen = Mutex::new(HashSet::new());
        let numbers: Vec<u64> = (1..=1000).collect();
        let total = chunked_sum(&numbers, WORKERS, |n| {
            crowd.meet();
            seen.lock().unwrap().insert(thread::current().id());
            n
        });
        assert_eq!(total, 500_500, "the sum is wrong");
        (crowd.most(), seen.into_inner().unwrap().len())
    });
    assert!(
        threads <= WORKERS,
        "the numbers were scored on {threads} threads, but `workers` is \
         {WORKERS}: make no more chunks than workers"
    );
    assert!(
        most >= WORKERS,
        "no more than {most} of the {WORKERS} workers ever scored numbers at \
         the same time: start every thread before joining any"
    );
}
