//! Chapter 11: publish a value to other threads with a flag, and no lock.

use crate::sync::atomic::{AtomicBool, AtomicU64, Ordering};

/// A value written once by one thread and read by any number of others.
#[derive(Default)]
pub struct Slot {
    value: AtomicU64,
    ready: AtomicBool,
}

impl Slot {
    pub fn new() -> Slot {
        Slot::default()
    }

    /// Stores `value` and marks the slot ready. Called once.
    pub fn publish(&self, value: u64) {
        // The value first: the `Release` store of the flag publishes every
        // write this thread made before it.
        self.value.store(value, Ordering::Relaxed);
        self.ready.store(true, Ordering::Release);
    }

    /// The published value, or `None` while the slot is not ready. A reader
    /// that finds the slot ready must see the value, never what was there
    /// before.
    pub fn read(&self) -> Option<u64> {
        // An `Acquire` load that sees the flag sees everything written before
        // the `Release` store that set it, so the value too.
        self.ready
            .load(Ordering::Acquire)
            .then(|| self.value.load(Ordering::Relaxed))
    }
}
