//! Layer 3: `mdbook test`, in-process: the doctests of the book and of each translation pass,
//! linked against one build of the crates the listings use. Every doctest runs under the
//! watchdog's time limit.

use book_tools::i18n::edition::{ENGLISH, Edition, TRANSLATIONS};
use book_tools::watchdog::Watchdog;
use book_tools::{book, cargo, repo_root, run};

/// One test for every edition, one after the other: they share the dependency build and the
/// watchdog.
#[test]
fn the_books_doctests_pass_in_every_edition() {
    for edition in std::iter::once(&ENGLISH).chain(TRANSLATIONS) {
        doctests_pass(*edition);
    }
}

fn doctests_pass(edition: Edition) {
    let root = repo_root();
    let deps = cargo::doctest_deps(&root).unwrap_or_else(|e| panic!("{e}"));
    let watchdog = Watchdog::start(run::TIMEOUT);
    if let Err(e) = book::test_edition(&root, &deps, edition) {
        let killed = watchdog.killed();
        if killed.is_empty() {
            panic!(
                "{} book: {e} (rustdoc's report is printed above)",
                edition.name
            );
        }
        panic!(
            "{} book: {e} (rustdoc's report is printed above); the watchdog killed:\n  {}",
            edition.name,
            killed.join("\n  ")
        );
    }
}
