//! A wrong semaphore the tests must catch: `release` notifies before it
//! takes the lock and adds the permits. A waiter woken by it can take the
//! lock first, find no more permits than before and wait again, and no
//! second notification comes: a lost wake-up.
//!
//! Caught by `model::a_release_wakes_a_waiter`, which says "deadlock".

use crate::sync::{Condvar, Mutex};

pub struct Semaphore {
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

    pub fn acquire(&self, n: usize) {
        let mut permits = self.permits.lock().unwrap();
        while *permits < n {
            permits = self.released.wait(permits).unwrap();
        }
        *permits -= n;
    }

    pub fn release(&self, n: usize) {
        self.released.notify_all();
        *self.permits.lock().unwrap() += n;
    }

    pub fn available(&self) -> usize {
        *self.permits.lock().unwrap()
    }
}
