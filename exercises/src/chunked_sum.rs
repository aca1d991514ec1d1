//! Chapter 1: split the work between threads.

/// Adds up `score(n)` for every `n` in `numbers`, on `workers` threads: each
/// thread scores and sums one chunk of about equal size, and the chunks' sums
/// are added up. `score` stands for the real work done on each number.
/// `workers` is at least 1; there may be more workers than numbers.
pub fn chunked_sum(
    numbers: &[u64],
    workers: usize,
    score: impl Fn(u64) -> u64 + Sync,
) -> u64 {
    todo!(
        "split `numbers` into `workers` chunks and sum each on its own thread"
    )
}
