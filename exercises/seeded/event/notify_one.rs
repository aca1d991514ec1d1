//! A wrong event the tests must catch: `set` wakes one waiter (`notify_one`).
//! Every other thread waiting for the same `set()` sleeps on.
//!
//! Caught by `model::set_wakes_every_waiting_thread`, which says "deadlock".

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
        self.changed.notify_one();
    }

    pub fn wait_past(&self, seen: u64) {
        let mut state = self.state.lock().unwrap();
        while state.sets <= seen {
            state = self.changed.wait(state).unwrap();
        }
    }
}
