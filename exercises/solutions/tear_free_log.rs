//! Chapter 4: log from threads so that no line tears.

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
    // Build the line first, then append it under one lock: calling `piece` per
    // word would let other threads in between.
    let line = format!("[{thread}] {}\n", words.join(" "));
    log.lock().push_str(&line);
}
