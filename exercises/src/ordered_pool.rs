//! Chapter 10: a pool of worker threads fed by a channel, whose results come back in the order of
//! the jobs.

/// Runs `work` on every job with `workers` threads working at once, and returns the results in
/// the order of `jobs`, whichever worker finished first. Each job is done exactly once.
pub fn map_in_order<F>(jobs: Vec<u64>, workers: usize, work: F) -> Vec<u64>
where
    F: Fn(u64) -> u64 + Send + Sync + 'static,
{
    assert!(workers > 0, "a pool needs at least one worker");
    todo!(
        "send the jobs on one channel, collect the results from another, then sort them"
    )
}
