use std::sync::{Condvar, Mutex};
use std::thread;
use std::time::Duration;

/// The threads, in the order they take their turns.
const NAMES: [&str; 3] = ["a", "b", "c"];
/// How many turns each thread takes.
const ROUNDS: usize = 2;
/// How long the work of one turn takes; it is done without the lock.
const WORK: Duration = Duration::from_millis(20);

/// Takes `ROUNDS` turns as thread number `me`. With `n` turns taken so far,
/// turn `n + 1` belongs to thread number `n % 3`.
fn take_turns(me: usize, turns_taken: &Mutex<usize>, turn_ended: &Condvar) {
    let name = NAMES[me];
    let mut not_mine = 0;
    for round in 1..=ROUNDS {
        let mut taken = turns_taken.lock().unwrap();
        // `while`, not `if`: every `notify_all` wakes all the waiting
        // threads, and only one of them is next.
        while *taken % NAMES.len() != me {
            taken = turn_ended.wait(taken).unwrap();
            if *taken % NAMES.len() != me {
                not_mine += 1;
            }
        }
        let turn = *taken + 1;
        println!("[{name}] takes turn {turn}");
        // No other thread can take a turn now; let them look.
        drop(taken);
        thread::sleep(WORK);

        let mut taken = turns_taken.lock().unwrap();
        // Change the state first, under the lock, then wake the waiters:
        // a thread woken before the change would find nothing new.
        *taken += 1;
        println!("[{name}] ends turn {turn}");
        if round == ROUNDS {
            println!(
                "[{name}] done; wake-ups for another thread's turn: {not_mine}"
            );
        }
        turn_ended.notify_all();
    }
}

fn main() {
    let turns_taken = Mutex::new(0);
    let turn_ended = Condvar::new();

    // The scope joins the three threads, which borrow the mutex and the
    // condition variable.
    thread::scope(|scope| {
        // Started in reverse, so that `c` and `b` usually wait for `a`.
        for me in (0..NAMES.len()).rev() {
            let (turns_taken, turn_ended) = (&turns_taken, &turn_ended);
            thread::Builder::new()
                .name(NAMES[me].into())
                .spawn_scoped(scope, move || {
                    take_turns(me, turns_taken, turn_ended)
                })
                .expect("the OS could not start a thread");
        }
    });
}
