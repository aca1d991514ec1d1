//! `cargo test -p exercises --test event`; its loom models, which try every
//! interleaving of a few threads: add `--features loom`.

#[cfg(not(feature = "loom"))]
mod support;

#[cfg(not(feature = "loom"))]
mod threads {
    use std::sync::Arc;
    use std::thread;
    use std::time::Duration;

    use exercises::event::Event;

    use super::support;

    #[test]
    fn set_clear_is_set_and_the_count_of_sets() {
        let event = Event::new();
        assert!(!event.is_set());
        assert_eq!(event.sets(), 0);
        event.set();
        event.set();
        assert!(event.is_set());
        assert_eq!(event.sets(), 2, "sets() does not count every set()");
        event.clear();
        assert!(!event.is_set());
        assert_eq!(event.sets(), 2, "clear() changed the count of sets");
    }

    #[test]
    fn wait_past_returns_at_once_when_a_later_set_has_run() {
        support::within("wait_past after a set()", || {
            let event = Event::new();
            event.set();
            event.clear();
            event.wait_past(0);
        });
    }

    #[test]
    fn a_clear_right_after_set_does_not_strand_the_waiters() {
        for _ in 0..support::ROUNDS / 4 {
            support::within(
                "four threads wait_past(seen); set() then clear() at once: \
                 a waiter missed that set()",
                || {
                    let event = Arc::new(Event::new());
                    let seen = event.sets();
                    let waiters: Vec<_> = (0..4)
                        .map(|_| {
                            let event = Arc::clone(&event);
                            thread::spawn(move || event.wait_past(seen))
                        })
                        .collect();
                    event.set();
                    event.clear();
                    for waiter in waiters {
                        waiter.join().unwrap();
                    }
                },
            );
        }
    }

    #[test]
    fn set_wakes_every_waiting_thread() {
        for _ in 0..support::ROUNDS / 4 {
            support::within("four threads wait_past(0); one set()", || {
                let event = Arc::new(Event::new());
                let waiters: Vec<_> = (0..4)
                    .map(|_| {
                        let event = Arc::clone(&event);
                        thread::spawn(move || event.wait_past(0))
                    })
                    .collect();
                // Gives the waiters time to block, so that one notification
                // meets several of them; a correct event passes either way.
                thread::sleep(Duration::from_millis(1));
                event.set();
                for waiter in waiters {
                    waiter.join().unwrap();
                }
            });
        }
    }
}

#[cfg(feature = "loom")]
mod model {
    use exercises::event::Event;
    use loom::thread;
    // std's `Arc`, not loom's: it only counts references, and with loom's a
    // deadlock found by the model aborts the whole test binary instead of
    // failing one test.
    use std::sync::Arc;

    #[test]
    fn a_clear_right_after_set_does_not_strand_the_waiter() {
        loom::model(|| {
            let event = Arc::new(Event::new());
            let seen = event.sets();
            let waiter = {
                let event = Arc::clone(&event);
                thread::spawn(move || event.wait_past(seen))
            };
            event.set();
            event.clear();
            waiter.join().unwrap();
        });
    }

    #[test]
    fn set_wakes_every_waiting_thread() {
        loom::model(|| {
            let event = Arc::new(Event::new());
            let waiters: Vec<_> = (0..2)
                .map(|_| {
                    let event = Arc::clone(&event);
                    thread::spawn(move || event.wait_past(0))
                })
                .collect();
            event.set();
            for waiter in waiters {
                waiter.join().unwrap();
            }
        });
    }
}
