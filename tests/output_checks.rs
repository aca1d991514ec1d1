//! Layer 1: every listing prints what the book shows, under the rule its catalog entry gives.
//!
//! Every listing runs at least [`RUNS`] times per test run, and one whose line order may vary
//! [`RUNS_IF_VARYING`] times: a concurrency bug shows in some runs only, and a listing whose output
//! never varies can still drop a line now and then. A listing stops being run at its first
//! failure, so a hung one costs one time limit, not sixty. How long each listing's
//! runs took is written to `target/output-checks/timings.tsv`. Python counterparts run under
//! `python3`; without it they are skipped with a message, except under CI.

use std::collections::BTreeMap;
use std::sync::Mutex;
use std::thread;
use std::time::Duration;

use book_tools::catalog::{Catalog, Language, Listing};
use book_tools::{cargo, extension, python, repo_root, report, run};

/// Listings mostly sleep, so several run at once, three per core: six on two cores, three on one
/// (`taskset -c 0`), where the other layers' tests share the core too. Each listing must pass
/// however busy the machine is.
fn at_once() -> usize {
    3 * thread::available_parallelism().map_or(1, |n| n.get())
}

/// Runs of every listing: a line that a listing drops in a fraction p of runs is missed by all of
/// them with probability (1 - p)^44, at most 1% for p = 10% (0.97%).
const RUNS: usize = 44;

/// Runs of a listing whose line order may vary: a wrong order printed in a fraction p of runs is
/// missed by all of them with probability (1 - p)^60: 4.6% for p = 5%, 0.18% for p = 10%, about
/// 1e-18 for p = 50%. (Twenty runs would miss a 5% flake 36% of the time.)
const RUNS_IF_VARYING: usize = 60;

fn runs_of(listing: &Listing) -> usize {
    if listing.rule.order_varies() {
        RUNS_IF_VARYING
    } else {
        RUNS
    }
}

#[test]
fn every_listing_prints_what_the_book_shows() {
    let root = repo_root();
    let catalog = Catalog::load(&root).unwrap_or_else(|e| panic!("{e}"));
    let exes = cargo::build_listings(&root).unwrap_or_else(|e| panic!("{e}"));
    let with_python = python::available_or_skip().unwrap_or_else(|e| panic!("{e}"));
    let with_extension = with_python
        && extension::available_or_skip(&root)
            .unwrap_or_else(|e| panic!("{e}"))
            .is_some();
    // Run 1 of every listing first, then the repeats, so that the threads stay busy to the end.
    let most = catalog.listings.iter().map(runs_of).max().unwrap_or(1);
    let jobs: Vec<(usize, &Listing)> = (1..=most)
        .flat_map(|n| {
            catalog
                .listings
                .iter()
                .filter(move |l| with_python || l.language != Language::Python)
                .filter(move |l| with_extension || !l.extension)
                .filter(move |l| n <= runs_of(l))
                .map(move |l| (n, l))
        })
        .collect();
    let queue = Mutex::new(jobs.into_iter());
    let failed = Mutex::new(Vec::<(&str, String)>::new());
    let took = Mutex::new(BTreeMap::<&str, Vec<Duration>>::new());
    thread::scope(|scope| {
        for _ in 0..at_once() {
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
                    let outcome = run::run_listing(&root, listing, &exes).and_then(|ran| {
                        took.lock()
                            .unwrap()
                            .entry(&listing.name)
                            .or_default()
                            .push(ran.elapsed);
                        report::check(&root, listing, &ran)
                    });
                    if let Err(message) = outcome {
                        failed.lock().unwrap().push((
                            &listing.name,
                            format!("run {n} of {}: {message}", runs_of(listing)),
                        ));
                    }
                }
            });
        }
    });
    write_timings(&root, &took.into_inner().unwrap());
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

/// Each listing's runs and how long they took (median and longest), slowest in all first: what to
/// look at when this layer gets slow.
fn write_timings(root: &std::path::Path, took: &BTreeMap<&str, Vec<Duration>>) {
    let mut rows: Vec<(Duration, String)> = took
        .iter()
        .map(|(name, runs)| {
            let mut sorted = runs.clone();
            sorted.sort();
            let total: Duration = sorted.iter().sum();
            let ms = |d: Duration| d.as_millis();
            (
                total,
                format!(
                    "{name}\t{}\t{}\t{}\t{}\n",
                    sorted.len(),
                    ms(sorted[sorted.len() / 2]),
                    ms(*sorted.last().expect("a listing that ran has a run")),
                    ms(total)
                ),
            )
        })
        .collect();
    rows.sort_by_key(|row| std::cmp::Reverse(row.0));
    let dir = root.join("target").join("output-checks");
    let table: String =
        std::iter::once("listing\truns\tmedian ms\tlongest ms\ttotal ms\n".to_owned())
            .chain(rows.into_iter().map(|(_, row)| row))
            .collect();
    // A record for people, not a check: a failure to write it must not fail the layer.
    let _ =
        std::fs::create_dir_all(&dir).and_then(|()| std::fs::write(dir.join("timings.tsv"), table));
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
