//! `cargo test -p exercises --test id_allocator`; its loom models, which try
//! every interleaving of a few threads: add `--features loom`.

#[cfg(not(feature = "loom"))]
mod support;

#[cfg(not(feature = "loom"))]
mod threads {
    use std::collections::HashSet;
    use std::sync::{Arc, Barrier};
    use std::thread;

    use exercises::id_allocator::IdAllocator;

    use super::support;

    #[test]
    fn hands_out_ids_in_order_then_none() {
        let ids = IdAllocator::new(3);
        assert_eq!(
            [ids.allocate(), ids.allocate(), ids.allocate()],
            [Some(0), Some(1), Some(2)]
        );
        assert_eq!(ids.allocate(), None, "handed out more than the limit");
        assert_eq!(
            ids.allocate(),
            None,
            "an exhausted allocator started again"
        );
        assert_eq!(
            ids.allocated(),
            3,
            "allocated() counts more ids than were handed out"
        );
    }

    #[test]
    fn an_allocator_of_no_ids_hands_out_none() {
        let ids = IdAllocator::new(0);
        assert_eq!(ids.allocate(), None);
        assert_eq!(ids.allocated(), 0);
    }

    #[test]
    fn threads_racing_past_the_limit_get_every_id_exactly_once() {
        const THREADS: usize = 4;
        const LIMIT: usize = 10_000;
        for _ in 0..support::ROUNDS / 20 {
            support::within(
                "four threads take more ids than there are",
                || {
                    let ids = Arc::new(IdAllocator::new(LIMIT));
                    let start = Arc::new(Barrier::new(THREADS));
                    let takers: Vec<_> = (0..THREADS)
                        .map(|_| {
                            let (ids, start) =
                                (Arc::clone(&ids), Arc::clone(&start));
                            thread::spawn(move || {
                                start.wait();
                                // Each asks for half the ids: together, twice as many as there are.
                                (0..LIMIT / 2)
                                    .filter_map(|_| ids.allocate())
                                    .collect::<Vec<_>>()
                            })
                        })
                        .collect();
                    let mut seen = HashSet::new();
                    for taker in takers {
                        for id in taker.join().expect("a thread panicked") {
                            assert!(
                                id < LIMIT,
                                "handed out id {id}, past the limit {LIMIT}"
                            );
                            assert!(
                                seen.insert(id),
                                "handed out id {id} twice"
                            );
                        }
                    }
                    assert_eq!(
                        seen.len(),
                        LIMIT,
                        "some ids were never handed out"
                    );
                    assert_eq!(ids.allocated(), LIMIT);
                },
            );
        }
    }
}

#[cfg(feature = "loom")]
mod model {
    use exercises::id_allocator::IdAllocator;
    use loom::thread;
    // std's `Arc`, not loom's: it only counts references, and with loom's a
    // deadlock found by the model aborts the whole test binary instead of
    // failing one test.
    use std::sync::Arc;

    #[test]
    fn two_threads_asking_for_the_last_two_ids_get_one_each() {
        loom::model(|| {
            let ids = Arc::new(IdAllocator::new(2));
            let other = {
                let ids = Arc::clone(&ids);
                thread::spawn(move || ids.allocate())
            };
            let mine = ids.allocate();
            let theirs = other.join().unwrap();
            assert_ne!(mine, theirs, "two threads were given the same id");
            assert!(mine.is_some() && theirs.is_some(), "an id was lost");
            assert_eq!(ids.allocate(), None, "handed out more than the limit");
            assert_eq!(ids.allocated(), 2);
        });
    }
}
