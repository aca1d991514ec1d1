//! Chapter 2: no shared state, no lock: a parallel map with `thread::scope`.

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
        // Each thread maps its own chunk into its own Vec: nothing is shared,
        // nothing is locked. `collect` starts every thread before the first
        // is joined.
        let handles: Vec<_> = items
            .chunks(size)
            .map(|chunk| {
                s.spawn(move || chunk.iter().map(f).collect::<Vec<R>>())
            })
            .collect();
        // Joining in the order the chunks were made keeps the results in order.
        handles
            .into_iter()
            .flat_map(|h| h.join().expect("a mapping thread panicked"))
            .collect()
    })
}
