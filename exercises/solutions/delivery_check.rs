//! Chapter 16: the property a test of a channel asserts, whatever order the
//! producers' messages arrived in.

/// Checks what one run delivered. In the run, `producers` threads (numbered
/// from 0) each sent `each` messages (numbered from 0, in that order) through
/// one channel; `received` holds each message as `(producer, number)`, in the
/// order the receiver got them.
///
/// Returns `Ok(())` if a channel can deliver exactly that, whatever the
/// threads' interleaving, and otherwise `Err` saying what is wrong.
pub fn check_delivery(
    producers: usize,
    each: usize,
    received: &[(usize, usize)],
) -> Result<(), String> {
    // The number each producer's next message must have. How the producers
    // interleave is free; each one's own messages come in the order it sent
    // them, once each.
    let mut next = vec![0; producers];
    for &(producer, number) in received {
        let Some(due) = next.get_mut(producer) else {
            return Err(format!(
                "a message from producer {producer}, which does not exist"
            ));
        };
        if number != *due {
            return Err(format!(
                "producer {producer}'s message {number} came where its \
                 message {due} was due"
            ));
        }
        *due += 1;
    }
    for (producer, &count) in next.iter().enumerate() {
        if count != each {
            return Err(format!(
                "producer {producer} sent {each} messages; {count} arrived"
            ));
        }
    }
    Ok(())
}
