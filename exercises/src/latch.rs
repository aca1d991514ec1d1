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
        todo!()
    }

    /// Waits until the count reaches zero.
    pub fn wait(&self) {
        todo!()
    }
}
