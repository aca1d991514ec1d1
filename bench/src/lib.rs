//! One CPU-bound workload, run by 1, 2, … threads in five ways, to measure what lock granularity
//! costs; and the tooling that turns the measurements into the chart of the GIL chapter.
//!
//! The workload is the same in `gil_scaling.py`, so that Rust and CPython do the same arithmetic.

pub mod chart;
#[cfg(feature = "collect")]
pub mod collect;
pub mod figures;
pub mod results;
pub mod variants;
pub mod workload;

pub use variants::Variant;
pub use workload::{ROUNDS, TOTAL_STEPS, max_threads, step};
