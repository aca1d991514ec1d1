use std::time::Duration;

use parking_lot::{Mutex, ReentrantMutex};

fn main() {
    let plain = Mutex::new(0);
    let outer = plain.lock();
    // A second `plain.lock()` here would wait for this thread's own guard: a
    // deadlock, forever. A timed attempt shows it without hanging.
    let inner = plain.try_lock_for(Duration::from_millis(100));
    println!("plain Mutex, nested lock: {}", describe(inner.is_some()));
    drop(outer);

    let reentrant = ReentrantMutex::new(0);
    let outer = reentrant.lock();
    let inner = reentrant.try_lock_for(Duration::from_millis(100));
    println!("ReentrantMutex, nested lock: {}", describe(inner.is_some()));
    drop(inner);
    drop(outer);
}

fn describe(got: bool) -> &'static str {
    if got {
        "acquired again"
    } else {
        "timed out waiting for itself"
    }
}
