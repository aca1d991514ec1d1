//! A wrong reentrant lock the tests must catch: the last guard frees the lock
//! but wakes nobody, so a thread already waiting for it sleeps on.
//!
//! Caught by `model::no_thread_enters_while_another_holds_it`, which says
//! "deadlock".

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
        while owner.thread.is_some_and(|t| t != me) {
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
        }
    }
}
