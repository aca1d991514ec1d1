//! A wrong worker the tests must catch: `stop` sets the flag and returns at
//! once, reading the count from a shared counter, without joining. The thread
//! ends soon after, but `stop` returns while a `tick` may still be running:
//! the very cut-off the flag was meant to avoid.
//!
//! Caught by `stop_waits_for_the_tick_in_progress`, which says "stop returned
//! while tick was still running".

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::thread;
use std::time::Duration;

pub struct Worker {
    stop: Arc<AtomicBool>,
    ticks: Arc<AtomicU64>,
}

impl Worker {
    pub fn start(tick: impl Fn() + Send + 'static) -> Worker {
        let stop = Arc::new(AtomicBool::new(false));
        let ticks = Arc::new(AtomicU64::new(0));
        let (flag, count) = (Arc::clone(&stop), Arc::clone(&ticks));
        thread::spawn(move || {
            while !flag.load(Ordering::Relaxed) {
                tick();
                count.fetch_add(1, Ordering::Relaxed);
                thread::sleep(Duration::from_millis(1));
            }
        });
        Worker { stop, ticks }
    }

    pub fn stop(self) -> u64 {
        self.stop.store(true, Ordering::Relaxed);
        self.ticks.load(Ordering::Relaxed)
    }
}
