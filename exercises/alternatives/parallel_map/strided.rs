//! Another right map: thread `t` of `workers` maps items `t`, `t + workers`,
//! `t + 2 * workers`, ..., and each result is put back in its item's place.

use std::thread;

/// Applies `f` to every item on up to `workers` threads and returns the results
/// in the items' order.
pub fn parallel_map<T, R, F>(items: &[T], workers: usize, f: F) -> Vec<R>
where
    T: Sync,
    R: Send,
    F: Fn(&T) -> R + Sync,
{
    let workers = workers.clamp(1, items.len().max(1));
    let f = &f;
    let mut slots: Vec<Option<R>> = items.iter().map(|_| None).collect();
    thread::scope(|s| {
        let handles: Vec<_> = (0..workers)
            .map(|t| {
                s.spawn(move || {
                    items
                        .iter()
                        .enumerate()
                        .skip(t)
                        .step_by(workers)
                        .map(|(at, item)| (at, f(item)))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        for handle in handles {
            let mapped = handle.join().expect("a mapping thread panicked");
            for (at, result) in mapped {
                slots[at] = Some(result);
            }
        }
    });
    slots
        .into_iter()
        .map(|r| r.expect("every item was mapped"))
        .collect()
}
