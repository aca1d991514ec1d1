//! Chapter 5: stop a worker cleanly with a flag, instead of a daemon thread cut
//! off at exit.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread::{self, JoinHandle};
use std::time::Duration;

/// A thread that calls `tick` again and again until it is stopped.
pub struct Worker {
    handle: JoinHandle<u64>,
    stop: Arc<AtomicBool>,
}

impl Worker {
    /// Starts the thread: it calls `tick()` in a loop, pausing about a
    /// millisecond after each call, and counts the calls.
    pub fn start(tick: impl Fn() + Send + 'static) -> Worker {
        let stop = Arc::new(AtomicBool::new(false));
        let flag = Arc::clone(&stop);
        let handle = thread::spawn(move || {
            let mut ticks = 0;
            // Relaxed is enough: the flag carries no other data, and `join`
            // orders the rest.
            while !flag.load(Ordering::Relaxed) {
                tick();
                ticks += 1;
                thread::sleep(Duration::from_millis(1));
            }
            ticks
        });
        Worker { handle, stop }
    }

    /// Asks the thread to stop, waits for it, and returns how many times it
    /// called `tick`. Once `stop` returns, `tick` is not called again.
    pub fn stop(self) -> u64 {
        self.stop.store(true, Ordering::Relaxed);
        self.handle.join().expect("the worker panicked")
    }
}
