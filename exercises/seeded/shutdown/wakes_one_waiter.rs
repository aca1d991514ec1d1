//! A wrong signal the tests must catch: `trigger` wakes only the waiter that
//! came last, as `notify_one` would. Every other task waiting for the
//! shutdown waits for ever.
//!
//! Caught by `threads::trigger_wakes_every_waiting_thread`, which says "not
//! finished after".

use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll, Waker};

use crate::sync::Mutex;

struct State {
    triggered: bool,
    /// The wakers of the futures waiting for the signal.
    wakers: Vec<Waker>,
}

pub struct Shutdown {
    state: Mutex<State>,
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
        }
    }

    /// Raises the signal and wakes every future waiting for it. The signal
    /// stays raised.
    pub fn trigger(&self) {
        let wakers = {
            let mut state = self.state.lock().unwrap();
            state.triggered = true;
            state.wakers.pop()
        };
        if let Some(waker) = wakers {
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
        let mut state = self.shutdown.state.lock().unwrap();
        if state.triggered {
            return Poll::Ready(());
        }
        // Kept under the lock that the check held, so that a trigger
        // cannot fall between them. A future polled again with the same
        // waker is already on the list.
        if !state.wakers.iter().any(|w| w.will_wake(cx.waker())) {
            state.wakers.push(cx.waker().clone());
        }
        Poll::Pending
    }
}
