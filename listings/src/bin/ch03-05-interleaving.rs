use std::thread;
use std::time::Duration;

fn main() {
    let handles: Vec<_> = ["red", "green", "blue"]
        .into_iter()
        .map(|colour| {
            thread::spawn(move || {
                for step in 1..=3 {
                    println!("[{colour}] step {step}");
                    // A short pause gives the other threads a chance to run in
                    // between.
                    thread::sleep(Duration::from_millis(1));
                }
            })
        })
        .collect();
    for handle in handles {
        handle.join().expect("a thread panicked");
    }
    println!("all threads joined");
}
