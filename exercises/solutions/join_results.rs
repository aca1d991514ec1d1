//! Chapter 3: named threads, and their results through their join handles.

use std::sync::Arc;
use std::thread;

/// Starts `count` threads named `worker 0`, `worker 1`, ..., running at the
/// same time; thread `i` computes `job(i)`. Returns, in the order of `i`, the
/// name each thread saw for itself (`thread::current().name()`) and what `job`
/// returned on it.
pub fn run_named<T, F>(count: usize, job: F) -> Vec<(String, T)>
where
    T: Send + 'static,
    F: Fn(usize) -> T + Send + Sync + 'static,
{
    let job = Arc::new(job);
    // `collect` starts every thread before the first is joined.
    let handles: Vec<_> = (0..count)
        .map(|i| {
            let job = Arc::clone(&job);
            thread::Builder::new()
                .name(format!("worker {i}"))
                .spawn(move || {
                    let name =
                        thread::current().name().unwrap_or("").to_owned();
                    (name, job(i))
                })
                .expect("the OS could not start a thread")
        })
        .collect();
    // Joined in the order they were started, whichever finishes first.
    handles
        .into_iter()
        .map(|h| h.join().expect("a worker panicked"))
        .collect()
}
