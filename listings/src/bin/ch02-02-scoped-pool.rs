use std::thread;

/// What `ProcessPoolExecutor.map` does for CPU-bound work, with threads: split
/// the input, let each thread borrow its part, and collect the results in input
/// order.
fn parallel_map<T: Sync, R: Send>(
    items: &[T],
    workers: usize,
    f: impl Fn(&T) -> R + Sync,
) -> Vec<R> {
    let chunk = items.len().div_ceil(workers).max(1);
    thread::scope(|scope| {
        let f = &f;
        let handles: Vec<_> = items
            .chunks(chunk)
            .map(|part| {
                scope.spawn(move || part.iter().map(f).collect::<Vec<R>>())
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().expect("a worker panicked"))
            .collect()
    })
}

fn collatz_steps(mut n: u64) -> u32 {
    let mut steps = 0;
    while n != 1 {
        n = if n.is_multiple_of(2) {
            n / 2
        } else {
            3 * n + 1
        };
        steps += 1;
    }
    steps
}

fn main() {
    let numbers: Vec<u64> = (1..=10).map(|i| i * 1_000_003).collect();
    let workers = thread::available_parallelism().map_or(2, |n| n.get());
    // The threads borrow `numbers` directly: the scope ends before `numbers`
    // does.
    let steps = parallel_map(&numbers, workers, |&n| collatz_steps(n));
    for (n, s) in numbers.iter().zip(&steps) {
        println!("{n:>10} reaches 1 after {s} steps");
    }
}
