//! `cargo test -p exercises --test philosophers`

mod support;

use std::sync::{Arc, Mutex};
use std::thread;
use std::time::Duration;

use exercises::philosophers::eat;

fn table(seats: usize) -> Arc<Vec<Mutex<u64>>> {
    Arc::new((0..seats).map(|_| Mutex::new(0)).collect())
}

fn uses(forks: &[Mutex<u64>]) -> Vec<u64> {
    forks.iter().map(|f| *f.lock().unwrap()).collect()
}

#[test]
fn eating_uses_both_forks_once() {
    let forks = table(3);
    eat(&forks, 2, 0);
    eat(&forks, 0, 1);
    assert_eq!(uses(&forks), [2, 1, 1]);
}

#[test]
fn the_last_philosopher_does_not_close_the_cycle() {
    support::within("the last philosopher, right fork 0, left fork 4", || {
        // The neighbour holds fork 4. The last philosopher, whose left fork is 4 and right fork
        // is 0, must take fork 0 first, as everyone else takes their lower fork first; taking
        // fork 4 first is the step that closes the cycle round the table.
        let forks = table(5);
        let held = forks[4].lock().unwrap();
        let last = {
            let forks = Arc::clone(&forks);
            thread::spawn(move || eat(&forks, 4, 0))
        };
        // Wait until the last philosopher has taken fork 0 while waiting for fork 4; with the
        // other order this never happens, and the check fails as a deadlock.
        while forks[0].try_lock().is_ok() && !last.is_finished() {
            thread::sleep(Duration::from_millis(1));
        }
        drop(held);
        last.join().expect("the philosopher panicked");
        assert_eq!(uses(&forks), [1, 0, 0, 0, 1]);
    });
}

#[test]
fn five_philosophers_eating_at_once_neither_deadlock_nor_miss_a_meal() {
    const SEATS: usize = 5;
    const MEALS: u64 = 200;
    // Short rounds, each within the limit even on one loaded core.
    for _ in 0..support::ROUNDS / 20 {
        support::within("five philosophers round a table", || {
            let forks = table(SEATS);
            let diners: Vec<_> = (0..SEATS)
                .map(|seat| {
                    let forks = Arc::clone(&forks);
                    thread::spawn(move || {
                        for _ in 0..MEALS {
                            eat(&forks, seat, (seat + 1) % SEATS);
                        }
                    })
                })
                .collect();
            for diner in diners {
                diner.join().expect("a philosopher panicked");
            }
            // Each fork is shared by two philosophers.
            assert_eq!(uses(&forks), [2 * MEALS; SEATS]);
        });
    }
}
