//! Chapter 12: philosophers round a table share forks; take two locks without a
//! cycle of waits.

use std::sync::{Condvar, Mutex};

/// How many philosophers are seated: one waiter serves every table.
static SEATED: Mutex<usize> = Mutex::new(0);
static SEAT_FREED: Condvar = Condvar::new();

/// A philosopher eats with the forks `left` and `right` (indexes into `forks`;
/// each fork counts how often it was used). Eating holds both forks' locks at
/// once and adds one to each count. Philosophers round a table, each sharing a
/// fork with each neighbour, all eating at the same time, must never deadlock.
pub fn eat(forks: &[Mutex<u64>], left: usize, right: usize) {
    assert_ne!(left, right, "eating takes two forks");
    // A waiter seats at most one philosopher fewer than there are forks. Then
    // some seated philosopher always finds both forks free in the end, so the
    // philosophers can take them left first without closing a cycle.
    let _seat = Seat::take(forks.len() - 1);
    let mut left = forks[left].lock().unwrap();
    let mut right = forks[right].lock().unwrap();
    *left += 1;
    *right += 1;
}

/// A seat at the table, given back when dropped, even if eating panics.
struct Seat;

impl Seat {
    fn take(seats: usize) -> Seat {
        let seated = SEATED.lock().unwrap();
        let mut seated = SEAT_FREED
            .wait_while(seated, |seated| *seated >= seats)
            .unwrap();
        *seated += 1;
        Seat
    }
}

impl Drop for Seat {
    fn drop(&mut self) {
        *SEATED.lock().unwrap() -= 1;
        // All, not one: tables of other sizes share the waiter, and the one
        // woken might be a philosopher who still may not sit.
        SEAT_FREED.notify_all();
    }
}
