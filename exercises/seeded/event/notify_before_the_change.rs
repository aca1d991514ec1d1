//! A wrong event the tests must catch: `set` notifies before it changes the
//! state. A waiter woken by it can take the lock first, find the count
//! unchanged and wait again, and no second notification comes.
//!
//! Caught by `model::a_clear_right_after_set_does_not_strand_the_waiter`,
//! which says "deadlock".

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
        self.changed.notify_all();
        let mut state = self.state.lock().unwrap();
        state.set = true;
        state.sets += 1;
    }

    pub fn wait_past(&self, seen: u64) {
        let mut state = self.state.lock().unwrap();
        while state.sets <= seen {
            state = self.changed.wait(state).unwrap();
        }
    }
}
