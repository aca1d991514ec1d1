use std::io::{self, Write};
use std::sync::mpsc;
use std::thread;
use std::time::Duration;

fn main() -> io::Result<()> {
    let (holding, go_ahead) = mpsc::channel();

    let halves = thread::spawn(move || -> io::Result<()> {
        // Holding the lock makes the pieces one unit: other threads' prints
        // wait until it is dropped.
        let mut out = io::stdout().lock();
        write!(out, "[halves] first half, ")?;
        out.flush()?;
        holding.send(()).expect("main is listening");
        // main tries to print now, and has to wait.
        thread::sleep(Duration::from_millis(50));
        writeln!(out, "second half")?;
        Ok(())
    });

    go_ahead.recv().expect("the thread sends");
    println!("[main] a whole line");
    halves.join().expect("the thread panicked")
}
