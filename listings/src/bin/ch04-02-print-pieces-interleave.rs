use std::io::{self, Write};
use std::sync::mpsc;
use std::thread;

fn main() {
    let (half_written, go_ahead) = mpsc::channel();
    let (line_written, finish) = mpsc::channel();

    let halves = thread::spawn(move || {
        // Two `print!` calls: each takes stdout's lock on its own, so another
        // thread's output can land between them.
        print!("[halves] first half, ");
        io::stdout().flush().expect("stdout is writable");
        half_written.send(()).expect("main is listening");
        finish.recv().expect("main answers");
        println!("second half");
    });

    // Wait until the first half is out, print a whole line, then let the other
    // thread finish.
    go_ahead.recv().expect("the thread sends");
    println!("[main] a whole line");
    line_written.send(()).expect("the thread is listening");
    halves.join().expect("the thread panicked");
}
