//! A wrong check the tests must catch: it accepts only one order, every
//! message of producer 0, then every message of producer 1, and so on: the
//! order a run on one core usually shows. Another machine, or a busier one,
//! interleaves the producers, and a test built on this check fails there
//! although nothing is wrong.
//!
//! Caught by `accepts_every_order_a_channel_can_deliver`, which says "an
//! order a channel can deliver".

pub fn check_delivery(
    producers: usize,
    each: usize,
    received: &[(usize, usize)],
) -> Result<(), String> {
    let expected: Vec<(usize, usize)> = (0..producers)
        .flat_map(|producer| (0..each).map(move |number| (producer, number)))
        .collect();
    if received == expected {
        Ok(())
    } else {
        Err(format!("expected {expected:?}, got {received:?}"))
    }
}
