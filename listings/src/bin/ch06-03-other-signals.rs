use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Barrier, mpsc};
use std::thread;
use std::time::Duration;

fn main() {
    // A channel: the signal carries a value, and each message is received
    // exactly once.
    let (sender, receiver) = mpsc::channel();
    // Each scope joins its threads before it returns, so they may borrow
    // what main owns.
    thread::scope(|scope| {
        scope.spawn(move || {
            thread::sleep(Duration::from_millis(50));
            println!("[producer] sending the result");
            sender.send(42).expect("the receiver is alive");
        });
        let value = receiver.recv().expect("the producer sends");
        println!("[main] received {value}");
    });

    // A barrier: every thread waits until all of them have arrived.
    let barrier = Barrier::new(3);
    thread::scope(|scope| {
        for name in ["a", "b", "c"] {
            let barrier = &barrier;
            scope.spawn(move || {
                println!("[{name}] ready");
                barrier.wait();
                println!("[{name}] go");
            });
        }
    });

    // park / unpark: a wake-up call aimed at one thread. An unpark that comes
    // first is not lost, but `park` may also return with no unpark at all, so
    // the sleeper checks a flag in a loop.
    let woken = AtomicBool::new(false);
    thread::scope(|scope| {
        let sleeper = scope.spawn(|| {
            println!("[sleeper] parking");
            while !woken.load(Ordering::Acquire) {
                thread::park();
            }
            println!("[sleeper] unparked");
        });
        woken.store(true, Ordering::Release);
        sleeper.thread().unpark();
    });
    println!("[main] done");
}
