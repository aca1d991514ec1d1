//! Checks the balance first, under `from`'s lock alone, and only then takes
//! both locks to move the money. Between the check and the move, another
//! transfer can take the money: both see enough, and both move it.
//!
//! Caught by `the_balance_is_checked_under_the_locks_that_move_the_money`,
//! which says "the other transfer took the money in between".

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
    assert_ne!(from.number, to.number, "a transfer needs two accounts");
    // Give up early, before taking two locks, when there is not enough.
    if *from.balance.lock().unwrap() < amount {
        return false;
    }
    let (mut from_balance, mut to_balance) = if from.number < to.number {
        let f = from.balance.lock().unwrap();
        (f, to.balance.lock().unwrap())
    } else {
        let t = to.balance.lock().unwrap();
        (from.balance.lock().unwrap(), t)
    };
    *from_balance -= amount;
    *to_balance += amount;
    true
}
