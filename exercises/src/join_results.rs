//! Chapter 3: named threads, and their results through their join handles.

/// Starts `count` threads named `worker 0`, `worker 1`, ..., running at the
/// same time; thread `i` computes `job(i)`. Returns, in the order of `i`, the
/// name each thread saw for itself (`thread::current().name()`) and what `job`
/// returned on it.
pub fn run_named<T, F>(count: usize, job: F) -> Vec<(String, T)>
where
    T: Send + 'static,
    F: Fn(usize) -> T + Send + Sync + 'static,
{
    todo!("start named threads with thread::Builder; join the handles in order")
}
