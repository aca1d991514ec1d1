//! `cargo test -p exercises --test parallel_map`

mod support;

use std::collections::HashSet;
use std::sync::Mutex;
use std::thread;

use exercises::parallel_map::parallel_map;
use support::Crowd;

#[test]
fn keeps_the_order_of_the_items() {
    let items: Vec<u32> = (0..100).collect();
    for workers in [1, 3, 4, 150] {
        let items = items.clone();
        let squares = support::within("parallel_map", move || {
            parallel_map(&items, workers, |x| x * x)
        });
        let expected: Vec<u32> = (0..100).map(|x| x * x).collect();
        assert_eq!(squares, expected, "with {workers} workers");
    }
}

#[test]
fn maps_on_workers_threads_at_the_same_time() {
    const WORKERS: usize = 4;
    let (most, threads) = support::within("parallel_map, 4 workers", || {
        // Each call of `f` waits until four are running at once (or gives up
        // after a while): only threads that really run at the same time meet
        // there. 66 items do not split evenly into four chunks.
        let crowd = Crowd::new(WORKERS);
        let seen = Mutex::new(HashSet::new());
        let items: Vec<u32> = (0..66).collect();
        let out = parallel_map(&items, WORKERS, |x| {
            crowd.meet();
            seen.lock().unwrap().insert(thread::current().id());
            x + 1
        });
        assert!(out.iter().copied().eq(1..67), "the results are wrong");
        (crowd.most(), seen.into_inner().unwrap().len())
    });
    assert!(
        threads <= WORKERS,
        "the items were mapped on {threads} threads, but `workers` is \
         {WORKERS}: start no more threads than workers"
    );
    assert!(
        most >= WORKERS,
        "no more than {most} of the {WORKERS} workers ever mapped items at the \
         same time: start every thread before joining any"
    );
}

#[test]
fn maps_an_empty_slice_to_an_empty_vec() {
    let out: Vec<u8> = support::within("parallel_map", || {
        parallel_map(&[] as &[u8], 4, |x| *x)
    });
    assert!(out.is_empty());
}
