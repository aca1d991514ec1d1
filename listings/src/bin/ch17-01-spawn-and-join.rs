use std::time::{Duration, Instant};

use tokio::time::sleep;

async fn fetch(name: &str, ms: u64) -> String {
    // Like `await asyncio.sleep(...)`: gives the thread back to the runtime.
    sleep(Duration::from_millis(ms)).await;
    name.to_uppercase()
}

// Starts a runtime and runs `main` on it, as `asyncio.run(main())` does.
#[tokio::main]
async fn main() {
    let started = Instant::now();
    // Like `asyncio.create_task`: each runs as a task of its own from now on.
    let alpha = tokio::spawn(fetch("alpha", 30));
    let beta = tokio::spawn(fetch("beta", 10));
    println!("spawned alpha and beta");

    // Like `asyncio.gather`: both futures run at once, inside this task,
    // and the results come back in the order they were given.
    let (gamma, delta) = tokio::join!(fetch("gamma", 20), fetch("delta", 5));
    println!("join! returned {gamma} and {delta}");

    // A JoinHandle is a future of the task's result: Err if it panicked.
    let (alpha, beta) = (alpha.await.unwrap(), beta.await.unwrap());
    println!("the tasks returned {alpha} and {beta}");
    // The four sleeps overlapped: the longest, not their sum.
    println!("all four took {} ms", started.elapsed().as_millis());
}
