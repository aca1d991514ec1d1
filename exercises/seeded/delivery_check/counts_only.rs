//! A wrong check the tests must catch: it counts each producer's messages
//! and looks no further. A message delivered twice in place of one that was
//! lost leaves every count right.
//!
//! Caught by `rejects_a_message_delivered_twice`, which says "which delivered
//! a message twice".

pub fn check_delivery(
    producers: usize,
    each: usize,
    received: &[(usize, usize)],
) -> Result<(), String> {
    let mut counts = vec![0; producers];
    for &(producer, _) in received {
        match counts.get_mut(producer) {
            Some(count) => *count += 1,
            None => return Err(format!("no producer {producer}")),
        }
    }
    match counts.iter().position(|&count| count != each) {
        Some(producer) => Err(format!("producer {producer}: wrong count")),
        None => Ok(()),
    }
}
