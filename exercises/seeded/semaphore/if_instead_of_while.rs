//! A wrong semaphore the tests must catch: `acquire` waits once, with `if`,
//! instead of in a loop. A thread woken by a release too small for it, or
//! whose permits another thread took first, goes on without checking again
//! and takes permits that are not there.
//!
//! Caught by `model::a_release_too_small_for_one_waiter_wakes_the_other`,
//! which says "attempt to subtract with overflow".

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
        if *permits < n {
            permits = self.released.wait(permits).unwrap();
        }
        *permits -= n;
    }

    pub fn release(&self, n: usize) {
        let mut permits = self.permits.lock().unwrap();
        *permits += n;
        self.released.notify_all();
    }

    pub fn available(&self) -> usize {
        *self.permits.lock().unwrap()
    }
}
