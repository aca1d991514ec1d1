//! Two producers send three numbered messages each through one channel,
//! round after round. The order they arrive in varies; what holds in every
//! round is what a test may assert.
use std::collections::BTreeSet;
use std::sync::{Barrier, mpsc};
use std::thread;

const ROUNDS: usize = 200;

/// One round: both producers start together and send "a1", "a2", "a3" and
/// "b1", "b2", "b3"; returns what the receiver got, in the order it got it.
fn one_round() -> Vec<String> {
    let (sender, receiver) = mpsc::channel();
    let start = Barrier::new(2);
    thread::scope(|s| {
        for producer in ["a", "b"] {
            let sender = sender.clone();
            let start = &start;
            s.spawn(move || {
                // Lines the two up, so that they really send at once.
                start.wait();
                for n in 1..=3 {
                    sender.send(format!("{producer}{n}")).unwrap();
                }
            });
        }
    });
    drop(sender);
    receiver.iter().collect()
}

/// What holds in every round: each message arrives once, and each
/// producer's messages in the order it sent them.
fn every_message_once_in_its_producers_order(received: &[String]) -> bool {
    ["a", "b"].iter().all(|producer| {
        let mine: Vec<&str> = received
            .iter()
            .filter(|m| m.starts_with(producer))
            .map(|m| &m[1..])
            .collect();
        mine == ["1", "2", "3"]
    }) && received.len() == 6
}

fn main() {
    let first = one_round();
    let mut orders = BTreeSet::from([first.clone()]);
    let mut unlike_the_first = 0;
    for _ in 1..ROUNDS {
        let received = one_round();
        assert!(
            every_message_once_in_its_producers_order(&received),
            "a channel lost, repeated or reordered a message: {received:?}"
        );
        if received != first {
            unlike_the_first += 1;
        }
        orders.insert(received);
    }
    println!("{ROUNDS} rounds; in every one, each message arrived once,");
    println!("each producer's in the order it sent them");
    println!("distinct orders seen: {} of the 20 possible", orders.len());
    println!("rounds unlike the first: {unlike_the_first}");
}
