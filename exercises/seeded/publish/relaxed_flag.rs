//! A wrong slot the tests must catch: the flag is stored and loaded with
//! `Relaxed`. `Relaxed` orders nothing but the flag itself, so a reader may
//! see the flag set and still read the value from before. x86 never shows
//! it (its stores and loads keep their order); ARM may, and loom always does.
//!
//! Caught by `model::a_reader_sees_the_value_or_nothing`, which says "the flag
//! was seen before the value it publishes".

use crate::sync::atomic::{AtomicBool, AtomicU64, Ordering};

#[derive(Default)]
pub struct Slot {
    value: AtomicU64,
    ready: AtomicBool,
}

impl Slot {
    pub fn new() -> Slot {
        Slot::default()
    }

    pub fn publish(&self, value: u64) {
        self.value.store(value, Ordering::Relaxed);
        self.ready.store(true, Ordering::Relaxed);
    }

    pub fn read(&self) -> Option<u64> {
        self.ready
            .load(Ordering::Relaxed)
            .then(|| self.value.load(Ordering::Relaxed))
    }
}
