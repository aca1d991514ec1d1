//! A wrong allocator the tests must catch: `fetch_add` first and check the limit after. The ids are
//! unique, but the counter goes on past the limit with every refused call, so `allocated` is wrong,
//! and enough calls would wrap it round to hand out `0` again.
//!
//! Caught by `threads::hands_out_ids_in_order_then_none`, which says
//! "allocated() counts more ids than were handed out".

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

    /// Returns an id no other call has returned, or `None` once all `limit` ids are taken. Never
    /// blocks, and never returns an id of `limit` or more, however many threads ask at once.
    pub fn allocate(&self) -> Option<usize> {
        let id = self.next.fetch_add(1, Ordering::Relaxed);
        (id < self.limit).then_some(id)
    }

    /// How many ids have been handed out.
    pub fn allocated(&self) -> usize {
        self.next.load(Ordering::Relaxed)
    }
}
