//! Chapter 12: philosophers round a table share forks; take two locks without a
//! cycle of waits.

use std::sync::Mutex;

/// A philosopher eats with the forks `left` and `right` (indexes into `forks`;
/// each fork counts how often it was used). Eating holds both forks' locks at
/// once and adds one to each count. Philosophers round a table, each sharing a
/// fork with each neighbour, all eating at the same time, must never deadlock.
pub fn eat(forks: &[Mutex<u64>], left: usize, right: usize) {
    assert_ne!(left, right, "eating takes two forks");
    // Every philosopher takes the lower-numbered fork first. A cycle of waits
    // would need someone holding a higher fork while waiting for a lower one,
    // and no one does that.
    let (first, second) = (left.min(right), left.max(right));
    let mut first = forks[first].lock().unwrap();
    let mut second = forks[second].lock().unwrap();
    *first += 1;
    *second += 1;
}
