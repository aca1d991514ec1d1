//! `cargo test -p exercises --test once_config`

mod support;

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Barrier};
use std::thread;
use std::time::Duration;

use exercises::once_config::{Config, Settings};

fn config(workers: usize) -> Config {
    Config {
        workers,
        name: String::from("test"),
    }
}

#[test]
fn loads_on_the_first_call_only() {
    let settings = Settings::new();
    assert_eq!(settings.get(|| config(4)).workers, 4);
    assert_eq!(
        settings.get(|| panic!("loaded a second time")).workers,
        4,
        "the second call did not return the first configuration"
    );
}

#[test]
fn threads_asking_at_once_load_it_once_and_see_the_same_config() {
    const THREADS: usize = 8;
    for _ in 0..support::ROUNDS / 20 {
        support::within("eight threads ask at once", || {
            let settings = Arc::new(Settings::new());
            let loads = Arc::new(AtomicUsize::new(0));
            let start = Arc::new(Barrier::new(THREADS));
            let askers: Vec<_> = (0..THREADS)
                .map(|t| {
                    let (settings, loads, start) = (
                        Arc::clone(&settings),
                        Arc::clone(&loads),
                        Arc::clone(&start),
                    );
                    thread::spawn(move || {
                        start.wait();
                        let config = settings.get(|| {
                            loads.fetch_add(1, Ordering::SeqCst);
                            // A slow load, such as reading a file: the other threads ask
                            // meanwhile, on any number of cores.
                            thread::sleep(Duration::from_millis(5));
                            config(t + 1)
                        });
                        config.workers
                    })
                })
                .collect();
            let seen: Vec<usize> = askers
                .into_iter()
                .map(|a| {
                    a.join().expect(
                        "a thread panicked: did `get` return before the \
                         configuration was loaded?",
                    )
                })
                .collect();
            assert_eq!(
                loads.load(Ordering::SeqCst),
                1,
                "the configuration was loaded more than once"
            );
            assert!(
                seen.iter().all(|&w| w == seen[0]),
                "threads saw different configurations: {seen:?}"
            );
        });
    }
}
