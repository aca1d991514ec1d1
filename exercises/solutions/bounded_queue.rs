//! Chapter 7: a bounded blocking queue, like Python's `queue.Queue(maxsize)`.

use std::collections::VecDeque;
use std::sync::{Condvar, Mutex};

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

    /// Adds an item at the back, waiting while the queue is full.
    pub fn push(&self, item: T) {
        let items = self.items.lock().unwrap();
        let mut items = self
            .not_full
            .wait_while(items, |items| items.len() >= self.capacity)
            .unwrap();
        items.push_back(item);
        self.not_empty.notify_one();
    }

    /// Takes the item at the front, waiting while the queue is empty.
    pub fn pop(&self) -> T {
        let items = self.items.lock().unwrap();
        // The predicate is checked again after every wake-up: another consumer
        // may have taken the item that caused it.
        let mut items = self
            .not_empty
            .wait_while(items, |items| items.is_empty())
            .unwrap();
        let item = items.pop_front().expect("wait_while saw an item");
        self.not_full.notify_one();
        item
    }
}
