//! `cargo test -p exercises --test latch`; its loom models, which try every
//! interleaving of a few threads: add `--features loom`.

#[cfg(not(feature = "loom"))]
mod support;

#[cfg(not(feature = "loom"))]
mod threads {
    use std::sync::Arc;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::thread;
    use std::time::Duration;

    use exercises::latch::Latch;

    use super::support;

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

    #[test]
    fn every_waiting_thread_is_woken() {
        for _ in 0..support::ROUNDS / 4 {
            support::within("four threads wait for one count_down", || {
                let latch = Arc::new(Latch::new(1));
                let waiters: Vec<_> = (0..4)
                    .map(|_| {
                        let latch = Arc::clone(&latch);
                        thread::spawn(move || latch.wait())
                    })
                    .collect();
                // Gives the waiters time to block, so that one notification
                // meets several of them; with fewer, the check proves less,
                // but a correct latch passes either way.
                thread::sleep(Duration::from_millis(1));
                latch.count_down();
                for waiter in waiters {
                    waiter.join().unwrap();
                }
            });
        }
    }
}

#[cfg(feature = "loom")]
mod model {
    use exercises::latch::Latch;
    use loom::thread;
    // std's `Arc`, not loom's: it only counts references, and with loom's a
    // deadlock found by the model aborts the whole test binary instead of
    // failing one test.
    use std::sync::Arc;

    #[test]
    fn two_threads_counting_down_at_once_open_it() {
        loom::model(|| {
            let latch = Arc::new(Latch::new(2));
            let counters: Vec<_> = (0..2)
                .map(|_| {
                    let latch = Arc::clone(&latch);
                    thread::spawn(move || latch.count_down())
                })
                .collect();
            latch.wait();
            for counter in counters {
                counter.join().unwrap();
            }
        });
    }

    #[test]
    fn every_waiting_thread_is_woken() {
        loom::model(|| {
            let latch = Arc::new(Latch::new(1));
            let waiters: Vec<_> = (0..2)
                .map(|_| {
                    let latch = Arc::clone(&latch);
                    thread::spawn(move || latch.wait())
                })
                .collect();
            latch.count_down();
            for waiter in waiters {
                waiter.join().unwrap();
            }
        });
    }
}
