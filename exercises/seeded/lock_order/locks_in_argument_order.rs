//! Locks `from`, then `to`. A transfer from A to B takes A's lock and waits
//! for B's, while a transfer from B to A at the same time holds B's and waits
//! for A's: each waits for the other for ever (an ABBA deadlock).
//!
//! Caught by `opposite_transfers_cannot_deadlock_whatever_the_timing`, which
//! says "a deadlock".

use std::sync::Mutex;

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
    let mut from_balance = from.balance.lock().unwrap();
    let mut to_balance = to.balance.lock().unwrap();
    if *from_balance < amount {
        return false;
    }
    *from_balance -= amount;
    *to_balance += amount;
    true
}
