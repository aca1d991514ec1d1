//! Reads what `cargo bench -p gil-bench` left under `target/criterion/` into result rows.

use std::fs;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use serde::Deserialize;

use crate::results::{Row, quartiles, ratio_quartiles, with_speedups};
use crate::variants::Variant;
use crate::workload::max_threads;

/// The benchmark group of `benches/scaling.rs`.
const GROUP: &str = "gil-scaling";

/// Where criterion saves its results: `$CRITERION_HOME`, else `criterion/` in the target directory.
pub fn criterion_home(workspace: &Path) -> PathBuf {
    if let Some(home) = std::env::var_os("CRITERION_HOME") {
        return home.into();
    }
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map_or_else(|| workspace.join("target"), PathBuf::from);
    target.join("criterion")
}

/// The part of criterion's `estimates.json` we use: times of one iteration, in nanoseconds.
#[derive(Deserialize)]
struct Estimates {
    median: Estimate,
}

#[derive(Deserialize)]
struct Estimate {
    point_estimate: f64,
}

/// criterion's `sample.json`: each sample's number of iterations and their total time, in
/// nanoseconds.
#[derive(Deserialize)]
struct Samples {
    iters: Vec<f64>,
    times: Vec<f64>,
}

impl Samples {
    /// The time of one iteration in each sample, in seconds: the values criterion's median is
    /// the median of.
    fn seconds(&self) -> Vec<f64> {
        self.iters
            .iter()
            .zip(&self.times)
            .map(|(iters, nanos)| nanos / iters / 1e9)
            .collect()
    }
}

/// The part of criterion's `benchmark.json` we use.
#[derive(Deserialize)]
struct Benchmark {
    throughput: Option<Throughput>,
}

#[derive(Deserialize)]
struct Throughput {
    #[serde(rename = "Elements")]
    elements: Option<u64>,
}

fn read_json<T: for<'de> Deserialize<'de>>(path: &Path) -> Result<T, String> {
    let text = fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))
}

/// One row per variant and thread count that criterion has measured, from its latest run.
pub fn rust_rows(home: &Path) -> Result<Vec<Row>, String> {
    let cpu = cpu_model();
    let cores = max_threads();
    let mut rows = Vec::new();
    // Each row's per-iteration sample times, in the order of `rows`.
    let mut samples: Vec<Vec<f64>> = Vec::new();
    for variant in Variant::ALL {
        // Only the thread counts this machine runs: a folder left by a run on a machine with more
        // cores must not slip into the chart.
        for threads in 1..=cores {
            let dir = home
                .join(GROUP)
                .join(variant.name())
                .join(threads.to_string());
            let estimates_file = dir.join("new/estimates.json");
            if !estimates_file.exists() {
                return Err(format!(
                    "{} is missing: run `cargo bench -p gil-bench` first",
                    estimates_file.display()
                ));
            }
            let estimates: Estimates = read_json(&estimates_file)?;
            let benchmark: Benchmark = read_json(&dir.join("new/benchmark.json"))?;
            let steps = benchmark
                .throughput
                .and_then(|t| t.elements)
                .ok_or_else(|| format!("{}: no element throughput", dir.display()))?;
            let measured_on = fs::metadata(&estimates_file)
                .and_then(|m| m.modified())
                .map_err(|e| format!("{}: {e}", estimates_file.display()))?;
            let seconds = read_json::<Samples>(&dir.join("new/sample.json"))?.seconds();
            let seconds_iqr = quartiles(&seconds).map(|[q1, _, q3]| (q1, q3));
            rows.push(
                Row::measured(
                    "rust",
                    variant.name(),
                    threads,
                    steps,
                    estimates.median.point_estimate / 1e9,
                    &cpu,
                    cores,
                    &day(measured_on),
                )
                .with_runs(seconds.len(), seconds_iqr),
            );
            samples.push(seconds);
        }
    }
    if rows.is_empty() {
        return Err(format!(
            "no results under {}; run `cargo bench -p gil-bench` first",
            home.join(GROUP).display()
        ));
    }
    let mut rows = with_speedups(rows);
    // criterion measures one configuration after the other, so no sample has a one-thread partner
    // taken at the same time: the speedup and its spread are over every pair of samples.
    for i in 0..rows.len() {
        let single =
            (0..rows.len()).find(|&j| rows[j].variant == rows[i].variant && rows[j].workers == 1);
        if let Some([q1, median, q3]) =
            single.and_then(|single| ratio_quartiles(&samples[single], &samples[i]))
        {
            rows[i].speedup = median;
            rows[i].speedup_iqr = Some((q1, q3));
        }
    }
    Ok(rows)
}

/// `YYYY-MM-DD`, UTC.
fn day(time: SystemTime) -> String {
    humantime::format_rfc3339_seconds(time).to_string()[..10].to_owned()
}

/// The CPU model as `/proc/cpuinfo` names it, as `gil_scaling.py` reads it too.
pub fn cpu_model() -> String {
    fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|info| {
            info.lines()
                .filter_map(|line| line.split_once(':'))
                .find(|(key, _)| key.trim() == "model name")
                .map(|(_, value)| value.trim().to_owned())
        })
        .unwrap_or_else(|| "unknown CPU".to_owned())
}
