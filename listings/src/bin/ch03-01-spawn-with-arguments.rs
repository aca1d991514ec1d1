use std::thread;

fn worker(number: u32) {
    let current = thread::current();
    let name = current.name().unwrap_or("unnamed");
    println!("[{name}] got argument {number}");
}

fn main() {
    let mut handles = Vec::new();
    for number in 0..5 {
        let handle = thread::Builder::new()
            .name(format!("worker {number}"))
            // `move` gives the closure its own copy of `number`.
            .spawn(move || worker(number))
            .expect("the OS could not start a thread");
        handles.push(handle);
    }
    // Without these joins `main` could return, and end the process, before the
    // workers print.
    for handle in handles {
        handle.join().expect("a worker panicked");
    }
}
