//! `cargo test -p exercises --test latch`

mod support;

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread;

use exercises::latch::Latch;

#[test]
fn a_latch_of_zero_is_open() {
    support::within("Latch::new(0).wait()", || Latch::new(0).wait());
}

#[test]
fn wait_returns_only_after_every_count_down() {
    for _ in 0..support::ROUNDS {
        support::within("wait for eight workers", || {
            let latch = Arc::new(Latch::new(8));
            let finished = Arc::new(AtomicUsize::new(0));
            let workers: Vec<_> = (0..8)
                .map(|_| {
                    let (latch, finished) =
                        (Arc::clone(&latch), Arc::clone(&finished));
                    thread::spawn(move || {
                        finished.fetch_add(1, Ordering::SeqCst);
                        latch.count_down();
                    })
                })
                .collect();
            latch.wait();
            assert_eq!(
                finished.load(Ordering::SeqCst),
                8,
                "wait returned before every worker counted down"
            );
            for worker in workers {
                worker.join().unwrap();
            }
        });
    }
}
