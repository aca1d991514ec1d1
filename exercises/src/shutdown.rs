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
        todo!()
    }

    pub fn is_triggered(&self) -> bool {
        todo!()
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
        todo!()
    }
}
