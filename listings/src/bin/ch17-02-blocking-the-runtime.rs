use std::sync::mpsc;
use std::time::Duration;

use tokio::task;
use tokio::time::sleep;

// One thread runs every task: the runtime that `asyncio.run` resembles.
#[tokio::main(flavor = "current_thread")]
async fn main() {
    let ticker = tokio::spawn(async {
        for n in 1..=6 {
            println!("[ticker] tick {n}");
            sleep(Duration::from_millis(10)).await;
        }
    });
    sleep(Duration::from_millis(25)).await;

    // std's channel blocks the thread that waits on it, like `queue.Queue`.
    let (tx, rx) = mpsc::channel();
    let sender = tokio::spawn(async move {
        println!("[sender] started; sending in 30 ms");
        sleep(Duration::from_millis(30)).await;
        println!("[sender] sending 42");
        tx.send(42).unwrap();
    });

    println!("[main] recv_timeout(100 ms) on the runtime's thread");
    let got = rx.recv_timeout(Duration::from_millis(100));
    // The sender never ran: it waits for this thread, which was blocked.
    println!("[main] {got:?}: no other task ran meanwhile");

    // The same wait on a thread of tokio's blocking pool: this task
    // waits at `.await`, and the runtime runs the others meanwhile.
    let got = task::spawn_blocking(move || rx.recv()).await.unwrap();
    println!("[main] spawn_blocking(recv) returned {got:?}");
    sender.await.unwrap();
    ticker.await.unwrap();
}
