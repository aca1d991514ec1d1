//! A wrong channel the tests must catch: the sender's `drop` marks it gone
//! but wakes no one; only `send` wakes the receiver. A receiver waiting when
//! the sender is dropped without sending waits for ever.
//!
//! Caught by `threads::a_sender_dropped_without_sending_ends_the_wait`, which
//! says "not finished after".

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

/// A future of the value sent, or of `Closed` if the sender was dropped
/// without sending.
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
    /// Stores the value. `self` is dropped when `send` returns, so `drop`
    /// below runs after every send.
    pub fn send(self, value: T) {
        let waker = {
            let mut state = self.state.lock().unwrap();
            state.value = Some(value);
            state.waker.take()
        };
        if let Some(waker) = waker {
            waker.wake();
        }
    }
}

impl<T> Drop for Sender<T> {
    /// Marks the sender gone and wakes the receiver, whether or not a value
    /// was sent: either way it has something new to find.
    fn drop(&mut self) {
        self.state.lock().unwrap().sender_gone = true;
    }
}

impl<T> Future for Receiver<T> {
    type Output = Result<T, Closed>;

    /// Ready with the value once it is there, with `Err(Closed)` once the
    /// sender is gone without one; otherwise keeps the waker and is pending.
    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let mut state = self.state.lock().unwrap();
        // The value first: a sender that sent is gone too.
        if let Some(value) = state.value.take() {
            return Poll::Ready(Ok(value));
        }
        if state.sender_gone {
            return Poll::Ready(Err(Closed));
        }
        // Under the same lock as the checks, so that the sender cannot come
        // and go between them; and this poll's waker, not an earlier one:
        // the future may have moved to another task since.
        state.waker = Some(cx.waker().clone());
        Poll::Pending
    }
}
