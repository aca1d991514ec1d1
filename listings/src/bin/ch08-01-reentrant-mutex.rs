use std::cell::Cell;
use std::sync::Arc;
use std::thread;
use std::time::Duration;

use parking_lot::ReentrantMutex;

/// The shared value. A `ReentrantMutex` hands out only shared references (the same thread may hold
/// two guards at once), so the value sits in a `Cell` to be changed through one.
type Resource = ReentrantMutex<Cell<u8>>;

fn set(resource: &Resource, value: u8) {
    let guard = resource.lock();
    guard.set(value);
    println!(
        "[{}] set to {value}",
        thread::current().name().unwrap_or("?")
    );
}

/// Flips the value. It holds the lock across the read and the write, and calls `set`, which
/// locks again on the same thread: a reentrant lock lets it.
fn reverse(resource: &Resource) {
    let guard = resource.lock();
    let before = guard.get();
    println!("[reverse] holding the lock, value is {before}");
    set(resource, 1 - before);
    let after = guard.get();
    // No other thread can have changed it in between: this thread held the lock throughout.
    assert_eq!(after, 1 - before);
    println!("[reverse] reversed {before} -> {after}");
}

fn main() {
    let resource = Arc::new(ReentrantMutex::new(Cell::new(0)));

    let setters: Vec<_> = [("zero", 0), ("one", 1)]
        .into_iter()
        .map(|(name, value)| {
            let resource = Arc::clone(&resource);
            thread::Builder::new()
                .name(name.into())
                .spawn(move || {
                    for _ in 0..3 {
                        set(&resource, value);
                        thread::sleep(Duration::from_millis(30));
                    }
                })
                .expect("the OS could not start a thread")
        })
        .collect();

    thread::sleep(Duration::from_millis(40));
    let reverser = {
        let resource = Arc::clone(&resource);
        thread::Builder::new()
            .name("reverse".into())
            .spawn(move || reverse(&resource))
            .expect("the OS could not start a thread")
    };

    for handle in setters.into_iter().chain([reverser]) {
        handle.join().expect("a thread panicked");
    }
    println!("[main] final value {}", resource.lock().get());
}
