//! A wrong tally the tests must catch: the map sits in a `Mutex` with no
//! `Arc`, which compiles and is `Send` and `Sync`. But a `Mutex` is not
//! `Clone`, so `clone` is written by hand, and it copies the map: each clone
//! then counts on its own, and the original never sees what a clone recorded.
//!
//! Caught by `threads::a_clone_records_into_the_same_counts`, which says "the
//! clone copied the counts instead of sharing them".

use std::collections::HashMap;

use crate::sync::Mutex;

#[derive(Default)]
pub struct Tally {
    counts: Mutex<HashMap<String, u64>>,
}

impl Clone for Tally {
    fn clone(&self) -> Tally {
        Tally {
            counts: Mutex::new(self.counts.lock().unwrap().clone()),
        }
    }
}

impl Tally {
    pub fn record(&self, name: &str) {
        let mut counts = self.counts.lock().unwrap();
        *counts.entry(name.to_owned()).or_insert(0) += 1;
    }

    pub fn count(&self, name: &str) -> u64 {
        self.counts.lock().unwrap().get(name).copied().unwrap_or(0)
    }
}
