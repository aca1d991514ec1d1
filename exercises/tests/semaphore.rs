//! `cargo test -p exercises --test semaphore`; its loom models, which try
//! every interleaving of a few threads: add `--features loom`.

#[cfg(not(feature = "loom"))]
mod support;

#[cfg(not(feature = "loom"))]
mod threads {
    use std::sync::Arc;
    use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
    use std::thread;
    use std::time::Duration;

    use exercises::semaphore::Semaphore;

    use super::support;

    #[test]
    fn acquire_takes_permits_and_release_gives_them_back() {
        support::within("acquire and release on one thread", || {
            let semaphore = Semaphore::new(3);
            assert_eq!(semaphore.available(), 3);
            semaphore.acquire(2);
            assert_eq!(
                semaphore.available(),
                1,
                "acquire(2) did not take two permits"
            );
            semaphore.release(2);
            assert_eq!(
                semaphore.available(),
                3,
                "release(2) did not give two permits back"
            );
        });
    }

    #[test]
    fn acquire_waits_until_enough_permits_are_free() {
        support::within("acquire(2) with one permit free", || {
            let semaphore = Arc::new(Semaphore::new(1));
            let acquired = Arc::new(AtomicBool::new(false));
            let waiter = {
                let (semaphore, acquired) =
                    (Arc::clone(&semaphore), Arc::clone(&acquired));
                thread::spawn(move || {
                    semaphore.acquire(2);
                    acquired.store(true, Ordering::SeqCst);
                })
            };
            // However long this pause, a correct semaphore cannot give two
            // permits while one is free.
            thread::sleep(Duration::from_millis(20));
            assert!(
                !acquired.load(Ordering::SeqCst),
                "acquire(2) returned while only one permit was free"
            );
            semaphore.release(1);
            waiter.join().unwrap();
            assert_eq!(semaphore.available(), 0);
        });
    }

    #[test]
    fn one_release_lets_every_waiter_it_is_enough_for_through() {
        for _ in 0..support::ROUNDS / 4 {
            support::within("three threads acquire(1); one release(3)", || {
                let semaphore = Arc::new(Semaphore::new(0));
                let waiters: Vec<_> = (0..3)
                    .map(|_| {
                        let semaphore = Arc::clone(&semaphore);
                        thread::spawn(move || semaphore.acquire(1))
                    })
                    .collect();
                // Gives the waiters time to block, so that one release
                // meets several of them; a correct semaphore passes either
                // way.
                thread::sleep(Duration::from_millis(1));
                semaphore.release(3);
                for waiter in waiters {
                    waiter.join().unwrap();
                }
            });
        }
    }

    #[test]
    fn six_threads_never_hold_more_permits_than_there_are() {
        const TIMES: usize = 50;
        for _ in 0..support::ROUNDS / 20 {
            let most = support::within("six threads on three permits", || {
                let semaphore = Arc::new(Semaphore::new(3));
                // Counted after each acquire returns and before each
                // release, so never more than the permits really held.
                let held = Arc::new(AtomicUsize::new(0));
                let most = Arc::new(AtomicUsize::new(0));
                let threads: Vec<_> = (0..6)
                    .map(|t| {
                        let (semaphore, held, most) = (
                            Arc::clone(&semaphore),
                            Arc::clone(&held),
                            Arc::clone(&most),
                        );
                        thread::spawn(move || {
                            for i in 0..TIMES {
                                let n = 1 + (t + i) % 2;
                                semaphore.acquire(n);
                                let now =
                                    held.fetch_add(n, Ordering::SeqCst) + n;
                                most.fetch_max(now, Ordering::SeqCst);
                                // Holds the permits a moment, so that the
                                // other threads meet them taken and wait.
                                thread::sleep(Duration::from_micros(50));
                                held.fetch_sub(n, Ordering::SeqCst);
                                semaphore.release(n);
                            }
                        })
                    })
                    .collect();
                for thread in threads {
                    thread.join().expect("a thread panicked");
                }
                assert_eq!(
                    semaphore.available(),
                    3,
                    "permits were lost or made up"
                );
                most.load(Ordering::SeqCst)
            });
            assert!(
                most <= 3,
                "{most} permits were held at once, more than the 3 there \
                 are (does acquire check again, in a loop, after it wakes?)"
            );
        }
    }
}

#[cfg(feature = "loom")]
mod model {
    use exercises::semaphore::Semaphore;
    use loom::thread;
    // std's `Arc`, not loom's: it only counts references, and with loom's a
    // deadlock found by the model aborts the whole test binary instead of
    // failing one test.
    use std::sync::Arc;

    /// One thread waits for a permit; main releases one.
    #[test]
    fn a_release_wakes_a_waiter() {
        loom::model(|| {
            let semaphore = Arc::new(Semaphore::new(0));
            let waiter = {
                let semaphore = Arc::clone(&semaphore);
                thread::spawn(move || semaphore.acquire(1))
            };
            semaphore.release(1);
            waiter.join().unwrap();
        });
    }

    /// One thread waits for one permit, another for two. Main releases one
    /// permit and waits for the first thread to get it, then releases two.
    #[test]
    fn a_release_too_small_for_one_waiter_wakes_the_other() {
        loom::model(|| {
            let semaphore = Arc::new(Semaphore::new(0));
            let spawn_acquire = |n| {
                let semaphore = Arc::clone(&semaphore);
                thread::spawn(move || semaphore.acquire(n))
            };
            let wants_one = spawn_acquire(1);
            let wants_two = spawn_acquire(2);
            semaphore.release(1);
            wants_one.join().unwrap();
            semaphore.release(2);
            wants_two.join().unwrap();
            assert_eq!(semaphore.available(), 0);
        });
    }
}
