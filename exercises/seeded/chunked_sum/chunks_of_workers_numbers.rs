//! A wrong sum the tests must catch: it takes `chunks(workers)` to mean
//! "`workers` chunks", but its argument is the size of each chunk, so it makes
//! chunks of `workers` numbers and starts a thread for each: hundreds of
//! threads instead of `workers`.
//!
//! Caught by `scores_on_workers_threads_at_the_same_time`, which says
//! "make no more chunks than workers".

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
    let score = &score;
    thread::scope(|s| {
        let handles: Vec<_> = numbers
            .chunks(workers)
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
