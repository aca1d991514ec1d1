//! Exercises (`exercises/`): every reference solution passes its tests, every starter as shipped
//! fails them, and every seeded wrong solution is caught. Each exercise's tests are run by a nested
//! `cargo test -p exercises --test NAME`, as a reader runs them.

use std::path::Path;
use std::process::Command;

use book_tools::{course, repo_root};

/// Runs one exercise's tests with `features`; returns whether they passed, and what cargo printed.
fn run(root: &Path, name: &str, features: &[&str]) -> (bool, String) {
    let output = Command::new(std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()))
        .current_dir(root)
        .args([
            "test",
            "--quiet",
            "--locked",
            "-p",
            "exercises",
            "--test",
            name,
        ])
        .args(features.iter().flat_map(|f| ["--features", f]))
        .output()
        .expect("cannot run cargo");
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    (output.status.success(), text)
}

/// A run that failed because a test failed, not because the code did not build.
fn failed_a_test(text: &str) -> bool {
    text.contains("test result: FAILED")
}

#[test]
fn every_solution_passes_and_every_starter_fails_its_tests() {
    let root = repo_root();
    let mut problems = Vec::new();
    for exercise in course::exercises(&root) {
        let (passed, text) = run(&root, &exercise, &["solutions"]);
        if !passed {
            problems.push(format!(
                "exercise `{exercise}`: the solution exercises/solutions/{exercise}.rs fails its tests:\n{text}"
            ));
        }
        let (passed, text) = run(&root, &exercise, &[]);
        if passed {
            problems.push(format!(
                "exercise `{exercise}`: the starter exercises/src/{exercise}.rs passes its tests as shipped: they leave its work untested"
            ));
        } else if !failed_a_test(&text) {
            problems.push(format!(
                "exercise `{exercise}`: the starter exercises/src/{exercise}.rs must build and fail a test, but:\n{text}"
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn every_seeded_wrong_solution_is_caught() {
    let root = repo_root();
    let mut problems = Vec::new();
    let seeded = course::seeded_wrong(&root);
    assert!(
        !seeded.is_empty(),
        "exercises/seeded/ holds no wrong solution"
    );
    for exercise in seeded {
        let (passed, text) = run(&root, &exercise, &["seeded-wrong"]);
        if passed || !failed_a_test(&text) {
            problems.push(format!(
                "exercise `{exercise}`: the wrong solution exercises/seeded/{exercise}.rs is not caught by its tests:\n{text}"
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
