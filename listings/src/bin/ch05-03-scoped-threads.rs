use std::thread;

fn main() {
    let words = vec!["threads", "events", "locks"];
    let mut lengths = Vec::new();

    thread::scope(|scope| {
        for word in &words {
            // Scoped threads may borrow `words`: the scope joins them before
            // `words` can go away.
            scope.spawn(move || {
                let letters = word.len();
                println!("[{word}] has {letters} letters");
            });
        }
        // The scope's own code may keep working while its threads run.
        lengths = words.iter().map(|w| w.len()).collect();
    });

    // Every thread of the scope has finished here, without a single `join`
    // call.
    println!(
        "[main] scope ended; total length {}",
        lengths.iter().sum::<usize>()
    );
}
