use std::sync::{Mutex, mpsc};
use std::thread;
use std::time::Duration;

fn main() {
    let (job_sender, job_receiver) = mpsc::channel::<u64>();
    let (result_sender, result_receiver) = mpsc::channel();
    // `Receiver` is not `Clone`: the workers share the one receiver under a
    // lock, and each job is taken by exactly one of them.
    let jobs = Mutex::new(job_receiver);

    thread::scope(|scope| {
        for id in 1..=3 {
            let (jobs, results) = (&jobs, result_sender.clone());
            scope.spawn(move || {
                let mut done = 0;
                loop {
                    // The guard is dropped at the end of this statement, so
                    // the lock is held while waiting, never while working.
                    let job = jobs.lock().unwrap().recv();
                    let Ok(n) = job else { break };
                    thread::sleep(Duration::from_millis(5)); // the work
                    results.send((n, n * n)).expect("main listens");
                    done += 1;
                }
                println!("[worker {id}] no more jobs; I did {done}");
            });
        }
        drop(result_sender);

        for n in 1..=10 {
            job_sender.send(n).expect("a worker is alive");
        }
        // Hanging up tells the workers that no job will follow.
        drop(job_sender);

        let mut squares: Vec<(u64, u64)> = result_receiver.iter().collect();
        squares.sort();
        let values: Vec<u64> = squares.iter().map(|&(_, sq)| sq).collect();
        println!("[main] squares of 1..=10: {values:?}");
    });
}
