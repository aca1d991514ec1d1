//! Layer 3: `mdbook test`, in-process: the doctests of the book and of each translation pass,
//! linked against one build of the crates the listings use. Every doctest runs under the
//! watchdog's time limit.

use book_tools::i18n::edition::{ENGLISH, TRANSLATIONS};
use book_tools::watchdog::Watchdog;
use book_tools::{book, cargo, repo_root, run};

/// Every edition's doctests, the editions side by side: rustdoc compiles one chapter at a time on
/// one core, so two editions at once use both cores of a small machine. They share the dependency
/// build, made first, and the watchdog.
#[test]
fn the_books_doctests_pass_in_every_edition() {
    let root = repo_root();
    let deps = cargo::doctest_deps(&root).unwrap_or_else(|e| panic!("{e}"));
    let watchdog = Watchdog::start(run::TIMEOUT);
    let failures: Vec<String> = std::thread::scope(|scope| {
        let runs: Vec<_> = std::iter::once(&ENGLISH)
            .chain(TRANSLATIONS)
            .map(|edition| {
                let (root, deps) = (&root, &deps);
                scope.spawn(move || {
                    book::test_edition(root, deps, *edition)
                        .err()
                        .map(|e| format!("{} book: {e}", edition.name))
                })
            })
            .collect();
        runs.into_iter()
            .filter_map(|run| run.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
            .collect()
    });
    if failures.is_empty() {
        return;
    }
    let killed = watchdog.killed();
    let killed = if killed.is_empty() {
        String::new()
    } else {
        format!("\nthe watchdog killed:\n  {}", killed.join("\n  "))
    };
    panic!(
        "{} (rustdoc's report is printed above){killed}",
        failures.join("\n")
    );
}
