//! A wrong latch the tests must catch: the lock is released between reading the count and writing
//! it back, so two threads can count the same value down and a decrement is lost.
//!
//! Caught by `model::two_threads_counting_down_at_once_open_it`, which says "deadlock".

use crate::sync::{Condvar, Mutex};

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

    pub fn count_down(&self) {
        let seen = *self.remaining.lock().unwrap();
        // The guard is already gone: another thread may read the same `seen`
        // here, and both write back `seen - 1`.
        let mut remaining = self.remaining.lock().unwrap();
        *remaining = seen.saturating_sub(1);
        if *remaining == 0 {
            self.opened.notify_all();
        }
    }

    pub fn wait(&self) {
        let mut remaining = self.remaining.lock().unwrap();
        while *remaining > 0 {
            remaining = self.opened.wait(remaining).unwrap();
        }
    }
}
