//! Layer 1: every listing prints what the book shows, under the rule its catalog entry gives.

use std::sync::Mutex;
use std::thread;

use book_tools::catalog::Catalog;
use book_tools::{cargo, repo_root, report, run};

/// Listings mostly sleep, so a few run at once; each must pass however busy the machine is.
const AT_ONCE: usize = 4;

#[test]
fn every_listing_prints_what_the_book_shows() {
    let root = repo_root();
    let catalog = Catalog::load(&root).unwrap_or_else(|e| panic!("{e}"));
    let exes = cargo::build_listings(&root).unwrap_or_else(|e| panic!("{e}"));
    let queue = Mutex::new(catalog.listings.iter());
    let failures = Mutex::new(Vec::new());
    thread::scope(|scope| {
        for _ in 0..AT_ONCE {
            scope.spawn(|| {
                loop {
                    let Some(listing) = queue.lock().unwrap().next() else {
                        break;
                    };
                    let outcome = match exes.get(&listing.name) {
                        None => Err(format!(
                            "{} has no binary: is it in listings/src/bin?",
                            listing.label()
                        )),
                        Some(exe) => run::run(exe, run::TIMEOUT)
                            .map_err(|e| format!("cannot run {}: {e}", listing.label()))
                            .and_then(|ran| report::check(&root, listing, &ran)),
                    };
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
