//! A wrong latch the tests must catch: the count is an atomic, and `wait`
//! checks it before taking the lock it waits with. If the last `count_down`
//! lands between that check and the wait, its notification wakes nobody and
//! the waiter sleeps for ever: a lost wake-up.
//!
//! Caught by `model::two_threads_counting_down_at_once_open_it`, which says
//! "deadlock".

use crate::sync::atomic::{AtomicUsize, Ordering};
use crate::sync::{Condvar, Mutex};

pub struct Latch {
    remaining: AtomicUsize,
    lock: Mutex<()>,
    opened: Condvar,
}

impl Latch {
    pub fn new(count: usize) -> Latch {
        Latch {
            remaining: AtomicUsize::new(count),
            lock: Mutex::new(()),
            opened: Condvar::new(),
        }
    }

    pub fn count_down(&self) {
        if self.remaining.fetch_sub(1, Ordering::SeqCst) == 1 {
            self.opened.notify_all();
        }
    }

    pub fn wait(&self) {
        while self.remaining.load(Ordering::SeqCst) > 0 {
            let guard = self.lock.lock().unwrap();
            let _woken = self.opened.wait(guard).unwrap();
        }
    }
}
