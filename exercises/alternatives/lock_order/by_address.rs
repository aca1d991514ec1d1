//! Chapter 7: fix an ABBA deadlock by always taking locks in the same order.

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
    assert!(!std::ptr::eq(from, to), "a transfer needs two accounts");
    // Any order every thread agrees on will do, and the accounts' addresses
    // give one without looking at their numbers: the account at the lower
    // address is locked first.
    let (mut from_balance, mut to_balance) =
        if std::ptr::from_ref(from) < std::ptr::from_ref(to) {
            let f = from.balance.lock().unwrap();
            (f, to.balance.lock().unwrap())
        } else {
            let t = to.balance.lock().unwrap();
            (from.balance.lock().unwrap(), t)
        };
    if *from_balance < amount {
        return false;
    }
    *from_balance -= amount;
    *to_balance += amount;
    true
}
