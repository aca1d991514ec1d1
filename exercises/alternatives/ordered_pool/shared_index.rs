//! Chapter 10: a pool of worker threads, whose results come back in the order
//! of the jobs; without channels.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread;

/// Runs `work` on every job with `workers` threads working at once, and returns
/// the results in the order of `jobs`, whichever worker finished first. Each
/// job is done exactly once.
pub fn map_in_order<F>(jobs: Vec<u64>, workers: usize, work: F) -> Vec<u64>
where
    F: Fn(u64) -> u64 + Send + Sync + 'static,
{
    assert!(workers > 0, "a pool needs at least one worker");
    // Scoped threads may borrow `jobs` and `work`: the scope waits for them.
    let next = AtomicUsize::new(0);
    let done: Vec<Vec<(usize, u64)>> = thread::scope(|s| {
        let pool: Vec<_> = (0..workers)
            .map(|_| {
                s.spawn(|| {
                    let mut done = Vec::new();
                    // Each index is handed out once, so each job is done
                    // once; a worker asks for the next when it is free.
                    // Relaxed is enough: the counter orders nothing else,
                    // and the results reach the caller through `join`.
                    loop {
                        let index = next.fetch_add(1, Ordering::Relaxed);
                        let Some(&n) = jobs.get(index) else { break };
                        done.push((index, work(n)));
                    }
                    done
                })
            })
            .collect();
        pool.into_iter()
            .map(|worker| worker.join().expect("a worker panicked"))
            .collect()
    });
    let mut results = vec![0; jobs.len()];
    for (index, result) in done.into_iter().flatten() {
        results[index] = result;
    }
    results
}
