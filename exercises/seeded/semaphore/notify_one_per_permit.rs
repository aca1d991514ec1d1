//! A wrong semaphore the tests must catch: `release(n)` calls `notify_one`
//! `n` times, as CPython's `Semaphore.release(n)` calls `notify()` `n`
//! times. That is enough when every waiter wants one permit, but these
//! waiters want different numbers: a release of one permit can wake the
//! thread that wants two, which waits again, while the thread that one
//! permit would let through sleeps on.
//!
//! Caught by `model::a_release_too_small_for_one_waiter_wakes_the_other`,
//! which says "deadlock".

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
        let mut permits = self.permits.lock().unwrap();
        *permits += n;
        for _ in 0..n {
            self.released.notify_one();
        }
    }

    pub fn available(&self) -> usize {
        *self.permits.lock().unwrap()
    }
}
