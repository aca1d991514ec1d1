//! Chapter 8: a reentrant lock from a `Mutex`, a `Condvar`, the owner's `ThreadId` and a count.

use crate::sync::thread::{self, ThreadId};
use crate::sync::{Condvar, Mutex};
use std::ops::Deref;

/// Who holds the lock, and how many times.
#[derive(Default)]
struct Owner {
    thread: Option<ThreadId>,
    count: usize,
}

/// A lock that the thread holding it may take again, like Python's `threading.RLock`.
/// It gives `&T` only: hold atomics, a `Mutex` or other `Sync` data inside.
pub struct ReentrantLock<T> {
    owner: Mutex<Owner>,
    released: Condvar,
    value: T,
}

/// Proof of holding the lock; dropping it releases one level.
pub struct Guard<'a, T> {
    lock: &'a ReentrantLock<T>,
}

impl<T> Deref for Guard<'_, T> {
    type Target = T;

    fn deref(&self) -> &T {
        &self.lock.value
    }
}

impl<T> ReentrantLock<T> {
    pub fn new(value: T) -> ReentrantLock<T> {
        ReentrantLock {
            owner: Mutex::new(Owner::default()),
            released: Condvar::new(),
            value,
        }
    }

    /// Takes the lock, waiting while another thread holds it; the holder takes it again at once.
    pub fn lock(&self) -> Guard<'_, T> {
        let me = thread::current().id();
        todo!(
            "wait while another thread owns it, then record the owner and count one more"
        )
    }
}

impl<T> Drop for Guard<'_, T> {
    /// Releases one level; the last one frees the lock and wakes a waiting thread.
    fn drop(&mut self) {
        todo!()
    }
}
