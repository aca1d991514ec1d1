//! Chapter 1: split the work between threads.

/// Sums `numbers` on `workers` threads: each thread sums one chunk of about equal size, and the
/// chunks' sums are added up. `workers` is at least 1; there may be more workers than numbers.
pub fn chunked_sum(numbers: &[u64], workers: usize) -> u64 {
    todo!(
        "split `numbers` into `workers` chunks and sum each on its own thread"
    )
}
