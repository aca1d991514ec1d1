use std::sync::Arc;
use std::thread;
use std::time::Duration;

use parking_lot::Mutex;

const TICK: Duration = Duration::from_millis(50);

/// Takes the lock every tick and holds it for half a tick, for as long as the program runs.
fn blocking(lock: &Mutex<()>) {
    println!("[blocking] start");
    loop {
        thread::sleep(TICK);
        let guard = lock.lock();
        println!("[blocking] grab");
        thread::sleep(TICK / 2);
        println!("[blocking] release");
        drop(guard);
    }
}

/// Tries the lock every tick without waiting, until it has had it three times.
fn nonblocking(lock: &Mutex<()>) {
    println!("[nonblocking] start");
    let (mut attempts, mut grabs) = (0, 0);
    while grabs < 3 {
        thread::sleep(TICK);
        attempts += 1;
        println!("[nonblocking] attempt");
        if let Some(guard) = lock.try_lock() {
            grabs += 1;
            println!("[nonblocking] grab");
            println!("[nonblocking] release");
            drop(guard);
        }
    }
    println!("[nonblocking] attempts: {attempts}, grabs: {grabs}");
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
