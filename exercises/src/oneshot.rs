//! Chapter 17: a one-shot channel by hand, as `tokio::sync::oneshot` gives.

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll, Waker};

use crate::sync::Mutex;

/// What the two ends share.
struct State<T> {
    value: Option<T>,
    sender_gone: bool,
    /// The waker of the receiver's latest poll that found nothing yet.
    waker: Option<Waker>,
}

pub struct Sender<T> {
    state: Arc<Mutex<State<T>>>,
}

/// A future of the value sent, or of `Closed`.
pub struct Receiver<T> {
    state: Arc<Mutex<State<T>>>,
}

/// The sender was dropped without sending.
#[derive(Debug, PartialEq, Eq)]
pub struct Closed;

pub fn channel<T>() -> (Sender<T>, Receiver<T>) {
    let state = Arc::new(Mutex::new(State {
        value: None,
        sender_gone: false,
        waker: None,
    }));
    let sender = Sender {
        state: Arc::clone(&state),
    };
    (sender, Receiver { state })
}

impl<T> Sender<T> {
    /// Stores the value; `drop` runs as `send` returns.
    pub fn send(self, value: T) {
        todo!()
    }
}

impl<T> Drop for Sender<T> {
    /// Marks the sender gone and wakes the receiver, sent or not.
    fn drop(&mut self) {
        // Yours to write too. (Not `todo!()`: it would panic a second time
        // while a panic from `send` unwinds, and abort the test run.)
    }
}

impl<T> Future for Receiver<T> {
    type Output = Result<T, Closed>;

    /// The value, or `Err(Closed)` once the sender is gone without one;
    /// otherwise keeps the waker and is pending.
    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        todo!()
    }
}
