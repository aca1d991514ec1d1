//! A lost wake-up, found by loom. One thread waits for an event while
//! another sets it; loom runs the two in every interleaving. The event whose
//! flag is an atomic, set without the lock, loses the wake-up in one of them,
//! and loom reports the deadlock; the event that sets its flag under the lock
//! never does.

// std's `Arc`, not loom's: it only counts references, and with loom's a
// deadlock found by the model aborts the whole test binary instead of
// failing (here: passing) one test.
use std::sync::Arc;

use loom::sync::atomic::{AtomicBool, Ordering::SeqCst};
use loom::sync::{Condvar, Mutex};
use loom::thread;
use loom_models::explore;

trait Signal: Default + Send + Sync + 'static {
    fn set(&self);
    fn wait(&self);
}

// ANCHOR: unlocked
/// Wrong: the flag is an atomic, so `set` changes it without the lock.
#[derive(Default)]
struct UnlockedEvent {
    flag: AtomicBool,
    lock: Mutex<()>,
    changed: Condvar,
}

impl Signal for UnlockedEvent {
    fn set(&self) {
        self.flag.store(true, SeqCst);
        self.changed.notify_all();
    }

    fn wait(&self) {
        let mut guard = self.lock.lock().unwrap();
        while !self.flag.load(SeqCst) {
            // `set` can run right here, after the check and before the
            // wait: it notifies nobody, and no other notification comes.
            guard = self.changed.wait(guard).unwrap();
        }
    }
}
// ANCHOR_END: unlocked

// ANCHOR: event
/// Right: the flag lives in the mutex, so `set` changes it under the lock.
#[derive(Default)]
struct Event {
    flag: Mutex<bool>,
    changed: Condvar,
}

impl Signal for Event {
    fn set(&self) {
        *self.flag.lock().unwrap() = true;
        // Notifying after the lock is released is fine: a waiter either
        // found the flag set, or was already waiting when it changed.
        self.changed.notify_all();
    }

    fn wait(&self) {
        let mut flag = self.flag.lock().unwrap();
        while !*flag {
            flag = self.changed.wait(flag).unwrap();
        }
    }
}
// ANCHOR_END: event

// ANCHOR: model
/// One thread waits while main sets the event: in every interleaving, the
/// waiter must return.
fn set_while_one_waits<S: Signal>() {
    let event = Arc::new(S::default());
    let waiter = {
        let event = Arc::clone(&event);
        thread::spawn(move || event.wait())
    };
    event.set();
    waiter.join().unwrap();
}

#[test]
#[should_panic(expected = "deadlock")]
fn loom_finds_the_lost_wake_up() {
    explore(set_while_one_waits::<UnlockedEvent>);
}

#[test]
fn the_event_set_under_its_lock_wakes_the_waiter() {
    explore(set_while_one_waits::<Event>);
}
// ANCHOR_END: model
