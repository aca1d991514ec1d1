use rayon::prelude::*;

/// CPU-bound work: count the primes below `limit` by trial division.
fn count_primes(limit: u64) -> usize {
    (2..limit)
        .filter(|&n| (2..).take_while(|d| d * d <= n).all(|d| n % d != 0))
        .count()
}

fn main() {
    let limits = vec![10_000, 20_000, 30_000, 40_000];

    // Like `ProcessPoolExecutor().map(count_primes, limits)`: rayon splits
    // the items over a pool of threads, one per core, and keeps their order.
    let counts: Vec<_> = limits.par_iter().map(|&n| count_primes(n)).collect();

    for (limit, count) in limits.iter().zip(&counts) {
        println!("primes below {limit}: {count}");
    }
    println!("threads in the pool: {}", rayon::current_num_threads());
}
