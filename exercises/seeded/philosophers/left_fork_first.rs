//! A wrong philosopher the tests must catch: left fork first, then right. When every philosopher
//! holds a left fork, each waits for a right fork its neighbour holds: a cycle, and a deadlock.
//!
//! Caught by `the_last_philosopher_does_not_close_the_cycle`, which says "not finished after".

use std::sync::Mutex;

/// A philosopher eats with the forks `left` and `right` (indexes into `forks`; each fork counts
/// how often it was used). Eating holds both forks' locks at once and adds one to each count.
/// Philosophers round a table, each sharing a fork with each neighbour, all eating at the same
/// time, must never deadlock.
pub fn eat(forks: &[Mutex<u64>], left: usize, right: usize) {
    let mut left = forks[left].lock().unwrap();
    let mut right = forks[right].lock().unwrap();
    *left += 1;
    *right += 1;
}
