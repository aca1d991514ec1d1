//! A wrong signal the tests must catch: the flag is an atomic that `poll`
//! reads before it takes the lock to keep its waker. A trigger that lands
//! between the two finds the waker not yet there, and the waker kept after
//! it is never woken: a lost wake-up.
//!
//! Caught by `model::trigger_wakes_a_waiter_that_is_just_starting`, which
//! says "deadlock".

use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll, Waker};

use crate::sync::Mutex;
use crate::sync::atomic::{AtomicBool, Ordering};

struct State {
    triggered: bool,
    /// The wakers of the futures waiting for the signal.
    wakers: Vec<Waker>,
}

pub struct Shutdown {
    state: Mutex<State>,
    raised: AtomicBool,
}

/// A future that is ready once the signal is triggered.
pub struct Triggered<'a> {
    shutdown: &'a Shutdown,
}

impl Shutdown {
    pub fn new() -> Shutdown {
        Shutdown {
            state: Mutex::new(State {
                triggered: false,
                wakers: Vec::new(),
            }),
            raised: AtomicBool::new(false),
        }
    }

    /// Raises the signal and wakes every future waiting for it. The signal
    /// stays raised.
    pub fn trigger(&self) {
        let wakers = {
            let mut state = self.state.lock().unwrap();
            state.triggered = true;
            self.raised.store(true, Ordering::SeqCst);
            std::mem::take(&mut state.wakers)
        };
        // Every waiter, outside the lock: each polls again and finds the
        // signal raised.
        for waker in wakers {
            waker.wake();
        }
    }

    pub fn is_triggered(&self) -> bool {
        self.state.lock().unwrap().triggered
    }

    /// Ready at once if the signal is already raised.
    pub fn triggered(&self) -> Triggered<'_> {
        Triggered { shutdown: self }
    }
}

impl Default for Shutdown {
    fn default() -> Shutdown {
        Shutdown::new()
    }
}

impl Future for Triggered<'_> {
    type Output = ();

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        if self.shutdown.raised.load(Ordering::SeqCst) {
            return Poll::Ready(());
        }
        let mut state = self.shutdown.state.lock().unwrap();
        // Kept under the lock that the check held, so that a trigger
        // cannot fall between them. A future polled again with the same
        // waker is already on the list.
        if !state.wakers.iter().any(|w| w.will_wake(cx.waker())) {
            state.wakers.push(cx.waker().clone());
        }
        Poll::Pending
    }
}
