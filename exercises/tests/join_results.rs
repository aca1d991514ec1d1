//! `cargo test -p exercises --test join_results`

mod support;

use std::collections::HashSet;
use std::thread;

use exercises::join_results::run_named;

#[test]
fn returns_each_threads_name_and_result_in_order() {
    let results = support::within("run_named", || run_named(4, |i| i * 10));
    let expected: Vec<(String, usize)> =
        (0..4).map(|i| (format!("worker {i}"), i * 10)).collect();
    assert_eq!(results, expected);
}

#[test]
fn runs_every_job_on_its_own_thread() {
    let ids = support::within("run_named", || {
        run_named(3, |_| thread::current().id())
    });
    let distinct: HashSet<_> = ids.iter().map(|(_, id)| *id).collect();
    assert_eq!(
        distinct.len(),
        3,
        "the jobs ran on {} threads, not 3",
        distinct.len()
    );
}
