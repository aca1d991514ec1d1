use std::thread::{self, JoinHandle};
use std::time::Duration;

/// A thread that is joined when its handle goes out of scope: Python's
/// non-daemon thread.
struct NonDaemon(Option<JoinHandle<()>>);

impl NonDaemon {
    fn spawn(name: &str, work: impl FnOnce() + Send + 'static) -> NonDaemon {
        let handle = thread::Builder::new()
            .name(name.to_string())
            .spawn(work)
            .expect("the OS could not start a thread");
        NonDaemon(Some(handle))
    }
}

impl Drop for NonDaemon {
    fn drop(&mut self) {
        if let Some(handle) = self.0.take() {
            // A panic in the thread is reported by the thread itself; do not
            // panic again in drop.
            let _ = handle.join();
        }
    }
}

fn main() {
    let _worker = NonDaemon::spawn("worker", || {
        println!("[worker] start");
        thread::sleep(Duration::from_millis(100));
        println!("[worker] exit");
    });
    println!("[main] end of main");
    // `_worker` is dropped here, after the line above: main waits for the
    // thread before returning.
}
