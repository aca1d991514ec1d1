//! Shared by the exercise tests: a check runs on a thread of its own and fails, instead of hanging
//! the test run, when it does not finish in time; a `Crowd` sees how many calls run at once.
// Each test file compiles its own copy and uses only part of it.
#![allow(dead_code)]

use std::future::Future;
use std::panic::Location;
use std::pin::pin;
use std::sync::mpsc::{self, RecvTimeoutError};
use std::sync::{Arc, Condvar, Mutex};
use std::task::{Context, Poll, Wake, Waker};
use std::thread;
use std::time::Duration;

/// Far longer than any check takes with a correct solution, even on one loaded core.
pub const LIMIT: Duration = Duration::from_secs(5);

/// How many times a check of concurrent code is repeated, to catch a solution that is only
/// sometimes wrong.
pub const ROUNDS: usize = 200;

/// Runs `check` and returns its result, or fails, naming the line of the test that called it,
/// when it has not finished after `LIMIT`.
#[track_caller]
pub fn within<T: Send + 'static>(
    what: &str,
    check: impl FnOnce() -> T + Send + 'static,
) -> T {
    let called_at = Location::caller();
    let (done, result) = mpsc::channel();
    // Named, so that a panic inside the check says which check it was.
    let worker = thread::Builder::new()
        .name(what.to_owned())
        .spawn(move || {
            let _ = done.send(check());
        })
        .expect("the OS could not start a thread");
    match result.recv_timeout(LIMIT) {
        Ok(value) => value,
        Err(RecvTimeoutError::Timeout) => panic!(
            "{what} (the check at {called_at}): not finished after {} s. Usual causes: a \
             deadlock (a lock never released, two locks taken in opposite orders, a wait that \
             nothing wakes); a loop over a channel that never ends because a `Sender` is still \
             alive; a wait with a long timeout that runs to its end",
            LIMIT.as_secs()
        ),
        Err(RecvTimeoutError::Disconnected) => match worker.join() {
            Err(panic) => std::panic::resume_unwind(panic),
            Ok(()) => {
                unreachable!("the check sends its result before it returns")
            }
        },
    }
}

/// Sees how many calls of a function run at once. Each call to `meet` waits until `expected`
/// calls are inside at once, so that calls made by threads that really run at the same time all
/// meet; calls that come one after another wait in vain, and after the first has waited `PATIENCE`
/// nobody waits any more, so that a solution that runs them one at a time still finishes.
pub struct Crowd {
    expected: usize,
    state: Mutex<CrowdState>,
    changed: Condvar,
}

#[derive(Default)]
struct CrowdState {
    inside: usize,
    most: usize,
    gave_up: bool,
}

impl Crowd {
    /// How long a call waits for the others. Threads that all exist start within this even on
    /// one loaded core.
    pub const PATIENCE: Duration = Duration::from_secs(2);

    pub fn new(expected: usize) -> Crowd {
        Crowd {
            expected,
            state: Mutex::default(),
            changed: Condvar::new(),
        }
    }

    /// Enters, waits for the others (see `Crowd`), and leaves.
    pub fn meet(&self) {
        let mut state = self.state.lock().unwrap();
        state.inside += 1;
        state.most = state.most.max(state.inside);
        self.changed.notify_all();
        let (mut state, waited) = self
            .changed
            .wait_timeout_while(state, Self::PATIENCE, |s| {
                s.most < self.expected && !s.gave_up
            })
            .unwrap();
        if waited.timed_out() {
            state.gave_up = true;
            self.changed.notify_all();
        }
        state.inside -= 1;
    }

    /// The most calls that were ever inside at once.
    pub fn most(&self) -> usize {
        self.state.lock().unwrap().most
    }
}

/// Wakes the thread that waits in `block_on`.
struct Unpark(thread::Thread);

impl Wake for Unpark {
    fn wake(self: Arc<Self>) {
        self.0.unpark();
    }
}

/// The smallest executor, for the exercises whose answer is a future: polls the future on this
/// thread, and parks the thread between polls until its waker is woken.
pub fn block_on<F: Future>(future: F) -> F::Output {
    let waker = Waker::from(Arc::new(Unpark(thread::current())));
    let mut cx = Context::from_waker(&waker);
    let mut future = pin!(future);
    loop {
        if let Poll::Ready(output) = future.as_mut().poll(&mut cx) {
            return output;
        }
        thread::park();
    }
}
