//! `cargo test -p exercises --test delivery_check`

mod support;

use std::sync::{Barrier, mpsc};
use std::thread;

use exercises::delivery_check::check_delivery;

/// Every order in which a channel can deliver the messages of `producers`
/// threads that send `each` messages each: every interleaving of their
/// sequences, each sequence in its own order.
fn every_order(producers: usize, each: usize) -> Vec<Vec<(usize, usize)>> {
    fn extend(
        sent: &mut Vec<usize>,
        each: usize,
        run: &mut Vec<(usize, usize)>,
        all: &mut Vec<Vec<(usize, usize)>>,
    ) {
        if sent.iter().all(|&n| n == each) {
            all.push(run.clone());
            return;
        }
        for producer in 0..sent.len() {
            if sent[producer] < each {
                run.push((producer, sent[producer]));
                sent[producer] += 1;
                extend(sent, each, run, all);
                sent[producer] -= 1;
                run.pop();
            }
        }
    }
    let mut all = Vec::new();
    extend(&mut vec![0; producers], each, &mut Vec::new(), &mut all);
    all
}

#[test]
fn accepts_every_order_a_channel_can_deliver() {
    for (producers, each) in [(2, 3), (3, 2), (1, 4), (4, 0)] {
        for run in every_order(producers, each) {
            if let Err(why) = check_delivery(producers, each, &run) {
                panic!(
                    "check_delivery({producers}, {each}, ..) rejected \
                     {run:?}, an order a channel can deliver: {why}"
                );
            }
        }
    }
}

#[test]
fn accepts_what_real_runs_deliver() {
    for _ in 0..support::ROUNDS / 4 {
        let run =
            support::within("three producers send 20 messages each", || {
                let (sender, receiver) = mpsc::channel();
                let start = Barrier::new(3);
                thread::scope(|s| {
                    for producer in 0..3 {
                        let sender = sender.clone();
                        let start = &start;
                        s.spawn(move || {
                            start.wait();
                            for number in 0..20 {
                                sender.send((producer, number)).unwrap();
                            }
                        });
                    }
                });
                drop(sender);
                receiver.iter().collect::<Vec<_>>()
            });
        if let Err(why) = check_delivery(3, 20, &run) {
            panic!("rejected what a real run delivered, {run:?}: {why}");
        }
    }
}

/// Each way of changing the orders in `every_order(2, 3)` that `change`
/// makes, which must all be rejected, with what `wrong` says is wrong.
fn each_rejected(
    wrong: &str,
    change: impl Fn(&[(usize, usize)]) -> Vec<Vec<(usize, usize)>>,
) {
    for order in every_order(2, 3) {
        for run in change(&order) {
            assert!(
                check_delivery(2, 3, &run).is_err(),
                "check_delivery(2, 3, ..) accepted {run:?}, {wrong}"
            );
        }
    }
}

#[test]
fn rejects_a_lost_message() {
    each_rejected("which lost a message", |order| {
        (0..order.len())
            .map(|i| {
                let mut run = order.to_vec();
                run.remove(i);
                run
            })
            .collect()
    });
}

#[test]
fn rejects_a_message_delivered_twice() {
    // In place of one message, another of the same producer's, again: each
    // producer still has as many messages as it sent.
    each_rejected("which delivered a message twice", |order| {
        let mut runs = Vec::new();
        for (i, &(producer, _)) in order.iter().enumerate() {
            for (j, &again) in order.iter().enumerate() {
                if j != i && again.0 == producer {
                    let mut run = order.to_vec();
                    run[i] = again;
                    runs.push(run);
                }
            }
        }
        runs
    });
}

#[test]
fn rejects_messages_of_one_producer_out_of_order() {
    each_rejected(
        "in which one producer's messages overtook each other",
        |order| {
            let mut runs = Vec::new();
            for i in 0..order.len() {
                for j in i + 1..order.len() {
                    if order[i].0 == order[j].0 {
                        let mut run = order.to_vec();
                        run.swap(i, j);
                        runs.push(run);
                    }
                }
            }
            runs
        },
    );
}

#[test]
fn rejects_a_message_nobody_sent() {
    each_rejected("which holds a message nobody sent", |order| {
        let mut runs = Vec::new();
        for i in 0..order.len() {
            for stranger in [(2, 0), (0, 3), (1, 7)] {
                let mut run = order.to_vec();
                run[i] = stranger;
                runs.push(run);
                let mut run = order.to_vec();
                run.insert(i, stranger);
                runs.push(run);
            }
        }
        runs
    });
}
