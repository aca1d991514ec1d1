use std::sync::mpsc::{self, TrySendError};
use std::thread;
use std::time::Duration;

fn main() {
    // Like Python's `queue.Queue(maxsize=2)`: at most two items wait in it.
    let (sender, receiver) = mpsc::sync_channel(2);
    let (go, wait_for_go) = mpsc::channel();

    thread::scope(|scope| {
        scope.spawn(move || {
            for item in 1..=5 {
                match sender.try_send(item) {
                    Ok(()) => println!("[producer] put {item}"),
                    // Like `put_nowait` raising `queue.Full`.
                    Err(TrySendError::Full(item)) => {
                        println!("[producer] queue full at {item}, waiting");
                        go.send(()).ok();
                        // Like `put`: blocks until the consumer makes room.
                        sender.send(item).expect("the consumer listens");
                        println!("[producer] put {item}");
                    }
                    Err(TrySendError::Disconnected(_)) => return,
                }
            }
        });

        scope.spawn(move || {
            // Start only once the producer has found the queue full.
            wait_for_go.recv().expect("the producer fills the queue");
            for item in receiver {
                println!("[consumer] got {item}");
                thread::sleep(Duration::from_millis(20));
            }
            println!("[consumer] the producer hung up");
        });
    });
}
