//! A wrong queue the tests must catch: `pop` waits once with `if` instead of a loop, so after a
//! wake-up it does not check again whether another consumer took the item first.
//!
//! Caught by `model::a_producer_and_two_consumers`, which says "`None`".

use std::collections::VecDeque;
use crate::sync::{Condvar, Mutex};

/// A first-in, first-out queue of at most `capacity` items.
pub struct BoundedQueue<T> {
    items: Mutex<VecDeque<T>>,
    capacity: usize,
    not_empty: Condvar,
    not_full: Condvar,
}

impl<T> BoundedQueue<T> {
    pub fn new(capacity: usize) -> BoundedQueue<T> {
        assert!(
            capacity > 0,
            "a queue of capacity 0 could never take an item"
        );
        BoundedQueue {
            items: Mutex::new(VecDeque::new()),
            capacity,
            not_empty: Condvar::new(),
            not_full: Condvar::new(),
        }
    }

    pub fn push(&self, item: T) {
        let mut items = self.items.lock().unwrap();
        while items.len() >= self.capacity {
            items = self.not_full.wait(items).unwrap();
        }
        items.push_back(item);
        self.not_empty.notify_all();
    }

    pub fn pop(&self) -> T {
        let mut items = self.items.lock().unwrap();
        if items.is_empty() {
            items = self.not_empty.wait(items).unwrap();
        }
        let item = items.pop_front().unwrap();
        self.not_full.notify_all();
        item
    }
}
