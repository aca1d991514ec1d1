//! A wrong slot the tests must catch: the writer stores the flag with
//! `Release`, but the reader loads it with `Relaxed`. A `Release` store
//! publishes only to a load that acquires; this one does not, and may read the
//! value from before.
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
        self.ready.store(true, Ordering::Release);
    }

    pub fn read(&self) -> Option<u64> {
        self.ready
            .load(Ordering::Relaxed)
            .then(|| self.value.load(Ordering::Relaxed))
    }
}
