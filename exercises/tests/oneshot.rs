//! `cargo test -p exercises --test oneshot`; its loom models, which try every
//! interleaving of the two ends: add `--features loom`.

#[cfg(not(feature = "loom"))]
mod support;

#[cfg(not(feature = "loom"))]
mod threads {
    use std::future::Future;
    use std::pin::pin;
    use std::sync::Arc;
    use std::sync::atomic::{AtomicBool, Ordering};
    use std::task::{Context, Wake, Waker};
    use std::thread;
    use std::time::Duration;

    use exercises::oneshot::{Closed, channel};

    use super::support;
    use super::support::block_on;

    /// A waker that only records that it was woken.
    #[derive(Default)]
    struct Flag(AtomicBool);

    impl Wake for Flag {
        fn wake(self: Arc<Self>) {
            self.0.store(true, Ordering::SeqCst);
        }
    }

    #[test]
    fn a_value_sent_before_the_first_poll_is_received() {
        let got = support::within("send, then await the receiver", || {
            let (sender, receiver) = channel();
            sender.send(7);
            block_on(receiver)
        });
        assert_eq!(
            got,
            Ok(7),
            "a value was sent, yet the receiver got {got:?}"
        );
    }

    #[test]
    fn a_send_from_another_thread_wakes_the_receiver() {
        for round in 0..support::ROUNDS / 4 {
            let got = support::within(
                "await a value another thread sends",
                move || {
                    let (sender, receiver) = channel();
                    let sending = thread::spawn(move || {
                        // Most rounds, the receiver is pending by now.
                        thread::sleep(Duration::from_millis(1));
                        sender.send(round);
                    });
                    let got = block_on(receiver);
                    sending.join().unwrap();
                    got
                },
            );
            assert_eq!(got, Ok(round));
        }
    }

    #[test]
    fn a_sender_dropped_without_sending_ends_the_wait() {
        for _ in 0..support::ROUNDS / 4 {
            let got = support::within("await a sender that is dropped", || {
                let (sender, receiver) = channel::<u32>();
                let dropping = thread::spawn(move || {
                    thread::sleep(Duration::from_millis(1));
                    drop(sender);
                });
                let got = block_on(receiver);
                dropping.join().unwrap();
                got
            });
            assert_eq!(got, Err(Closed));
        }
    }

    #[test]
    fn the_waker_of_the_latest_poll_is_woken() {
        let (sender, receiver) = channel();
        let mut receiver = pin!(receiver);
        let (earlier, latest) =
            (Arc::new(Flag::default()), Arc::new(Flag::default()));
        for flag in [&earlier, &latest] {
            let waker = Waker::from(Arc::clone(flag));
            let polled =
                receiver.as_mut().poll(&mut Context::from_waker(&waker));
            assert!(polled.is_pending(), "ready before anything was sent");
        }
        sender.send(1);
        let woken = |flag: &Flag| flag.0.load(Ordering::SeqCst);
        assert!(
            woken(&latest),
            "{}",
            if woken(&earlier) {
                "send woke the waker of an earlier poll, not the latest one's"
            } else {
                "send woke no waker"
            }
        );
    }
}

#[cfg(feature = "loom")]
mod model {
    use exercises::oneshot::{Closed, channel};
    use loom::future::block_on;
    use loom::thread;

    #[test]
    fn a_send_from_another_thread_wakes_the_receiver() {
        loom::model(|| {
            let (sender, receiver) = channel();
            let sending = thread::spawn(move || sender.send(7));
            assert_eq!(block_on(receiver), Ok(7));
            sending.join().unwrap();
        });
    }

    #[test]
    fn a_dropped_sender_wakes_the_receiver() {
        loom::model(|| {
            let (sender, receiver) = channel::<u32>();
            let dropping = thread::spawn(move || drop(sender));
            assert_eq!(block_on(receiver), Err(Closed));
            dropping.join().unwrap();
        });
    }
}
