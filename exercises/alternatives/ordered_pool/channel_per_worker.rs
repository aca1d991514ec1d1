//! Chapter 10: a pool of worker threads fed by channels, whose results come
//! back in the order of the jobs.

use std::sync::Arc;
use std::sync::mpsc;
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
    let (result_sender, result_receiver) = mpsc::channel();
    // One job channel per worker: no worker shares a `Receiver`, so none
    // needs a lock.
    let (feeds, pool): (Vec<_>, Vec<_>) = (0..workers)
        .map(|_| {
            let (feed, jobs) = mpsc::channel::<(usize, u64)>();
            let (results, work) = (result_sender.clone(), Arc::clone(&work));
            let worker = thread::spawn(move || {
                for (index, n) in jobs {
                    results
                        .send((index, work(n)))
                        .expect("the pool's owner listens");
                }
            });
            (feed, worker)
        })
        .unzip();
    drop(result_sender);
    // Dealt round the workers like cards.
    for (index, n) in jobs.into_iter().enumerate() {
        feeds[index % workers]
            .send((index, n))
            .expect("a worker is alive");
    }
    // Hanging up ends each worker's loop once its channel is empty.
    drop(feeds);
    let mut results = vec![0; count];
    for (index, result) in result_receiver {
        results[index] = result;
    }
    for worker in pool {
        worker.join().expect("a worker panicked");
    }
    results
}
