//! A wrong check the tests must catch: it checks that every message arrived
//! once, but sorts them first, and so lets one producer's messages overtake
//! each other, which a channel never does.
//!
//! Caught by `rejects_messages_of_one_producer_out_of_order`, which says
//! "overtook each other".

pub fn check_delivery(
    producers: usize,
    each: usize,
    received: &[(usize, usize)],
) -> Result<(), String> {
    let mut sorted = received.to_vec();
    sorted.sort();
    let expected: Vec<(usize, usize)> = (0..producers)
        .flat_map(|producer| (0..each).map(move |number| (producer, number)))
        .collect();
    if sorted == expected {
        Ok(())
    } else {
        Err("not every message exactly once".to_owned())
    }
}
