use std::sync::mpsc;
use std::thread;
use std::time::{Duration, Instant};

use parking_lot::Mutex;

fn main() {
    let counter = Mutex::new(0);
    let (locked, held) = mpsc::channel();
    let (release, released) = mpsc::channel::<()>();

    thread::scope(|scope| {
        let counter = &counter;
        scope.spawn(move || {
            let mut guard = counter.lock();
            println!("[holder] holding the lock");
            locked.send(()).expect("main is listening");
            // Hold the lock until main says otherwise (or hangs up).
            let _ = released.recv();
            *guard += 1;
            println!("[holder] releasing the lock");
        });

        held.recv().expect("the holder sends");
        // Non-blocking: `try_lock` answers at once.
        println!(
            "[main] try_lock: {}",
            describe(counter.try_lock().is_some())
        );

        // Timed: `try_lock_for` waits at most this long.
        let started = Instant::now();
        let got = counter.try_lock_for(Duration::from_millis(50)).is_some();
        println!(
            "[main] try_lock_for(50 ms): {} after {} ms",
            describe(got),
            started.elapsed().as_millis()
        );

        drop(release);
        // Blocking: `lock` waits as long as it takes.
        let value = *counter.lock();
        println!("[main] lock: got it, counter is {value}");
    });
}

fn describe(got: bool) -> &'static str {
    if got { "got it" } else { "busy" }
}
