//! A wrong tally the tests must catch: the right types, but `record` reads the
//! count under one lock and writes it back under another, as
//! `d[name] = d.get(name, 0) + 1` would with a lock around each half. Another
//! thread can record in between, and its count is overwritten. The compiler
//! cannot see this: `Send` and `Sync` rule out data races, not this race.
//!
//! Caught by `model::two_clones_recording_at_once_count_two`, which says "a
//! count was lost".

use std::collections::HashMap;

use crate::sync::{Arc, Mutex};

#[derive(Clone, Default)]
pub struct Tally {
    counts: Arc<Mutex<HashMap<String, u64>>>,
}

impl Tally {
    pub fn record(&self, name: &str) {
        let seen = self.count(name);
        self.counts
            .lock()
            .unwrap()
            .insert(name.to_owned(), seen + 1);
    }

    pub fn count(&self, name: &str) -> u64 {
        self.counts.lock().unwrap().get(name).copied().unwrap_or(0)
    }
}
