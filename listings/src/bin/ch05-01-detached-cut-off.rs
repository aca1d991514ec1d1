use std::thread;
use std::time::Duration;

fn main() {
    thread::Builder::new()
        .name("background".into())
        .spawn(|| {
            println!("[background] start");
            for step in 1..=3 {
                thread::sleep(Duration::from_millis(100));
                println!("[background] step {step} of 4");
            }
            // The last step takes far longer than main waits.
            thread::sleep(Duration::from_secs(10));
            println!("[background] step 4 of 4");
            println!("[background] exit");
        })
        .expect("the OS could not start a thread");

    thread::sleep(Duration::from_millis(250));
    println!("[main] end of main");
    // Returning from main ends the process, and the background thread with it.
}
