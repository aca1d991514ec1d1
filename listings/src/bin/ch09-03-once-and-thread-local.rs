use std::cell::Cell;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{LazyLock, OnceLock};
use std::thread;

static INITIALISED: AtomicUsize = AtomicUsize::new(0);

// Built on first use, by whichever thread gets there first, exactly once.
static GREETING: LazyLock<String> = LazyLock::new(|| {
    INITIALISED.fetch_add(1, Ordering::Relaxed);
    String::from("hello")
});

// Set once, at run time, by whoever calls `set` first.
static WINNER: OnceLock<String> = OnceLock::new();

thread_local! {
    // Like Python's `threading.local()`: every thread has its own counter.
    static CALLS: Cell<u32> = const { Cell::new(0) };
}

fn count_call() {
    CALLS.with(|calls| calls.set(calls.get() + 1));
}

/// One thread's work: count three calls, read GREETING, try to set WINNER.
fn race(name: &str) -> bool {
    for _ in 0..3 {
        count_call();
    }
    let calls = CALLS.with(Cell::get);
    let won = WINNER.set(name.to_string()).is_ok();
    println!("[{name}] my calls: {calls}; GREETING is {:?}", *GREETING);
    won
}

fn main() {
    let names = ["a", "b", "c"];
    let won = thread::scope(|scope| {
        let racers = names.map(|name| scope.spawn(move || race(name)));
        let results = racers.map(|racer| racer.join().unwrap());
        results.into_iter().filter(|&won| won).count()
    });
    println!("[main] my calls: {}", CALLS.with(Cell::get));
    println!(
        "[main] GREETING initialised {} time(s)",
        INITIALISED.load(Ordering::Relaxed)
    );
    let winner = WINNER.get().expect("one thread set it");
    println!("[main] WINNER is {winner:?}, set by {won} of 3 threads");
}
