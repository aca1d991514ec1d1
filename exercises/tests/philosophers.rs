//! `cargo test -p exercises --test philosophers`

mod support;

use std::sync::mpsc;
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::Duration;

use exercises::philosophers::eat;

const SEATS: usize = 5;

fn table(seats: usize) -> Arc<Vec<Mutex<u64>>> {
    Arc::new((0..seats).map(|_| Mutex::new(0)).collect())
}

fn uses(forks: &[Mutex<u64>]) -> Vec<u64> {
    forks.iter().map(|f| *f.lock().unwrap()).collect()
}

/// Philosopher `seat` eats with the forks `seat` and `seat + 1`, round the
/// table.
fn forks_of(seat: usize) -> (usize, usize) {
    (seat, (seat + 1) % SEATS)
}

#[test]
fn eating_uses_both_forks_once() {
    let forks = table(3);
    eat(&forks, 2, 0);
    eat(&forks, 0, 1);
    assert_eq!(uses(&forks), [2, 1, 1]);
}

/// Five philosophers sit down to one meal each while the test holds every
/// fork; then the test puts the forks down one at a time, in `order`, pausing
/// so that whoever gets a fork has taken it, and waits for their other one,
/// before the next comes free. A fork that two philosophers wait for usually
/// goes to the one who has waited longer: the one who wants it first. If each
/// philosopher could hold one fork while waiting for another, they now do, all
/// round the table, and the last fork freed closes the cycle.
fn forks_come_free(order: [usize; SEATS]) {
    const PAUSE: Duration = Duration::from_millis(20);
    let forks = table(SEATS);
    let mut held: Vec<_> =
        forks.iter().map(|f| Some(f.lock().unwrap())).collect();
    let (seated, sat_down) = mpsc::channel();
    let diners: Vec<_> = (0..SEATS)
        .map(|seat| {
            let (forks, seated) = (Arc::clone(&forks), seated.clone());
            thread::spawn(move || {
                seated.send(()).unwrap();
                let (left, right) = forks_of(seat);
                eat(&forks, left, right);
            })
        })
        .collect();
    for _ in 0..SEATS {
        sat_down.recv().unwrap();
    }
    for fork in order {
        thread::sleep(PAUSE);
        held[fork] = None;
    }
    for diner in diners {
        diner.join().expect("a philosopher panicked");
    }
    assert_eq!(
        uses(&forks),
        [2; SEATS],
        "each fork should have been used twice, once by each neighbour: a \
         philosopher left the table without eating"
    );
}

#[test]
fn no_deadlock_whatever_order_the_forks_come_free_in() {
    // Who gets a freed fork is up to the system in the end: several rounds,
    // the forks freed round the table one way, then the other.
    const DOWN: [usize; SEATS] = [4, 3, 2, 1, 0];
    const UP: [usize; SEATS] = [0, 1, 2, 3, 4];
    for order in [DOWN, UP, DOWN, UP, DOWN, UP] {
        support::within(
            &format!("five philosophers, forks freed in the order {order:?}"),
            move || forks_come_free(order),
        );
    }
}

#[test]
fn five_philosophers_eating_at_once_neither_deadlock_nor_miss_a_meal() {
    const MEALS: u64 = 200;
    // Short rounds, each within the limit even on one loaded core.
    for _ in 0..support::ROUNDS / 20 {
        support::within("five philosophers round a table", || {
            let forks = table(SEATS);
            let diners: Vec<_> = (0..SEATS)
                .map(|seat| {
                    let forks = Arc::clone(&forks);
                    thread::spawn(move || {
                        let (left, right) = forks_of(seat);
                        for _ in 0..MEALS {
                            eat(&forks, left, right);
                        }
                    })
                })
                .collect();
            for diner in diners {
                diner.join().expect("a philosopher panicked");
            }
            // Each fork is shared by two philosophers.
            assert_eq!(
                uses(&forks),
                [2 * MEALS; SEATS],
                "a philosopher left the table without eating"
            );
        });
    }
}
