use std::time::Duration;

use tokio::sync::mpsc::{self, error::TrySendError};
use tokio::sync::oneshot;
use tokio::time::sleep;

enum Request {
    Add(u32),
    // The server answers on the oneshot channel that comes with the request.
    Total(oneshot::Sender<u32>),
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    // At most two requests wait in the channel, like `asyncio.Queue(2)`.
    let (tx, mut rx) = mpsc::channel(2);

    let server = tokio::spawn(async move {
        let mut total = 0;
        // `recv` returns None once every sender is dropped and it is empty.
        while let Some(request) = rx.recv().await {
            match request {
                Request::Add(n) => {
                    println!("[server] got {n}");
                    sleep(Duration::from_millis(10)).await; // the work
                    total += n;
                }
                Request::Total(reply) => reply.send(total).unwrap(),
            }
        }
        println!("[server] every sender hung up");
    });

    for n in 1..=4 {
        if let Err(TrySendError::Full(request)) = tx.try_send(Request::Add(n)) {
            println!("[main] channel full at {n}, waiting");
            // Back-pressure: `send` waits until the server makes room.
            tx.send(request).await.unwrap();
        }
        println!("[main] sent {n}");
    }

    let (reply, total) = oneshot::channel();
    tx.send(Request::Total(reply)).await.unwrap();
    println!("[main] total: {}", total.await.unwrap());
    drop(tx);
    server.await.unwrap();
}
