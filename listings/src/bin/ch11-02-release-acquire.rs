use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::thread;

fn main() {
    let data = AtomicU64::new(0);
    let ready = AtomicBool::new(false);

    thread::scope(|scope| {
        scope.spawn(|| {
            data.store(42, Ordering::Relaxed);
            // Release: every write before this store is visible to a thread
            // that sees `true` with an Acquire load.
            ready.store(true, Ordering::Release);
            println!("[writer] published");
        });

        scope.spawn(|| {
            // Acquire pairs with the writer's Release.
            while !ready.load(Ordering::Acquire) {
                thread::yield_now();
            }
            // Guaranteed 42, never 0, on every CPU.
            let value = data.load(Ordering::Relaxed);
            println!("[reader] ready; data is {value}");
        });
    });
}
