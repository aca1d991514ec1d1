use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::time::sleep;

/// Stands for a connection that takes one request at a time.
struct Connection {
    requests: u32,
}

#[tokio::main]
async fn main() {
    // Locked only in short sections with no `.await` inside: std's Mutex.
    let hits = Arc::new(Mutex::new(0));
    // Held while awaiting the reply: tokio's Mutex, whose guard is `Send`.
    let connection =
        Arc::new(tokio::sync::Mutex::new(Connection { requests: 0 }));

    let mut tasks = Vec::new();
    for _ in 0..3 {
        let hits = Arc::clone(&hits);
        let connection = Arc::clone(&connection);
        tasks.push(tokio::spawn(async move {
            // The std guard is dropped at the end of the statement.
            *hits.lock().unwrap() += 1;

            // `lock().await` waits without blocking the thread.
            let mut connection = connection.lock().await;
            connection.requests += 1;
            let n = connection.requests;
            println!("request {n} sent");
            sleep(Duration::from_millis(10)).await; // the reply is on its way
            println!("reply {n} received");
        }));
    }
    for task in tasks {
        task.await.unwrap();
    }
    let requests = connection.lock().await.requests;
    println!("{} hits, {requests} requests", hits.lock().unwrap());
}
