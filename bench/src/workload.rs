//! The workload: `TOTAL_STEPS` independent steps of integer hashing, split evenly over the threads
//! (strong scaling: the total stays the same whatever the number of threads).

use std::num::NonZeroUsize;
use std::ops::Range;
use std::thread;

/// Rounds of hashing in one step: long enough (about a microsecond in Rust) that taking a lock or an
/// atomic add once per step is a small part of it.
pub const ROUNDS: u64 = 1_000;

/// Steps in one run of the benchmark, whatever the number of threads.
pub const TOTAL_STEPS: u64 = 10_000;

/// The FNV-1a 64-bit prime.
const PRIME: u64 = 0x0100_0000_01b3;

/// One step: `ROUNDS` rounds of an FNV-style hash of `seed`. Each round needs the one before, so the
/// compiler can neither vectorise the rounds nor skip any.
pub fn step(seed: u64) -> u64 {
    (0..ROUNDS).fold(seed, |h, i| (h ^ i).wrapping_mul(PRIME))
}

/// The seeds thread `index` of `threads` works on: an even share of `0..total`.
pub fn share(total: u64, threads: usize, index: usize) -> Range<u64> {
    let (threads, index) = (threads as u64, index as u64);
    total * index / threads..total * (index + 1) / threads
}

/// The thread counts to measure: 1 up to the cores this process may use.
pub fn max_threads() -> usize {
    thread::available_parallelism().map_or(1, NonZeroUsize::get)
}
