//! A wrong channel the tests must catch: `poll` checks for a value under the
//! lock, lets go of it, and takes it again to keep the waker. A sender that
//! sends and drops in between finds no waker to wake, and the waker kept
//! afterwards is never woken: a lost wake-up, as with a condition variable.
//!
//! Caught by `model::a_send_from_another_thread_wakes_the_receiver`, which
//! says "deadlock".

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
        self.state.lock().unwrap().value = Some(value);
    }
}

impl<T> Drop for Sender<T> {
    /// Marks the sender gone and wakes the receiver, whether or not a value
    /// was sent: either way it has something new to find.
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

    /// Ready with the value once it is there, with `Err(Closed)` once the
    /// sender is gone without one; otherwise keeps the waker and is pending.
    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        {
            let mut state = self.state.lock().unwrap();
            if let Some(value) = state.value.take() {
                return Poll::Ready(Ok(value));
            }
            if state.sender_gone {
                return Poll::Ready(Err(Closed));
            }
        }
        self.state.lock().unwrap().waker = Some(cx.waker().clone());
        Poll::Pending
    }
}
