//! A wrong event the tests must catch: `wait_past` waits for the flag, as the
//! chapter's `Event` does, instead of for the count. A `set()` that `clear()`
//! undoes before a waiter runs is missed, and the waiter sleeps on.
//!
//! Caught by `threads::a_clear_right_after_set_does_not_strand_the_waiters`,
//! which says "a waiter missed that set()".

use crate::sync::{Condvar, Mutex};

#[derive(Default)]
struct State {
    set: bool,
    sets: u64,
}

#[derive(Default)]
pub struct Event {
    state: Mutex<State>,
    changed: Condvar,
}

impl Event {
    pub fn new() -> Event {
        Event::default()
    }

    pub fn clear(&self) {
        self.state.lock().unwrap().set = false;
    }

    pub fn is_set(&self) -> bool {
        self.state.lock().unwrap().set
    }

    pub fn sets(&self) -> u64 {
        self.state.lock().unwrap().sets
    }

    pub fn set(&self) {
        let mut state = self.state.lock().unwrap();
        state.set = true;
        state.sets += 1;
        self.changed.notify_all();
    }

    pub fn wait_past(&self, seen: u64) {
        let mut state = self.state.lock().unwrap();
        while !state.set {
            state = self.changed.wait(state).unwrap();
        }
    }
}
