//! Each worker holds the job receiver's lock for as long as it works, so the
//! workers take turns and only one job is ever done at a time.
//!
//! Caught by `all_the_workers_work_at_the_same_time`, which says "the most jobs
//! running at once was 1".

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
    let count = jobs.len();
    let work = Arc::new(work);
    // Each job travels with its position, so its result can be put back in
    // place.
    let (job_sender, job_receiver) = mpsc::channel::<(usize, u64)>();
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
                // The guard lives as long as the loop: no other worker gets
                // a job until this one has run out of them.
                let jobs = jobs.lock().unwrap();
                while let Ok((index, n)) = jobs.recv() {
                    results
                        .send((index, work(n)))
                        .expect("the pool's owner listens");
                }
            })
        })
        .collect();
    drop(result_sender);
    for job in jobs.into_iter().enumerate() {
        job_sender.send(job).expect("a worker is alive");
    }
    // Hanging up ends the workers' loops once the channel is empty.
    drop(job_sender);
    let mut results: Vec<(usize, u64)> = result_receiver.iter().collect();
    for worker in pool {
        worker.join().expect("a worker panicked");
    }
    assert_eq!(results.len(), count, "a job's result is missing");
    results.sort_unstable_by_key(|&(index, _)| index);
    results.into_iter().map(|(_, result)| result).collect()
}
