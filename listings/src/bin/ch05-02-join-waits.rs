use std::thread;
use std::time::Duration;

fn main() {
    let background = thread::Builder::new()
        .name("background".into())
        .spawn(|| {
            println!("[background] start");
            for step in 1..=3 {
                thread::sleep(Duration::from_millis(50));
                println!("[background] step {step} of 3");
            }
            println!("[background] exit");
        })
        .expect("the OS could not start a thread");

    println!("[main] waiting for the background thread");
    background.join().expect("the background thread panicked");
    println!("[main] end of main");
}
