//! Chapter 5: stop a worker cleanly with a flag, instead of a daemon thread cut off at exit.

use std::thread::JoinHandle;

/// A thread that calls `tick` again and again until it is stopped.
pub struct Worker {
    handle: JoinHandle<u64>,
    // Add what `stop` needs to tell the thread to end.
}

impl Worker {
    /// Starts the thread: it calls `tick()` in a loop, pausing about a millisecond after each call,
    /// and counts the calls.
    pub fn start(tick: impl Fn() + Send + 'static) -> Worker {
        todo!("share a stop flag (an AtomicBool in an Arc) with the thread")
    }

    /// Asks the thread to stop, waits for it, and returns how many times it called `tick`.
    /// Once `stop` returns, `tick` is not called again.
    pub fn stop(self) -> u64 {
        todo!("set the flag, then join")
    }
}
