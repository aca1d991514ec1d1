use std::sync::Barrier;
use std::thread;
use std::time::Duration;

use parking_lot::{Mutex, deadlock};

// Statics, because these threads are never joined: they stay deadlocked
// until the process exits.
static A: Mutex<()> = Mutex::new(());
static B: Mutex<()> = Mutex::new(());
static BOTH_HOLD_ONE: Barrier = Barrier::new(2);

fn main() {
    let mut threads = Vec::new();
    for (name, first, second) in [("A then B", &A, &B), ("B then A", &B, &A)] {
        let handle = thread::Builder::new()
            .name(name.into())
            .spawn(move || {
                let _first = first.lock();
                BOTH_HOLD_ONE.wait();
                let _second = second.lock(); // never returns
            })
            .expect("the OS can start a thread");
        threads.push(handle.thread().clone());
    }
    println!("[main] started {} threads that lock A and B", threads.len());

    // A watchdog: parking_lot's `deadlock_detection` feature finds cycles of
    // threads blocked on its locks. Ask every 10 ms, for at most 2 s.
    for _ in 0..200 {
        thread::sleep(Duration::from_millis(10));
        let cycles = deadlock::check_deadlock();
        for cycle in &cycles {
            let ids: Vec<_> = cycle.iter().map(|t| t.thread_id()).collect();
            let names: Vec<_> = threads
                .iter()
                .filter(|t| ids.contains(&t.id()))
                .filter_map(|t| t.name())
                .collect();
            println!("[main] deadlock: {names:?} wait for each other");
        }
        if !cycles.is_empty() {
            // Returning ends the process, and the deadlocked threads with it.
            return;
        }
    }
    println!("[main] no deadlock found");
}
