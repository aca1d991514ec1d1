//! Layer 3: `mdbook test`, in-process: the book's doctests pass, linked against one build of the
//! crates the listings use. Every doctest runs under the watchdog's time limit.

use book_tools::watchdog::Watchdog;
use book_tools::{book, cargo, repo_root, run};

#[test]
fn the_books_doctests_pass() {
    let root = repo_root();
    let deps = cargo::doctest_deps(&root).unwrap_or_else(|e| panic!("{e}"));
    let watchdog = Watchdog::start(run::TIMEOUT);
    if let Err(e) = book::test(&root, &deps) {
        let killed = watchdog.killed();
        if killed.is_empty() {
            panic!("{e} (rustdoc's report is printed above)");
        }
        panic!(
            "{e} (rustdoc's report is printed above); the watchdog killed:\n  {}",
            killed.join("\n  ")
        );
    }
}
