//! The picture of a listing's recorded runs (`src/timelines/NAME.html`): a `<figure>` holding an
//! inline SVG of a run, one lane per thread, a mark per line at the time it arrived, bars for the spans
//! the catalog declares, and a time axis.
//!
//! The figure is included into a chapter's Markdown right after a raw HTML paragraph, so it must have
//! no blank line (that would end the HTML block) and no indented line. It uses no ids, because
//! `print.html` puts every chapter on one page, and no colours, only classes that `theme/timeline.css`
//! styles with mdBook's theme variables.

use std::fmt::Write as _;

use super::words::{Language, fill};
use super::{RecordedRun, Recording, Span, TimelineSpec, spans};
use crate::catalog::Listing;

/// The picture's coordinate system; the SVG scales to the width of the page.
const WIDTH: f64 = 560.0;
/// Room on the left for thread names.
const LEFT: f64 = 104.0;
const RIGHT: f64 = 14.0;
/// Room above the first lane for the exit label.
const TOP: f64 = 18.0;
const LANE: f64 = 32.0;
/// Room below the last lane for the axis and its labels.
const AXIS: f64 = 28.0;
const MARK_RADIUS: f64 = 4.0;
/// The least distance between the centres of two marks of one lane: a pixel between them.
const MARK_SPACING: f64 = 2.0 * MARK_RADIUS + 1.0;
const BAR_HEIGHT: f64 = 10.0;
/// How many looks a bar can have (`timeline-span-kind-N` in `theme/timeline.css`); a picture with
/// more labels than this could not tell them apart, and a test forbids it.
pub const BAR_KINDS: usize = 6;
/// The approximate width of a character of a span label, to draw only labels that fit their bar.
const LABEL_CHAR: f64 = 6.7;

/// The whole figure for a listing, as written to `src/timelines/NAME.html`: run 1 only, which is
/// all a page needs to show (with or without JavaScript, and in `print.html`). The other runs are
/// in `NAME.runs.html` (see [`more_runs`]), fetched only when a reader asks for another run, so
/// that they add nothing to a chapter's first load.
pub fn figure(
    listing: &Listing,
    spec: &TimelineSpec,
    recording: &Recording,
    language: &Language,
) -> String {
    let total = recording.runs.len();
    let mut html = String::new();
    let more = if total > 1 {
        format!(
            r#" data-more="{}{}""#,
            language.dir(),
            escape(&more_runs_file(&listing.name))
        )
    } else {
        String::new()
    };
    let _ = writeln!(
        html,
        r#"<figure class="timeline" data-listing="{}" data-run="1" data-runs="{total}"{more}>"#,
        escape(&listing.name)
    );
    if let Some(first) = recording.runs.first() {
        render_run(&mut html, spec, recording, first, 1, language);
    }
    let _ = writeln!(
        html,
        "<figcaption>{}</figcaption>",
        caption(spec, recording, language)
    );
    html.push_str("</figure>\n");
    html
}

/// The file beside a listing's figure that holds its other runs.
pub fn more_runs_file(name: &str) -> String {
    format!("{name}.runs.html")
}

/// Runs 2 and later of a listing, each a hidden SVG drawn on the same axis as run 1, and the lines
/// of every run as JSON, for the page's script to swap into the figure and the output block.
pub fn more_runs(spec: &TimelineSpec, recording: &Recording, language: &Language) -> String {
    let mut html = String::new();
    for (index, run) in recording.runs.iter().enumerate().skip(1) {
        render_run(&mut html, spec, recording, run, index + 1, language);
    }
    let _ = writeln!(
        html,
        r#"<script type="application/json" class="timeline-data">{}</script>"#,
        script_json(recording)
    );
    html
}

fn render_run(
    html: &mut String,
    spec: &TimelineSpec,
    recording: &Recording,
    run: &RecordedRun,
    number: usize,
    language: &Language,
) {
    let lanes = recording.lanes(spec);
    let labels = span_labels(spec);
    let axis = Axis::for_runs(&recording.runs);
    let picture = Picture {
        lanes: &lanes,
        labels: &labels,
        axis: &axis,
        spans: spans(spec, run),
        language,
    };
    picture.render(html, run, number, recording.runs.len());
}

/// The time axis shared by every run of a listing, so that runs compare at a glance. When no run
/// prints anything for most of the time (a listing that sleeps, then acts at once), that idle
/// stretch is drawn as a short break, so that what happens after it gets the width.
struct Axis {
    end_ms: f64,
    step_ms: f64,
    decimals: usize,
    /// The idle stretch drawn as a break, from and to.
    gap: Option<(f64, f64)>,
    /// Pixels per millisecond outside the break.
    scale: f64,
}

/// How wide a break in the time axis is drawn.
const BREAK: f64 = 16.0;
/// An idle stretch this share of the time, or more, becomes a break.
const BREAK_SHARE: f64 = 0.5;

impl Axis {
    fn for_runs(runs: &[RecordedRun]) -> Axis {
        let longest = runs.iter().map(|r| r.end_ms).fold(0.0, f64::max).max(0.1);
        let mut moments: Vec<f64> = runs
            .iter()
            .flat_map(|r| r.lines.iter().map(|l| l.at_ms).chain([r.end_ms]))
            .chain([0.0])
            .collect();
        moments.sort_by(f64::total_cmp);
        let gap = moments
            .windows(2)
            .map(|w| (w[0], w[1]))
            .max_by(|a, b| (a.1 - a.0).total_cmp(&(b.1 - b.0)))
            .filter(|(from, to)| to - from >= BREAK_SHARE * longest);
        let shown = longest - gap.map_or(0.0, |(from, to)| to - from);
        let step_ms = nice_step(shown.max(0.01) / 5.0);
        let decimals = if step_ms >= 1.0 {
            0
        } else {
            (-step_ms.log10()).ceil() as usize
        };
        let end_ms = (longest / step_ms).ceil() * step_ms;
        let room = WIDTH - LEFT - RIGHT - if gap.is_some() { BREAK } else { 0.0 };
        let scale = room / (end_ms - gap.map_or(0.0, |(from, to)| to - from));
        Axis {
            end_ms,
            step_ms,
            decimals,
            gap,
            scale,
        }
    }

    fn x(&self, ms: f64) -> f64 {
        match self.gap {
            Some((from, to)) if ms > from => {
                let before = LEFT + from * self.scale;
                if ms < to {
                    before + (ms - from) / (to - from) * BREAK
                } else {
                    before + BREAK + (ms - to) * self.scale
                }
            }
            _ => LEFT + ms * self.scale,
        }
    }

    /// The times the axis labels: multiples of the step, none inside the break.
    fn ticks(&self) -> Vec<f64> {
        let step = self.step_ms;
        let count = |from: f64, to: f64| {
            let first = (from / step).ceil() as u64;
            let last = (to / step + 1e-9).floor() as u64;
            (first..=last).map(move |n| n as f64 * step)
        };
        match self.gap {
            Some((from, to)) => count(0.0, from).chain(count(to, self.end_ms)).collect(),
            None => count(0.0, self.end_ms).collect(),
        }
    }
}

/// The smallest of 1, 2 and 5 times a power of ten that is at least `raw`.
fn nice_step(raw: f64) -> f64 {
    let base = 10f64.powf(raw.log10().floor());
    let fraction = raw / base;
    let nice = [1.0, 2.0, 5.0]
        .into_iter()
        .find(|&n| fraction <= n)
        .unwrap_or(10.0);
    nice * base
}

struct Picture<'a> {
    lanes: &'a [String],
    /// The span labels the catalog declares, each once, in order.
    labels: &'a [&'a str],
    axis: &'a Axis,
    spans: Vec<Span>,
    language: &'a Language<'a>,
}

impl Picture<'_> {
    fn lane_y(&self, thread: &str) -> f64 {
        let index = self.lanes.iter().position(|l| l == thread).unwrap_or(0);
        TOP + index as f64 * LANE + LANE / 2.0
    }

    fn render(&self, html: &mut String, run: &RecordedRun, number: usize, total: usize) {
        let axis_y = TOP + self.lanes.len() as f64 * LANE + 4.0;
        let height = axis_y + AXIS - 4.0;
        let hidden = if number == 1 { "" } else { " hidden" };
        let words = self.language.words;
        let _ = writeln!(
            html,
            r#"<svg class="timeline-run" data-run="{number}" viewBox="0 0 {WIDTH} {height}" role="group" aria-label="{}"{hidden}>"#,
            fill(
                words.run_label,
                &[
                    ("number", &number.to_string()),
                    ("total", &total.to_string()),
                    ("lines", &run.lines.len().to_string()),
                    ("ms", &format!("{:.1}", run.end_ms)),
                ]
            )
        );
        for lane in self.lanes {
            let y = self.lane_y(lane);
            let _ = writeln!(
                html,
                r#"<line class="timeline-lane" x1="{LEFT:.1}" y1="{y:.1}" x2="{:.1}" y2="{y:.1}"/>"#,
                WIDTH - RIGHT
            );
            let _ = writeln!(
                html,
                r#"<text class="timeline-lane-name" x="{:.1}" y="{:.1}" text-anchor="end">{}</text>"#,
                LEFT - 6.0,
                y + 4.0,
                escape(lane)
            );
        }
        let marks = self.mark_xs(run);
        for span in &self.spans {
            let kind = self
                .labels
                .iter()
                .position(|l| *l == span.label)
                .unwrap_or(0)
                % BAR_KINDS;
            self.render_span(html, span, kind, &marks);
        }
        self.render_axis(html, axis_y);
        let exit_x = self.axis.x(run.end_ms);
        let _ = writeln!(
            html,
            r#"<line class="timeline-exit" x1="{exit_x:.1}" y1="{:.1}" x2="{exit_x:.1}" y2="{axis_y:.1}"><title>{}</title></line>"#,
            TOP - 4.0,
            fill(words.exited_at, &[("ms", &format!("{:.1}", run.end_ms))])
        );
        let _ = writeln!(
            html,
            r#"<text class="timeline-exit-label" x="{exit_x:.1}" y="{:.1}" text-anchor="end">{}</text>"#,
            TOP - 7.0,
            words.exit
        );
        for (index, line) in run.lines.iter().enumerate() {
            let x = marks[index];
            // One tab stop per picture, not one per line: the arrow keys move between marks
            // (theme/timeline.js), so a chapter is not dozens of Tab presses long.
            let tabindex = if index == 0 { 0 } else { -1 };
            let _ = writeln!(
                html,
                r#"<circle class="timeline-mark" data-line="{index}" tabindex="{tabindex}" cx="{:.1}" cy="{:.1}" r="{MARK_RADIUS}"><title>{} ({:.1} ms)</title></circle>"#,
                x,
                self.lane_y(&line.thread),
                escape(&line.text),
                line.at_ms
            );
        }
        html.push_str("</svg>\n");
    }

    /// Where each line's mark goes. Lines a thread prints at (nearly) the same moment would hide
    /// each other: each mark sits at least a mark's width after the one before it on its lane.
    /// Its title keeps the time.
    fn mark_xs(&self, run: &RecordedRun) -> Vec<f64> {
        let mut last_x: Vec<(&str, f64)> = Vec::new();
        run.lines
            .iter()
            .map(|line| {
                let mut x = self.axis.x(line.at_ms);
                match last_x.iter_mut().find(|(lane, _)| *lane == line.thread) {
                    Some((_, last)) => {
                        x = x.max(*last + MARK_SPACING);
                        *last = x;
                    }
                    None => last_x.push((&line.thread, x)),
                }
                x
            })
            .collect()
    }

    /// `kind` tells the span's label apart from the other labels of the picture, for the style sheet.
    /// A span that starts or ends at a line starts or ends at its mark (`marks`).
    fn render_span(&self, html: &mut String, span: &Span, kind: usize, marks: &[f64]) {
        let y = self.lane_y(&span.thread);
        let at = |line: Option<usize>, ms: f64| line.map_or_else(|| self.axis.x(ms), |i| marks[i]);
        let x = at(span.from_line, span.from_ms);
        // A span between two lines printed at once still shows, as a sliver.
        let width = (at(span.to_line, span.to_ms) - x).max(2.0);
        let words = self.language.words;
        let label = self.language.label(&span.label);
        let (open, until) = if span.open {
            (" timeline-span-open", words.until_exit.to_owned())
        } else {
            (
                "",
                fill(words.until, &[("ms", &format!("{:.1}", span.to_ms))]),
            )
        };
        let class = format!("timeline-span timeline-span-kind-{kind}{open}");
        let _ = writeln!(
            html,
            r#"<rect class="{class}" x="{x:.1}" y="{:.1}" width="{width:.1}" height="{BAR_HEIGHT}" rx="2"><title>{}</title></rect>"#,
            y - BAR_HEIGHT / 2.0,
            escape(&fill(
                words.span_title,
                &[
                    ("label", &label),
                    ("from", &format!("{:.1}", span.from_ms)),
                    ("until", &until)
                ]
            ))
        );
        if width >= label_width(&label) + 4.0 {
            let _ = writeln!(
                html,
                r#"<text class="timeline-span-label" x="{:.1}" y="{:.1}">{}</text>"#,
                x + 2.0,
                y - BAR_HEIGHT / 2.0 - 2.0,
                escape(&label)
            );
        }
    }

    fn render_axis(&self, html: &mut String, axis_y: f64) {
        let axis = self.axis;
        let _ = writeln!(
            html,
            r#"<line class="timeline-axis" x1="{LEFT:.1}" y1="{axis_y:.1}" x2="{:.1}" y2="{axis_y:.1}"/>"#,
            WIDTH - RIGHT
        );
        if let Some((from, to)) = axis.gap {
            let (x1, x2) = (axis.x(from) + 2.0, axis.x(to) - 2.0);
            let _ = writeln!(
                html,
                r#"<path class="timeline-break" d="M{:.1} {:.1}L{:.1} {:.1}M{:.1} {:.1}L{:.1} {:.1}"><title>{}</title></path>"#,
                x1 - 2.0,
                axis_y + 5.0,
                x1 + 2.0,
                axis_y - 5.0,
                x2 - 2.0,
                axis_y + 5.0,
                x2 + 2.0,
                axis_y - 5.0,
                fill(
                    self.language.words.gap,
                    &[("ms", &format!("{:.1}", to - from))]
                )
            );
        }
        let mut last_label = f64::NEG_INFINITY;
        for ms in axis.ticks() {
            let x = axis.x(ms);
            // Labels closer than their own width (either side of a break) would overprint.
            if x - last_label < 36.0 {
                continue;
            }
            last_label = x;
            let _ = writeln!(
                html,
                r#"<line class="timeline-tick" x1="{x:.1}" y1="{axis_y:.1}" x2="{x:.1}" y2="{:.1}"/>"#,
                axis_y + 4.0
            );
            let _ = writeln!(
                html,
                r#"<text class="timeline-tick-label" x="{x:.1}" y="{:.1}" text-anchor="middle">{:.*}</text>"#,
                axis_y + 16.0,
                axis.decimals,
                ms
            );
        }
        let _ = writeln!(
            html,
            r#"<text class="timeline-axis-name" x="{:.1}" y="{:.1}" text-anchor="end">ms</text>"#,
            LEFT - 14.0,
            axis_y + 16.0
        );
    }
}

/// What the picture shows, as a legend of swatches drawn like the picture's own marks and bars,
/// and how much the output varied, in words.
fn caption(spec: &TimelineSpec, recording: &Recording, language: &Language) -> String {
    let words = language.words;
    let total = recording.runs.len();
    let swatch = |shape: &str| {
        format!(
            r#"<svg class="timeline-swatch" viewBox="0 0 18 10" aria-hidden="true">{shape}</svg>"#
        )
    };
    let mut legend = vec![format!(
        "{} {}",
        swatch(r#"<circle class="timeline-mark-swatch" cx="9" cy="5" r="4"/>"#),
        words.legend_line
    )];
    // Labels may hold commas themselves ("waits for e1, polling"), so items are separated by
    // semicolons.
    for (kind, label) in span_labels(spec).iter().enumerate() {
        legend.push(format!(
            "{} {}",
            swatch(&format!(
                r#"<rect class="timeline-span timeline-span-kind-{}" x="1" y="1" width="16" height="8" rx="2"/>"#,
                kind % BAR_KINDS
            )),
            escape(&language.label(label))
        ));
    }
    legend.push(format!(
        "{} {}",
        swatch(r#"<line class="timeline-exit" x1="9" y1="0" x2="9" y2="10"/>"#),
        words.legend_exit
    ));
    let mut text = fill(
        words.caption,
        &[
            ("total", &total.to_string()),
            ("legend", &legend.join("; ")),
        ],
    );
    if let Some(variation) = &recording.variation {
        text.push_str(&fill(
            words.variation,
            &[
                ("runs", &variation.runs.to_string()),
                ("machine", &escape(&variation.machine)),
                ("date", &variation.date.to_string()),
            ],
        ));
        match variation.orders.len() {
            1 => text.push_str(words.same_every_run),
            // Runs differ in the order of their lines and, for some listings, in which lines
            // they print (a thread cut off earlier or later), so what is counted is outputs.
            n => text.push_str(&fill(words.different_ways, &[("n", &n.to_string())])),
        }
    }
    text
}

/// About how wide a label is drawn: Hangul and other wide characters take about twice the width of
/// a Latin letter.
fn label_width(label: &str) -> f64 {
    label
        .chars()
        .map(|c| if c.len_utf8() >= 3 { 1.9 } else { 1.0 })
        .sum::<f64>()
        * LABEL_CHAR
}

/// Each label of the declared spans, once, in the catalog's order.
fn span_labels(spec: &TimelineSpec) -> Vec<&str> {
    let mut labels: Vec<&str> = Vec::new();
    for span in &spec.spans {
        if !labels.contains(&span.label.as_str()) {
            labels.push(&span.label);
        }
    }
    labels
}

/// Each run's lines, for the script that shows another run in the output block. `<`, `>` and `&`
/// are written as JSON escapes, so no line can end the `<script>` element early.
fn script_json(recording: &Recording) -> String {
    let runs: Vec<Vec<&str>> = recording
        .runs
        .iter()
        .map(|run| run.lines.iter().map(|l| l.text.as_str()).collect())
        .collect();
    serde_json::json!({ "runs": runs })
        .to_string()
        .replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::timeline::RecordedLine;

    #[test]
    fn steps_are_one_two_or_five_times_a_power_of_ten() {
        assert_eq!(nice_step(0.7), 1.0);
        assert_eq!(nice_step(1.3), 2.0);
        assert_eq!(nice_step(51.2), 100.0);
        assert_eq!(nice_step(45.0), 50.0);
        assert!((nice_step(0.13) - 0.2).abs() < 1e-9);
    }

    #[test]
    fn the_figure_has_no_blank_or_indented_line_no_id_and_escapes_text() {
        let listing: Listing = toml::from_str(
            "name = 'x'\nchapter = 'c.md'\noutput = 'x.txt'\n[timeline]\n[[timeline.spans]]\n\
             thread = 'main'\nfrom = '^c'\nlabel = 'waits'",
        )
        .unwrap();
        let line = |at_ms, text: &str| RecordedLine {
            at_ms,
            thread: "main".into(),
            text: text.into(),
        };
        let recording = Recording {
            listing: "x".into(),
            runs: vec![RecordedRun {
                end_ms: 3.0,
                lines: vec![line(1.0, "  a <b> & </script>"), line(2.0, "c -> d")],
            }],
            variation: None,
        };
        let html = figure(
            &listing,
            listing.timeline.as_ref().unwrap(),
            &recording,
            &Language::ENGLISH,
        );
        for line in html.lines() {
            assert!(!line.trim().is_empty(), "blank line in\n{html}");
            assert!(line.starts_with('<'), "indented line `{line}`");
        }
        assert!(!html.contains(" id="));
        assert!(!html.contains("<b>"));
        let more = more_runs(
            listing.timeline.as_ref().unwrap(),
            &recording,
            &Language::ENGLISH,
        );
        assert!(
            !more.contains("</script>\"") && more.contains("\\u003c/script\\u003e"),
            "a line holding </script> must not end the data script:\n{more}"
        );
        assert_eq!(html.matches("class=\"timeline-mark\"").count(), 2);
        assert_eq!(
            html.matches("tabindex=\"0\"").count(),
            1,
            "one tab stop per picture"
        );
        assert!(html.contains("timeline-span-open"));
    }
}
