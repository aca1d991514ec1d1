use std::sync::{Arc, Mutex};
use std::thread::{self, JoinHandle};

/// Starts the workers and returns at once. The threads outlive this function,
/// so they cannot borrow from it: each one owns a clone of the `Arc` instead.
fn start_workers(log: &Arc<Mutex<Vec<String>>>) -> Vec<JoinHandle<()>> {
    (1..=3)
        .map(|i| {
            // Clone before `move`: the closure takes the clone, not `log`.
            let log = Arc::clone(log);
            thread::Builder::new()
                .name(format!("worker {i}"))
                .spawn(move || {
                    log.lock().unwrap().push(format!("entry {i}"));
                    println!("[worker {i}] appended entry {i}");
                })
                .expect("the OS can start a thread")
        })
        .collect()
}

fn main() {
    let log = Arc::new(Mutex::new(Vec::new()));
    let workers = start_workers(&log);
    println!("[main] started {} workers", workers.len());
    for worker in workers {
        worker.join().expect("a worker panicked");
    }
    // Each worker's clone was dropped when its closure returned.
    println!("[main] owners of the log now: {}", Arc::strong_count(&log));
    let mut entries = log.lock().unwrap().clone();
    entries.sort();
    println!("[main] entries: {entries:?}");
}
