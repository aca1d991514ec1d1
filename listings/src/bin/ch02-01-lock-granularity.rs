use std::thread;
use std::time::{Duration, Instant};

use parking_lot::Mutex;

const THREADS: usize = 4;
const STEPS: u64 = 1_000;

/// One step of CPU-bound work: a few thousand rounds of an integer hash.
fn work(seed: u64) -> u64 {
    (0..2_000).fold(seed, |h, i| (h ^ i).wrapping_mul(0x0100_0000_01b3))
}

/// Every step runs while holding one global lock, the way CPython runs bytecode
/// under the GIL.
fn one_global_lock() -> u64 {
    let gil = Mutex::new(0u64);
    thread::scope(|scope| {
        for t in 0..THREADS as u64 {
            let gil = &gil;
            scope.spawn(move || {
                for step in 0..STEPS {
                    let mut total = gil.lock();
                    *total = total.wrapping_add(work(t * STEPS + step));
                }
            });
        }
    });
    gil.into_inner()
}

/// One lock again, but a step does its work without it and takes the lock
/// only to add its result: the critical section shrinks to one addition.
fn one_lock_short_section() -> u64 {
    let lock = Mutex::new(0u64);
    thread::scope(|scope| {
        for t in 0..THREADS as u64 {
            let lock = &lock;
            scope.spawn(move || {
                for step in 0..STEPS {
                    let result = work(t * STEPS + step);
                    let mut total = lock.lock();
                    *total = total.wrapping_add(result);
                }
            });
        }
    });
    lock.into_inner()
}

/// One shard of the total. Aligned to 64 bytes so that two shards never share a
/// cache line, which would make cores that update neighbouring shards slow each
/// other down.
#[repr(align(64))]
struct Shard(Mutex<u64>);

const SHARDS: u64 = 16;

/// The total is split into shards, each with its own lock, shared by all
/// threads. A step works without any lock, then locks only the shard it adds
/// to; two threads wait for each other only when they add to the same shard at
/// the same moment.
fn fine_grained_locks() -> u64 {
    let shards: Vec<Shard> =
        (0..SHARDS).map(|_| Shard(Mutex::new(0))).collect();
    thread::scope(|scope| {
        for t in 0..THREADS as u64 {
            let shards = &shards;
            scope.spawn(move || {
                for step in 0..STEPS {
                    let result = work(t * STEPS + step);
                    let mut total = shards[(step % SHARDS) as usize].0.lock();
                    *total = total.wrapping_add(result);
                }
            });
        }
    });
    shards
        .into_iter()
        .map(|shard| shard.0.into_inner())
        .fold(0, u64::wrapping_add)
}

/// Nothing is shared: each thread sums on its own and hands its total back
/// through `join`.
fn no_shared_state() -> u64 {
    thread::scope(|scope| {
        let handles: Vec<_> = (0..THREADS as u64)
            .map(|t| {
                scope.spawn(move || {
                    (0..STEPS).fold(0u64, |total, step| {
                        total.wrapping_add(work(t * STEPS + step))
                    })
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().expect("a worker panicked"))
            .fold(0, u64::wrapping_add)
    })
}

type Variant = fn() -> u64;

const VARIANTS: [(&str, Variant); 4] = [
    ("one global lock", one_global_lock),
    ("one lock, short critical section", one_lock_short_section),
    ("fine-grained locks", fine_grained_locks),
    ("no shared state", no_shared_state),
];

fn timed(name: &str, variant: Variant) -> Duration {
    let started = Instant::now();
    let total = variant();
    let elapsed = started.elapsed();
    println!("{name:<32}  total {total}, {} ms", elapsed.as_millis());
    elapsed
}

fn main() {
    println!("{THREADS} threads, {STEPS} steps each");
    let times = VARIANTS.map(|(name, variant)| (name, timed(name, variant)));
    let (_, global) = times[0];
    for (name, elapsed) in &times[1..] {
        println!(
            "the global lock takes {:.1}x as long as {name}",
            global.as_secs_f64() / elapsed.as_secs_f64()
        );
    }
}
