//! Chapter 6: Python's `threading.Event`, with `wait_timeout` returning the
//! flag.

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
        *self.flag.lock().unwrap() = true;
        self.changed.notify_all();
    }

    pub fn clear(&self) {
        *self.flag.lock().unwrap() = false;
    }

    pub fn is_set(&self) -> bool {
        *self.flag.lock().unwrap()
    }

    /// Waits until the flag is set or `timeout` has passed, and returns the
    /// flag.
    pub fn wait_timeout(&self, timeout: Duration) -> bool {
        let flag = self.flag.lock().unwrap();
        // `wait_timeout_while` checks the flag again after every wake-up,
        // spurious ones included.
        let (flag, _) = self
            .changed
            .wait_timeout_while(flag, timeout, |set| !*set)
            .unwrap();
        *flag
    }
}
