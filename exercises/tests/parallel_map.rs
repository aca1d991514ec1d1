//! `cargo test -p exercises --test parallel_map`

mod support;

use std::collections::HashSet;
use std::sync::Mutex;
use std::thread;

use exercises::parallel_map::parallel_map;

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
fn uses_several_threads_but_no_more_than_asked() {
    let threads = support::within("parallel_map", || {
        let seen = Mutex::new(HashSet::new());
        let items: Vec<u32> = (0..64).collect();
        parallel_map(&items, 4, |x| {
            seen.lock().unwrap().insert(thread::current().id());
            x + 1
        });
        seen.into_inner().unwrap().len()
    });
    assert!(
        (2..=4).contains(&threads),
        "mapped on {threads} threads; expected 4 workers (at least 2, at most 4)"
    );
}

#[test]
fn maps_an_empty_slice_to_an_empty_vec() {
    let out: Vec<u8> = support::within("parallel_map", || {
        parallel_map(&[] as &[u8], 4, |x| *x)
    });
    assert!(out.is_empty());
}
