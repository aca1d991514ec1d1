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
        self.state.lock().unwrap().value = Some(value);
    }
}

impl<T> Drop for Sender<T> {
    /// Marks the sender gone and wakes the receiver, sent or not.
    fn drop(&mut self) {
        let waker = {
            let mut state = self.state.lock().unwrap();
            state.sender_gone = true;
            state.waker.take()
        };
        // Outside the lock: the woken receiver may poll at once.
        if let Some(waker) = waker {
            waker.wake();
        }
    }
}

impl<T> Future for Receiver<T> {
    type Output = Result<T, Closed>;

    /// The value, or `Err(Closed)` once the sender is gone without one;
    /// otherwise keeps the waker and is pending.
    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let mut state = self.state.lock().unwrap();
        // The value first: a sender that sent is gone too.
        if let Some(value) = state.value.take() {
            return Poll::Ready(Ok(value));
        }
        if state.sender_gone {
            return Poll::Ready(Err(Closed));
        }
        // Under the lock of the checks, so that no send falls between; and
        // this poll's waker: the future may have moved to another task.
        state.waker = Some(cx.waker().clone());
        Poll::Pending
    }
}
