use std::future::pending;
use std::time::Duration;

use tokio::time::{sleep, timeout};

/// Says when the future that holds it is dropped, finished or not.
struct SayWhenDropped(&'static str);

impl Drop for SayWhenDropped {
    fn drop(&mut self) {
        println!("[{}] dropped", self.0);
    }
}

/// A request whose reply never comes.
async fn silent(name: &'static str) -> u32 {
    let _say = SayWhenDropped(name);
    println!("[{name}] waiting for a reply");
    pending().await
}

async fn quick() -> u32 {
    let _say = SayWhenDropped("quick");
    sleep(Duration::from_millis(10)).await;
    println!("[quick] replying 2");
    2
}

#[tokio::main]
async fn main() {
    // Like `asyncio.wait_for`: after 30 ms, the future is dropped.
    let result = timeout(Duration::from_millis(30), silent("silent 1")).await;
    println!("[main] timeout returned {result:?}");

    // The first branch to finish wins; select! drops the others.
    tokio::select! {
        n = silent("silent 2") => println!("[main] silent 2 replied {n}"),
        n = quick() => println!("[main] quick replied {n}"),
    }
}
