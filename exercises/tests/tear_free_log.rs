//! `cargo test -p exercises --test tear_free_log`

mod support;

use std::sync::Arc;
use std::thread;

use exercises::tear_free_log::{Log, log_line};

const WORDS: [&str; 5] = ["one", "two", "three", "four", "five"];

/// Lines each thread logs: enough for a line that can tear to tear, and few
/// enough to finish soon on one busy core, where every yield is slow.
const LINES: usize = support::ROUNDS / 4;

#[test]
fn writes_the_line_with_its_tag_and_words() {
    let log = Log::default();
    log_line(&log, "main", &["hello", "world"]);
    assert_eq!(log.text(), "[main] hello world\n");
}

#[test]
fn no_line_tears_when_four_threads_log_at_once() {
    let text = support::within("log_line from four threads", || {
        let log = Arc::new(Log::default());
        let threads: Vec<_> = (0..4)
            .map(|t| {
                let log = Arc::clone(&log);
                thread::spawn(move || {
                    for _ in 0..LINES {
                        log_line(&log, &format!("t{t}"), &WORDS);
                    }
                })
            })
            .collect();
        for t in threads {
            t.join().expect("a logging thread panicked");
        }
        log.text()
    });
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 4 * LINES, "a line is missing or split");
    for line in lines {
        let (tag, rest) = line.split_once(' ').unwrap_or((line, ""));
        assert!(
            ["[t0]", "[t1]", "[t2]", "[t3]"].contains(&tag)
                && rest == WORDS.join(" "),
            "torn line: {line:?}"
        );
    }
}
