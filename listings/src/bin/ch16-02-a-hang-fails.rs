//! A check that hangs must fail, not hang the run: each check runs on a
//! thread of its own, and main waits for its result with a deadline.
use std::sync::mpsc::{self, RecvTimeoutError};
use std::thread;
use std::time::Duration;

/// Far longer than a check that works takes, even on one busy core.
const LIMIT: Duration = Duration::from_secs(1);

/// Runs `check` on a thread of its own; its result, or why there is none.
fn within<T: Send + 'static>(
    check: impl FnOnce() -> T + Send + 'static,
) -> Result<T, String> {
    let (done, result) = mpsc::channel();
    thread::spawn(move || {
        let _ = done.send(check());
    });
    result.recv_timeout(LIMIT).map_err(|e| match e {
        RecvTimeoutError::Timeout => format!(
            "not finished after {LIMIT:?}: a deadlock, or a wait \
             nothing ends"
        ),
        // The check's thread dropped `done` without sending: it panicked.
        RecvTimeoutError::Disconnected => "the check panicked".to_owned(),
    })
}

/// Three workers send a number each; the check adds up what arrives.
fn sum_of_three_workers() -> u32 {
    let (sender, receiver) = mpsc::channel();
    for n in 1..=3 {
        let sender = sender.clone();
        thread::spawn(move || sender.send(n).unwrap());
    }
    // The loop below ends when every `Sender` is gone, this one too.
    drop(sender);
    receiver.iter().sum()
}

/// The same check without `drop(sender)`: the loop never ends.
fn sum_of_three_workers_sender_kept() -> u32 {
    let (sender, receiver) = mpsc::channel();
    for n in 1..=3 {
        let sender = sender.clone();
        thread::spawn(move || sender.send(n).unwrap());
    }
    receiver.iter().sum()
}

/// Runs one check and says how it went, as a test report would.
fn run(name: &str, check: fn() -> u32) {
    match within(check) {
        Ok(sum) => println!("{name}: passed, sum {sum}"),
        Err(why) => println!("{name}: FAILED: {why}"),
    }
}

fn main() {
    run("sum of three workers", sum_of_three_workers);
    run("sender kept", sum_of_three_workers_sender_kept);
}
