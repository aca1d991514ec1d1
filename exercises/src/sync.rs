//! The synchronization types the exercises use. With the feature `loom` they are loom's, which
//! record every lock, wait, notification and atomic access so that a loom model can try each
//! order in which threads could do them (`cargo test -p exercises --test NAME --features loom`);
//! otherwise they are std's, under the same names.
//!
//! loom's types have fewer methods than std's: see the hints of each exercise.

#[cfg(feature = "loom")]
pub use loom::sync::{Arc, Condvar, Mutex, MutexGuard, atomic};
#[cfg(not(feature = "loom"))]
pub use std::sync::{Arc, Condvar, Mutex, MutexGuard, atomic};
