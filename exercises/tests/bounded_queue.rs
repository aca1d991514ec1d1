//! `cargo test -p exercises --test bounded_queue`; its loom models, which try
//! every interleaving of a few threads: add `--features loom`.

#[cfg(not(feature = "loom"))]
mod support;

#[cfg(not(feature = "loom"))]
mod threads {
    use std::sync::Arc;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::thread;
    use std::time::Duration;

    use exercises::bounded_queue::BoundedQueue;

    use super::support;

    #[test]
    fn pops_in_the_order_pushed() {
        support::within("push then pop", || {
            let queue = BoundedQueue::new(3);
            for n in 1..=3 {
                queue.push(n);
            }
            assert_eq!([queue.pop(), queue.pop(), queue.pop()], [1, 2, 3]);
        });
    }

    #[test]
    fn push_waits_while_the_queue_is_full() {
        support::within("push to a full queue", || {
            let queue = Arc::new(BoundedQueue::new(2));
            let pushed = Arc::new(AtomicUsize::new(0));
            let producer = {
                let (queue, pushed) = (Arc::clone(&queue), Arc::clone(&pushed));
                thread::spawn(move || {
                    for n in 0..3 {
                        queue.push(n);
                        pushed.fetch_add(1, Ordering::SeqCst);
                    }
                })
            };
            while pushed.load(Ordering::SeqCst) < 2 {
                thread::sleep(Duration::from_millis(1));
            }
            // However long this pause, a correct queue cannot take a third item before a pop.
            thread::sleep(Duration::from_millis(20));
            assert_eq!(
                pushed.load(Ordering::SeqCst),
                2,
                "push did not wait on a full queue"
            );
            assert_eq!(queue.pop(), 0);
            producer.join().unwrap();
            assert_eq!([queue.pop(), queue.pop()], [1, 2]);
        });
    }

    #[test]
    fn four_producers_and_four_consumers_pass_every_item_exactly_once() {
        const PER_PRODUCER: usize = 250;
        for _ in 0..support::ROUNDS / 20 {
            let mut got =
                support::within("four producers, four consumers", || {
                    let queue = Arc::new(BoundedQueue::new(2));
                    let producers: Vec<_> = (0..4)
                        .map(|p| {
                            let queue = Arc::clone(&queue);
                            thread::spawn(move || {
                                for n in 0..PER_PRODUCER {
                                    queue.push(p * PER_PRODUCER + n);
                                }
                            })
                        })
                        .collect();
                    let consumers: Vec<_> = (0..4)
                        .map(|_| {
                            let queue = Arc::clone(&queue);
                            thread::spawn(move || {
                                (0..PER_PRODUCER)
                                    .map(|_| queue.pop())
                                    .collect::<Vec<_>>()
                            })
                        })
                        .collect();
                    for producer in producers {
                        producer.join().expect("a producer panicked");
                    }
                    consumers
                        .into_iter()
                        .flat_map(|c| c.join().expect("a consumer panicked"))
                        .collect::<Vec<_>>()
                });
            got.sort_unstable();
            assert!(
                got.iter().copied().eq(0..4 * PER_PRODUCER),
                "items were lost or duplicated"
            );
        }
    }

    #[test]
    fn the_queue_never_holds_more_than_its_capacity() {
        const PER_PRODUCER: usize = 250;
        for _ in 0..support::ROUNDS / 20 {
            let most = support::within("four producers on two places", || {
                let queue = Arc::new(BoundedQueue::new(2));
                // Counted after each push returns and before each pop is
                // called, their difference is never more than the items
                // really in the queue.
                let pushed = Arc::new(AtomicUsize::new(0));
                let popping = Arc::new(AtomicUsize::new(0));
                let most = Arc::new(AtomicUsize::new(0));
                let producers: Vec<_> = (0..4)
                    .map(|p| {
                        let (queue, pushed, popping, most) = (
                            Arc::clone(&queue),
                            Arc::clone(&pushed),
                            Arc::clone(&popping),
                            Arc::clone(&most),
                        );
                        thread::spawn(move || {
                            for n in 0..PER_PRODUCER {
                                queue.push(p * PER_PRODUCER + n);
                                let after =
                                    pushed.fetch_add(1, Ordering::SeqCst) + 1;
                                let held = after.saturating_sub(
                                    popping.load(Ordering::SeqCst),
                                );
                                most.fetch_max(held, Ordering::SeqCst);
                            }
                        })
                    })
                    .collect();
                for _ in 0..4 * PER_PRODUCER {
                    popping.fetch_add(1, Ordering::SeqCst);
                    queue.pop();
                }
                for producer in producers {
                    producer.join().expect("a producer panicked");
                }
                most.load(Ordering::SeqCst)
            });
            assert!(
                most <= 2,
                "the queue held {most} items at once, more than its capacity \
                 of 2: push went on while the queue was full (does every push \
                 check again, in a loop, after it wakes?)"
            );
        }
    }
}

#[cfg(feature = "loom")]
mod model {
    use exercises::bounded_queue::BoundedQueue;
    use loom::thread;
    // std's `Arc`, not loom's: it only counts references, and with loom's a
    // deadlock found by the model aborts the whole test binary instead of
    // failing one test.
    use std::sync::Arc;

    /// Two consumers wait on one place; a producer brings two items. A
    /// consumer woken for an item may find another took it first; a producer
    /// waiting for a free place must be woken when one frees up.
    #[test]
    fn a_producer_and_two_consumers() {
        loom::model(|| {
            let queue = Arc::new(BoundedQueue::new(1));
            let consumers: Vec<_> = (0..2)
                .map(|_| {
                    let queue = Arc::clone(&queue);
                    thread::spawn(move || queue.pop())
                })
                .collect();
            queue.push(1);
            queue.push(2);
            let mut got: Vec<u32> =
                consumers.into_iter().map(|c| c.join().unwrap()).collect();
            got.sort_unstable();
            assert_eq!(got, [1, 2], "an item was lost or taken twice");
        });
    }
}
