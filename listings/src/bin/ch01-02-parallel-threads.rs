use std::thread;
use std::time::Instant;

/// CPU-bound work: counts the primes in `from..to` by trial division.
fn count_primes(from: u64, to: u64) -> usize {
    (from..to)
        .filter(|&n| {
            n >= 2 && (2..).take_while(|d| d * d <= n).all(|d| n % d != 0)
        })
        .count()
}

const LIMIT: u64 = 200_000;
const CHUNKS: u64 = 4;

fn main() {
    let cores = thread::available_parallelism().map_or(1, |n| n.get());
    println!("available parallelism: {cores}");

    let started = Instant::now();
    let one_thread: usize = (0..CHUNKS)
        .map(|c| count_primes(c * LIMIT / CHUNKS, (c + 1) * LIMIT / CHUNKS))
        .sum();
    let alone = started.elapsed();
    println!(
        "one thread:   {one_thread} primes in {} ms",
        alone.as_millis()
    );

    let started = Instant::now();
    let many_threads: usize = thread::scope(|scope| {
        let handles: Vec<_> = (0..CHUNKS)
            .map(|c| {
                scope.spawn(move || {
                    count_primes(c * LIMIT / CHUNKS, (c + 1) * LIMIT / CHUNKS)
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().expect("a worker panicked"))
            .sum()
    });
    let together = started.elapsed();
    println!(
        "{CHUNKS} threads:    {many_threads} primes in {} ms",
        together.as_millis()
    );

    println!(
        "speed-up: {:.1}x",
        alone.as_secs_f64() / together.as_secs_f64()
    );
}
