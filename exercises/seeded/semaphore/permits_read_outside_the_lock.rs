//! A wrong semaphore the tests must catch: `acquire` reads the count with
//! `available()`, which takes the lock and lets it go, and only then takes
//! the lock again to wait. A release that lands between the two finds
//! nobody waiting, and its notification is lost: the waiter sleeps on with
//! the permit free.
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
        while self.available() < n {
            let permits = self.permits.lock().unwrap();
            let _woken = self.released.wait(permits).unwrap();
        }
        *self.permits.lock().unwrap() -= n;
    }

    pub fn release(&self, n: usize) {
        *self.permits.lock().unwrap() += n;
        self.released.notify_all();
    }

    pub fn available(&self) -> usize {
        *self.permits.lock().unwrap()
    }
}
