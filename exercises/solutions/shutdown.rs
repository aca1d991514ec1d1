//! Chapter 18: a shutdown signal that any number of tasks can await.

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
            std::mem::take(&mut state.wakers)
        };
        // Every waiter, outside the lock: each polls again, finds it raised.
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
        let mut state = self.shutdown.state.lock().unwrap();
        if state.triggered {
            return Poll::Ready(());
        }
        // Under the lock of the check, so that no trigger falls between.
        // A future polled again with the same waker is on the list already.
        if !state.wakers.iter().any(|w| w.will_wake(cx.waker())) {
            state.wakers.push(cx.waker().clone());
        }
        Poll::Pending
    }
}
