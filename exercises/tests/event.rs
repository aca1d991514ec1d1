//! `cargo test -p exercises --test event`

mod support;

use std::sync::Arc;
use std::thread;
use std::time::Duration;

use exercises::event::Event;

/// Longer than `support::LIMIT`: a waiter that is never woken fails as probably deadlocked.
const LONG: Duration = Duration::from_secs(60);

#[test]
fn set_clear_and_is_set() {
    let event = Event::new();
    assert!(!event.is_set());
    event.set();
    assert!(event.is_set());
    event.clear();
    assert!(!event.is_set());
}

#[test]
fn wait_timeout_returns_false_when_nobody_sets_it_and_true_at_once_when_set() {
    support::within("wait_timeout", || {
        let event = Event::new();
        assert!(!event.wait_timeout(Duration::from_millis(20)));
        event.set();
        assert!(
            event.wait_timeout(LONG),
            "wait_timeout on a set event returned false"
        );
    });
}

#[test]
fn set_wakes_every_waiting_thread() {
    for _ in 0..support::ROUNDS / 4 {
        support::within("waiters woken by set", || {
            let event = Arc::new(Event::new());
            let waiters: Vec<_> = (0..4)
                .map(|_| {
                    let event = Arc::clone(&event);
                    thread::spawn(move || event.wait_timeout(LONG))
                })
                .collect();
            thread::yield_now();
            event.set();
            for waiter in waiters {
                assert!(
                    waiter.join().unwrap(),
                    "a waiter returned false although the event is set"
                );
            }
        });
    }
}
