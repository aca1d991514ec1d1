//! Avoids the deadlock by never holding two locks: takes the money out of
//! `from` under its lock, lets go, then puts it into `to` under that one's.
//! In between, the money is in neither account, and anyone who looks then
//! sees it gone.
//!
//! Caught by `no_one_ever_sees_the_money_in_neither_account`, which says
//! "money seen in neither account".

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
    // A thread that holds one lock at a time cannot be part of a deadlock.
    {
        let mut from_balance = from.balance.lock().unwrap();
        if *from_balance < amount {
            return false;
        }
        *from_balance -= amount;
    }
    *to.balance.lock().unwrap() += amount;
    true
}
