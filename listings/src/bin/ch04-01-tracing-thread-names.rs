use std::thread;

use tracing::info;

fn worker(number: u32) {
    // The subscriber adds the thread's name to every event, so the message need
    // not.
    info!(argument = number, "working");
}

fn main() {
    tracing_subscriber::fmt()
        .with_thread_names(true)
        // Times would differ on every run; a real program would keep them.
        .without_time()
        .with_target(false)
        .init();

    info!("starting workers");
    let handles: Vec<_> = (0..5)
        .map(|number| {
            thread::Builder::new()
                .name(format!("worker {number}"))
                .spawn(move || worker(number))
                .expect("the OS could not start a thread")
        })
        .collect();
    for handle in handles {
        handle.join().expect("a worker panicked");
    }
    info!("all workers joined");
}
