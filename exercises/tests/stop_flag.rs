//! `cargo test -p exercises --test stop_flag`

mod support;

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
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
