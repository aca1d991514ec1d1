//! A wrong solution the tests must catch: it spawns and joins in one iterator
//! chain, and iterators are lazy, so each thread is joined before the next one
//! is started: the threads run one after another, never at the same time.
//!
//! Caught by `runs_every_job_on_its_own_thread_all_at_the_same_time`, which
//! says "threads ever ran at the same time".

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
    (0..count)
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
        .map(|h| h.join().expect("a worker panicked"))
        .collect()
}
