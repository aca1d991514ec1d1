//! A wrong queue the tests must catch: `pop` waits in a loop, but `push`
//! waits with `if`. A producer woken because a place came free does not look
//! again: if another producer filled the place first, it pushes anyway, and
//! the queue holds more than its capacity.
//!
//! Caught by `threads::the_queue_never_holds_more_than_its_capacity`, which
//! says "more than its capacity".

use std::collections::VecDeque;

use crate::sync::{Condvar, Mutex};

pub struct BoundedQueue<T> {
    items: Mutex<VecDeque<T>>,
    capacity: usize,
    not_empty: Condvar,
    not_full: Condvar,
}

impl<T> BoundedQueue<T> {
    pub fn new(capacity: usize) -> BoundedQueue<T> {
        BoundedQueue {
            items: Mutex::new(VecDeque::new()),
            capacity,
            not_empty: Condvar::new(),
            not_full: Condvar::new(),
        }
    }

    pub fn push(&self, item: T) {
        let mut items = self.items.lock().unwrap();
        if items.len() >= self.capacity {
            items = self.not_full.wait(items).unwrap();
        }
        items.push_back(item);
        self.not_empty.notify_one();
    }

    pub fn pop(&self) -> T {
        let mut items = self.items.lock().unwrap();
        while items.is_empty() {
            items = self.not_empty.wait(items).unwrap();
        }
        let item = items.pop_front().unwrap();
        self.not_full.notify_one();
        item
    }
}
