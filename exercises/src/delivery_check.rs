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
    todo!("what must hold in every run, and nothing more")
}
