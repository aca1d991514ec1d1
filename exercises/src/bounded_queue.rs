//! Chapter 7: a bounded blocking queue, like Python's `queue.Queue(maxsize)`.

use crate::sync::{Condvar, Mutex};
use std::collections::VecDeque;

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
        todo!()
    }

    /// Takes the item at the front, waiting while the queue is empty.
    pub fn pop(&self) -> T {
        todo!()
    }
}
