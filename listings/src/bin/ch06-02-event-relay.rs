use std::sync::{Condvar, Mutex};
use std::thread;
use std::time::Duration;

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

    fn wait_timeout(&self, timeout: Duration) -> bool {
        let flag = self.flag.lock().unwrap();
        let (set, _) = self
            .changed
            .wait_timeout_while(flag, timeout, |set| !*set)
            .unwrap();
        *set
    }
}

/// How long each waiting thread waits before it reports and waits again.
const POLL: Duration = Duration::from_millis(100);

fn first(e1: &Event, e2: &Event) {
    // Loop on what `wait_timeout` returned, not on a second look at the flag:
    // the answer and the action then come from the same moment.
    while !e1.wait_timeout(POLL) {
        println!("[first] e1 set? false");
    }
    println!("[first] e1 set? true");
    thread::sleep(POLL);
    println!("[first] setting e2");
    e2.set();
    println!("[first] exit");
}

fn second(e2: &Event) {
    while !e2.wait_timeout(POLL) {
        println!("[second] e2 set? false");
    }
    println!("[second] e2 set? true");
    println!("[second] exit");
}

fn main() {
    let (e1, e2) = (Event::default(), Event::default());

    // The threads borrow the events; the scope joins both before main goes on.
    thread::scope(|scope| {
        thread::Builder::new()
            .name("first".into())
            .spawn_scoped(scope, || first(&e1, &e2))
            .expect("the OS could not start a thread");
        thread::Builder::new()
            .name("second".into())
            .spawn_scoped(scope, || second(&e2))
            .expect("the OS could not start a thread");

        println!("[main] waiting 450 ms");
        thread::sleep(Duration::from_millis(450));
        println!("[main] setting e1");
        e1.set();
    });
    println!("[main] exit");
}
