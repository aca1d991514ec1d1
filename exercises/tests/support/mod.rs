//! Shared by the exercise tests: a check runs on a thread of its own and fails, instead of hanging
//! the test run, when it does not finish in time.
// Each test file compiles its own copy and uses only part of it.
#![allow(dead_code)]

use std::sync::mpsc::{self, RecvTimeoutError};
use std::thread;
use std::time::Duration;

/// Far longer than any check takes with a correct solution, even on one loaded core.
pub const LIMIT: Duration = Duration::from_secs(5);

/// How many times a check of concurrent code is repeated, to catch a solution that is only
/// sometimes wrong.
pub const ROUNDS: usize = 200;

/// Runs `check` and returns its result, or fails saying it probably deadlocked.
pub fn within<T: Send + 'static>(
    what: &str,
    check: impl FnOnce() -> T + Send + 'static,
) -> T {
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
            "{what}: not finished after {} s; it probably deadlocked (a lock never released, \
             or a wait that nothing wakes)",
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
