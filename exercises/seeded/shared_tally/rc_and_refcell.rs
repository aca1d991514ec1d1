//! A wrong tally the tests must catch: the single-threaded way to share a
//! changing map, an `Rc<RefCell<..>>`. `Rc` counts its owners without atomic
//! operations, so it is not `Send`, and `RefCell` is not `Sync`: no clone may
//! go to another thread, and the tests that send one do not compile.
//!
//! Caught by the compiler, with error E0277, which says
//! "`Rc<RefCell<HashMap<String, u64>>>` cannot be sent between threads safely".

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

#[derive(Clone, Default)]
pub struct Tally {
    counts: Rc<RefCell<HashMap<String, u64>>>,
}

impl Tally {
    pub fn record(&self, name: &str) {
        *self.counts.borrow_mut().entry(name.to_owned()).or_insert(0) += 1;
    }

    pub fn count(&self, name: &str) -> u64 {
        self.counts.borrow().get(name).copied().unwrap_or(0)
    }
}
