//! `cargo test -p exercises --test lock_order`

mod support;

use std::any::Any;
use std::panic;
use std::sync::{Arc, TryLockError};
use std::thread;
use std::time::Duration;

use exercises::lock_order::{Account, transfer};

/// Long enough for a transfer thread to get as far as it can while the test
/// holds a lock it needs, even on one loaded core.
const PAUSE: Duration = Duration::from_millis(50);

fn balances(a: &Account, b: &Account) -> (u64, u64) {
    (*a.balance.lock().unwrap(), *b.balance.lock().unwrap())
}

#[test]
fn moves_money_only_when_there_is_enough() {
    let (a, b) = (Account::new(1, 100), Account::new(2, 0));
    assert!(transfer(&a, &b, 60));
    assert!(!transfer(&a, &b, 60), "moved more than the balance");
    assert_eq!(balances(&a, &b), (40, 60));
    assert!(transfer(&b, &a, 60), "could not move money back");
    assert_eq!(balances(&a, &b), (100, 0));
}

#[test]
fn opposite_transfers_cannot_deadlock_whatever_the_timing() {
    support::within("transfers both ways, while the test holds both", || {
        // The test holds both accounts until both transfers wait for their
        // first lock, then lets the accounts go one at a time. If the two
        // transfers take the locks in opposite orders, one takes its first
        // lock and waits for its second; when that comes free, it usually goes
        // to the other transfer, which has waited for it longer, and each now
        // holds what the other waits for.
        let accounts = Arc::new((Account::new(1, 100), Account::new(2, 100)));
        let a = accounts.0.balance.lock().unwrap();
        let b = accounts.1.balance.lock().unwrap();
        let movers: Vec<_> = [false, true]
            .into_iter()
            .map(|backwards| {
                let accounts = Arc::clone(&accounts);
                thread::spawn(move || {
                    let (a, b) = (&accounts.0, &accounts.1);
                    if backwards {
                        transfer(b, a, 10)
                    } else {
                        transfer(a, b, 10)
                    }
                })
            })
            .collect();
        thread::sleep(PAUSE);
        drop(a);
        thread::sleep(PAUSE);
        drop(b);
        for mover in movers {
            assert!(mover.join().expect("a transfer panicked"));
        }
        assert_eq!(balances(&accounts.0, &accounts.1), (100, 100));
    });
}

#[test]
fn the_balance_is_checked_under_the_locks_that_move_the_money() {
    // Account numbers may decide the order of the locks: the account paying
    // out comes last in one round and first in the other.
    for (from, to) in [(3, [1, 2]), (1, [2, 3])] {
        support::within(
            "two transfers of the whole balance at once",
            move || race_for_the_whole_balance(from, to),
        );
    }
}

/// Two transfers each want all of account `from`'s money, to one account of
/// `to` each. The test holds the accounts in `to`, so that both transfers
/// start and neither can finish; then it lets them go. Only one may move the
/// money.
fn race_for_the_whole_balance(from: u32, to: [u32; 2]) {
    const CHECKED_EARLY: &str = "the balance was checked under one lock and \
        the money moved under another, so the other transfer took the money \
        in between";
    let from = Arc::new(Account::new(from, 100));
    let to = Arc::new(to.map(|number| Account::new(number, 0)));
    let held: Vec<_> = to.iter().map(|t| t.balance.lock().unwrap()).collect();
    let movers: Vec<_> = (0..2)
        .map(|which| {
            let (from, to) = (Arc::clone(&from), Arc::clone(&to));
            thread::spawn(move || transfer(&from, &to[which], 100))
        })
        .collect();
    thread::sleep(PAUSE);
    drop(held);
    let mut moved = 0;
    for mover in movers {
        moved += match mover.join() {
            Ok(ok) => usize::from(ok),
            Err(panic) if overflowed(&*panic) => panic!(
                "a transfer subtracted more than the balance: {CHECKED_EARLY}"
            ),
            Err(panic) => panic::resume_unwind(panic),
        };
    }
    assert_eq!(
        moved, 1,
        "both transfers of the whole balance succeeded: {CHECKED_EARLY}"
    );
}

/// Whether a thread panicked on arithmetic overflow, as taking a `u64` below
/// zero does in a debug build.
fn overflowed(panic: &(dyn Any + Send)) -> bool {
    let message = panic
        .downcast_ref::<&str>()
        .copied()
        .or_else(|| panic.downcast_ref::<String>().map(String::as_str));
    message.is_some_and(|m| m.contains("overflow"))
}

#[test]
fn no_one_ever_sees_the_money_in_neither_account() {
    for backwards in [false, true] {
        for hold_to in [true, false] {
            support::within(
                "one transfer, while the test holds one account",
                move || look_between_the_locks(backwards, hold_to),
            );
        }
    }
}

/// The test holds one of the accounts of a transfer (its `to`, or its `from`),
/// so that the transfer gets as far as it can without it; then the test looks
/// at the other account, unless the transfer is holding it, and counts the
/// money.
fn look_between_the_locks(backwards: bool, hold_to: bool) {
    let (a, b) = (Account::new(1, 100), Account::new(2, 100));
    let accounts = Arc::new(if backwards { (b, a) } else { (a, b) });
    let (held, other) = if hold_to {
        (&accounts.1, &accounts.0)
    } else {
        (&accounts.0, &accounts.1)
    };
    let held = held.balance.lock().unwrap();
    let mover = {
        let accounts = Arc::clone(&accounts);
        thread::spawn(move || transfer(&accounts.0, &accounts.1, 10))
    };
    thread::sleep(PAUSE);
    match other.balance.try_lock() {
        Ok(other) => assert_eq!(
            *held + *other,
            200,
            "money seen in neither account, or in both: the transfer let go \
             of one account's lock before it held the other's"
        ),
        // The transfer holds it, and is waiting for the one the test holds.
        Err(TryLockError::WouldBlock) => {}
        Err(TryLockError::Poisoned(_)) => panic!("the transfer panicked"),
    }
    drop(held);
    assert!(mover.join().expect("the transfer panicked"));
}

#[test]
fn opposite_transfers_at_once_neither_deadlock_nor_lose_money() {
    // Short rounds, each within the limit even on one loaded core.
    for _ in 0..support::ROUNDS / 20 {
        support::within("transfers both ways", || {
            let accounts =
                Arc::new((Account::new(1, 1_000), Account::new(2, 1_000)));
            let movers: Vec<_> = [false, true]
                .into_iter()
                .map(|backwards| {
                    let accounts = Arc::clone(&accounts);
                    thread::spawn(move || {
                        let (a, b) = (&accounts.0, &accounts.1);
                        for _ in 0..500 {
                            if backwards {
                                transfer(b, a, 3);
                            } else {
                                transfer(a, b, 3);
                            }
                        }
                    })
                })
                .collect();
            // An auditor holds both locks at once and checks that no money is
            // in transit. It takes the second only if it is free, so that it
            // agrees with whatever order the transfers take them in.
            let mut audits = 0;
            while audits < 20 {
                let a = accounts.0.balance.lock().unwrap();
                if let Ok(b) = accounts.1.balance.try_lock() {
                    assert_eq!(*a + *b, 2_000, "money seen in neither account");
                    audits += 1;
                }
                drop(a);
                thread::yield_now();
            }
            for mover in movers {
                mover.join().expect("a transferring thread panicked");
            }
        });
    }
}
