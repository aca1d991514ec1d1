//! A wrong solution the tests must catch: it starts the threads with
//! `thread::spawn`, which gives them no name, and returns the name it meant
//! to give (`format!("worker {i}")`) instead of the one the thread has.
//!
//! Caught by `returns_each_threads_own_name_and_result_in_order`, which says
//! "name the thread itself".

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
    let handles: Vec<_> = (0..count)
        .map(|i| {
            let job = Arc::clone(&job);
            thread::spawn(move || (format!("worker {i}"), job(i)))
        })
        .collect();
    handles
        .into_iter()
        .map(|h| h.join().expect("a worker panicked"))
        .collect()
}
