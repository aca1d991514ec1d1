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
        todo!("store the value, then the flag, with the orderings that pair")
    }

    /// The published value, or `None` while the slot is not ready. A reader
    /// that finds the slot ready must see the value, never what was there
    /// before.
    pub fn read(&self) -> Option<u64> {
        todo!("load the flag, then the value")
    }
}
