//! Chapter 11: hand out unique ids from many threads with one atomic, without a lock.

use crate::sync::atomic::AtomicUsize;

/// Hands out the ids `0`, `1`, `2`, ... up to `limit - 1`, each one once.
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

    /// Returns an id no other call has returned, or `None` once all `limit` ids are taken. Never
    /// blocks, and never returns an id of `limit` or more, however many threads ask at once.
    pub fn allocate(&self) -> Option<usize> {
        todo!("one atomic read-modify-write, which does not go past the limit")
    }

    /// How many ids have been handed out.
    pub fn allocated(&self) -> usize {
        todo!()
    }
}
