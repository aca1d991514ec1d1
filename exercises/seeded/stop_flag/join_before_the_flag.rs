//! A wrong worker the tests must catch: `stop` joins first and sets the flag
//! after. `join` waits for a thread that waits for the flag, so neither ever
//! goes on.
//!
//! Caught by `stop_returns_the_count_and_no_tick_follows`, which says "not
//! finished after".

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread::{self, JoinHandle};
use std::time::Duration;

pub struct Worker {
    handle: JoinHandle<u64>,
    stop: Arc<AtomicBool>,
}

impl Worker {
    pub fn start(tick: impl Fn() + Send + 'static) -> Worker {
        let stop = Arc::new(AtomicBool::new(false));
        let flag = Arc::clone(&stop);
        let handle = thread::spawn(move || {
            let mut ticks = 0;
            while !flag.load(Ordering::Relaxed) {
                tick();
                ticks += 1;
                thread::sleep(Duration::from_millis(1));
            }
            ticks
        });
        Worker { handle, stop }
    }

    pub fn stop(self) -> u64 {
        let ticks = self.handle.join().expect("the worker panicked");
        self.stop.store(true, Ordering::Relaxed);
        ticks
    }
}
