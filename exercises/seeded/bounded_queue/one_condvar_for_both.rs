//! A wrong queue the tests must catch: one condition variable for both kinds
//! of waiter, and `notify_one`. A consumer that frees a place can wake another
//! consumer instead of the producer waiting for that place; the consumer finds
//! nothing and waits again, and the producer sleeps on.
//!
//! Caught by `model::a_producer_and_two_consumers`, which says "deadlock".

use std::collections::VecDeque;

use crate::sync::{Condvar, Mutex};

pub struct BoundedQueue<T> {
    items: Mutex<VecDeque<T>>,
    capacity: usize,
    changed: Condvar,
}

impl<T> BoundedQueue<T> {
    pub fn new(capacity: usize) -> BoundedQueue<T> {
        BoundedQueue {
            items: Mutex::new(VecDeque::new()),
            capacity,
            changed: Condvar::new(),
        }
    }

    pub fn push(&self, item: T) {
        let mut items = self.items.lock().unwrap();
        while items.len() >= self.capacity {
            items = self.changed.wait(items).unwrap();
        }
        items.push_back(item);
        self.changed.notify_one();
    }

    pub fn pop(&self) -> T {
        let mut items = self.items.lock().unwrap();
        while items.is_empty() {
            items = self.changed.wait(items).unwrap();
        }
        let item = items.pop_front().unwrap();
        self.changed.notify_one();
        item
    }
}
