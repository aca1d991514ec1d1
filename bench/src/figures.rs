//! The figures and facts the GIL chapter quotes, generated from the chart's CSV so that they cannot
//! go stale: the chart's summary in words, the table of throughputs and speedups with their spread,
//! the sentences that name the machine, the day and the number of runs, and the sentence that
//! compares one CPython thread with one Rust thread. They are written beside the SVG by
//! `cargo run -p gil-bench --bin chart` and included by the chapter, which includes the SVG itself
//! too ([`CHART_PATH`]).

use std::collections::BTreeSet;

use crate::chart::{SUMMARY_ID, grouped, label};
use crate::results::Row;

/// The chart, an SVG the chapter includes into its page, so that it takes the theme's colours.
/// Its name does not end in `.txt`: the Korean edition expands `img/*.txt` includes before it
/// translates a chapter, and the chart is no message to translate (it holds its Korean words).
pub const CHART_PATH: &str = "src/img/gil-scaling.svg";
/// The chart's summary in words, which names it for screen readers. The texts end in `.txt`, so
/// that mdBook copies them as they are: it would take a `.md` file for a chapter, and an `.html`
/// one for a page whose links are checked.
pub const FIGURE_PATH: &str = "src/img/gil-scaling-figure.txt";
/// The table of figures.
pub const TABLE_PATH: &str = "src/img/gil-scaling-table.txt";
/// The sentences that name the machine and the day of the measurement, as the CSV records them,
/// and how many runs each median is of.
pub const MACHINE_PATH: &str = "src/img/gil-scaling-machine.txt";
/// The sentence that compares one CPython thread's throughput with one Rust thread's.
pub const GAP_PATH: &str = "src/img/gil-scaling-gap.txt";
/// The sentence of chapter 19 on CPython threads calling Rust, from [`calling_rust`].
pub const CALLING_RUST_PATH: &str = "src/img/gil-scaling-calling-rust.txt";

/// The series the gap sentence compares: CPython's threads, and Rust with nothing shared.
const PYTHON_THREADS: (&str, &str) = ("python", "threads");
const RUST_ALONE: (&str, &str) = ("rust", "no-shared-state");
const RUST_HOLDING_GIL: (&str, &str) = ("python", "rust-holding-gil");
const RUST_RELEASING_GIL: (&str, &str) = ("python", "rust-releasing-gil");
/// The series whose workers need no coordination at all, one timed by criterion and one by the
/// Python script: only a busy machine keeps them from the ideal speedup, so they tell whether
/// the machine was idle while each program measured.
const UNCOORDINATED: [(&str, &str); 2] = [RUST_ALONE, RUST_RELEASING_GIL];
/// The share of the ideal speedup below which an uncoordinated series says the machine was busy:
/// on an idle machine they come within a few percent of it.
const IDLE_SHARE: f64 = 0.85;

/// The line a chapter includes a generated file with, e.g. `{{#include img/gil-scaling.svg}}`.
pub fn include(path: &str) -> String {
    format!("{{{{#include {}}}}}", path.trim_start_matches("src/"))
}

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

/// The middle half of a row's speedups, `1.85–1.97`, where the CSV has it.
pub fn spread(row: &Row) -> Option<String> {
    row.speedup_iqr
        .map(|(low, high)| format!("{}–{}", speedup(low), speedup(high)))
}

/// A count rounded to two significant digits and grouped by thousands: 8,259 is 8,300.
fn about(value: f64) -> String {
    if !value.is_finite() || value < 1.0 {
        return format!("{value:.0}");
    }
    let unit = 10f64.powi(value.log10().floor() as i32 - 1);
    grouped(((value / unit).round() * unit) as u64)
}

/// A throughput in thousands of steps per second: grouped whole thousands from 100,000 on, one
/// decimal below.
pub fn thousands(steps_per_second: f64) -> String {
    let k = steps_per_second / 1000.0;
    if k < 100.0 {
        return format!("{k:.1}");
    }
    grouped(k.round() as u64)
}

/// `a, b and c` with `conjunction` "and", `a, b or c` with "or".
fn list(items: &[String], conjunction: &str) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} {conjunction} {last}", init.join(", ")),
    }
}

/// The chart's summary: a hidden paragraph that gives every series' speedup at the most workers,
/// which the chart names itself by (`aria-labelledby`) for screen readers.
pub fn figure(rows: &[Row]) -> String {
    let counts = worker_counts(rows);
    let most = counts.last().copied().unwrap_or(1);
    let cores: BTreeSet<usize> = rows.iter().map(|r| r.cores).collect();
    let cores = list(
        &cores.iter().map(usize::to_string).collect::<Vec<_>>(),
        "and",
    );
    let speedups: Vec<String> = series(rows)
        .into_iter()
        .filter_map(|key| {
            let r = row(rows, key, most)?;
            let spread = spread(r).map_or_else(String::new, |s| format!(" ({s})"));
            Some(format!(
                "{} {}{spread}",
                label(key.0, key.1),
                speedup(r.speedup)
            ))
        })
        .collect();
    let counts = list(
        &counts.iter().map(usize::to_string).collect::<Vec<_>>(),
        "and",
    );
    format!(
        "<p id=\"{SUMMARY_ID}\" hidden>Line chart of speedup against the number of threads or \
         processes, {counts}, on {cores} cores. Median speedup with {most}, and in brackets the \
         middle half of the measured speedups: {}.</p>\n",
        speedups.join("; ")
    )
}

/// The sentence of the chapter that says where and when the figures were measured, from the CSV's
/// `cpu`, `cores` and `date` columns: the CPU as it names itself (in `/proc/cpuinfo`), not as
/// anyone remembers it.
pub fn machine(rows: &[Row]) -> String {
    let mut machines: Vec<(&str, usize, Vec<String>)> = Vec::new();
    for row in rows {
        let language = crate::chart::language_name(&row.language);
        match machines
            .iter_mut()
            .find(|(cpu, cores, _)| *cpu == row.cpu && *cores == row.cores)
        {
            Some((_, _, languages)) if !languages.contains(&language) => languages.push(language),
            Some(_) => {}
            None => machines.push((&row.cpu, row.cores, vec![language])),
        }
    }
    let several = machines.len() > 1;
    let machines: Vec<String> = machines
        .into_iter()
        .map(|(cpu, cores, languages)| {
            let cores = if cores == 1 {
                "1 core".to_owned()
            } else {
                format!("{cores} cores")
            };
            let whose = if several {
                format!(" for {}", list(&languages, "and"))
            } else {
                String::new()
            };
            format!("{cores} of a CPU that reports itself as `{cpu}`{whose}")
        })
        .collect();
    let mut dates: Vec<String> = Vec::new();
    for row in rows {
        if !dates.contains(&row.date) {
            dates.push(row.date.clone());
        }
    }
    format!(
        "They were measured on {}, with {}. {}{}\n",
        list(&dates, "and"),
        list(&machines, "and"),
        runs(rows),
        busy(rows)
    )
}

/// A warning, when a series that needs no coordination fell well short of the ideal speedup: then
/// other work kept the cores busy during the measurement, and every speedup understates what an
/// idle machine gives. Empty otherwise.
fn busy(rows: &[Row]) -> String {
    let most = worker_counts(rows).last().copied().unwrap_or(1);
    if most < 2 {
        return String::new();
    }
    let short: Vec<String> = UNCOORDINATED
        .into_iter()
        .filter_map(|key| row(rows, key, most))
        .filter(|r| r.speedup < IDLE_SHARE * most as f64)
        .map(|r| {
            format!(
                "{} (*{}*)",
                speedup(r.speedup),
                label(&r.language, &r.variant)
            )
        })
        .collect();
    if short.is_empty() {
        return String::new();
    }
    let speedups = if short.len() == 1 {
        "a speedup"
    } else {
        "speedups"
    };
    format!(
        " Other work kept the cores busy during this measurement: {most} workers that need no \
         coordination at all reached {speedups} of only {}, where an idle machine brings them \
         close to the ideal {most}. So the speedups here understate what an idle machine gives, \
         and the shapes described below may not show in them.",
        list(&short, "and")
    )
}

/// How many runs each median is of, by language: criterion's samples for Rust, rounds of every
/// configuration for CPython.
fn runs(rows: &[Row]) -> String {
    let mut languages: Vec<(&str, BTreeSet<usize>)> = Vec::new();
    for row in rows {
        match languages.iter_mut().find(|(l, _)| *l == row.language) {
            Some((_, counts)) => {
                counts.insert(row.runs);
            }
            None => languages.push((&row.language, BTreeSet::from([row.runs]))),
        }
    }
    let parts: Vec<String> = languages
        .into_iter()
        .map(|(language, counts)| {
            let what = if language == "rust" {
                "samples"
            } else {
                "rounds"
            };
            let counts: Vec<String> = counts.iter().map(usize::to_string).collect();
            format!(
                "{} {what} ({})",
                counts.join(" or "),
                crate::chart::language_name(language)
            )
        })
        .collect();
    format!("Each figure is the median of {}.", list(&parts, "or"))
}

/// The sentence that compares one CPython thread with one Rust thread, each alone: how many steps
/// per second each does, and how many times as many Rust does. Empty when the CSV lacks either.
pub fn gap(rows: &[Row]) -> String {
    let (Some(python), Some(rust)) = (row(rows, PYTHON_THREADS, 1), row(rows, RUST_ALONE, 1))
    else {
        return String::new();
    };
    format!(
        "One CPython thread does about {} steps per second, one Rust thread about {}: {:.0} times \
         as many.\n",
        about(python.steps_per_second),
        about(rust.steps_per_second),
        rust.steps_per_second / python.steps_per_second
    )
}

/// Chapter 19's sentence on CPython threads calling Rust: the speedups with the most workers,
/// holding the GIL and releasing it, each with the middle half of its measured speedups, and how
/// many times as many steps one thread does in Rust as in Python. Empty when the CSV lacks them.
pub fn calling_rust(rows: &[Row]) -> String {
    let most = worker_counts(rows).last().copied().unwrap_or(1);
    let held = row(rows, RUST_HOLDING_GIL, most);
    let released = row(rows, RUST_RELEASING_GIL, most);
    let (Some(held), Some(released), Some(alone), Some(python)) = (
        held,
        released,
        row(rows, RUST_RELEASING_GIL, 1),
        row(rows, PYTHON_THREADS, 1),
    ) else {
        return String::new();
    };
    let with_spread = |r: &Row| match spread(r) {
        Some(spread) => format!("{} (middle half {spread})", speedup(r.speedup)),
        None => speedup(r.speedup),
    };
    format!(
        "With {most} threads, CPython threads calling Rust reached a speedup of {} holding the \
         GIL and {} releasing it. One thread calling Rust does about {} steps per second, {:.0} \
         times as many as one CPython thread doing the steps in Python.\n",
        with_spread(held),
        with_spread(released),
        about(alone.steps_per_second),
        alone.steps_per_second / python.steps_per_second
    )
}

/// The table of throughputs, in thousands of steps per second for each worker count, the median
/// speedup at the most workers, and the middle half of its measured speedups.
pub fn table(rows: &[Row]) -> String {
    let counts = worker_counts(rows);
    let mut out = String::from("| Variant |");
    for n in &counts {
        out.push_str(&format!(" {n} |"));
    }
    out.push_str(" Speedup | Middle half |\n|---|");
    out.push_str(&"---:|".repeat(counts.len() + 2));
    out.push('\n');
    let most = counts.last().copied().unwrap_or(1);
    for key in series(rows) {
        out.push_str(&format!("| {} |", label(key.0, key.1)));
        for &n in &counts {
            let cell =
                row(rows, key, n).map_or("–".to_owned(), |r| thousands(r.steps_per_second));
            out.push_str(&format!(" {cell} |"));
        }
        let last = row(rows, key, most);
        let cell = last.map_or("–".to_owned(), |r| speedup(r.speedup));
        let middle = last.and_then(spread).unwrap_or_else(|| "–".to_owned());
        out.push_str(&format!(" {cell} | {middle} |\n"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::results::{Row, with_speedups};

    fn rows(two_workers: f64) -> Vec<Row> {
        with_speedups(
            [1.0, two_workers]
                .iter()
                .zip(1..)
                .map(|(seconds, workers)| {
                    Row::measured(
                        "rust",
                        "no-shared-state",
                        workers,
                        100,
                        *seconds,
                        "CPU",
                        2,
                        "2026-01-02",
                    )
                })
                .collect(),
        )
    }

    #[test]
    fn the_machine_sentence_warns_only_when_uncoordinated_workers_fell_short() {
        assert_eq!(busy(&rows(0.51)), "");
        let warning = busy(&rows(0.8));
        assert!(
            warning.contains("a speedup of only 1.25 (*Rust, no shared state*)"),
            "{warning}"
        );
    }
}
