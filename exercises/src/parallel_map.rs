//! Chapter 2: no shared state, no lock: a parallel map with `thread::scope`.

/// Applies `f` to every item on up to `workers` threads and returns the results
/// in the items' order.
pub fn parallel_map<T, R, F>(items: &[T], workers: usize, f: F) -> Vec<R>
where
    T: Sync,
    R: Send,
    F: Fn(&T) -> R + Sync,
{
    todo!("map each chunk of `items` on a scoped thread; join in order")
}
