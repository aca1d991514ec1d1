//! A wrong tally the tests must catch: a `Mutex` makes the map safe to change
//! from several threads, but the `Rc` around it still counts its owners
//! without atomic operations, so a clone still may not go to another thread.
//!
//! Caught by the compiler, with error E0277, which says
//! "`Rc<std::sync::Mutex<HashMap<String, u64>>>` cannot be sent between
//! threads safely".

use std::collections::HashMap;
use std::rc::Rc;
use std::sync::Mutex;

#[derive(Clone, Default)]
pub struct Tally {
    counts: Rc<Mutex<HashMap<String, u64>>>,
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
