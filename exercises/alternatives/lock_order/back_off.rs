//! Chapter 7: fix an ABBA deadlock by always taking locks in the same order.

use std::sync::{Mutex, TryLockError};
use std::thread;

/// A bank account: its number, and its balance behind a lock.
pub struct Account {
    pub number: u32,
    pub balance: Mutex<u64>,
}

impl Account {
    pub fn new(number: u32, balance: u64) -> Account {
        Account {
            number,
            balance: Mutex::new(balance),
        }
    }
}

/// Moves `amount` from `from` to `to` if `from` has enough, holding both
/// balances' locks together so that no thread ever sees the money in neither
/// account. Returns whether it moved. Two threads moving money in opposite
/// directions at once must not deadlock.
pub fn transfer(from: &Account, to: &Account, amount: u64) -> bool {
    assert_ne!(from.number, to.number, "a transfer needs two accounts");
    loop {
        let mut from_balance = from.balance.lock().unwrap();
        // Never wait for the second lock while holding the first: if it is
        // taken, let go of the first too and start again, so that the thread
        // holding the second can take the first.
        match to.balance.try_lock() {
            Ok(mut to_balance) => {
                if *from_balance < amount {
                    return false;
                }
                *from_balance -= amount;
                *to_balance += amount;
                return true;
            }
            Err(TryLockError::WouldBlock) => {}
            Err(TryLockError::Poisoned(_)) => {
                panic!("a thread panicked while holding an account's lock")
            }
        }
        drop(from_balance);
        thread::yield_now();
    }
}
