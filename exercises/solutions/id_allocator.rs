//! Chapter 11: hand out unique ids from many threads with one atomic, without a
//! lock.

use crate::sync::atomic::{AtomicUsize, Ordering};

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

    /// Returns an id no other call has returned, or `None` once all `limit` ids
    /// are taken. Never blocks, and never returns an id of `limit` or more,
    /// however many threads ask at once.
    pub fn allocate(&self) -> Option<usize> {
        // `fetch_update` retries its `compare_exchange` if another thread
        // changed `next` meanwhile, and stores nothing once the limit is
        // reached, so `next` never passes it. Relaxed is enough: the id is the
        // only thing the threads share.
        self.next
            .fetch_update(Ordering::Relaxed, Ordering::Relaxed, |next| {
                (next < self.limit).then_some(next + 1)
            })
            .ok()
    }

    /// How many ids have been handed out.
    pub fn allocated(&self) -> usize {
        self.next.load(Ordering::Relaxed)
    }
}
