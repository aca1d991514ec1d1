//! Chapter 14: a tally that threads share, through clones or by reference.

use std::collections::HashMap;

use crate::sync::{Arc, Mutex};

/// Counts events by name, for many threads at once. A clone is another handle
/// to the same counts, as a second name for one Python `dict` would be: what
/// one handle records, every handle sees.
///
/// The tests send clones to threads started with `thread::spawn` and lend a
/// `&Tally` to scoped threads, so `Tally` must be `Send` and `Sync`. Nothing
/// declares either: its fields decide.
#[derive(Clone, Default)]
pub struct Tally {
    // `Arc`: clones share one map, and its count of owners is atomic, so a
    // clone may go to another thread. `Mutex`: one thread at a time changes
    // the map, which makes it `Sync`. `Rc` or `RefCell` here would not
    // compile with the tests.
    counts: Arc<Mutex<HashMap<String, u64>>>,
}

impl Tally {
    /// Adds one to the count of `name`.
    pub fn record(&self, name: &str) {
        // Read and write under one lock: with two, another thread's count
        // could land in between and be overwritten.
        let mut counts = self.counts.lock().unwrap();
        *counts.entry(name.to_owned()).or_insert(0) += 1;
    }

    /// How many times `name` was recorded, through any handle; 0 if never.
    pub fn count(&self, name: &str) -> u64 {
        self.counts.lock().unwrap().get(name).copied().unwrap_or(0)
    }
}
