use std::thread;
use std::time::Duration;

use rayon::prelude::*;
use tokio::runtime::Handle;
use tokio::sync::{mpsc, oneshot};
use tokio::time::sleep;

async fn lookup(n: u64) -> u64 {
    sleep(Duration::from_millis(5)).await;
    n * 10
}

#[tokio::main]
async fn main() {
    let handle = Handle::current();
    let (tx, mut rx) = mpsc::channel(1);
    // A plain thread, such as one a blocking library calls you back on.
    let plain = thread::spawn(move || {
        // Runs a future on this thread and waits for its result.
        let answer = handle.block_on(lookup(4));
        println!("[plain] block_on(lookup(4)) returned {answer}");
        println!("[plain] sending 1, 2 and 3");
        for n in 1..=3 {
            // Waits while the channel is full: for threads, never tasks.
            tx.blocking_send(n).unwrap();
        }
    });
    while let Some(n) = rx.recv().await {
        println!("[main] received {n}");
    }

    // CPU-bound work on rayon's threads; this task waits at `.await`.
    let (done, result) = oneshot::channel();
    rayon::spawn(move || {
        let sum: u64 = (1..=1_000_000u64).into_par_iter().map(|n| n % 7).sum();
        let _ = done.send(sum);
    });
    println!("[main] rayon's sum: {}", result.await.unwrap());

    // `join` blocks, so it waits on the blocking pool.
    tokio::task::spawn_blocking(move || plain.join().unwrap())
        .await
        .unwrap();
}
