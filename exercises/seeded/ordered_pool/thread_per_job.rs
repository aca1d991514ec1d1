//! Starts one thread per job and ignores `workers`: with many jobs, all of
//! them run at once, which is what a pool is there to prevent.
//!
//! Caught by `no_more_jobs_run_at_once_than_there_are_workers`, which says
//! "more threads did the work than `workers` allows".

use std::sync::Arc;
use std::thread;

/// Runs `work` on every job with `workers` threads working at once, and returns
/// the results in the order of `jobs`, whichever worker finished first. Each
/// job is done exactly once.
pub fn map_in_order<F>(jobs: Vec<u64>, workers: usize, work: F) -> Vec<u64>
where
    F: Fn(u64) -> u64 + Send + Sync + 'static,
{
    assert!(workers > 0, "a pool needs at least one worker");
    let work = Arc::new(work);
    let threads: Vec<_> = jobs
        .into_iter()
        .map(|n| {
            let work = Arc::clone(&work);
            thread::spawn(move || work(n))
        })
        .collect();
    // Joined in the order of the jobs, so the results come back in order.
    threads
        .into_iter()
        .map(|t| t.join().expect("a job panicked"))
        .collect()
}
