//! One measured configuration per CSV row; the same columns for Rust and for CPython, so that the
//! two result files can be merged into the one the chart is drawn from.

use std::fmt::Write as _;

pub const HEADER: &str = "language,variant,workers,steps,runs,median_seconds,q1_seconds,q3_seconds,\
steps_per_second,speedup,speedup_q1,speedup_q3,cpu,cores,date";

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
    /// How many times were kept: timed runs (CPython's rounds) or criterion's samples.
    pub runs: usize,
    /// The median time of one run.
    pub median_seconds: f64,
    /// The first and third quartiles of the times, where the times were kept: the middle half
    /// of the runs took between these.
    pub seconds_iqr: Option<(f64, f64)>,
    pub steps_per_second: f64,
    /// Throughput over the throughput of the same variant with one worker. Where the times were
    /// kept, the median of the speedups of single runs (see `speedup_iqr`), which a slow stretch
    /// of a shared machine sways less than the ratio of the medians; else the ratio of the medians.
    pub speedup: f64,
    /// The first and third quartiles of the speedups of single runs, where the times were kept:
    /// for CPython each round's run against the same round's one-worker run; for Rust, whose
    /// samples are not taken in rounds, every sample against every one-worker sample.
    pub speedup_iqr: Option<(f64, f64)>,
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
            runs: 1,
            median_seconds,
            seconds_iqr: None,
            steps_per_second: steps as f64 / median_seconds,
            speedup: f64::NAN,
            speedup_iqr: None,
            // A comma would add a column; CPU model names do not need one.
            cpu: cpu.replace(',', " "),
            cores,
            date: date.to_owned(),
        }
    }

    /// The row, saying how many runs its median is of and the quartiles of their times.
    pub fn with_runs(self, runs: usize, seconds_iqr: Option<(f64, f64)>) -> Row {
        Row {
            runs,
            seconds_iqr,
            ..self
        }
    }
}

/// The first quartile, the median and the third quartile of `values`, interpolating linearly
/// between the sorted values (R's and NumPy's default, Python's `method="inclusive"`, which
/// `gil_scaling.py` uses), or `None` without values.
pub fn quartiles(values: &[f64]) -> Option<[f64; 3]> {
    let mut sorted = values.to_vec();
    sorted.sort_by(f64::total_cmp);
    let last = sorted.len().checked_sub(1)?;
    let at = |p: f64| {
        let position = p * last as f64;
        let below = position.floor() as usize;
        let above = position.ceil() as usize;
        sorted[below] + (sorted[above] - sorted[below]) * (position - below as f64)
    };
    Some([at(0.25), at(0.5), at(0.75)])
}

/// The quartiles of the ratios `one / many` over every pair of a one-worker time and an n-worker
/// time: the speedup and its spread when the times were not taken in rounds that could pair them.
pub fn ratio_quartiles(one: &[f64], many: &[f64]) -> Option<[f64; 3]> {
    let ratios: Vec<f64> = one
        .iter()
        .flat_map(|a| many.iter().map(move |b| a / b))
        .collect();
    quartiles(&ratios)
}

/// Sets each row's speedup: its throughput over that of the same language and variant with one
/// worker, the ratio of the medians.
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
            "{},{},{},{},{},{:.6},{},{:.0},{:.3},{},{},{},{}",
            r.language,
            r.variant,
            r.workers,
            r.steps,
            r.runs,
            r.median_seconds,
            pair(r.seconds_iqr, 6),
            r.steps_per_second,
            r.speedup,
            pair(r.speedup_iqr, 3),
            r.cpu,
            r.cores,
            r.date
        )
        .expect("writing to a String cannot fail");
    }
    out
}

/// Two CSV fields with `decimals` decimals, or two empty ones.
fn pair(values: Option<(f64, f64)>, decimals: usize) -> String {
    values.map_or_else(
        || ",".to_owned(),
        |(low, high)| format!("{low:.decimals$},{high:.decimals$}"),
    )
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
        runs,
        median,
        q1_seconds,
        q3_seconds,
        throughput,
        speedup,
        speedup_q1,
        speedup_q3,
        cpu,
        cores,
        date,
    ] = fields[..]
    else {
        return Err(format!(
            "expected {} fields, found {}",
            HEADER.split(',').count(),
            fields.len()
        ));
    };
    let number = |what: &str, text: &str| -> Result<f64, String> {
        text.parse()
            .map_err(|e| format!("{what} `{text}` is not a number: {e}"))
    };
    let count = |what: &str, text: &str| -> Result<u64, String> {
        text.parse()
            .map_err(|e| format!("{what} `{text}` is not a count: {e}"))
    };
    // Both quartiles, or neither (a Rust row without criterion's samples).
    let quartile_pair = |what: &str, q1: &str, q3: &str| -> Result<Option<(f64, f64)>, String> {
        match (q1.is_empty(), q3.is_empty()) {
            (true, true) => Ok(None),
            (false, false) => Ok(Some((number(what, q1)?, number(what, q3)?))),
            _ => Err(format!("{what}: one quartile without the other")),
        }
    };
    Ok(Row {
        language: language.to_owned(),
        variant: variant.to_owned(),
        workers: count("workers", workers)? as usize,
        steps: count("steps", steps)?,
        runs: count("runs", runs)? as usize,
        median_seconds: number("median_seconds", median)?,
        seconds_iqr: quartile_pair("q1_seconds and q3_seconds", q1_seconds, q3_seconds)?,
        steps_per_second: number("steps_per_second", throughput)?,
        speedup: number("speedup", speedup)?,
        speedup_iqr: quartile_pair("speedup_q1 and speedup_q3", speedup_q1, speedup_q3)?,
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
        let mut rows = rows;
        rows[1] = rows[1].clone().with_runs(15, Some((0.2, 0.3)));
        rows[1].speedup_iqr = Some((1.5, 2.5));
        let text = to_csv(&rows);
        assert!(text.contains(",15,0.250000,0.200000,0.300000,400,2.000,1.500,2.500,"));
        assert!(text.contains(",1,0.500000,,,200,1.000,,,"));
        assert_eq!(to_csv(&from_csv(&text).unwrap()), text);
    }

    #[test]
    fn quartiles_interpolate_as_pythons_inclusive_method() {
        // statistics.quantiles([1, 2, 3, 4, 10], n=4, method="inclusive") == [2.0, 3.0, 4.0]
        assert_eq!(
            quartiles(&[10.0, 1.0, 3.0, 2.0, 4.0]),
            Some([2.0, 3.0, 4.0])
        );
        // statistics.quantiles([1, 2, 3, 4], n=4, method="inclusive") == [1.75, 2.5, 3.25]
        assert_eq!(quartiles(&[1.0, 2.0, 3.0, 4.0]), Some([1.75, 2.5, 3.25]));
        assert_eq!(quartiles(&[7.0]), Some([7.0, 7.0, 7.0]));
        assert_eq!(quartiles(&[]), None);
        assert_eq!(
            ratio_quartiles(&[2.0, 2.0], &[1.0, 1.0]),
            Some([2.0, 2.0, 2.0])
        );
    }
}
