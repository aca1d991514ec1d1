//! `cargo test -p exercises --test reentrant_lock`; its loom models, which try
//! every interleaving of a few threads: add `--features loom`.

#[cfg(not(feature = "loom"))]
mod support;

#[cfg(not(feature = "loom"))]
mod threads {
    use std::sync::Arc;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::thread;

    use exercises::reentrant_lock::ReentrantLock;

    use super::support;

    #[test]
    fn the_holder_takes_it_again_without_waiting() {
        support::within("a nested lock on one thread", || {
            let lock = ReentrantLock::new(AtomicUsize::new(0));
            let outer = lock.lock();
            {
                let inner = lock.lock();
                inner.fetch_add(1, Ordering::SeqCst);
            }
            outer.fetch_add(1, Ordering::SeqCst);
            assert_eq!(outer.load(Ordering::SeqCst), 2);
        });
    }

    #[test]
    fn no_other_thread_enters_until_the_outermost_guard_is_dropped() {
        // Many short rounds rather than one long one: each must finish within the limit even on one
        // loaded core, where every hand-over of the lock waits for the scheduler.
        for _ in 0..support::ROUNDS / 10 {
            support::within("four threads taking the lock twice", || {
                // The value counts the threads inside: a correct lock never lets it pass 1.
                let lock = Arc::new(ReentrantLock::new(AtomicUsize::new(0)));
                let threads: Vec<_> = (0..4)
                    .map(|_| {
                        let lock = Arc::clone(&lock);
                        thread::spawn(move || {
                            for _ in 0..10 {
                                let outer = lock.lock();
                                let inside =
                                    outer.fetch_add(1, Ordering::SeqCst);
                                assert_eq!(
                                    inside, 0,
                                    "two threads held the lock at once"
                                );
                                drop(lock.lock());
                                // The inner guard is gone; the outer one still holds the lock.
                                thread::yield_now();
                                outer.fetch_sub(1, Ordering::SeqCst);
                            }
                        })
                    })
                    .collect();
                for t in threads {
                    t.join().expect("two threads held the lock at once");
                }
            });
        }
    }

    #[test]
    fn a_thread_waits_for_the_holder_and_then_gets_it() {
        support::within("a second thread waiting", || {
            let lock = Arc::new(ReentrantLock::new(AtomicUsize::new(0)));
            let guard = lock.lock();
            let other = {
                let lock = Arc::clone(&lock);
                thread::spawn(move || lock.lock().load(Ordering::SeqCst))
            };
            guard.store(7, Ordering::SeqCst);
            drop(guard);
            assert_eq!(other.join().unwrap(), 7);
        });
    }
}

#[cfg(feature = "loom")]
mod model {
    use exercises::reentrant_lock::ReentrantLock;
    use loom::sync::atomic::{AtomicUsize, Ordering};
    use loom::thread;
    // std's `Arc`, not loom's: it only counts references, and with loom's a
    // deadlock found by the model aborts the whole test binary instead of
    // failing one test.
    use std::sync::Arc;

    /// Takes the lock, and inside it takes it again and lets the inner guard
    /// go; the value counts the threads inside.
    fn nested(lock: &ReentrantLock<AtomicUsize>) {
        let outer = lock.lock();
        let inside = outer.fetch_add(1, Ordering::SeqCst);
        assert_eq!(inside, 0, "two threads held the lock at once");
        drop(lock.lock());
        outer.fetch_sub(1, Ordering::SeqCst);
    }

    #[test]
    fn no_thread_enters_while_another_holds_it() {
        loom::model(|| {
            let lock = Arc::new(ReentrantLock::new(AtomicUsize::new(0)));
            let other = {
                let lock = Arc::clone(&lock);
                thread::spawn(move || nested(&lock))
            };
            nested(&lock);
            other.join().unwrap();
        });
    }

    /// Three threads each take the lock once: when it is freed, a thread
    /// woken for it may find that the third took it first.
    #[test]
    fn a_woken_thread_checks_again_that_the_lock_is_free() {
        loom::model(|| {
            let lock = Arc::new(ReentrantLock::new(AtomicUsize::new(0)));
            let enter = |lock: &ReentrantLock<AtomicUsize>| {
                let guard = lock.lock();
                let inside = guard.fetch_add(1, Ordering::SeqCst);
                assert_eq!(inside, 0, "two threads held the lock at once");
                guard.fetch_sub(1, Ordering::SeqCst);
            };
            let others: Vec<_> = (0..2)
                .map(|_| {
                    let lock = Arc::clone(&lock);
                    thread::spawn(move || enter(&lock))
                })
                .collect();
            enter(&lock);
            for other in others {
                other.join().unwrap();
            }
        });
    }
}
