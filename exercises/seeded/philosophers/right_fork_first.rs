//! Every philosopher takes the right fork first, then the left: the same
//! cycle of waits as left first, going round the table the other way.
//!
//! Caught by `no_deadlock_whatever_order_the_forks_come_free_in`, which says
//! "a deadlock".

use std::sync::Mutex;

/// A philosopher eats with the forks `left` and `right` (indexes into `forks`;
/// each fork counts how often it was used). Eating holds both forks' locks at
/// once and adds one to each count. Philosophers round a table, each sharing a
/// fork with each neighbour, all eating at the same time, must never deadlock.
pub fn eat(forks: &[Mutex<u64>], left: usize, right: usize) {
    // Right first, so that a philosopher never holds the left fork that the
    // neighbour on that side is about to reach for.
    let mut right = forks[right].lock().unwrap();
    let mut left = forks[left].lock().unwrap();
    *left += 1;
    *right += 1;
}
