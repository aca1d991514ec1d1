use std::sync::Arc;
use std::thread;
use std::time::Duration;

use parking_lot::Mutex;

const TICK: Duration = Duration::from_millis(50);

/// Waits a tick, takes the lock and holds it for half a tick, over and over,
/// for as long as the program runs.
fn blocking(lock: &Mutex<()>) {
    println!("[blocking] start");
    loop {
        thread::sleep(TICK);
        let guard = lock.lock();
        println!("[blocking] locked");
        thread::sleep(TICK / 2);
        println!("[blocking] unlocking");
        drop(guard);
    }
}

/// Every tick, tries the lock without waiting; gives up once it has held it
/// three times.
fn nonblocking(lock: &Mutex<()>) {
    println!("[nonblocking] start");
    let (mut tries, mut successes) = (0, 0);
    while successes < 3 {
        thread::sleep(TICK);
        tries += 1;
        println!("[nonblocking] trying");
        if let Some(guard) = lock.try_lock() {
            successes += 1;
            println!("[nonblocking] locked");
            println!("[nonblocking] unlocking");
            drop(guard);
        }
    }
    println!("[nonblocking] held the lock {successes} times in {tries} tries");
}

fn main() {
    let lock = Arc::new(Mutex::new(()));

    // Never joined: like a Python daemon thread, it dies when main returns.
    let for_blocking = Arc::clone(&lock);
    thread::Builder::new()
        .name("blocking".into())
        .spawn(move || blocking(&for_blocking))
        .expect("the OS could not start a thread");

    let for_nonblocking = Arc::clone(&lock);
    thread::Builder::new()
        .name("nonblocking".into())
        .spawn(move || nonblocking(&for_nonblocking))
        .expect("the OS could not start a thread")
        .join()
        .expect("the nonblocking thread panicked");
}
