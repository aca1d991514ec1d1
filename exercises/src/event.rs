//! Chapter 6: Python's `threading.Event`, with `wait_timeout` returning the flag.

use std::sync::{Condvar, Mutex};
use std::time::Duration;

/// A flag that threads can wait for.
#[derive(Default)]
pub struct Event {
    flag: Mutex<bool>,
    changed: Condvar,
}

impl Event {
    pub fn new() -> Event {
        Event::default()
    }

    /// Sets the flag and wakes every waiting thread.
    pub fn set(&self) {
        todo!()
    }

    pub fn clear(&self) {
        todo!()
    }

    pub fn is_set(&self) -> bool {
        todo!()
    }

    /// Waits until the flag is set or `timeout` has passed, and returns the flag.
    pub fn wait_timeout(&self, timeout: Duration) -> bool {
        todo!("wait on the condition variable while the flag is false")
    }
}
