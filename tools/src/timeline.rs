//! Timelines: when each line of a listing's real runs arrived and which thread wrote it, as recorded by
//! `cargo bless` in `listings/timelines/NAME.json`, and the spans the book draws over them.

use std::fs;
use std::path::{Path, PathBuf};

use regex::Regex;
use serde::{Deserialize, Serialize};

use crate::catalog::Listing;
use crate::rule::Compiled;
use crate::run::Run;

pub mod record;
pub mod svg;
pub mod variation;
pub mod words;

/// Where recorded timelines live, relative to the repository root.
pub const TIMELINE_DIR: &str = "listings/timelines";
/// Where the generated pictures live, relative to the repository root.
pub const PICTURE_DIR: &str = "src/timelines";
/// How many runs each timeline records; run 1 is the documented one.
pub const RUNS: usize = 5;
/// How many runs measure how much a listing whose order is not fixed varies.
pub const VARIATION_RUNS: usize = 200;
/// The lane of lines without a thread tag.
pub const MAIN: &str = "main";

/// A listing's `timeline` table in the catalog: what to draw besides one mark per line.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TimelineSpec {
    /// Lane order, top to bottom; threads not named here follow, `main` first, then by name.
    #[serde(default)]
    pub lanes: Vec<String>,
    #[serde(default)]
    pub spans: Vec<SpanSpec>,
}

/// A bar on one thread's lane: from a line matching `from` (or the start of the run, without it) to
/// the thread's next line matching `to` (or its next line of any kind, without it). A span still open
/// when the run ends is drawn up to the moment the process exited.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SpanSpec {
    pub thread: String,
    #[serde(default)]
    pub from: Option<String>,
    #[serde(default)]
    pub to: Option<String>,
    pub label: String,
}

impl TimelineSpec {
    /// Checks that every span pattern compiles.
    pub fn validate(&self) -> Result<(), String> {
        for span in &self.spans {
            for pattern in span.from.iter().chain(&span.to) {
                Regex::new(pattern).map_err(|e| format!("bad span pattern `{pattern}`: {e}"))?;
            }
        }
        Ok(())
    }
}

/// Everything recorded for one listing, as stored in `listings/timelines/NAME.json`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Recording {
    pub listing: String,
    /// Run 1 is the documented run: its lines are the listing's output file.
    pub runs: Vec<RecordedRun>,
    /// Only for listings whose order is not fixed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub variation: Option<Variation>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RecordedRun {
    /// When the process exited, in ms since it was started.
    pub end_ms: f64,
    pub lines: Vec<RecordedLine>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RecordedLine {
    /// When the line arrived, in ms since the process was started.
    pub at_ms: f64,
    pub thread: String,
    pub text: String,
}

/// How much the output varied over many sequential runs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Variation {
    pub runs: usize,
    /// Core count and CPU model, e.g. `2-core AMD EPYC`.
    pub machine: String,
    /// The day of the recording, `YYYY-MM-DD` (UTC).
    pub date: String,
    /// Every distinct output seen (distinct once masked values are masked), most frequent first.
    pub orders: Vec<DistinctOutput>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DistinctOutput {
    /// How many of the runs printed it.
    pub count: usize,
    /// The first run that printed it, as it printed it.
    pub lines: Vec<String>,
}

/// Milliseconds rounded to a tenth, so that recordings do not pretend to a precision they lack.
pub fn ms(duration: std::time::Duration) -> f64 {
    (duration.as_secs_f64() * 10_000.0).round() / 10.0
}

impl RecordedRun {
    pub fn from_run(run: &Run, rule: &Compiled) -> RecordedRun {
        let lines: Vec<RecordedLine> = run
            .stdout
            .iter()
            .map(|line| RecordedLine {
                at_ms: ms(line.at),
                thread: lane_of(rule, &line.text),
                text: line.text.clone(),
            })
            .collect();
        // The reader may take the last lines out of the pipe after the exit was seen; they were
        // printed before it, so the exit is drawn no earlier than they are.
        let last = lines.last().map_or(0.0, |l| l.at_ms);
        RecordedRun {
            end_ms: ms(run.elapsed).max(last),
            lines,
        }
    }

    /// The run's standard output, every line ending in a newline, as in an output file.
    pub fn text(&self) -> String {
        self.lines.iter().map(|l| format!("{}\n", l.text)).collect()
    }
}

/// The lane a line is drawn on: its thread tag, or `main` for an untagged line.
pub fn lane_of(rule: &Compiled, text: &str) -> String {
    let thread = rule.thread_of(text);
    if thread.is_empty() {
        MAIN.to_owned()
    } else {
        thread
    }
}

impl Listing {
    pub fn recording_path(&self, root: &Path) -> PathBuf {
        root.join(TIMELINE_DIR).join(format!("{}.json", self.name))
    }

    pub fn picture_path(&self, root: &Path) -> PathBuf {
        root.join(PICTURE_DIR).join(format!("{}.html", self.name))
    }

    /// The other runs of the picture, fetched by the page when a reader asks for one.
    pub fn more_runs_path(&self, root: &Path) -> PathBuf {
        root.join(PICTURE_DIR).join(svg::more_runs_file(&self.name))
    }

    /// The line a chapter uses to show the picture.
    pub fn picture_include(&self) -> String {
        format!("{{{{#include timelines/{}.html}}}}", self.name)
    }
}

impl Recording {
    pub fn load(path: &Path) -> Result<Recording, String> {
        let text =
            fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))
    }

    /// Pretty-printed JSON, fields in declaration order, ending in a newline.
    pub fn to_json(&self) -> String {
        let mut text = serde_json::to_string_pretty(self).expect("a recording always serialises");
        text.push('\n');
        text
    }

    /// Every thread that wrote a line in any run, top to bottom: the declared order first, then
    /// `main`, then the others by name (numbers compared as numbers, so `worker 10` follows `worker 9`).
    pub fn lanes(&self, spec: &TimelineSpec) -> Vec<String> {
        let mut rest: Vec<String> = Vec::new();
        for line in self.runs.iter().flat_map(|r| &r.lines) {
            if !spec.lanes.contains(&line.thread) && !rest.contains(&line.thread) {
                rest.push(line.thread.clone());
            }
        }
        rest.sort_by_key(|name| (name != MAIN, natural_key(name)));
        spec.lanes.iter().cloned().chain(rest).collect()
    }
}

/// A sort key that compares runs of digits by value.
fn natural_key(name: &str) -> Vec<(String, u64)> {
    let mut key = Vec::new();
    let mut text = String::new();
    let mut chars = name.chars().peekable();
    while let Some(c) = chars.next() {
        if c.is_ascii_digit() {
            let mut number = c.to_digit(10).map_or(0, u64::from);
            while let Some(d) = chars.peek().and_then(|d| d.to_digit(10)) {
                number = number.saturating_mul(10).saturating_add(u64::from(d));
                chars.next();
            }
            key.push((std::mem::take(&mut text), number));
        } else {
            text.push(c);
        }
    }
    key.push((text, 0));
    key
}

/// One bar of a run's picture.
#[derive(Debug, Clone, PartialEq)]
pub struct Span {
    pub thread: String,
    pub label: String,
    pub from_ms: f64,
    pub to_ms: f64,
    /// The lines (indices into the run's lines) the span starts and ends at, if it starts or
    /// ends at a line rather than at the run's start or end; the picture joins their marks.
    pub from_line: Option<usize>,
    pub to_line: Option<usize>,
    /// Still open when the process exited: drawn up to the exit.
    pub open: bool,
}

/// The spans the catalog declares, found in one run.
pub fn spans(spec: &TimelineSpec, run: &RecordedRun) -> Vec<Span> {
    let mut found = Vec::new();
    for declared in &spec.spans {
        let compile = |p: &Option<String>| {
            p.as_deref()
                .map(|p| Regex::new(p).expect("span patterns are checked when the catalog loads"))
        };
        let (from, to) = (compile(&declared.from), compile(&declared.to));
        // Without `from`, the span opens when the run starts, once.
        let mut open_at = from.is_none().then_some((0.0, None));
        let lines = run.lines.iter().enumerate();
        for (index, line) in lines.filter(|(_, l)| l.thread == declared.thread) {
            if let Some((start, from_line)) = open_at
                && to.as_ref().is_none_or(|to| to.is_match(&line.text))
            {
                found.push(Span {
                    thread: declared.thread.clone(),
                    label: declared.label.clone(),
                    from_ms: start,
                    to_ms: line.at_ms,
                    from_line,
                    to_line: Some(index),
                    open: false,
                });
                open_at = None;
            }
            if open_at.is_none() && from.as_ref().is_some_and(|from| from.is_match(&line.text)) {
                open_at = Some((line.at_ms, Some(index)));
            }
        }
        if let Some((start, from_line)) = open_at {
            found.push(Span {
                thread: declared.thread.clone(),
                label: declared.label.clone(),
                from_ms: start,
                to_ms: run.end_ms,
                from_line,
                to_line: None,
                open: true,
            });
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(lines: &[(f64, &str, &str)], end_ms: f64) -> RecordedRun {
        RecordedRun {
            end_ms,
            lines: lines
                .iter()
                .map(|&(at_ms, thread, text)| RecordedLine {
                    at_ms,
                    thread: thread.into(),
                    text: text.into(),
                })
                .collect(),
        }
    }

    fn spec(toml_text: &str) -> TimelineSpec {
        toml::from_str(toml_text).expect("test spec parses")
    }

    #[test]
    fn a_span_runs_from_its_line_to_the_threads_next_matching_line() {
        let spec = spec(
            "[[spans]]\nthread = 'a'\nfrom = 'locked$'\nto = 'unlocking$'\nlabel = 'holds the lock'",
        );
        let run = run(
            &[
                (1.0, "a", "[a] locked"),
                (2.0, "b", "[b] unlocking"),
                (3.0, "a", "[a] unlocking"),
                (4.0, "a", "[a] locked"),
            ],
            9.0,
        );
        let found = spans(&spec, &run);
        assert_eq!(found.len(), 2);
        assert_eq!(
            (found[0].from_ms, found[0].to_ms, found[0].open),
            (1.0, 3.0, false)
        );
        assert_eq!(
            (found[1].from_ms, found[1].to_ms, found[1].open),
            (4.0, 9.0, true)
        );
    }

    #[test]
    fn without_from_a_span_opens_at_the_start_and_without_to_closes_at_the_next_line() {
        let spec = spec(
            "[[spans]]\nthread = 'main'\nto = 'end'\nlabel = 'sleeps'\n\
             [[spans]]\nthread = 'b'\nfrom = '.'\nlabel = 'between lines'",
        );
        let run = run(
            &[
                (1.0, "b", "[b] one"),
                (2.0, "b", "[b] two"),
                (5.0, "main", "end"),
            ],
            6.0,
        );
        let found: Vec<_> = spans(&spec, &run)
            .into_iter()
            .map(|s| (s.thread, s.from_ms, s.to_ms, s.open))
            .collect();
        assert_eq!(
            found,
            [
                ("main".into(), 0.0, 5.0, false),
                ("b".into(), 1.0, 2.0, false),
                ("b".into(), 2.0, 6.0, true)
            ]
        );
    }

    #[test]
    fn lanes_put_declared_ones_first_then_main_then_names_in_natural_order() {
        let recording = Recording {
            listing: "x".into(),
            runs: vec![run(
                &[
                    (1.0, "worker 10", ""),
                    (1.0, "worker 9", ""),
                    (1.0, "main", ""),
                    (1.0, "reverse", ""),
                ],
                2.0,
            )],
            variation: None,
        };
        let declared = spec("lanes = ['reverse']");
        assert_eq!(
            recording.lanes(&declared),
            ["reverse", "main", "worker 9", "worker 10"]
        );
    }

    #[test]
    fn times_are_rounded_to_a_tenth_of_a_millisecond() {
        assert_eq!(ms(std::time::Duration::from_micros(12_345)), 12.3);
        assert_eq!(ms(std::time::Duration::from_micros(12_351)), 12.4);
    }
}
