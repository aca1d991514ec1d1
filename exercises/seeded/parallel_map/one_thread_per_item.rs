//! A wrong map the tests must catch: it starts one thread per item and ignores
//! `workers`, so a long slice starts as many threads as it has items.
//!
//! Caught by `maps_on_workers_threads_at_the_same_time`, which says
//! "start no more threads than workers".

use std::thread;

/// Applies `f` to every item on up to `workers` threads and returns the results
/// in the items' order.
pub fn parallel_map<T, R, F>(items: &[T], workers: usize, f: F) -> Vec<R>
where
    T: Sync,
    R: Send,
    F: Fn(&T) -> R + Sync,
{
    let f = &f;
    thread::scope(|s| {
        let handles: Vec<_> =
            items.iter().map(|item| s.spawn(move || f(item))).collect();
        handles
            .into_iter()
            .map(|h| h.join().expect("a mapping thread panicked"))
            .collect()
    })
}
