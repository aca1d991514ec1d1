//! Layer 1: every listing prints what the book shows, under the rule its catalog entry gives.
//!
//! A listing whose output may vary (any order but exact) runs [`RUNS_IF_VARYING`] times per test
//! run, so that a wrong output it prints in one run of twenty is seen with 95% probability. A listing
//! stops being run at its first failure, so a hung one costs one time limit, not sixty. Python
//! counterparts run under `python3`; without it they are skipped with a message, except under CI.

use std::sync::Mutex;
use std::thread;

use book_tools::catalog::{Catalog, Language, Listing};
use book_tools::{cargo, python, repo_root, report, run};

/// Listings mostly sleep, so a few run at once; each must pass however busy the machine is.
const AT_ONCE: usize = 4;

/// Runs of a listing whose output may vary. A wrong output printed in a fraction p of runs is missed
/// by all of them with probability (1 - p)^60: 4.6% for p = 5%, 0.2% for p = 10%, about 1e-18 for
/// p = 50%. (Twenty runs would miss a 5% flake 36% of the time.)
const RUNS_IF_VARYING: usize = 60;

fn runs_of(listing: &Listing) -> usize {
    if listing.rule.order_varies() {
        RUNS_IF_VARYING
    } else {
        1
    }
}

#[test]
fn every_listing_prints_what_the_book_shows() {
    let root = repo_root();
    let catalog = Catalog::load(&root).unwrap_or_else(|e| panic!("{e}"));
    let exes = cargo::build_listings(&root).unwrap_or_else(|e| panic!("{e}"));
    let with_python = python::available_or_skip().unwrap_or_else(|e| panic!("{e}"));
    // Run 1 of every listing first, then the repeats, so that the threads stay busy to the end.
    let most = catalog.listings.iter().map(runs_of).max().unwrap_or(1);
    let jobs: Vec<(usize, &Listing)> = (1..=most)
        .flat_map(|n| {
            catalog
                .listings
                .iter()
                .filter(move |l| with_python || l.language != Language::Python)
                .filter(move |l| n <= runs_of(l))
                .map(move |l| (n, l))
        })
        .collect();
    let queue = Mutex::new(jobs.into_iter());
    let failed = Mutex::new(Vec::<(&str, String)>::new());
    thread::scope(|scope| {
        for _ in 0..AT_ONCE {
            scope.spawn(|| {
                loop {
                    let Some((n, listing)) = queue.lock().unwrap().next() else {
                        break;
                    };
                    if failed
                        .lock()
                        .unwrap()
                        .iter()
                        .any(|(name, _)| *name == listing.name)
                    {
                        continue;
                    }
                    let outcome = run::run_listing(&root, listing, &exes)
                        .and_then(|ran| report::check(&root, listing, &ran));
                    if let Err(message) = outcome {
                        let runs = runs_of(listing);
                        let which = if runs > 1 {
                            format!("run {n} of {runs}: ")
                        } else {
                            String::new()
                        };
                        failed
                            .lock()
                            .unwrap()
                            .push((&listing.name, format!("{which}{message}")));
                    }
                }
            });
        }
    });
    // Runs of one listing that were under way when its first run failed may fail too: keep the first.
    let mut failures: Vec<String> = Vec::new();
    let mut named = std::collections::BTreeSet::new();
    for (name, message) in failed.into_inner().unwrap() {
        if named.insert(name) {
            failures.push(message);
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} listings failed:\n\n{}",
        failures.len(),
        catalog.listings.len(),
        failures.join("\n")
    );
}

/// Rules must earn their looseness: no part of a rule checks nothing, and every mutant of a
/// documented line that the rule does not mask (a word or a number changed, the line dropped or
/// duplicated, two lines the rule orders swapped) is rejected.
#[test]
fn every_rule_rejects_each_mutant_of_its_documented_output() {
    let root = repo_root();
    let catalog = Catalog::load(&root).unwrap_or_else(|e| panic!("{e}"));
    let mut failures = Vec::new();
    for listing in &catalog.listings {
        let Ok(documented) = std::fs::read_to_string(listing.output_path(&root)) else {
            continue; // The output checks report a missing output.
        };
        if let Err(message) = report::looseness(listing, &documented) {
            failures.push(message);
        }
    }
    assert!(
        failures.is_empty(),
        "{} rules are looser than their listings:\n\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// Listing 11-3 counts the rounds of the store-buffering test in which both loads read `false`.
/// Its rule accepts any count from 0 to the number of rounds under `Release`/`Acquire`, and
/// rejects, naming the line, a run that saw it happen under `SeqCst`, which forbids it.
#[test]
fn the_store_buffering_rule_rejects_both_loads_missing_under_seq_cst() {
    let root = repo_root();
    let catalog = Catalog::load(&root).unwrap_or_else(|e| panic!("{e}"));
    let listing = catalog
        .get("ch11-03-store-buffering")
        .expect("Listing 11-3 is catalogued");
    let documented = std::fs::read_to_string(listing.output_path(&root))
        .expect("Listing 11-3 has a documented output");
    let printing = |weak: usize, strong: usize| run::Run {
        stdout: [
            format!("Release/Acquire: both read false in {weak} of 20000 rounds"),
            format!("SeqCst: both read false in {strong} of 20000 rounds"),
        ]
        .into_iter()
        .map(|text| run::TimedLine {
            at: std::time::Duration::ZERO,
            text,
        })
        .collect(),
        stderr: String::new(),
        exit: Some(0),
        timed_out: false,
        elapsed: std::time::Duration::ZERO,
    };
    let blessed = run::Run {
        stdout: documented
            .lines()
            .map(|text| run::TimedLine {
                at: std::time::Duration::ZERO,
                text: text.to_owned(),
            })
            .collect(),
        ..printing(0, 0)
    };
    for weak in [0, 1, 412, 20_000] {
        if let Err(message) = report::check_against(listing, &blessed, &printing(weak, 0)) {
            panic!("a Release/Acquire count of {weak} should be accepted:\n{message}");
        }
    }
    for (weak, strong, expected) in [
        (412, 1, "SeqCst: both read false in 1 of 20000 rounds"),
        (
            0,
            20_000,
            "SeqCst: both read false in 20000 of 20000 rounds",
        ),
        (20_001, 0, "value out of bounds: `20001`"),
    ] {
        match report::check_against(listing, &blessed, &printing(weak, strong)) {
            Ok(()) => panic!("counts {weak} and {strong} should be rejected"),
            Err(message) => assert!(
                message.contains(&listing.label()) && message.contains(expected),
                "counts {weak} and {strong}: expected a message naming {} and `{expected}`, got:\n{message}",
                listing.label()
            ),
        }
    }
}
