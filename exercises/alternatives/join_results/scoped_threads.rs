//! Another right solution: scoped threads, started with
//! `Builder::spawn_scoped`, borrow `job` instead of sharing it through an `Arc`.

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
    let job = &job;
    thread::scope(|s| {
        let handles: Vec<_> = (0..count)
            .map(|i| {
                thread::Builder::new()
                    .name(format!("worker {i}"))
                    .spawn_scoped(s, move || {
                        let name = thread::current().name().map(String::from);
                        (name.unwrap_or_default(), job(i))
                    })
                    .expect("the OS could not start a thread")
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().expect("a worker panicked"))
            .collect()
    })
}
