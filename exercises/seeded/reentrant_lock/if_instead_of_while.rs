//! A wrong reentrant lock the tests must catch: `lock` waits with `if`, once,
//! instead of in a loop. A thread woken when the lock is freed does not look
//! again: if a third thread took the lock before it got the mutex back, both
//! now hold it.
//!
//! Caught by `model::a_woken_thread_checks_again_that_the_lock_is_free`,
//! which says "two threads held the lock at once".

use std::ops::Deref;

use crate::sync::thread::{self, ThreadId};
use crate::sync::{Condvar, Mutex};

#[derive(Default)]
struct Owner {
    thread: Option<ThreadId>,
    count: usize,
}

pub struct ReentrantLock<T> {
    owner: Mutex<Owner>,
    released: Condvar,
    value: T,
}

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

    pub fn lock(&self) -> Guard<'_, T> {
        let me = thread::current().id();
        let mut owner = self.owner.lock().unwrap();
        if owner.thread.is_some_and(|t| t != me) {
            owner = self.released.wait(owner).unwrap();
        }
        owner.thread = Some(me);
        owner.count += 1;
        Guard { lock: self }
    }
}

impl<T> Drop for Guard<'_, T> {
    fn drop(&mut self) {
        let mut owner = self.lock.owner.lock().unwrap();
        owner.count -= 1;
        if owner.count == 0 {
            owner.thread = None;
            self.lock.released.notify_one();
        }
    }
}
