//! Chapter 12: philosophers round a table share forks; take two locks without a
//! cycle of waits.

use std::sync::Mutex;

/// A philosopher eats with the forks `left` and `right` (indexes into `forks`;
/// each fork counts how often it was used). Eating holds both forks' locks at
/// once and adds one to each count. Philosophers round a table, each sharing a
/// fork with each neighbour, all eating at the same time, must never deadlock.
pub fn eat(forks: &[Mutex<u64>], left: usize, right: usize) {
    assert_ne!(left, right, "eating takes two forks");
    // Any order that every philosopher agrees on breaks the cycle: here the
    // higher-numbered fork first. No one holds a lower fork while waiting for
    // a higher one.
    let (first, second) = (left.max(right), left.min(right));
    let mut first = forks[first].lock().unwrap();
    let mut second = forks[second].lock().unwrap();
    *first += 1;
    *second += 1;
}
