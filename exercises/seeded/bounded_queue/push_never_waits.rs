//! A wrong queue the tests must catch: `push` never waits, so the queue grows
//! past its capacity, as a `VecDeque` behind a mutex would, and a fast
//! producer is never held back.
//!
//! Caught by `threads::push_waits_while_the_queue_is_full`, which says "push
//! did not wait on a full queue".

use std::collections::VecDeque;

use crate::sync::{Condvar, Mutex};

pub struct BoundedQueue<T> {
    items: Mutex<VecDeque<T>>,
    capacity: usize,
    not_empty: Condvar,
}

impl<T> BoundedQueue<T> {
    pub fn new(capacity: usize) -> BoundedQueue<T> {
        BoundedQueue {
            items: Mutex::new(VecDeque::new()),
            capacity,
            not_empty: Condvar::new(),
        }
    }

    pub fn push(&self, item: T) {
        self.items.lock().unwrap().push_back(item);
        self.not_empty.notify_one();
    }

    pub fn pop(&self) -> T {
        let mut items = self.items.lock().unwrap();
        while items.is_empty() {
            items = self.not_empty.wait(items).unwrap();
        }
        items.pop_front().unwrap()
    }
}
