use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::{Barrier, Mutex};
use std::thread;

fn main() {
    // A lost update: read, then write back. Each step is atomic; the pair is
    // not. The barrier makes both threads read before either writes.
    let counter = AtomicI64::new(0);
    let both_read = Barrier::new(2);
    thread::scope(|scope| {
        for _ in 0..2 {
            scope.spawn(|| {
                let seen = counter.load(Ordering::Relaxed);
                both_read.wait();
                counter.store(seen + 1, Ordering::Relaxed);
            });
        }
    });
    println!("lost update: two increments, counter is {counter:?}");

    // Check-then-act: both threads check the balance, then both withdraw.
    let balance = AtomicI64::new(100);
    let both_checked = Barrier::new(2);
    thread::scope(|scope| {
        for _ in 0..2 {
            scope.spawn(|| {
                let enough = balance.load(Ordering::Relaxed) >= 80;
                both_checked.wait();
                if enough {
                    balance.fetch_sub(80, Ordering::Relaxed);
                }
            });
        }
    });
    println!("check-then-act: two withdrawals of 80, balance is {balance:?}");

    // The fixes: one atomic read-modify-write, or one lock held from the
    // check to the act. (A barrier inside the lock would hang: no second
    // thread could reach it.)
    let counter = AtomicI64::new(0);
    let balance = Mutex::new(100);
    let refused = AtomicI64::new(0);
    thread::scope(|scope| {
        for _ in 0..2 {
            scope.spawn(|| {
                counter.fetch_add(1, Ordering::Relaxed);
                let mut balance = balance.lock().unwrap();
                if *balance >= 80 {
                    *balance -= 80;
                } else {
                    refused.fetch_add(1, Ordering::Relaxed);
                }
            });
        }
    });
    println!("fetch_add: two increments, counter is {counter:?}");
    println!(
        "one lock: balance is {}, {refused:?} withdrawal refused",
        balance.lock().unwrap()
    );
}
