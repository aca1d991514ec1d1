//! A wrong solution the tests must catch: each thread sends its name and result
//! on a channel, and the results are collected in the order they arrive, which
//! is the order the threads finish, not the order of `i`.
//!
//! Caught by
//! `results_come_back_in_the_order_of_i_even_when_later_jobs_finish_first`,
//! which says "in the order the threads finished".

use std::sync::{Arc, mpsc};
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
    let (results, arrived) = mpsc::channel();
    for i in 0..count {
        let job = Arc::clone(&job);
        let results = results.clone();
        thread::Builder::new()
            .name(format!("worker {i}"))
            .spawn(move || {
                let name = thread::current().name().unwrap_or("").to_owned();
                let _ = results.send((name, job(i)));
            })
            .expect("the OS could not start a thread");
    }
    // Dropped, so that the loop below ends once every thread has sent.
    drop(results);
    arrived.iter().collect()
}
