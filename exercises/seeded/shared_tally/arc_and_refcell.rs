//! A wrong tally the tests must catch: `Arc` in place of `Rc`, but still a
//! `RefCell` inside. An `Arc<T>` is `Send` only when `T` is `Sync` as well,
//! because every clone gives its thread a `&T`; `RefCell` is not `Sync`, so
//! the clones still may not go to other threads.
//!
//! Caught by the compiler, with error E0277, which says
//! "`RefCell<HashMap<String, u64>>` cannot be shared between threads safely".

use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::Arc;

#[derive(Clone, Default)]
pub struct Tally {
    counts: Arc<RefCell<HashMap<String, u64>>>,
}

impl Tally {
    pub fn record(&self, name: &str) {
        *self.counts.borrow_mut().entry(name.to_owned()).or_insert(0) += 1;
    }

    pub fn count(&self, name: &str) -> u64 {
        self.counts.borrow().get(name).copied().unwrap_or(0)
    }
}
