use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Barrier, mpsc};
use std::thread;
use std::time::Duration;

fn main() {
    // A channel: the signal carries a value, and each message is received exactly once.
    let (sender, receiver) = mpsc::channel();
    let producer = thread::spawn(move || {
        thread::sleep(Duration::from_millis(50));
        println!("[producer] sending the result");
        sender.send(42).expect("the receiver is alive");
    });
    let value = receiver.recv().expect("the producer sends");
    println!("[main] received {value}");
    producer.join().expect("the producer panicked");

    // A barrier: every thread waits until all of them have arrived.
    let barrier = Arc::new(Barrier::new(3));
    let runners: Vec<_> = ["a", "b", "c"]
        .into_iter()
        .map(|name| {
            let barrier = Arc::clone(&barrier);
            thread::spawn(move || {
                println!("[{name}] ready");
                barrier.wait();
                println!("[{name}] go");
            })
        })
        .collect();
    for runner in runners {
        runner.join().expect("a runner panicked");
    }

    // park / unpark: a wake-up call aimed at one thread. An unpark that comes first is not lost,
    // but `park` may also return with no unpark at all, so the sleeper checks a flag in a loop.
    let woken = Arc::new(AtomicBool::new(false));
    let sleeper = {
        let woken = Arc::clone(&woken);
        thread::spawn(move || {
            println!("[sleeper] parking");
            while !woken.load(Ordering::Acquire) {
                thread::park();
            }
            println!("[sleeper] unparked");
        })
    };
    woken.store(true, Ordering::Release);
    sleeper.thread().unpark();
    sleeper.join().expect("the sleeper panicked");
    println!("[main] done");
}
