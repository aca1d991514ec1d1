use std::io;
use std::thread::{self, JoinHandle};

/// What Python puts in a `threading.Thread` subclass: the thread's name and its
/// data.
struct Worker {
    name: String,
    argument: u32,
}

impl Worker {
    fn new(name: impl Into<String>, argument: u32) -> Self {
        Worker {
            name: name.into(),
            argument,
        }
    }

    /// Python's `start()`: the worker moves into its own thread, which calls
    /// `run`.
    fn start(self) -> io::Result<JoinHandle<()>> {
        thread::Builder::new()
            .name(self.name.clone())
            .spawn(move || self.run())
    }

    /// Python's `run()`: the body of the thread.
    fn run(&self) {
        println!("[{}] got argument {}", self.name, self.argument);
    }
}

fn main() -> io::Result<()> {
    let handles = (0..5)
        .map(|i| Worker::new(format!("worker {i}"), i).start())
        .collect::<io::Result<Vec<_>>>()?;
    for handle in handles {
        handle.join().expect("a worker panicked");
    }
    Ok(())
}
