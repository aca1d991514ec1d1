//! One measured configuration per CSV row; the same columns for Rust and for CPython, so that the
//! two result files can be merged into the one the chart is drawn from.

use std::fmt::Write as _;

pub const HEADER: &str =
    "language,variant,workers,steps,median_seconds,steps_per_second,speedup,cpu,cores,date";

#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    /// `rust` or `python`.
    pub language: String,
    /// A `Variant::name`, or `threads` or `processes` for Python.
    pub variant: String,
    /// Threads, or processes, working at once.
    pub workers: usize,
    /// Steps in one run, whatever the number of workers.
    pub steps: u64,
    /// The median time of one run.
    pub median_seconds: f64,
    pub steps_per_second: f64,
    /// Throughput over the throughput of the same variant with one worker.
    pub speedup: f64,
    /// The CPU model, from `/proc/cpuinfo`.
    pub cpu: String,
    /// The cores the benchmark could use.
    pub cores: usize,
    /// The day of the measurement, `YYYY-MM-DD`, UTC.
    pub date: String,
}

impl Row {
    /// A row with its throughput filled in; `with_speedups` fills in the speedup.
    #[allow(clippy::too_many_arguments)]
    pub fn measured(
        language: &str,
        variant: &str,
        workers: usize,
        steps: u64,
        median_seconds: f64,
        cpu: &str,
        cores: usize,
        date: &str,
    ) -> Row {
        Row {
            language: language.to_owned(),
            variant: variant.to_owned(),
            workers,
            steps,
            median_seconds,
            steps_per_second: steps as f64 / median_seconds,
            speedup: f64::NAN,
            // A comma would add a column; CPU model names do not need one.
            cpu: cpu.replace(',', " "),
            cores,
            date: date.to_owned(),
        }
    }
}

/// Sets each row's speedup: its throughput over that of the same language and variant with one
/// worker.
pub fn with_speedups(mut rows: Vec<Row>) -> Vec<Row> {
    let single: Vec<(String, String, f64)> = rows
        .iter()
        .filter(|r| r.workers == 1)
        .map(|r| (r.language.clone(), r.variant.clone(), r.steps_per_second))
        .collect();
    for row in &mut rows {
        row.speedup = single
            .iter()
            .find(|(l, v, _)| *l == row.language && *v == row.variant)
            .map_or(f64::NAN, |(_, _, base)| row.steps_per_second / base);
    }
    rows
}

/// The chart's rows: the Rust results, then CPython's, as `bench/results/*.csv` hold them.
pub fn merge(rust: Vec<Row>, python: Vec<Row>) -> Vec<Row> {
    rust.into_iter().chain(python).collect()
}

/// The directory from `start` up that holds `book.toml`: the repository the command runs in.
pub fn repo_root(start: &std::path::Path) -> Option<std::path::PathBuf> {
    start
        .ancestors()
        .find(|dir| dir.join("book.toml").is_file())
        .map(std::path::Path::to_path_buf)
}

/// The CSV text, with the numbers rounded as `gil_scaling.py` rounds them.
pub fn to_csv(rows: &[Row]) -> String {
    let mut out = format!("{HEADER}\n");
    for r in rows {
        writeln!(
            out,
            "{},{},{},{},{:.6},{:.0},{:.3},{},{},{}",
            r.language,
            r.variant,
            r.workers,
            r.steps,
            r.median_seconds,
            r.steps_per_second,
            r.speedup,
            r.cpu,
            r.cores,
            r.date
        )
        .expect("writing to a String cannot fail");
    }
    out
}

pub fn from_csv(text: &str) -> Result<Vec<Row>, String> {
    let mut lines = text.lines();
    match lines.next() {
        Some(HEADER) => {}
        other => return Err(format!("expected the header `{HEADER}`, found {other:?}")),
    }
    lines
        .enumerate()
        .filter(|(_, line)| !line.trim().is_empty())
        .map(|(index, line)| parse_row(line).map_err(|e| format!("line {}: {e}", index + 2)))
        .collect()
}

fn parse_row(line: &str) -> Result<Row, String> {
    let fields: Vec<&str> = line.split(',').collect();
    let [
        language,
        variant,
        workers,
        steps,
        median,
        throughput,
        speedup,
        cpu,
        cores,
        date,
    ] = fields[..]
    else {
        return Err(format!("expected 10 fields, found {}", fields.len()));
    };
    let number = |what: &str, text: &str| -> Result<f64, String> {
        text.parse()
            .map_err(|e| format!("{what} `{text}` is not a number: {e}"))
    };
    let count = |what: &str, text: &str| -> Result<u64, String> {
        text.parse()
            .map_err(|e| format!("{what} `{text}` is not a count: {e}"))
    };
    Ok(Row {
        language: language.to_owned(),
        variant: variant.to_owned(),
        workers: count("workers", workers)? as usize,
        steps: count("steps", steps)?,
        median_seconds: number("median_seconds", median)?,
        steps_per_second: number("steps_per_second", throughput)?,
        speedup: number("speedup", speedup)?,
        cpu: cpu.to_owned(),
        cores: count("cores", cores)? as usize,
        date: date.to_owned(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_round_trips_and_speedups_are_per_variant() {
        let rows = with_speedups(vec![
            Row::measured("rust", "atomics", 1, 100, 0.5, "Some, CPU", 2, "2026-01-02"),
            Row::measured(
                "rust",
                "atomics",
                2,
                100,
                0.25,
                "Some, CPU",
                2,
                "2026-01-02",
            ),
            Row::measured(
                "python",
                "threads",
                2,
                100,
                1.0,
                "Some CPU",
                2,
                "2026-01-02",
            ),
            Row::measured(
                "python",
                "threads",
                1,
                100,
                1.0,
                "Some CPU",
                2,
                "2026-01-02",
            ),
        ]);
        assert_eq!(rows[1].speedup, 2.0);
        assert_eq!(rows[2].speedup, 1.0);
        assert_eq!(rows[0].cpu, "Some  CPU");
        let text = to_csv(&rows);
        assert_eq!(to_csv(&from_csv(&text).unwrap()), text);
    }
}
