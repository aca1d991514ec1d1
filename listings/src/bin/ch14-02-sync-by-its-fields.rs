use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::thread;

/// Counts that threads update through `&Stats`. Nothing here says `Send` or
/// `Sync`: the compiler gives `Stats` both because every field has both.
struct Stats {
    requests: AtomicU64,
    failures: Mutex<Vec<String>>,
}

// Fails to compile if a field ever makes `Stats` lose `Send` or `Sync`: the
// error then points here, not at some distant `spawn`.
const _: () = {
    const fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<Stats>();
};

impl Stats {
    fn record(&self, worker: &str, request: u32) {
        self.requests.fetch_add(1, Ordering::Relaxed);
        // Every fourth request fails, to have something to list.
        if request.is_multiple_of(4) {
            let failure = format!("{worker}: request {request} failed");
            self.failures.lock().unwrap().push(failure);
        }
    }
}

fn main() {
    let stats = Stats {
        requests: AtomicU64::new(0),
        failures: Mutex::new(Vec::new()),
    };

    // Scoped threads borrow `stats`. A closure that captures `&Stats` is
    // `Send` because `Stats` is `Sync`: no `Arc` is needed.
    thread::scope(|scope| {
        for worker in ["a", "b"] {
            let stats = &stats;
            scope.spawn(move || {
                for request in 1..=4 {
                    stats.record(worker, request);
                }
            });
        }
    });

    // A thread that may outlive this function cannot borrow; it shares an
    // owner instead. `Arc<Stats>` is `Send` because `Stats` is `Send + Sync`.
    let stats = Arc::new(stats);
    let for_c = Arc::clone(&stats);
    let worker = thread::spawn(move || {
        for request in 1..=4 {
            for_c.record("c", request);
        }
    });
    worker.join().expect("worker c panicked");

    println!("requests: {}", stats.requests.load(Ordering::Relaxed));
    let mut failures = stats.failures.lock().unwrap().clone();
    // The scoped threads pushed theirs in whichever order they ran.
    failures.sort();
    for failure in failures {
        println!("{failure}");
    }
}
