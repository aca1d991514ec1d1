//! A wrong latch the tests must catch: the lock is released between reading the count and writing
//! it back, so two threads can count the same value down and a decrement is lost.
//!
//! Caught by `wait_returns_only_after_every_count_down`, which says "not finished after".

use std::sync::{Condvar, Mutex};
use std::thread;

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
        // The guard is already gone: another thread may read the same `seen` here.
        thread::yield_now();
        let mut remaining = self.remaining.lock().unwrap();
        *remaining = seen.saturating_sub(1);
        if *remaining == 0 {
            self.opened.notify_all();
        }
    }

    pub fn wait(&self) {
        let remaining = self.remaining.lock().unwrap();
        let _open = self.opened.wait_while(remaining, |n| *n > 0).unwrap();
    }
}
