//! `cargo test -p exercises --test shutdown`; its loom models, which try every
//! interleaving of a trigger and the waiters: add `--features loom`.

#[cfg(not(feature = "loom"))]
mod support;

#[cfg(not(feature = "loom"))]
mod threads {
    use std::sync::Arc;
    use std::thread;
    use std::time::Duration;

    use exercises::shutdown::Shutdown;

    use super::support;
    use super::support::block_on;

    #[test]
    fn is_triggered_says_whether_trigger_was_called() {
        let shutdown = Shutdown::new();
        assert!(!shutdown.is_triggered(), "triggered before trigger()");
        shutdown.trigger();
        shutdown.trigger();
        assert!(shutdown.is_triggered(), "not triggered after trigger()");
    }

    #[test]
    fn a_wait_that_starts_after_the_trigger_ends_at_once() {
        support::within("trigger, then await triggered()", || {
            let shutdown = Shutdown::new();
            shutdown.trigger();
            block_on(shutdown.triggered());
        });
    }

    #[test]
    fn trigger_wakes_every_waiting_thread() {
        for _ in 0..support::ROUNDS / 4 {
            support::within(
                "four threads await triggered(); one trigger",
                || {
                    let shutdown = Arc::new(Shutdown::new());
                    let waiters: Vec<_> = (0..4)
                        .map(|_| {
                            let shutdown = Arc::clone(&shutdown);
                            thread::spawn(move || {
                                block_on(shutdown.triggered())
                            })
                        })
                        .collect();
                    // Most rounds, every waiter is pending by now.
                    thread::sleep(Duration::from_millis(1));
                    shutdown.trigger();
                    for waiter in waiters {
                        waiter.join().unwrap();
                    }
                },
            );
        }
    }
}

#[cfg(feature = "loom")]
mod model {
    use exercises::shutdown::Shutdown;
    use loom::future::block_on;
    use loom::thread;
    // std's `Arc`, not loom's: it only counts references, and with loom's a
    // deadlock found by the model aborts the whole test binary instead of
    // failing one test.
    use std::sync::Arc;

    #[test]
    fn trigger_wakes_a_waiter_that_is_just_starting() {
        loom::model(|| {
            let shutdown = Arc::new(Shutdown::new());
            let waiter = {
                let shutdown = Arc::clone(&shutdown);
                thread::spawn(move || block_on(shutdown.triggered()))
            };
            shutdown.trigger();
            waiter.join().unwrap();
        });
    }
}
