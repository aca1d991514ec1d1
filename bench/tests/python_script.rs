//! `gil_scaling.py` still runs, writes CSV that the chart generator reads, and hashes exactly as
//! the Rust workload does. Skipped when `python3` is missing, except in CI (`CI=true`).

use std::path::Path;
use std::process::{Command, Output};

use gil_bench::{Variant, results};

/// The script of the repository the tests run in (cargo runs them from `bench/`).
fn script() -> String {
    let here = std::env::current_dir().expect("a current directory");
    let root = results::repo_root(&here).expect("the tests run inside the repository");
    root.join("bench/gil_scaling.py")
        .to_string_lossy()
        .into_owned()
}

/// Runs the script, or returns `None` when there is no `python3` to run it outside CI.
fn python(args: &[&str]) -> Option<Output> {
    let script = script();
    match Command::new("python3").arg(&script).args(args).output() {
        Ok(output) => {
            assert!(
                output.status.success(),
                "python3 {script} {args:?} failed:\n{}",
                String::from_utf8_lossy(&output.stderr)
            );
            Some(output)
        }
        Err(e) if std::env::var("CI").is_ok_and(|ci| ci == "true") => {
            panic!("CI needs python3 to run {script}: {e}")
        }
        Err(e) => {
            // Straight to standard error: the harness hides what a passing test prints.
            let line = format!(
                "\n*** SKIPPED: {script}: cannot run python3 ({e}); install Python 3 to check it \
                 ***\n"
            );
            let _ = std::io::Write::write_all(&mut std::io::stderr().lock(), line.as_bytes());
            None
        }
    }
}

#[test]
fn quick_run_writes_rows_the_chart_reads() {
    assert!(Path::new(&script()).exists());
    let Some(output) = python(&["--quick", "--output", "-"]) else {
        return;
    };
    let rows = results::from_csv(&String::from_utf8_lossy(&output.stdout))
        .unwrap_or_else(|e| panic!("the script's CSV does not parse: {e}"));
    for variant in ["threads", "processes"] {
        let workers: Vec<usize> = rows
            .iter()
            .filter(|r| r.language == "python" && r.variant == variant)
            .map(|r| r.workers)
            .collect();
        assert!(
            !workers.is_empty() && workers.iter().copied().eq(1..=workers.len()),
            "{variant}: expected rows for 1, 2, … workers, found {workers:?}"
        );
    }
    assert!(rows.iter().all(|r| r.steps_per_second > 0.0));
}

#[test]
fn python_and_rust_compute_the_same_total() {
    let steps = 50;
    let Some(output) = python(&["--checksum", &steps.to_string()]) else {
        return;
    };
    let python: u64 = String::from_utf8_lossy(&output.stdout)
        .trim()
        .parse()
        .expect("the checksum is a number");
    assert_eq!(python, Variant::NoSharedState.run(steps, 1));
}
