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
        let mut permits = self.permits.lock().unwrap();
        // A loop: a wake-up proves nothing. The release may have been too
        // small for this waiter, or another thread took the permits first.
        while *permits < n {
            permits = self.released.wait(permits).unwrap();
        }
        *permits -= n;
    }

    /// Gives back `n` permits, and wakes the waiters they may let through.
    pub fn release(&self, n: usize) {
        let mut permits = self.permits.lock().unwrap();
        *permits += n;
        // After the change, so that a woken waiter finds it. Every waiter:
        // they wait for different numbers of permits, and `notify_one`
        // might wake one that these permits are too few for, and not one
        // they are enough for.
        self.released.notify_all();
    }

    /// How many permits are free now.
    pub fn available(&self) -> usize {
        *self.permits.lock().unwrap()
    }
}
