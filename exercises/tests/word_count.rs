//! `cargo test -p exercises --test word_count`

mod support;

use std::collections::HashMap;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::thread;
use std::time::Duration;

use exercises::word_count::word_counts;

fn counts(pairs: &[(&str, usize)]) -> HashMap<String, usize> {
    pairs.iter().map(|&(w, n)| (w.to_owned(), n)).collect()
}

/// Twenty thousand words of many lengths on many lines, so that wherever the
/// text is split among threads, words straddle the places a careless split
/// would cut; and what one thread counts in it.
fn a_long_text() -> (String, HashMap<String, usize>) {
    let words = [
        "lock",
        "event",
        "thread",
        "condition",
        "a",
        "barrier",
        "Queue",
    ];
    let mut text = String::new();
    for i in 0..20_000 {
        text.push_str(words[(i * 7 + i / 3) % words.len()]);
        text.push(if i % 12 == 11 { '\n' } else { ' ' });
    }
    let mut expected = HashMap::new();
    for word in text.split_whitespace() {
        *expected.entry(word.to_lowercase()).or_insert(0) += 1;
    }
    (text, expected)
}

#[test]
fn counts_words_whatever_their_case_and_spacing() {
    let got = support::within("a short text", || {
        word_counts("The cat and\tthe  hat\nand THE bat")
    });
    assert_eq!(
        got,
        counts(&[("the", 3), ("cat", 1), ("and", 2), ("hat", 1), ("bat", 1)])
    );
}

#[test]
fn an_empty_text_has_no_words() {
    assert!(support::within("no text", || word_counts("  \n ")).is_empty());
}

#[test]
fn a_long_text_is_counted_as_one_thread_would_count_it() {
    let (text, expected) = a_long_text();
    for _ in 0..support::ROUNDS / 20 {
        let text = text.clone();
        let got = support::within("twenty thousand words", move || {
            word_counts(&text)
        });
        assert_eq!(
            got, expected,
            "the counts differ from a count on one thread"
        );
    }
}

#[test]
fn the_words_are_counted_on_rayons_threads() {
    let (text, expected) = a_long_text();
    let (got, ran_on_pool) = support::within(
        "twenty thousand words, rayon's threads watched",
        move || {
            let pool = BusyPool::start();
            let got = word_counts(&text);
            (got, pool.stop())
        },
    );
    assert_eq!(
        got, expected,
        "the counts differ from a count on one thread"
    );
    assert!(
        ran_on_pool > 0,
        "none of the work ran on rayon's threads: `word_counts` counted every \
         word on the thread that called it. Use rayon's parallel iterators"
    );
}

/// Every thread of rayon's global pool, kept busy by a task that runs other
/// work only through `rayon::yield_now`, and counts what it ran. Work sent to
/// the pool meanwhile, as a parallel iterator called from a thread outside
/// the pool sends all of its work, can only run inside those tasks.
struct BusyPool {
    watch: Arc<Watch>,
    threads: usize,
}

#[derive(Default)]
struct Watch {
    started: AtomicUsize,
    ran: AtomicUsize,
    stop: AtomicBool,
    stopped: AtomicUsize,
}

impl BusyPool {
    /// Returns once every thread of the pool is running its task.
    fn start() -> BusyPool {
        let threads = rayon::current_num_threads();
        let watch = Arc::new(Watch::default());
        let task = Arc::clone(&watch);
        rayon::spawn_broadcast(move |_| {
            task.started.fetch_add(1, Ordering::SeqCst);
            while !task.stop.load(Ordering::SeqCst) {
                match rayon::yield_now() {
                    Some(rayon::Yield::Executed) => {
                        task.ran.fetch_add(1, Ordering::SeqCst);
                    }
                    _ => thread::yield_now(),
                }
            }
            task.stopped.fetch_add(1, Ordering::SeqCst);
        });
        while watch.started.load(Ordering::SeqCst) < threads {
            thread::sleep(Duration::from_millis(1));
        }
        BusyPool { watch, threads }
    }

    /// Ends the tasks, and says how many pieces of work they ran.
    fn stop(self) -> usize {
        self.watch.stop.store(true, Ordering::SeqCst);
        // A task counts what it ran before it looks at `stop` again.
        while self.watch.stopped.load(Ordering::SeqCst) < self.threads {
            thread::sleep(Duration::from_millis(1));
        }
        self.watch.ran.load(Ordering::SeqCst)
    }
}

impl Drop for BusyPool {
    /// Frees the pool's threads even if the check panicked.
    fn drop(&mut self) {
        self.watch.stop.store(true, Ordering::SeqCst);
    }
}
