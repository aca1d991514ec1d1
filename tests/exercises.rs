//! Exercises (`exercises/`): every reference and alternative solution passes its tests, every
//! starter as committed fails them, and every wrong solution is caught by the test its header
//! names, with the message the header quotes (see `tools/src/exercise_versions.rs`).
//!
//! Every version is compiled once, with the exercise's own tests, into the `corpus` binary of
//! `exercises/checks`, and once more with the feature `loom` for the loom models. Each version's
//! tests then run in a process of their own, as many at once as there are cores. A wrong solution
//! the compiler must refuse is left out of `corpus` and checked alone, with its tests, in a target
//! directory of its own, so that building it never makes cargo rebuild `corpus`.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread;
use std::time::Duration;

use book_tools::exercise_versions::{self, Expect, Kind, REJECTED_ENV, Report, Version};
use book_tools::{cargo, repo_root, run};

/// Far longer than any version's tests take: each check inside them gives up after a few seconds.
/// A run that still goes on is reported as hung, with what it printed.
const TIMEOUT: Duration = Duration::from_secs(120);

/// The corpus binary, built without (`false`) or with (`true`) the feature `loom`.
fn corpus(loom: bool) -> &'static Path {
    static BUILT: [OnceLock<Result<PathBuf, String>>; 2] = [OnceLock::new(), OnceLock::new()];
    let built = BUILT[usize::from(loom)].get_or_init(|| {
        let features = if loom { "loom" } else { "" };
        cargo::build_test(&repo_root(), "exercise-checks", "corpus", features)
    });
    match built {
        Ok(path) => path,
        Err(e) => panic!("{e}"),
    }
}

/// Runs the tests of `corpus` whose names start with `filter` (or are `filter`, if `exact`).
fn run_tests(binary: &Path, filter: &str, exact: bool) -> Report {
    let mut command = Command::new(binary);
    command
        .arg(filter)
        .args(exact.then_some("--exact"))
        .env_remove("RUST_BACKTRACE")
        .env("NO_COLOR", "1");
    let ran = run::run_command(command, TIMEOUT).expect("the corpus binary runs");
    let mut output = ran.stdout_text();
    output.push_str(&ran.stderr);
    if ran.timed_out {
        output.push_str(&format!(
            "(stopped: still running after {} s, so a test hung without a time limit)\n",
            TIMEOUT.as_secs()
        ));
    }
    let mut report = Report::parse(output);
    let ended_badly = ran.exit != Some(0) && report.results.iter().all(|(_, ok)| *ok);
    if ran.timed_out || ended_badly {
        // The process hung, or aborted before libtest could report (loom aborts when a thread
        // panics while another unwinds): whatever had passed, the test it was in failed.
        let test = if exact {
            filter.to_owned()
        } else {
            format!("{filter}(the process did not finish its tests)")
        };
        report.results.push((test, false));
    }
    report
}

/// The names of the loom models in the corpus built with `loom`.
fn models() -> &'static [String] {
    static MODELS: OnceLock<Vec<String>> = OnceLock::new();
    MODELS.get_or_init(|| {
        let listed = Command::new(corpus(true))
            .args(["--list", "--format", "terse"])
            .output()
            .expect("the corpus binary runs");
        String::from_utf8_lossy(&listed.stdout)
            .lines()
            .filter_map(|l| l.strip_suffix(": test"))
            .filter(|name| name.contains("::tests::model::"))
            .map(str::to_owned)
            .collect()
    })
}

/// `check` applied to every version, `per_core` at a time for each core; the problems found.
fn check_all(
    versions: &[Version],
    per_core: usize,
    check: impl Fn(&Version) -> Vec<String> + Sync,
) -> Vec<String> {
    let next = AtomicUsize::new(0);
    let lanes = per_core * thread::available_parallelism().map_or(2, |n| n.get());
    thread::scope(|s| {
        let lanes: Vec<_> = (0..lanes)
            .map(|_| {
                s.spawn(|| {
                    let mut problems = Vec::new();
                    while let Some(v) = versions.get(next.fetch_add(1, Ordering::Relaxed)) {
                        problems.extend(check(v));
                    }
                    problems
                })
            })
            .collect();
        lanes
            .into_iter()
            .flat_map(|l| l.join().expect("a check panicked"))
            .collect()
    })
}

/// Every version, or those of the exercises `EXERCISE_CHECKS_ONLY` names (`latch,event`), which
/// is how `exercises/checks` is told to build less while one exercise is being written. The suite
/// says so, and under `CI=true` refuses to check less than everything.
fn versions() -> Vec<Version> {
    let versions = exercise_versions::versions(&repo_root())
        .unwrap_or_else(|problems| panic!("{}", problems.join("\n")));
    let Some(only) = std::env::var("EXERCISE_CHECKS_ONLY")
        .ok()
        .filter(|s| !s.is_empty())
    else {
        return versions;
    };
    assert!(
        std::env::var("CI").is_err(),
        "EXERCISE_CHECKS_ONLY={only} is set: under CI every exercise must be checked"
    );
    // Several tests ask for the versions; the terminal is told once.
    static SAID: std::sync::Once = std::sync::Once::new();
    SAID.call_once(|| {
        book_tools::skip::announce(
            "the exercises other than those EXERCISE_CHECKS_ONLY names",
            &format!("EXERCISE_CHECKS_ONLY={only} is set"),
        );
    });
    let only: Vec<&str> = only.split(',').map(str::trim).collect();
    versions
        .into_iter()
        .filter(|v| only.contains(&v.exercise.as_str()))
        .collect()
}

/// Says so when a reader has solved a starter in place: the corpus then checks the committed one.
fn note_solved_starters(root: &Path, versions: &[Version]) {
    for v in versions.iter().filter(|v| v.kind == Kind::Starter) {
        let text = std::fs::read_to_string(root.join(&v.file)).unwrap_or_default();
        if !text.contains("todo!(") {
            let file = v.file.display();
            eprintln!(
                "note: {file} holds no `todo!()`: solved in place, so the suite checks the \
                 starter as committed instead (`git diff {file}` shows your work, \
                 `git checkout {file}` restores the starter)"
            );
        }
    }
}

#[test]
fn every_solution_and_alternative_passes_and_every_starter_fails_its_tests() {
    let root = repo_root();
    let versions: Vec<Version> = versions()
        .into_iter()
        .filter(|v| v.kind != Kind::Seeded)
        .collect();
    note_solved_starters(&root, &versions);
    let (threads, models) = (corpus(false), models());
    let problems = check_all(&versions, 1, |v| {
        let mut problems = Vec::new();
        let report = run_tests(threads, &v.tests(), false);
        problems.extend(exercise_versions::judge(v, &report).err());
        // A starter is unfinished: running its models as well proves nothing more.
        let has_models = models.iter().any(|m| m.starts_with(&v.tests()));
        if v.expect == Expect::Pass && has_models {
            let report = run_tests(corpus(true), &format!("{}model::", v.tests()), false);
            problems.extend(
                exercise_versions::judge(v, &report)
                    .err()
                    .map(|e| format!("{e}\n(in its loom models)")),
            );
        }
        problems
    });
    assert!(problems.is_empty(), "{}", problems.join("\n\n"));
}

#[test]
fn every_wrong_solution_is_caught_by_the_test_and_message_its_header_names() {
    let versions: Vec<Version> = versions()
        .into_iter()
        .filter(|v| v.kind == Kind::Seeded && !exercise_versions::is_rejected(v))
        .collect();
    // Most wrong solutions hang or lose a wake-up, and their tests spend their time waiting for
    // the check's time limit, not computing (some 1.3 s of CPU in 32 s with one per core): two per
    // core let the waits overlap.
    let problems = check_all(&versions, 2, |v| {
        let Expect::CaughtBy { test, .. } = &v.expect else {
            unreachable!("a wrong solution names the test that catches it")
        };
        let binary = corpus(exercise_versions::is_model(test));
        let report = run_tests(binary, &format!("{}{test}", v.tests()), true);
        exercise_versions::judge(v, &report)
            .err()
            .into_iter()
            .collect()
    });
    assert!(problems.is_empty(), "{}", problems.join("\n\n"));
}

#[test]
fn every_wrong_solution_the_compiler_must_refuse_fails_to_build_with_its_error() {
    let root = repo_root();
    let target = root.join("target").join("exercise-checks-rejected");
    // One after another: each build rewrites the corpus of that one target directory.
    let problems: Vec<String> = versions()
        .iter()
        .filter(|v| exercise_versions::is_rejected(v))
        .filter_map(|v| {
            let which = format!("{}::{}", v.exercise, v.which.as_deref().unwrap_or_default());
            let env = [(REJECTED_ENV, which.as_str()), ("EXERCISE_CHECKS_ONLY", "")];
            let (built, stderr) =
                cargo::check_test(&root, "exercise-checks", "corpus", &target, &env)
                    .unwrap_or_else(|e| panic!("{e}"));
            exercise_versions::judge_build(v, built, &stderr).err()
        })
        .collect();
    assert!(problems.is_empty(), "{}", problems.join("\n\n"));
}

#[test]
fn there_are_at_least_two_wrong_solutions_for_every_exercise() {
    let versions = versions();
    let exercises: BTreeSet<&str> = versions.iter().map(|v| v.exercise.as_str()).collect();
    let problems: Vec<String> = exercises
        .into_iter()
        .filter(|e| {
            versions
                .iter()
                .filter(|v| v.kind == Kind::Seeded && v.exercise == *e)
                .count()
                < 2
        })
        .map(|e| {
            format!("exercise `{e}` has fewer than two wrong solutions in exercises/seeded/{e}/")
        })
        .collect();
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
