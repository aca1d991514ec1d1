//! Chapter 15: a counting semaphore, like Python's `threading.Semaphore`,
//! whose `acquire` may take several permits at once.

use crate::sync::{Condvar, Mutex};

/// A number of permits that threads take and give back. `acquire(n)` waits
/// until `n` permits are free and takes them; `release(n)` gives `n` back.
pub struct Semaphore {
    /// How many permits are free.
    permits: Mutex<usize>,
    released: Condvar,
}

impl Semaphore {
    pub fn new(permits: usize) -> Semaphore {
        Semaphore {
            permits: Mutex::new(permits),
            released: Condvar::new(),
        }
    }

    /// Waits until `n` permits are free, then takes them.
    pub fn acquire(&self, n: usize) {
        todo!()
    }

    /// Gives back `n` permits, and wakes the waiters they may let through.
    pub fn release(&self, n: usize) {
        todo!()
    }

    /// How many permits are free now.
    pub fn available(&self) -> usize {
        todo!()
    }
}
