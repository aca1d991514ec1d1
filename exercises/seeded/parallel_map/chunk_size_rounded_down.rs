//! A wrong map the tests must catch: it rounds the chunk size down
//! (`items.len() / workers`), so when the items do not split evenly, the few
//! left over make one more chunk, and one more thread, than `workers`.
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
    // At least 1, because `chunks` panics on a size of 0.
    let size = (items.len() / workers.max(1)).max(1);
    let f = &f;
    thread::scope(|s| {
        let handles: Vec<_> = items
            .chunks(size)
            .map(|chunk| {
                s.spawn(move || chunk.iter().map(f).collect::<Vec<R>>())
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().expect("a mapping thread panicked"))
            .collect()
    })
}
