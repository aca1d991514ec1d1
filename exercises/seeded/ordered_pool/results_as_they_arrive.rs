//! Collects the results in the order they arrive on the channel, which is the
//! order the jobs finished in: a slow first job comes back last.
//!
//! Caught by `results_come_back_in_the_order_of_the_jobs`, which says "the
//! results are in the order the jobs finished in".

use std::sync::mpsc;
use std::sync::{Arc, Mutex};
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
    let (job_sender, job_receiver) = mpsc::channel::<u64>();
    let (result_sender, result_receiver) = mpsc::channel();
    let job_receiver = Arc::new(Mutex::new(job_receiver));
    let pool: Vec<_> = (0..workers)
        .map(|_| {
            let (jobs, results, work) = (
                Arc::clone(&job_receiver),
                result_sender.clone(),
                Arc::clone(&work),
            );
            thread::spawn(move || {
                loop {
                    let job = jobs.lock().unwrap().recv();
                    let Ok(n) = job else { break };
                    results.send(work(n)).expect("the pool's owner listens");
                }
            })
        })
        .collect();
    drop(result_sender);
    for job in jobs {
        job_sender.send(job).expect("a worker is alive");
    }
    drop(job_sender);
    let results = result_receiver.iter().collect();
    for worker in pool {
        worker.join().expect("a worker panicked");
    }
    results
}
