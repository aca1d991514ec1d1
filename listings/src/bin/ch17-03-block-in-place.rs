use std::sync::mpsc;

use tokio::sync::oneshot;
use tokio::task;

// One worker thread runs the spawned tasks; `main` runs on its own thread.
#[tokio::main(flavor = "multi_thread", worker_threads = 1)]
async fn main() {
    let (tx, rx) = mpsc::channel();
    let (about_to_block, blocking) = oneshot::channel();

    let waiter = tokio::spawn(async move {
        println!("[waiter] recv() inside block_in_place");
        about_to_block.send(()).unwrap();
        // The worker thread blocks here; block_in_place first hands the
        // worker's other tasks to a new thread, which runs them meanwhile.
        let got = task::block_in_place(|| rx.recv().unwrap());
        println!("[waiter] got {got}");
    });

    blocking.await.unwrap();
    // Without block_in_place, this task would wait for the only worker,
    // which waits for this task: neither would ever go on.
    let sender = tokio::spawn(async move {
        println!("[sender] sending 7");
        tx.send(7).unwrap();
    });
    sender.await.unwrap();
    waiter.await.unwrap();
}
