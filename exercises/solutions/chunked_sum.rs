//! Chapter 1: split the work between threads.

use std::thread;

/// Sums `numbers` on `workers` threads: each thread sums one chunk of about
/// equal size, and the chunks' sums are added up. `workers` is at least 1;
/// there may be more workers than numbers.
pub fn chunked_sum(numbers: &[u64], workers: usize) -> u64 {
    // Round up, so that `workers` chunks cover every number; `chunks` needs a
    // size of at least 1.
    let size = numbers.len().div_ceil(workers).max(1);
    thread::scope(|s| {
        let handles: Vec<_> = numbers
            .chunks(size)
            .map(|chunk| s.spawn(move || chunk.iter().sum::<u64>()))
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().expect("a summing thread panicked"))
            .sum()
    })
}
