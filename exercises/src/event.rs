//! Chapter 6: an `Event` whose waiters never miss a `set()`, not even one
//! that `clear()` undoes at once.

use crate::sync::{Condvar, Mutex};

/// The flag, and how many times `set` has been called.
#[derive(Default)]
struct State {
    set: bool,
    sets: u64,
}

/// Python's `threading.Event`, with a count of `set()` calls. A thread that
/// reads `sets()` and then calls `wait_past` with it returns once a later
/// `set()` has run, even if `clear()` ran right after it.
#[derive(Default)]
pub struct Event {
    state: Mutex<State>,
    changed: Condvar,
}

impl Event {
    pub fn new() -> Event {
        Event::default()
    }

    /// Sets the flag, counts the call, and wakes every waiting thread.
    pub fn set(&self) {
        todo!()
    }

    pub fn clear(&self) {
        todo!()
    }

    pub fn is_set(&self) -> bool {
        todo!()
    }

    /// How many times `set` has been called.
    pub fn sets(&self) -> u64 {
        todo!()
    }

    /// Waits until `set` has been called more than `seen` times in all.
    pub fn wait_past(&self, seen: u64) {
        todo!()
    }
}
