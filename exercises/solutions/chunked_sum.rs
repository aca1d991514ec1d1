//! Chapter 1: split the work between threads.

use std::thread;

/// Adds up `score(n)` for every `n` in `numbers`, on `workers` threads: each
/// thread scores and sums one chunk of about equal size, and the chunks' sums
/// are added up. `score` stands for the real work done on each number.
/// `workers` is at least 1; there may be more workers than numbers.
pub fn chunked_sum(
    numbers: &[u64],
    workers: usize,
    score: impl Fn(u64) -> u64 + Sync,
) -> u64 {
    // Round up, so that `workers` chunks cover every number; `chunks` needs a
    // size of at least 1.
    let size = numbers.len().div_ceil(workers).max(1);
    // Each thread gets its own copy of this reference.
    let score = &score;
    thread::scope(|s| {
        // Start every thread before joining any (`collect` runs the `map`
        // now), so that the chunks are summed at the same time.
        let handles: Vec<_> = numbers
            .chunks(size)
            .map(|chunk| {
                s.spawn(move || chunk.iter().map(|&n| score(n)).sum::<u64>())
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().expect("a summing thread panicked"))
            .sum()
    })
}
