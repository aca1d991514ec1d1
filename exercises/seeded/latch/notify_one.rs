//! A wrong latch the tests must catch: the last `count_down` wakes one waiter
//! (`notify_one`). With one waiter that is enough; with several, the others
//! sleep for ever.
//!
//! Caught by `model::every_waiting_thread_is_woken`, which says "deadlock".

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
        let mut remaining = self.remaining.lock().unwrap();
        *remaining = remaining.saturating_sub(1);
        if *remaining == 0 {
            self.opened.notify_one();
        }
    }

    pub fn wait(&self) {
        let mut remaining = self.remaining.lock().unwrap();
        while *remaining > 0 {
            remaining = self.opened.wait(remaining).unwrap();
        }
    }
}
