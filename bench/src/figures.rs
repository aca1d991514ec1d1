//! The figures the GIL chapter quotes, generated from the chart's CSV so that they cannot go stale:
//! the chart's `<img>` tag with its alt text, and the table of throughputs and speedups. Both are
//! written beside the SVG by `cargo run -p gil-bench --bin chart` and included by the chapter.

use std::collections::BTreeSet;

use crate::chart::label;
use crate::results::Row;

/// The `<img>` tag of the chart. Both files end in `.txt`, so that mdBook copies them as they are:
/// it would take a `.md` file for a chapter, and an `.html` one for a page whose links are checked.
pub const FIGURE_PATH: &str = "src/img/gil-scaling-figure.txt";
/// The table of figures.
pub const TABLE_PATH: &str = "src/img/gil-scaling-table.txt";

/// The worker counts measured, in increasing order.
fn worker_counts(rows: &[Row]) -> Vec<usize> {
    rows.iter()
        .map(|r| r.workers)
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect()
}

/// Each language and variant once, in the CSV's order.
fn series(rows: &[Row]) -> Vec<(&str, &str)> {
    let mut seen: Vec<(&str, &str)> = Vec::new();
    for row in rows {
        let key = (row.language.as_str(), row.variant.as_str());
        if !seen.contains(&key) {
            seen.push(key);
        }
    }
    seen
}

fn row<'r>(rows: &'r [Row], (language, variant): (&str, &str), workers: usize) -> Option<&'r Row> {
    rows.iter()
        .find(|r| r.language == language && r.variant == variant && r.workers == workers)
}

/// A speedup as the book quotes it: two decimals.
pub fn speedup(value: f64) -> String {
    format!("{value:.2}")
}

/// A throughput in thousands of steps per second: grouped whole thousands from 100,000 on, one
/// decimal below.
pub fn thousands(steps_per_second: f64) -> String {
    let k = steps_per_second / 1000.0;
    if k < 100.0 {
        return format!("{k:.1}");
    }
    let digits = format!("{k:.0}");
    let mut grouped = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(c);
    }
    grouped
}

fn and_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// The chart's `<img>` tag, whose alt text gives every series' speedup at the most workers.
pub fn figure(rows: &[Row]) -> String {
    let counts = worker_counts(rows);
    let most = counts.last().copied().unwrap_or(1);
    let cores: BTreeSet<usize> = rows.iter().map(|r| r.cores).collect();
    let cores = and_list(&cores.iter().map(usize::to_string).collect::<Vec<_>>());
    let speedups: Vec<String> = series(rows)
        .into_iter()
        .filter_map(|key| {
            let r = row(rows, key, most)?;
            Some(format!("{} {}", label(key.0, key.1), speedup(r.speedup)))
        })
        .collect();
    let counts = and_list(&counts.iter().map(usize::to_string).collect::<Vec<_>>());
    format!(
        "<img src=\"img/gil-scaling.svg\" style=\"width:100%;max-width:600px\" alt=\"Line chart of \
         speedup against the number of threads or processes, {counts}, on {cores} cores. Speedup \
         with {most}: {}.\">\n",
        speedups.join("; ")
    )
}

/// The table of throughputs, in thousands of steps per second for each worker count, and the
/// speedup at the most workers.
pub fn table(rows: &[Row]) -> String {
    let counts = worker_counts(rows);
    let mut out = String::from("| Variant |");
    for n in &counts {
        out.push_str(&format!(" {n} |"));
    }
    out.push_str(" Speedup |\n|---|");
    out.push_str(&"---:|".repeat(counts.len() + 1));
    out.push('\n');
    let most = counts.last().copied().unwrap_or(1);
    for key in series(rows) {
        out.push_str(&format!("| {} |", label(key.0, key.1)));
        for &n in &counts {
            let cell =
                row(rows, key, n).map_or("–".to_owned(), |r| thousands(r.steps_per_second));
            out.push_str(&format!(" {cell} |"));
        }
        let cell = row(rows, key, most).map_or("–".to_owned(), |r| speedup(r.speedup));
        out.push_str(&format!(" {cell} |\n"));
    }
    out
}
