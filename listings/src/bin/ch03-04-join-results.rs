use std::thread;

fn main() {
    let ranges = [(1, 1_000), (1_001, 2_000), (2_001, 3_000)];

    let handles: Vec<_> = ranges
        .into_iter()
        .enumerate()
        .map(|(i, (low, high))| {
            thread::Builder::new()
                .name(format!("sum {i}"))
                .spawn(move || {
                    println!("[sum {i}] adding {low}..={high}");
                    (low..=high).sum::<u64>()
                })
                .expect("the OS could not start a thread")
        })
        .collect();

    let mut total = 0;
    for (i, handle) in handles.into_iter().enumerate() {
        // `join` waits for the thread and hands back what its closure returned.
        let part = handle.join().expect("a summing thread panicked");
        println!("part {i} is {part}");
        total += part;
    }
    println!("total is {total}");
}
