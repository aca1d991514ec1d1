use std::sync::{Condvar, Mutex};
use std::thread;
use std::time::{Duration, Instant};

/// Python's `threading.Event`: a flag that threads can wait for.
#[derive(Default)]
struct Event {
    flag: Mutex<bool>,
    changed: Condvar,
}

impl Event {
    fn set(&self) {
        *self.flag.lock().unwrap() = true;
        self.changed.notify_all();
    }

    fn clear(&self) {
        *self.flag.lock().unwrap() = false;
    }

    fn is_set(&self) -> bool {
        *self.flag.lock().unwrap()
    }

    /// Blocks until the flag is set.
    fn wait(&self) {
        let flag = self.flag.lock().unwrap();
        // `wait_while` re-checks the flag after every wake-up, spurious ones
        // included.
        let _set = self.changed.wait_while(flag, |set| !*set).unwrap();
    }

    /// Blocks until the flag is set or `timeout` has passed; returns the flag,
    /// like Python's `wait(timeout)`.
    fn wait_timeout(&self, timeout: Duration) -> bool {
        let flag = self.flag.lock().unwrap();
        let (set, _) = self
            .changed
            .wait_timeout_while(flag, timeout, |set| !*set)
            .unwrap();
        *set
    }
}

fn main() {
    let event = Event::default();
    println!("[main] is_set: {}", event.is_set());

    let started = Instant::now();
    let flag = event.wait_timeout(Duration::from_millis(50));
    println!(
        "[main] wait_timeout(50 ms) returned {flag} after {} ms",
        started.elapsed().as_millis()
    );

    // The scope joins the waiter before it returns, so the waiter may
    // borrow `event`.
    thread::scope(|scope| {
        thread::Builder::new()
            .name("waiter".into())
            .spawn_scoped(scope, || {
                println!("[waiter] waiting for the event");
                event.wait();
                println!("[waiter] the event is set");
            })
            .expect("the OS could not start a thread");

        thread::sleep(Duration::from_millis(100));
        println!("[main] setting the event");
        event.set();
    });

    println!("[main] is_set: {}", event.is_set());
    println!(
        "[main] wait_timeout(50 ms) on a set event returns {} at once",
        event.wait_timeout(Duration::from_millis(50))
    );
    event.clear();
    println!("[main] after clear, is_set: {}", event.is_set());
}
