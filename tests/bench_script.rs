//! `gil_scaling.py` still runs, writes CSV that the chart generator reads, and hashes exactly as
//! the Rust workload does, in every variant: its own threads and processes, and the threads that
//! call Rust through the PyO3 extension `hotloop`. It runs under the interpreter of the extension's
//! virtual environment, as `bench/measure.sh` runs it, so that `import hotloop` works. Skipped,
//! with a notice, when `python3` or its `venv` module is missing, except in CI (`CI=true`).

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use gil_bench::{Variant, chart, results};

/// The variants of the script, as the CSV names them: all of them are run when `hotloop` imports.
const PYTHON_VARIANTS: [&str; 4] = [
    "threads",
    "processes",
    "rust-holding-gil",
    "rust-releasing-gil",
];

/// The repository the tests run in.
fn root() -> PathBuf {
    book_tools::repo_root()
}

fn script(root: &Path) -> PathBuf {
    root.join("bench/gil_scaling.py")
}

/// Runs the script under the extension's interpreter, or returns `None` when the extension cannot
/// be built here outside CI (`available_or_skip` has said why).
fn python(args: &[&str]) -> Option<Output> {
    let root = root();
    let interpreter = book_tools::extension::available_or_skip(&root)
        .unwrap_or_else(|e| panic!("the PyO3 extension `hotloop`: {e}"))?;
    let script = script(&root);
    let output = Command::new(&interpreter)
        .arg(&script)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("cannot run {}: {e}", interpreter.display()));
    assert!(
        output.status.success(),
        "{} {} {args:?} failed:\n{}",
        interpreter.display(),
        script.display(),
        String::from_utf8_lossy(&output.stderr)
    );
    Some(output)
}

#[test]
fn every_python_variant_has_a_name_in_the_chart() {
    for variant in PYTHON_VARIANTS {
        for words in chart::EDITIONS {
            assert!(
                words
                    .names
                    .iter()
                    .any(|n| n.0 == "python" && n.1 == variant),
                "python {variant} has no `{}` name in chart.rs",
                words.lang
            );
        }
    }
}

#[test]
fn quick_run_writes_rows_the_chart_reads() {
    assert!(script(&root()).exists());
    let Some(output) = python(&["--quick", "--output", "-"]) else {
        return;
    };
    let rows = results::from_csv(&String::from_utf8_lossy(&output.stdout))
        .unwrap_or_else(|e| panic!("the script's CSV does not parse: {e}"));
    for variant in PYTHON_VARIANTS {
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
    for row in &rows {
        let what = format!("{} x{}", row.variant, row.workers);
        assert!(row.steps_per_second > 0.0, "{what}: no throughput");
        assert!(row.runs > 1, "{what}: {} runs, so no spread", row.runs);
        let (q1, q3) = row
            .seconds_iqr
            .unwrap_or_else(|| panic!("{what}: no quartiles of the times"));
        assert!(
            q1 <= row.median_seconds && row.median_seconds <= q3,
            "{what}: the median {} is not between the quartiles {q1} and {q3}",
            row.median_seconds
        );
        let (s1, s3) = row
            .speedup_iqr
            .unwrap_or_else(|| panic!("{what}: no quartiles of the speedups"));
        assert!(s1 <= s3, "{what}: speedup quartiles {s1} > {s3}");
        if row.workers == 1 {
            // Each round's one-worker run against itself.
            assert_eq!((s1, s3), (1.0, 1.0), "{what}");
        }
    }
}

/// Every variant of the script, the two that call Rust included, computes the total of the Rust
/// workload, over two workers' shares.
#[test]
fn python_and_rust_compute_the_same_total() {
    let steps = 50;
    let Some(output) = python(&["--checksum", &steps.to_string()]) else {
        return;
    };
    let expected = Variant::NoSharedState.run(steps, 1);
    let text = String::from_utf8_lossy(&output.stdout);
    let totals: Vec<(&str, u64)> = text
        .lines()
        .map(|line| {
            let (name, total) = line
                .split_once(' ')
                .unwrap_or_else(|| panic!("`{line}` is not `variant total`"));
            (name, total.parse().expect("the checksum is a number"))
        })
        .collect();
    let names: Vec<&str> = totals.iter().map(|t| t.0).collect();
    assert_eq!(names, PYTHON_VARIANTS, "the variants the script checked");
    for (name, total) in totals {
        assert_eq!(total, expected, "{name}'s total of {steps} steps");
    }
}
