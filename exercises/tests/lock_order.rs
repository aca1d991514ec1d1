//! `cargo test -p exercises --test lock_order`

mod support;

use std::sync::Arc;
use std::thread;

use exercises::lock_order::{Account, transfer};

#[test]
fn moves_money_only_when_there_is_enough() {
    let (a, b) = (Account::new(1, 100), Account::new(2, 0));
    assert!(transfer(&a, &b, 60));
    assert!(!transfer(&a, &b, 60), "moved more than the balance");
    assert_eq!(
        (*a.balance.lock().unwrap(), *b.balance.lock().unwrap()),
        (40, 60)
    );
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
            // An auditor takes both locks, in the agreed order, and checks that no money is in
            // transit.
            for _ in 0..20 {
                let a = accounts.0.balance.lock().unwrap();
                let b = accounts.1.balance.lock().unwrap();
                assert_eq!(*a + *b, 2_000, "money seen in neither account");
            }
            for mover in movers {
                mover.join().expect("a transferring thread panicked");
            }
        });
    }
}
