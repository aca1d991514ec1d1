//! A wrong event the tests must catch: the count is an atomic, and
//! `wait_past` reads it before taking the lock it waits with. A `set()` that
//! lands between that read and the wait notifies nobody, and the waiter
//! sleeps on: a lost wake-up.
//!
//! Caught by `model::a_clear_right_after_set_does_not_strand_the_waiter`,
//! which says "deadlock".

use crate::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use crate::sync::{Condvar, Mutex};

#[derive(Default)]
pub struct Event {
    set: AtomicBool,
    sets: AtomicU64,
    lock: Mutex<()>,
    changed: Condvar,
}

impl Event {
    pub fn new() -> Event {
        Event::default()
    }

    pub fn set(&self) {
        self.set.store(true, Ordering::SeqCst);
        self.sets.fetch_add(1, Ordering::SeqCst);
        self.changed.notify_all();
    }

    pub fn clear(&self) {
        self.set.store(false, Ordering::SeqCst);
    }

    pub fn is_set(&self) -> bool {
        self.set.load(Ordering::SeqCst)
    }

    pub fn sets(&self) -> u64 {
        self.sets.load(Ordering::SeqCst)
    }

    pub fn wait_past(&self, seen: u64) {
        while self.sets.load(Ordering::SeqCst) <= seen {
            let guard = self.lock.lock().unwrap();
            let _woken = self.changed.wait(guard).unwrap();
        }
    }
}
