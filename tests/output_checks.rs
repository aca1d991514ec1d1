//! Layer 1: every listing prints what the book shows, under the rule its catalog entry gives. Python
//! counterparts run under `python3`; without it they are skipped with a message, except under CI.

use std::sync::Mutex;
use std::thread;

use book_tools::catalog::{Catalog, Language};
use book_tools::{cargo, python, repo_root, report, run};

/// Listings mostly sleep, so a few run at once; each must pass however busy the machine is.
const AT_ONCE: usize = 4;

#[test]
fn every_listing_prints_what_the_book_shows() {
    let root = repo_root();
    let catalog = Catalog::load(&root).unwrap_or_else(|e| panic!("{e}"));
    let exes = cargo::build_listings(&root).unwrap_or_else(|e| panic!("{e}"));
    let with_python = python::available_or_skip().unwrap_or_else(|e| panic!("{e}"));
    let queue = Mutex::new(
        catalog
            .listings
            .iter()
            .filter(|l| with_python || l.language != Language::Python),
    );
    let failures = Mutex::new(Vec::new());
    thread::scope(|scope| {
        for _ in 0..AT_ONCE {
            scope.spawn(|| {
                loop {
                    let Some(listing) = queue.lock().unwrap().next() else {
                        break;
                    };
                    let outcome = run::run_listing(&root, listing, &exes)
                        .and_then(|ran| report::check(&root, listing, &ran));
                    if let Err(message) = outcome {
                        failures.lock().unwrap().push(message);
                    }
                }
            });
        }
    });
    let failures = failures.into_inner().unwrap();
    assert!(
        failures.is_empty(),
        "{} of {} listings failed:\n\n{}",
        failures.len(),
        catalog.listings.len(),
        failures.join("\n")
    );
}
