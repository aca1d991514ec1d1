//! The chart, its alt text, the table of figures and every figure the GIL chapter quotes come from
//! the committed CSV, and that CSV is the merge of `bench/results/*.csv`, so that they never disagree.

use std::fs;
use std::path::{Path, PathBuf};

use gil_bench::{chart, figures, results};

const CSV: &str = "src/img/gil-scaling.csv";
const CHAPTER: &str = "src/ch02-gil-and-lock-granularity.md";
/// Chapter 19 quotes the variants that call Rust from CPython threads.
const PYO3_CHAPTER: &str = "src/ch19-rust-from-python-with-pyo3.md";
/// The heading of the chapter's section that quotes the measurement.
const MEASURED_SECTION: &str = "## Measured:";
const REGENERATE: &str =
    "regenerate it from the CSV with `cargo run -p gil-bench --bin chart -- --svg-only`";

/// The repository the tests run in (cargo runs them from `bench/`).
fn root() -> PathBuf {
    let here = std::env::current_dir().expect("a current directory");
    results::repo_root(&here).expect("the tests run inside the repository")
}

fn read(root: &Path, path: &str) -> String {
    fs::read_to_string(root.join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn rows(root: &Path, path: &str) -> Vec<results::Row> {
    results::from_csv(&read(root, path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The first line where two texts differ, for a failure message.
fn first_difference(committed: &str, fresh: &str) -> String {
    let (c, f): (Vec<_>, Vec<_>) = (committed.lines().collect(), fresh.lines().collect());
    let at = c
        .iter()
        .zip(&f)
        .position(|(a, b)| a != b)
        .unwrap_or(c.len().min(f.len()));
    format!(
        "first difference at line {}:\n- committed: {}\n+ from CSV:  {}",
        at + 1,
        c.get(at).unwrap_or(&"<end>"),
        f.get(at).unwrap_or(&"<end>")
    )
}

fn assert_fresh(root: &Path, path: &str, fresh: &str) {
    let committed = read(root, path);
    assert!(
        committed == fresh,
        "{path} is stale: {REGENERATE}\n{}",
        first_difference(&committed, fresh)
    );
}

#[test]
fn committed_svg_summary_table_and_machine_are_drawn_from_committed_csv() {
    let root = root();
    let rows = rows(&root, CSV);
    assert_fresh(&root, figures::CHART_PATH, &chart::render(&rows));
    assert_fresh(&root, figures::FIGURE_PATH, &figures::figure(&rows));
    assert_fresh(&root, figures::TABLE_PATH, &figures::table(&rows));
    assert_fresh(&root, figures::MACHINE_PATH, &figures::machine(&rows));
    assert_fresh(&root, figures::GAP_PATH, &figures::gap(&rows));
    assert_fresh(
        &root,
        figures::CALLING_RUST_PATH,
        &figures::calling_rust(&rows),
    );
    let chapter = read(&root, CHAPTER);
    for include in [
        figures::CHART_PATH,
        figures::FIGURE_PATH,
        figures::TABLE_PATH,
        figures::MACHINE_PATH,
        figures::GAP_PATH,
    ] {
        let directive = figures::include(include);
        assert!(
            chapter.lines().any(|l| l.trim() == directive),
            "{CHAPTER} does not include {include} on a line of its own with `{directive}`"
        );
    }
    let directive = figures::include(figures::CALLING_RUST_PATH);
    assert!(
        read(&root, PYO3_CHAPTER)
            .lines()
            .any(|l| l.trim() == directive),
        "{PYO3_CHAPTER} does not quote the figures of CPython threads calling Rust with \
         `{directive}` on a line of its own"
    );
}

/// What the chapter says about the machine it measured on comes from the CSV (through
/// `figures::machine`), never from memory: the prose of its section on the measurement names no CPU
/// and no kind of machine. (Other sections quote other machines: PEP 703's.)
#[test]
fn the_chapter_names_the_machine_only_through_the_csv() {
    const MACHINE_WORDS: [&str; 10] = [
        "EPYC",
        "Xeon",
        "Intel",
        "AMD",
        "Ryzen",
        "Core i",
        "Apple M",
        "Graviton",
        "virtual machine",
        "GHz",
    ];
    let root = root();
    let mut wrong = Vec::new();
    let mut in_measured = false;
    for (i, line) in read(&root, CHAPTER).lines().enumerate() {
        if line.starts_with("## ") {
            in_measured = line.starts_with(MEASURED_SECTION);
        }
        if !in_measured {
            continue;
        }
        for word in MACHINE_WORDS {
            if line.contains(word) {
                wrong.push(format!(
                    "{CHAPTER} line {}: `{word}`: say it through {} (generated from {CSV}) instead",
                    i + 1,
                    figures::include(figures::MACHINE_PATH)
                ));
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn the_charts_csv_is_the_merge_of_the_result_files() {
    let root = root();
    let merged = results::merge(
        rows(&root, "bench/results/rust.csv"),
        rows(&root, "bench/results/python.csv"),
    );
    let committed = read(&root, CSV);
    let fresh = results::to_csv(&merged);
    assert!(
        committed == fresh,
        "{CSV} is not the merge of bench/results/rust.csv and bench/results/python.csv: \
         run `cargo run -p gil-bench --bin chart`\n{}",
        first_difference(&committed, &fresh)
    );
}

/// Every series the chart has a name for has been measured: the Rust variants by criterion, and the
/// Python ones, those that call Rust included, by `gil_scaling.py` under the extension's
/// interpreter.
#[test]
fn the_csv_holds_every_named_series() {
    let rows = rows(&root(), CSV);
    let missing: Vec<String> = chart::ENGLISH_NAMES
        .iter()
        .filter(|(language, variant, _)| {
            !rows
                .iter()
                .any(|r| r.language == *language && r.variant == *variant)
        })
        .map(|(language, variant, _)| format!("{language} {variant}"))
        .collect();
    assert!(
        missing.is_empty(),
        "{CSV} has no rows of {}: measure them with `bench/measure.sh`",
        missing.join(", ")
    );
}

/// The spread the chart and the table show is that of the runs: the median lies between the
/// quartiles of the times, and CPython's figures come from at least 15 interleaved rounds (the
/// Rust ones may lack a spread, where criterion's samples were not kept).
#[test]
fn every_spread_in_the_csv_is_consistent() {
    const LEAST_ROUNDS: usize = 15;
    let rows = rows(&root(), CSV);
    let mut wrong = Vec::new();
    for (i, row) in rows.iter().enumerate() {
        let line = i + 2;
        if let Some((q1, q3)) = row.seconds_iqr
            && !(q1 <= row.median_seconds && row.median_seconds <= q3)
        {
            wrong.push(format!(
                "{CSV} line {line}: the median time {} is not between its quartiles {q1} and {q3}",
                row.median_seconds
            ));
        }
        if let Some((q1, q3)) = row.speedup_iqr
            && q1 > q3
        {
            wrong.push(format!("{CSV} line {line}: speedup quartiles {q1} > {q3}"));
        }
        if row.language == "python"
            && (row.runs < LEAST_ROUNDS || row.seconds_iqr.is_none() || row.speedup_iqr.is_none())
        {
            wrong.push(format!(
                "{CSV} line {line}: {} rounds, spread {:?} and {:?}: CPython's figures need at \
                 least {LEAST_ROUNDS} rounds and both spreads",
                row.runs, row.seconds_iqr, row.speedup_iqr
            ));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn every_throughput_and_speedup_in_the_csv_follows_from_its_timings() {
    let root = root();
    let rows = rows(&root, CSV);
    let mut wrong = Vec::new();
    for (i, row) in rows.iter().enumerate() {
        let line = i + 2;
        let throughput = row.steps as f64 / row.median_seconds;
        // median_seconds has six decimals, so the throughput it gives is exact to about 1e-4.
        if (throughput / row.steps_per_second - 1.0).abs() > 1e-3 {
            wrong.push(format!(
                "{CSV} line {line}: steps_per_second {} but steps / median_seconds = {throughput:.0}",
                row.steps_per_second
            ));
        }
        let Some(single) = rows
            .iter()
            .find(|r| r.language == row.language && r.variant == row.variant && r.workers == 1)
        else {
            wrong.push(format!(
                "{CSV} line {line}: no one-worker row of {} {}",
                row.language, row.variant
            ));
            continue;
        };
        // With the runs' speedups, the median of them, which lies between their quartiles (to
        // the CSV's three decimals); without, the ratio of the median throughputs.
        match row.speedup_iqr {
            Some((q1, q3)) => {
                if !(q1 - 5e-4 <= row.speedup && row.speedup <= q3 + 5e-4) {
                    wrong.push(format!(
                        "{CSV} line {line}: speedup {} is not between its quartiles {q1} and {q3}",
                        row.speedup
                    ));
                }
                if row.language == "python" && row.workers == 1 && row.speedup != 1.0 {
                    wrong.push(format!(
                        "{CSV} line {line}: a round's one-worker run against itself is 1, not {}",
                        row.speedup
                    ));
                }
            }
            None => {
                let speedup = row.steps_per_second / single.steps_per_second;
                if (speedup - row.speedup).abs() > 1.5e-3 {
                    wrong.push(format!(
                        "{CSV} line {line}: speedup {} but its throughput over the one-worker throughput is {speedup:.3}",
                        row.speedup
                    ));
                }
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// The prose of the chapter's section on the measurement states no speedup (a number with two
/// decimals) and no percentage of its own: the figures it gives come from the texts generated from
/// the CSV, which it includes, so that a new measurement can never leave the prose behind.
/// Versions ("Rust 1.95") and code are not figures, and other sections quote figures from
/// elsewhere (PEP 703's costs).
#[test]
fn the_chapters_prose_quotes_figures_only_through_generated_texts() {
    let root = root();
    let mut in_code = false;
    let mut in_measured = false;
    let mut wrong = Vec::new();
    for (i, line) in read(&root, CHAPTER).lines().enumerate() {
        if !in_code && line.starts_with("## ") {
            in_measured = line.starts_with(MEASURED_SECTION);
            continue;
        }
        if !in_measured {
            continue;
        }
        if line.trim_start().starts_with("```") {
            in_code = !in_code;
            continue;
        }
        if in_code {
            continue;
        }
        for (at, word) in figures_in(line) {
            let before = &line[..at];
            if ["Rust ", "CPython ", "Python ", "version "]
                .iter()
                .any(|v| before.ends_with(v))
            {
                continue;
            }
            wrong.push(format!(
                "{CHAPTER} line {}: the figure {word} is written into the prose; word it as a \
                 range the measurements support, or generate it from {CSV} in \
                 bench/src/figures.rs and include it",
                i + 1
            ));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// Numbers with exactly two decimals, and whole percentages, with their byte offsets.
fn figures_in(line: &str) -> Vec<(usize, String)> {
    let bytes = line.as_bytes();
    let mut found = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if !bytes[i].is_ascii_digit()
            || (i > 0 && (bytes[i - 1].is_ascii_digit() || bytes[i - 1] == b'.'))
        {
            i += 1;
            continue;
        }
        let mut end = i;
        while end < bytes.len() && (bytes[end].is_ascii_digit() || bytes[end] == b'.') {
            end += 1;
        }
        let number = &line[i..end];
        let decimals = number.split_once('.').map(|(_, d)| d.len());
        if decimals == Some(2) {
            found.push((i, number.to_owned()));
        } else if decimals.is_none() && line[end..].starts_with('%') {
            found.push((i, format!("{number}%")));
        }
        i = end;
    }
    found
}
