//! A wrong slot the tests must catch: `publish` sets the flag first and
//! stores the value after. Whatever the orderings, a reader can run between
//! the two stores and find the slot ready but empty.
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
        self.ready.store(true, Ordering::Release);
        self.value.store(value, Ordering::Release);
    }

    pub fn read(&self) -> Option<u64> {
        self.ready
            .load(Ordering::Acquire)
            .then(|| self.value.load(Ordering::Acquire))
    }
}
