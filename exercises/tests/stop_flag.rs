//! `cargo test -p exercises --test stop_flag`

mod support;

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::thread;
use std::time::Duration;

use exercises::stop_flag::Worker;

#[test]
fn stop_returns_the_count_and_no_tick_follows() {
    for _ in 0..20 {
        let (counted, ticks) = support::within("Worker::stop", || {
            let ticks = Arc::new(AtomicU64::new(0));
            let seen = Arc::clone(&ticks);
            let worker = Worker::start(move || {
                seen.fetch_add(1, Ordering::SeqCst);
            });
            while ticks.load(Ordering::SeqCst) < 3 {
                thread::sleep(Duration::from_millis(1));
            }
            let counted = worker.stop();
            let at_stop = ticks.load(Ordering::SeqCst);
            // Had the thread been left running, it would tick again during this pause.
            thread::sleep(Duration::from_millis(10));
            assert_eq!(
                ticks.load(Ordering::SeqCst),
                at_stop,
                "tick was called after stop"
            );
            (counted, at_stop)
        });
        assert_eq!(
            counted, ticks,
            "stop returned another count than the ticks"
        );
    }
}

#[test]
fn stop_waits_for_the_tick_in_progress() {
    // `tick` takes two milliseconds of each three, so `stop` is called while
    // one runs in most rounds.
    for _ in 0..20 {
        support::within("Worker::stop while tick runs", || {
            let busy = Arc::new(AtomicBool::new(false));
            let ticks = Arc::new(AtomicU64::new(0));
            let worker = Worker::start({
                let (busy, ticks) = (Arc::clone(&busy), Arc::clone(&ticks));
                move || {
                    busy.store(true, Ordering::SeqCst);
                    ticks.fetch_add(1, Ordering::SeqCst);
                    thread::sleep(Duration::from_millis(2));
                    busy.store(false, Ordering::SeqCst);
                }
            });
            while ticks.load(Ordering::SeqCst) < 1 {
                thread::sleep(Duration::from_millis(1));
            }
            worker.stop();
            assert!(
                !busy.load(Ordering::SeqCst),
                "stop returned while tick was still running: it must wait \
                 for the thread to end (join it)"
            );
        });
    }
}
