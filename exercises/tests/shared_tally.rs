//! `cargo test -p exercises --test shared_tally`; its loom model, which tries
//! every interleaving of two threads: add `--features loom`.

use exercises::shared_tally::Tally;

/// Compiles only for a type that may move to another thread (`Send`) and be
/// used from several threads at once through `&` (`Sync`).
fn assert_send_and_sync<T: Send + Sync>() {}

#[test]
fn a_tally_may_be_sent_and_shared() {
    assert_send_and_sync::<Tally>();
}

#[cfg(not(feature = "loom"))]
mod support;

#[cfg(not(feature = "loom"))]
mod threads {
    use std::thread;

    use exercises::shared_tally::Tally;

    use super::support;

    /// Counts each thread records: enough for a lost update to show, few
    /// enough to finish soon on one busy core.
    const RECORDS: u64 = 10_000;

    #[test]
    fn a_clone_records_into_the_same_counts() {
        let tally = Tally::default();
        let clone = tally.clone();
        clone.record("open");
        clone.record("open");
        tally.record("close");
        assert_eq!(
            tally.count("open"),
            2,
            "a count recorded through a clone is missing from the original: \
             the clone copied the counts instead of sharing them"
        );
        assert_eq!(
            clone.count("close"),
            1,
            "a count recorded through the original is missing from a clone"
        );
        assert_eq!(tally.count("never"), 0, "a name never recorded counts");
    }

    #[test]
    fn threads_started_with_clones_lose_no_count() {
        let tally =
            support::within("four threads record through clones", || {
                let tally = Tally::default();
                let workers: Vec<_> = (0..4)
                    .map(|worker| {
                        let tally = tally.clone();
                        thread::spawn(move || {
                            for _ in 0..RECORDS {
                                tally.record("request");
                            }
                            tally.record(&format!("worker {worker}"));
                        })
                    })
                    .collect();
                for worker in workers {
                    worker.join().expect("a recording thread panicked");
                }
                tally
            });
        assert_eq!(
            tally.count("request"),
            4 * RECORDS,
            "lost counts: four threads recorded {RECORDS} requests each"
        );
        for worker in 0..4 {
            assert_eq!(tally.count(&format!("worker {worker}")), 1);
        }
    }

    #[test]
    fn scoped_threads_share_one_tally_by_reference() {
        let count =
            support::within("four scoped threads borrow one tally", || {
                let tally = Tally::default();
                thread::scope(|scope| {
                    for _ in 0..4 {
                        scope.spawn(|| {
                            for _ in 0..RECORDS {
                                tally.record("hit");
                            }
                        });
                    }
                });
                tally.count("hit")
            });
        assert_eq!(
            count,
            4 * RECORDS,
            "lost counts: four threads recorded {RECORDS} hits each"
        );
    }
}

#[cfg(feature = "loom")]
mod model {
    use exercises::shared_tally::Tally;
    use loom::thread;

    #[test]
    fn two_clones_recording_at_once_count_two() {
        loom::model(|| {
            let tally = Tally::default();
            let other = {
                let tally = tally.clone();
                thread::spawn(move || tally.record("request"))
            };
            tally.record("request");
            other.join().unwrap();
            assert_eq!(
                tally.count("request"),
                2,
                "a count was lost: two threads recorded one each"
            );
        });
    }
}
