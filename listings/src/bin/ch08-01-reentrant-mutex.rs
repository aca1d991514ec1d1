use std::cell::Cell;
use std::thread;
use std::time::Duration;

use parking_lot::ReentrantMutex;

/// The shared value. A `ReentrantMutex` hands out only shared references (the
/// same thread may hold two guards at once), so the value sits in a `Cell` to
/// be changed through one.
type Resource = ReentrantMutex<Cell<u8>>;

fn set(resource: &Resource, value: u8) {
    let guard = resource.lock();
    guard.set(value);
    println!(
        "[{}] set to {value}",
        thread::current().name().unwrap_or("?")
    );
}

/// Flips the value. It holds the lock across the read and the write, and calls
/// `set`, which locks again on the same thread: a reentrant lock lets it.
fn reverse(resource: &Resource) {
    let guard = resource.lock();
    let before = guard.get();
    println!("[reverse] holding the lock, value is {before}");
    set(resource, 1 - before);
    let after = guard.get();
    // No other thread can have changed it in between: this thread held the lock
    // throughout.
    assert_eq!(after, 1 - before);
    println!("[reverse] reversed {before} -> {after}");
}

fn main() {
    let resource = ReentrantMutex::new(Cell::new(0));

    // The scope joins every thread before it returns, so the threads may
    // borrow `resource`.
    thread::scope(|scope| {
        for (name, value) in [("zero", 0), ("one", 1)] {
            let resource = &resource;
            thread::Builder::new()
                .name(name.into())
                .spawn_scoped(scope, move || {
                    for _ in 0..3 {
                        set(resource, value);
                        thread::sleep(Duration::from_millis(30));
                    }
                })
                .expect("the OS could not start a thread");
        }

        thread::sleep(Duration::from_millis(40));
        thread::Builder::new()
            .name("reverse".into())
            .spawn_scoped(scope, || reverse(&resource))
            .expect("the OS could not start a thread");
    });
    println!("[main] final value {}", resource.lock().get());
}
