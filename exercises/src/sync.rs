//! The synchronization types the exercises use. With the feature `loom` they are loom's, which
//! record every lock, wait, notification and atomic access so that a loom model can try each
//! order in which threads could do them (`cargo test -p exercises --test NAME --features loom`);
//! otherwise they are std's, under the same names.
//!
//! loom's types have fewer methods than std's. Its `Condvar` has `wait`, `notify_one` and
//! `notify_all`, but no `wait_while`: the exercises wait in a `while` loop, as `wait_while` does
//! inside. loom does not model time (its `wait_timeout` never times out), so a model never relies
//! on a timeout. `thread` is here too: in a model, loom's threads are not the OS's, and only
//! loom's `thread::current()` tells them apart.

#[cfg(feature = "loom")]
pub use loom::{
    sync::{Arc, Condvar, Mutex, MutexGuard, atomic},
    thread,
};
#[cfg(not(feature = "loom"))]
pub use std::{
    sync::{Arc, Condvar, Mutex, MutexGuard, atomic},
    thread,
};
