//! Every philosopher takes the left fork first, then the right. When each of
//! them holds a left fork, each waits for a right fork that a neighbour holds:
//! a cycle of waits round the table, and a deadlock.
//!
//! Caught by `no_deadlock_whatever_order_the_forks_come_free_in`, which says
//! "a deadlock".

use std::sync::Mutex;

/// A philosopher eats with the forks `left` and `right` (indexes into `forks`;
/// each fork counts how often it was used). Eating holds both forks' locks at
/// once and adds one to each count. Philosophers round a table, each sharing a
/// fork with each neighbour, all eating at the same time, must never deadlock.
pub fn eat(forks: &[Mutex<u64>], left: usize, right: usize) {
    let mut left = forks[left].lock().unwrap();
    let mut right = forks[right].lock().unwrap();
    *left += 1;
    *right += 1;
}
