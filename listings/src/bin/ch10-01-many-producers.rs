use std::sync::mpsc;
use std::thread;

fn main() {
    let (sender, receiver) = mpsc::channel();

    thread::scope(|scope| {
        for name in ["p1", "p2", "p3"] {
            // Many producers: each thread gets a clone of the `Sender`.
            let sender = sender.clone();
            scope.spawn(move || {
                for n in 1..=2 {
                    sender.send(format!("{name}: {n}")).expect("main listens");
                }
                // This clone is dropped here, when the thread ends.
            });
        }
        // Drop the original too: the loop below ends once every sender is gone.
        drop(sender);

        // One consumer: iterating over the receiver calls `recv` until the
        // channel is empty and every sender has hung up.
        let mut received = 0;
        for message in &receiver {
            println!("[main] from {message}");
            received += 1;
        }
        println!("[main] every sender hung up after {received} messages");
    });
}
