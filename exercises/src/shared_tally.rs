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
    // Choose what holds the counts: the derives above work for any field
    // that is itself `Clone` and `Default`.
}

impl Tally {
    /// Adds one to the count of `name`.
    pub fn record(&self, name: &str) {
        todo!("add one to `name`'s count, where every clone sees it")
    }

    /// How many times `name` was recorded, through any handle; 0 if never.
    pub fn count(&self, name: &str) -> u64 {
        todo!()
    }
}
