//! Chapter 6: a countdown latch from a `Mutex` and a `Condvar`.

use crate::sync::{Condvar, Mutex};

/// Opens once `count_down` has been called `count` times; `wait` blocks until
/// then. Any number of threads may wait.
pub struct Latch {
    remaining: Mutex<usize>,
    opened: Condvar,
}

impl Latch {
    pub fn new(count: usize) -> Latch {
        Latch {
            remaining: Mutex::new(count),
            opened: Condvar::new(),
        }
    }

    /// Counts one down; the last one wakes every waiter.
    pub fn count_down(&self) {
        // Read and write under one guard, so no other count_down lands in
        // between.
        let mut remaining = self.remaining.lock().unwrap();
        *remaining = remaining.saturating_sub(1);
        if *remaining == 0 {
            // Every waiter, not one: they all wait for the same moment.
            self.opened.notify_all();
        }
    }

    /// Waits until the count reaches zero.
    pub fn wait(&self) {
        let mut remaining = self.remaining.lock().unwrap();
        // A loop, not an `if`: a wake-up does not prove the count is zero (a
        // condition variable may wake a thread for no reason).
        while *remaining > 0 {
            remaining = self.opened.wait(remaining).unwrap();
        }
    }
}
