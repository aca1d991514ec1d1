use std::sync::atomic::{AtomicU64, Ordering};
use std::thread;

fn main() {
    let hits = AtomicU64::new(0);
    let largest = AtomicU64::new(0);

    thread::scope(|scope| {
        for t in 0..4 {
            let (hits, largest) = (&hits, &largest);
            scope.spawn(move || {
                for i in 0..25_000 {
                    // One indivisible read-modify-write: no update is lost.
                    hits.fetch_add(1, Ordering::Relaxed);
                    record_max(largest, t * 25_000 + i);
                }
            });
        }
    });

    println!("hits: {}", hits.load(Ordering::Relaxed));
    println!("largest value seen: {}", largest.load(Ordering::Relaxed));
}

/// Raises `largest` to `value` if it is smaller. `compare_exchange` stores
/// only if the value is still the one we read; if another thread changed it
/// in between, we get the new value back and try again.
fn record_max(largest: &AtomicU64, value: u64) {
    let mut current = largest.load(Ordering::Relaxed);
    while value > current {
        let relaxed = Ordering::Relaxed;
        match largest.compare_exchange(current, value, relaxed, relaxed) {
            Ok(_) => return,
            Err(actual) => current = actual,
        }
    }
}
