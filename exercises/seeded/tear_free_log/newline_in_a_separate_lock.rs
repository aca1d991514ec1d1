//! A wrong log the tests must catch: it writes the tag and the words under one
//! lock, then takes the lock again for the newline, so another thread's line
//! can land between a line and its end.
//!
//! Caught by `no_line_tears_when_four_threads_log_at_once`, which says
//! "torn line".

use std::sync::{Mutex, MutexGuard};

/// A log shared by threads. `piece` appends one piece of text, taking the lock
/// only for that piece; `lock` gives the text itself, locked for as long as the
/// guard lives.
#[derive(Default)]
pub struct Log {
    text: Mutex<String>,
}

impl Log {
    pub fn piece(&self, piece: &str) {
        self.text.lock().unwrap().push_str(piece);
        // Lets another thread in between two pieces, as a real write to a
        // terminal may.
        std::thread::yield_now();
    }

    pub fn lock(&self) -> MutexGuard<'_, String> {
        // Lets another thread in first, as the scheduler may: between two
        // calls of `lock`, another thread's text can land.
        std::thread::yield_now();
        self.text.lock().unwrap()
    }

    pub fn text(&self) -> String {
        self.lock().clone()
    }
}

/// Appends one line to `log`: `[thread] `, the words separated by spaces, and a
/// newline, so that no other thread's text can land inside it.
pub fn log_line(log: &Log, thread: &str, words: &[&str]) {
    log.lock()
        .push_str(&format!("[{thread}] {}", words.join(" ")));
    log.lock().push('\n');
}
