use std::hint;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::thread;

/// Rounds of the test for each choice of orderings.
const ROUNDS: usize = 20_000;
/// How many times a thread checks for the other at the start of a round:
/// enough for two running threads to meet, few enough that a thread whose
/// partner has no core (one core, a busy machine) soon goes on alone.
const SPINS: u32 = 100;

fn main() {
    let weak = both_read_false(Ordering::Release, Ordering::Acquire);
    println!("Release/Acquire: both read false in {weak} of {ROUNDS} rounds");
    let strong = both_read_false(Ordering::SeqCst, Ordering::SeqCst);
    println!("SeqCst: both read false in {strong} of {ROUNDS} rounds");
}

/// Runs the rounds on two threads and counts the rounds in which neither
/// thread's load saw the other thread's store.
fn both_read_false(store: Ordering, load: Ordering) -> usize {
    // Two fresh flags per round, so that no round has to reset them.
    let flags: Vec<[AtomicBool; 2]> = (0..ROUNDS)
        .map(|_| [AtomicBool::new(false), AtomicBool::new(false)])
        .collect();
    // The round each thread has reached.
    let reached = [AtomicUsize::new(0), AtomicUsize::new(0)];
    let [saw_0, saw_1] = thread::scope(|scope| {
        [0, 1]
            .map(|me| {
                let (flags, reached) = (&flags, &reached);
                scope.spawn(move || one_side(me, store, load, flags, reached))
            })
            .map(|thread| thread.join().unwrap())
    });
    (0..ROUNDS).filter(|&i| !saw_0[i] && !saw_1[i]).count()
}

/// Thread `me`'s part of every round: store `true` to its own flag, then
/// load the other thread's. Returns what each load saw.
fn one_side(
    me: usize,
    store: Ordering,
    load: Ordering,
    flags: &[[AtomicBool; 2]],
    reached: &[AtomicUsize; 2],
) -> Vec<bool> {
    let other = 1 - me;
    let mut saw = Vec::with_capacity(ROUNDS);
    for (round, flag) in flags.iter().enumerate() {
        // Wait a moment for the other thread, so that the two stores race.
        // Relaxed: this only helps the timing; nothing is read because of it.
        reached[me].store(round, Ordering::Relaxed);
        for _ in 0..SPINS {
            if reached[other].load(Ordering::Relaxed) >= round {
                break;
            }
            hint::spin_loop();
        }
        // The test itself.
        flag[me].store(true, store);
        saw.push(flag[other].load(load));
    }
    saw
}
