//! The five ways the threads combine their results. Each does the same `step` for every seed and
//! adds its result to a total with wrapping addition; they differ only in what the threads share,
//! and in what they lock and for how long.

use std::hint::black_box;
use std::ops::Range;
use std::sync::atomic::{AtomicU64, Ordering};
use std::thread;

use parking_lot::Mutex;

use crate::workload::{share, step};

/// Shards of the fine-grained variant: many more than threads, so that two threads rarely want the
/// same one.
const SHARDS: usize = 16;
// `shard_of` takes the top bits of a hash, so the count must be a power of two.
const _: () = assert!(SHARDS.is_power_of_two());

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Variant {
    /// Each thread keeps its own total and hands it back through `join`.
    NoSharedState,
    /// Every step runs while holding one global lock, as Python code runs under the GIL.
    GlobalLock,
    /// One lock again, but a step runs without it; the lock is held only for the addition.
    ShortLock,
    /// The total is split into shards, each with its own lock; a step runs without any lock, then
    /// locks only the shard it adds to, only for the addition.
    ShardedLocks,
    /// One shared atomic total: a step runs without any lock, then adds its result atomically.
    Atomics,
}

impl Variant {
    pub const ALL: [Variant; 5] = [
        Variant::NoSharedState,
        Variant::GlobalLock,
        Variant::ShortLock,
        Variant::ShardedLocks,
        Variant::Atomics,
    ];

    /// The name used in benchmark ids and in the CSV.
    pub fn name(self) -> &'static str {
        match self {
            Variant::NoSharedState => "no-shared-state",
            Variant::GlobalLock => "global-lock",
            Variant::ShortLock => "short-lock",
            Variant::ShardedLocks => "sharded-locks",
            Variant::Atomics => "atomics",
        }
    }

    pub fn from_name(name: &str) -> Option<Variant> {
        Variant::ALL.into_iter().find(|v| v.name() == name)
    }

    /// Runs `total` steps on `threads` threads and returns the wrapping sum of their results, which
    /// is the same for every variant and every number of threads.
    pub fn run(self, total: u64, threads: usize) -> u64 {
        match self {
            Variant::NoSharedState => no_shared_state(total, threads),
            Variant::GlobalLock => global_lock(total, threads),
            Variant::ShortLock => short_lock(total, threads),
            Variant::ShardedLocks => sharded_locks(total, threads),
            Variant::Atomics => atomics(total, threads),
        }
    }
}

/// Runs `work` on each thread's share of the seeds and sums what the threads return.
fn on_threads(total: u64, threads: usize, work: impl Fn(Range<u64>) -> u64 + Sync) -> u64 {
    let work = &work;
    thread::scope(|scope| {
        let handles: Vec<_> = (0..threads)
            .map(|index| scope.spawn(move || work(share(total, threads, index))))
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().expect("a worker panicked"))
            .fold(0, u64::wrapping_add)
    })
}

/// `black_box` on the seed keeps the compiler from computing steps ahead of time at small sizes.
fn step_of(seed: u64) -> u64 {
    step(black_box(seed))
}

fn no_shared_state(total: u64, threads: usize) -> u64 {
    on_threads(total, threads, |seeds| {
        seeds.fold(0, |sum, seed| sum.wrapping_add(step_of(seed)))
    })
}

fn global_lock(total: u64, threads: usize) -> u64 {
    let gil = Mutex::new(0u64);
    on_threads(total, threads, |seeds| {
        for seed in seeds {
            let mut sum = gil.lock();
            *sum = sum.wrapping_add(step_of(seed));
        }
        0
    });
    gil.into_inner()
}

/// The same one lock as `global_lock`, held only for the addition: against `global_lock` it
/// changes only the length of the critical section, against `sharded_locks` only the number of
/// locks.
fn short_lock(total: u64, threads: usize) -> u64 {
    let lock = Mutex::new(0u64);
    on_threads(total, threads, |seeds| {
        for seed in seeds {
            let result = step_of(seed);
            let mut sum = lock.lock();
            *sum = sum.wrapping_add(result);
        }
        0
    });
    lock.into_inner()
}

/// Aligned to 64 bytes so that two shards never share a cache line; otherwise cores writing to
/// neighbouring shards would slow each other down (false sharing).
#[repr(align(64))]
struct Shard(Mutex<u64>);

/// The shard a seed adds to, from a hash of the seed, as a sharded map picks a shard from a key.
fn shard_of(seed: u64) -> usize {
    // The top bits of a multiplicative (Fibonacci) hash are the well-mixed ones.
    (seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - SHARDS.ilog2())) as usize
}

fn sharded_locks(total: u64, threads: usize) -> u64 {
    let shards: Vec<Shard> = (0..SHARDS).map(|_| Shard(Mutex::new(0))).collect();
    on_threads(total, threads, |seeds| {
        for seed in seeds {
            let result = step_of(seed);
            let mut sum = shards[shard_of(seed)].0.lock();
            *sum = sum.wrapping_add(result);
        }
        0
    });
    shards
        .into_iter()
        .map(|shard| shard.0.into_inner())
        .fold(0, u64::wrapping_add)
}

fn atomics(total: u64, threads: usize) -> u64 {
    let sum = AtomicU64::new(0);
    on_threads(total, threads, |seeds| {
        for seed in seeds {
            // Relaxed is enough: the only reader runs after `thread::scope` has joined every thread.
            sum.fetch_add(step_of(seed), Ordering::Relaxed);
        }
        0
    });
    sum.into_inner()
}
