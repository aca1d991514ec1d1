use std::sync::Barrier;
use std::thread;
use std::time::{Duration, Instant};

use parking_lot::Mutex;

struct Named {
    name: &'static str,
    mutex: Mutex<()>,
}

fn main() {
    let a = Named {
        name: "A",
        mutex: Mutex::new(()),
    };
    let b = Named {
        name: "B",
        mutex: Mutex::new(()),
    };

    // ABBA: one thread takes A then B, the other B then A. The barrier makes
    // both hold their first lock before either asks for its second.
    let both_hold_one = Barrier::new(2);
    let both_gave_up = Barrier::new(2);
    thread::scope(|scope| {
        for (first, second) in [(&a, &b), (&b, &a)] {
            let tag = format!("{} then {}", first.name, second.name);
            let (both_hold_one, both_gave_up) = (&both_hold_one, &both_gave_up);
            scope.spawn(move || {
                let _first = first.mutex.lock();
                both_hold_one.wait();
                // `lock()` here would wait for ever; `try_lock_for` gives up.
                let started = Instant::now();
                let timeout = Duration::from_millis(100);
                let got = second.mutex.try_lock_for(timeout).is_some();
                let waited = started.elapsed().as_millis();
                let name = second.name;
                if got {
                    println!("[{tag}] got {name} too");
                } else {
                    println!("[{tag}] gave up on {name} after {waited} ms");
                }
                // Keep the first lock until both have given up.
                both_gave_up.wait();
            });
        }
    });

    // The fix: every thread takes the locks in one agreed order, A before B,
    // whichever it needs first.
    thread::scope(|scope| {
        for tag in ["A then B", "B then A"] {
            let (a, b) = (&a, &b);
            scope.spawn(move || {
                let _a = a.mutex.lock();
                let _b = b.mutex.lock();
                println!("[{tag}] took A, then B: got both");
            });
        }
    });
}
