use std::thread;

use parking_lot::Mutex;

fn main() {
    let visits = Mutex::new(Vec::new());

    thread::scope(|scope| {
        for name in ["alpha", "beta", "gamma", "delta"] {
            let visits = &visits;
            scope.spawn(move || {
                for round in 0..1_000 {
                    // `lock` blocks until the mutex is free and returns a
                    // guard. The guard is the only way to the data, and
                    // dropping it, here at the end of the statement, releases
                    // the lock.
                    visits.lock().push((name, round));
                }
            });
        }
    });

    let visits = visits.into_inner();
    println!("visits recorded: {}", visits.len());
    for name in ["alpha", "beta", "gamma", "delta"] {
        let rounds: Vec<u32> = visits
            .iter()
            .filter(|(who, _)| *who == name)
            .map(|&(_, round)| round)
            .collect();
        let in_order = rounds.windows(2).all(|pair| pair[0] < pair[1]);
        println!("{name}: {} visits, in order: {in_order}", rounds.len());
    }
}
