//! A wrong allocator the tests must catch: it loads `next`, checks it against
//! the limit, and stores `next + 1`: three steps where another thread can run
//! between any two, so two threads can load the same value and hand out the
//! same id. Each step is atomic; the whole is not.
//!
//! Caught by `model::two_threads_asking_for_the_last_two_ids_get_one_each`,
//! which says "two threads were given the same id".

use crate::sync::atomic::{AtomicUsize, Ordering};

pub struct IdAllocator {
    next: AtomicUsize,
    limit: usize,
}

impl IdAllocator {
    pub fn new(limit: usize) -> IdAllocator {
        IdAllocator {
            next: AtomicUsize::new(0),
            limit,
        }
    }

    pub fn allocate(&self) -> Option<usize> {
        let id = self.next.load(Ordering::SeqCst);
        if id >= self.limit {
            return None;
        }
        self.next.store(id + 1, Ordering::SeqCst);
        Some(id)
    }

    pub fn allocated(&self) -> usize {
        self.next.load(Ordering::SeqCst)
    }
}
