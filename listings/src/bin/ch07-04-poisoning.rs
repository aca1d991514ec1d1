use std::thread;

fn main() {
    // std's Mutex is poisoned when a thread panics while holding it.
    let balance = std::sync::Mutex::new(100);
    thread::scope(|scope| {
        let balance = &balance;
        let _ = thread::Builder::new()
            .name("transfer".into())
            .spawn_scoped(scope, move || {
                let mut guard = balance.lock().unwrap();
                *guard -= 30;
                panic!("std: failed halfway through a transfer");
            })
            .expect("the OS could not start a thread")
            .join();
    });
    match balance.lock() {
        Ok(value) => println!("std: balance is {}", *value),
        Err(poisoned) => {
            println!("std: the mutex is poisoned; lock() returned Err");
            // The data is still there, possibly half-updated; the caller
            // decides what to do.
            println!("std: balance inside is {}", *poisoned.into_inner());
        }
    }

    // parking_lot's Mutex is not poisoned: the next lock() just succeeds.
    let balance = parking_lot::Mutex::new(100);
    thread::scope(|scope| {
        let balance = &balance;
        let _ = thread::Builder::new()
            .name("transfer".into())
            .spawn_scoped(scope, move || {
                let mut guard = balance.lock();
                *guard -= 30;
                panic!("parking_lot: failed halfway through a transfer");
            })
            .expect("the OS could not start a thread")
            .join();
    });
    println!("parking_lot: balance is {}", *balance.lock());
}
