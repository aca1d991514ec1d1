use std::sync::{Barrier, RwLock};
use std::thread;

fn main() {
    let setting = RwLock::new(String::from("fast"));
    let both_reading = Barrier::new(2);

    // Scoped threads may borrow `setting` and `both_reading`: no `Arc`.
    thread::scope(|scope| {
        for name in ["reader 1", "reader 2"] {
            let (setting, both_reading) = (&setting, &both_reading);
            scope.spawn(move || {
                let value = setting.read().unwrap();
                // Both readers hold a read guard here at the same time;
                // with a `Mutex` the second would wait and this would hang.
                both_reading.wait();
                println!("[{name}] read {value:?} beside the other reader");
            });
        }
    });

    // A writer has the lock to itself: no reader holds it now.
    *setting.write().unwrap() = String::from("careful");
    println!("[main] wrote {:?}", setting.read().unwrap());
}
