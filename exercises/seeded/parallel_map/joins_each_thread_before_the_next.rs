//! A wrong map the tests must catch: it spawns and joins in one iterator
//! chain, and iterators are lazy, so each thread is joined before the next one
//! is started: the chunks are mapped one after another, never at the same
//! time.
//!
//! Caught by `maps_on_workers_threads_at_the_same_time`, which says
//! "workers ever mapped items at the same time".

use std::thread;

/// Applies `f` to every item on up to `workers` threads and returns the results
/// in the items' order.
pub fn parallel_map<T, R, F>(items: &[T], workers: usize, f: F) -> Vec<R>
where
    T: Sync,
    R: Send,
    F: Fn(&T) -> R + Sync,
{
    let size = items.len().div_ceil(workers.max(1)).max(1);
    let f = &f;
    thread::scope(|s| {
        items
            .chunks(size)
            .map(|chunk| {
                s.spawn(move || chunk.iter().map(f).collect::<Vec<R>>())
            })
            .flat_map(|h| h.join().expect("a mapping thread panicked"))
            .collect()
    })
}
