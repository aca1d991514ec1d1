//! A wrong sum the tests must catch: it spawns and joins in one iterator
//! chain, and iterators are lazy, so each thread is joined before the next one
//! is started: the chunks are summed one after another, never at the same
//! time.
//!
//! Caught by `scores_on_workers_threads_at_the_same_time`, which says
//! "workers ever scored numbers at the same time".

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
    let size = numbers.len().div_ceil(workers).max(1);
    let score = &score;
    thread::scope(|s| {
        numbers
            .chunks(size)
            .map(|chunk| {
                s.spawn(move || chunk.iter().map(|&n| score(n)).sum::<u64>())
            })
            .map(|h| h.join().expect("a summing thread panicked"))
            .sum()
    })
}
