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

/// Runs 2 and later of a listing, each a hidden SVG with the time axis of its own, and the lines of
/// every run as JSON, for the page's script to swap into the figure and the output block.
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
    let axis = Axis::for_run(run);
    let picture = Picture {
        lanes: &lanes,
        labels: &labels,
        axis: &axis,
        spans: spans(spec, run),
        language,
    };
    picture.render(html, run, number, recording.runs.len());
}

/// The time axis of one run. Runs of one listing start and end at different moments, some after a
/// long wait (a process that takes 13 ms to start its threads one time and 1 ms the next), so each
/// run gets the axis that shows it best. When the run prints nothing for half its time or more
/// (a listing that sleeps, then acts at once), that idle stretch is drawn as a short break, so that
/// what happens around it gets the width; and so is the wait before its first line when that takes
/// half of what is left to draw.
struct Axis {
    end_ms: f64,
    step_ms: f64,
    decimals: usize,
    /// The idle stretches drawn as breaks, each from and to, in time order.
    breaks: Vec<(f64, f64)>,
    /// Pixels per millisecond outside the breaks.
    scale: f64,
}

/// How wide a break in the time axis is drawn: its two strokes stand in the middle, clear of a tick
/// at either end.
const BREAK: f64 = 24.0;
/// An idle stretch this share of the time, or more, becomes a break.
const BREAK_SHARE: f64 = 0.5;
/// The least time a break between lines leaves drawn at full scale: three times the tenth of a
/// millisecond a recording is precise to, so that lines a tick apart are not drawn a page apart.
const MIN_SHOWN: f64 = 0.3;
/// Where a break's two strokes stand, from its start.
const BREAK_STROKES: [f64; 2] = [7.0, BREAK - 7.0];
/// How far a break's stroke leans either side of where it stands.
const BREAK_LEAN: f64 = 2.0;

impl Axis {
    fn for_run(run: &RecordedRun) -> Axis {
        let longest = run.end_ms.max(0.1);
        let mut moments: Vec<f64> = run
            .lines
            .iter()
            .map(|l| l.at_ms)
            .chain([0.0, run.end_ms])
            .collect();
        moments.sort_by(f64::total_cmp);
        let mut breaks = Vec::new();
        let mut shown = longest;
        // The longest stretch in which nothing was printed, after the first line.
        let idle = moments
            .windows(2)
            .map(|w| (w[0], w[1]))
            .filter(|(from, _)| *from > 0.0)
            .max_by(|a, b| (a.1 - a.0).total_cmp(&(b.1 - b.0)));
        if let Some((from, to)) = idle
            && to - from >= BREAK_SHARE * longest
            && shown - (to - from) >= MIN_SHOWN
        {
            breaks.push((from, to));
            shown -= to - from;
        }
        // The wait before the first line. Its end stays, a fifth of what is drawn, so that the
        // first line stands clear of the break. (A run that prints everything at the moment it
        // exits has nothing else to draw.)
        let first = moments.iter().copied().find(|&m| m > 0.0).unwrap_or(0.0);
        if first >= BREAK_SHARE * shown && shown - first >= 0.05 {
            let kept = (shown - first) / 4.0;
            breaks.push((0.0, first - kept));
            shown -= first - kept;
        }
        breaks.sort_by(|a, b| a.0.total_cmp(&b.0));
        let step_ms = nice_step(shown.max(0.01) / 5.0);
        let decimals = if step_ms >= 1.0 {
            0
        } else {
            (-step_ms.log10()).ceil() as usize
        };
        // The axis ends at the exit, or a little after it (on the next fifth of a step): a whole
        // step more would leave up to half the axis empty (a run of 1013 ms, on steps of 500 ms).
        let fifth = step_ms / 5.0;
        let end_ms = ((longest - 0.01) / fifth).ceil().max(1.0) * fifth;
        let idle_ms: f64 = breaks.iter().map(|(from, to)| to - from).sum();
        let room = WIDTH - LEFT - RIGHT - BREAK * breaks.len() as f64;
        let scale = room / (end_ms - idle_ms);
        Axis {
            end_ms,
            step_ms,
            decimals,
            breaks,
            scale,
        }
    }

    fn x(&self, ms: f64) -> f64 {
        let mut x = LEFT;
        let mut at = 0.0;
        for &(from, to) in &self.breaks {
            if ms <= from {
                break;
            }
            x += (from - at) * self.scale;
            if ms < to {
                return x + (ms - from) / (to - from) * BREAK;
            }
            x += BREAK;
            at = to;
        }
        x + (ms - at) * self.scale
    }

    /// Where the stretch drawn at full scale that holds `ms` ends: at the next break, or at the
    /// axis's end. A mark placed after it would stand for a moment that is not its line's.
    fn stretch_end(&self, ms: f64) -> f64 {
        self.breaks
            .iter()
            .find(|(from, _)| *from >= ms)
            .map_or_else(|| self.x(self.end_ms), |(from, _)| self.x(*from))
    }

    /// The times the axis labels: multiples of the step, none inside a break.
    fn ticks(&self) -> Vec<f64> {
        let step = self.step_ms;
        let count = |from: f64, to: f64| {
            let first = (from / step - 1e-9).ceil() as u64;
            let last = (to / step + 1e-9).floor() as u64;
            (first..=last).map(move |n| n as f64 * step)
        };
        let mut ticks = Vec::new();
        let mut at = 0.0;
        for &(from, to) in &self.breaks {
            ticks.extend(count(at, from));
            at = to;
        }
        ticks.extend(count(at, self.end_ms));
        ticks
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

    fn render(&self, out: &mut String, run: &RecordedRun, number: usize, total: usize) {
        let mut svg = String::new();
        let html = &mut svg;
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
        out.push_str(&whole_numbers_short(&svg));
    }

    /// Where each line's mark goes. Lines a thread prints at (nearly) the same moment would hide
    /// each other: each mark sits at least a mark's width after the one before it on its lane. A
    /// mark is never drawn after a later event, though: after a line printed later (on any lane),
    /// after the start of a break, or at or past the exit. Marks pushed that far go back before it,
    /// each still a mark's width apart. Its title keeps the time.
    fn mark_xs(&self, run: &RecordedRun) -> Vec<f64> {
        let lines = &run.lines;
        let mut xs: Vec<f64> = lines.iter().map(|l| self.axis.x(l.at_ms)).collect();
        let mut last_on_lane: Vec<(&str, usize)> = Vec::new();
        for (index, line) in lines.iter().enumerate() {
            match last_on_lane
                .iter_mut()
                .find(|(lane, _)| *lane == line.thread)
            {
                Some((_, last)) => {
                    xs[index] = xs[index].max(xs[*last] + MARK_SPACING);
                    *last = index;
                }
                None => last_on_lane.push((&line.thread, index)),
            }
        }
        let exit = self.axis.x(run.end_ms) - MARK_RADIUS - 1.0;
        let mut next_on_lane: Vec<(&str, usize)> = Vec::new();
        // The leftmost mark of the lines printed after the moment at hand.
        let mut later = f64::INFINITY;
        let mut end = lines.len();
        while end > 0 {
            // The lines printed at one moment, latest first.
            let at_ms = lines[end - 1].at_ms;
            let start = lines[..end]
                .iter()
                .rposition(|l| l.at_ms != at_ms)
                .map_or(0, |i| i + 1);
            let mut leftmost = f64::INFINITY;
            for index in (start..end).rev() {
                let line = &lines[index];
                let mut bound = exit.min(later).min(self.axis.stretch_end(at_ms));
                match next_on_lane
                    .iter_mut()
                    .find(|(lane, _)| *lane == line.thread)
                {
                    Some((_, next)) => {
                        bound = bound.min(xs[*next] - MARK_SPACING);
                        *next = index;
                    }
                    None => next_on_lane.push((&line.thread, index)),
                }
                xs[index] = xs[index].min(bound);
                leftmost = leftmost.min(xs[index]);
            }
            later = later.min(leftmost);
            end = start;
        }
        xs
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
        for &(from, to) in &axis.breaks {
            let start = axis.x(from);
            let mut d = String::new();
            for at in BREAK_STROKES {
                let x = start + at;
                let _ = write!(
                    d,
                    "M{:.1} {:.1}L{:.1} {:.1}",
                    x - BREAK_LEAN,
                    axis_y + 5.0,
                    x + BREAK_LEAN,
                    axis_y - 5.0
                );
            }
            let _ = writeln!(
                html,
                r#"<path class="timeline-break" d="{d}"><title>{}</title></path>"#,
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
                r#"<text class="timeline-tick-label" x="{x:.1}" y="{:.1}" text-anchor="middle">{}</text>"#,
                axis_y + 16.0,
                // The start is 0 however fine the steps: "0.00" would run into the axis's name.
                if ms == 0.0 {
                    "0".to_owned()
                } else {
                    format!("{ms:.*}", axis.decimals)
                }
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
    // Each swatch is glued to the first word of its label, so that a line never ends on a swatch
    // whose label starts the next (`theme/timeline.css` keeps a `timeline-key` on one line).
    let key = |swatch: String, label: &str| match label.split_once(' ') {
        Some((first, rest)) => {
            format!(r#"<span class="timeline-key">{swatch} {first}</span> {rest}"#)
        }
        None => format!(r#"<span class="timeline-key">{swatch} {label}</span>"#),
    };
    let mut legend = vec![key(
        swatch(r#"<circle class="timeline-mark-swatch" cx="9" cy="5" r="4"/>"#),
        words.legend_line,
    )];
    // Labels may hold commas themselves ("waits for e1, polling"), so items are separated by
    // semicolons.
    for (kind, label) in span_labels(spec).iter().enumerate() {
        legend.push(key(
            swatch(&format!(
                r#"<rect class="timeline-span timeline-span-kind-{}" x="1" y="1" width="16" height="8" rx="2"/>"#,
                kind % BAR_KINDS
            )),
            &escape(&language.label(label)),
        ));
    }
    legend.push(key(
        swatch(r#"<line class="timeline-exit" x1="9" y1="0" x2="9" y2="10"/>"#),
        words.legend_exit,
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
                ("machine", &escape(&language.machine(&variation.machine))),
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

/// The picture with its whole coordinates written without a decimal (`104` for `104.0`), in
/// attributes and paths only: a chapter with three pictures loads a few hundred bytes less. Times in
/// titles and labels keep theirs (`3.0 ms`).
fn whole_numbers_short(svg: &str) -> String {
    static ATTRIBUTE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r#"(?P<name> [a-z0-9-]+)="(?P<value>[^"]*)""#).expect("a valid pattern")
    });
    static WHOLE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"(?P<digits>\d)\.0(?P<end>[^0-9]|$)").expect("a valid pattern")
    });
    ATTRIBUTE
        .replace_all(svg, |c: &regex::Captures| {
            let value = &c["value"];
            let short =
                if value.starts_with(|ch: char| ch.is_ascii_digit() || ch == 'M' || ch == '-') {
                    WHOLE.replace_all(value, "$digits$end").into_owned()
                } else {
                    value.to_owned()
                };
            format!("{}=\"{short}\"", &c["name"])
        })
        .into_owned()
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

    fn run(lines: &[(f64, &str)], end_ms: f64) -> RecordedRun {
        RecordedRun {
            end_ms,
            lines: lines
                .iter()
                .map(|&(at_ms, thread)| RecordedLine {
                    at_ms,
                    thread: thread.into(),
                    text: format!("[{thread}] at {at_ms}"),
                })
                .collect(),
        }
    }

    fn listing(spans: &str) -> Listing {
        toml::from_str(&format!(
            "name = 'x'\nchapter = 'c.md'\noutput = 'x.txt'\n[timeline]\n{spans}"
        ))
        .unwrap()
    }

    /// Run 1's picture for a recording of `runs`.
    fn picture(runs: Vec<RecordedRun>, language: &Language) -> String {
        let listing = listing("");
        let recording = Recording {
            listing: "x".into(),
            runs,
            variation: None,
        };
        figure(
            &listing,
            listing.timeline.as_ref().unwrap(),
            &recording,
            language,
        )
    }

    /// The number of attribute `name` in each line of `html` that starts with `start`.
    fn numbers(html: &str, start: &str, name: &str) -> Vec<f64> {
        html.lines()
            .filter(|l| l.starts_with(start))
            .map(|l| {
                let key = format!(" {name}=\"");
                let at = l.find(&key).expect("the attribute") + key.len();
                l[at..at + l[at..].find('"').unwrap()].parse().unwrap()
            })
            .collect()
    }

    const MARK: &str = "<circle class=\"timeline-mark\"";
    const EXIT: &str = "<line class=\"timeline-exit\"";

    #[test]
    fn marks_printed_at_once_stay_before_the_exit_and_before_later_lines() {
        // Listing 7-3's end: four lines at one moment, the exit 0.3 ms later; and two lanes, the
        // first printing three lines a moment before the second prints one.
        let html = picture(
            vec![run(
                &[
                    (10.0, "a"),
                    (10.0, "a"),
                    (10.0, "a"),
                    (10.1, "b"),
                    (200.0, "b"),
                    (265.0, "a"),
                    (265.0, "a"),
                    (265.0, "a"),
                    (265.0, "a"),
                ],
                265.3,
            )],
            &Language::ENGLISH,
        );
        let marks = numbers(&html, MARK, "cx");
        let exit = numbers(&html, EXIT, "x1")[0];
        for (index, x) in marks.iter().enumerate() {
            assert!(
                x + MARK_RADIUS < exit,
                "mark {index} reaches {}, the exit is at {exit}:\n{html}",
                x + MARK_RADIUS
            );
        }
        assert!(
            marks[..3].iter().all(|&x| x <= marks[3]),
            "lines printed before b's are drawn after it: {marks:?}"
        );
        // Still a mark's width apart, none hidden by another.
        for pair in [&marks[..3], &marks[5..]] {
            for two in pair.windows(2) {
                assert!(two[1] - two[0] >= MARK_SPACING - 0.11, "{marks:?}");
            }
        }
    }

    #[test]
    fn a_run_that_waits_before_printing_gets_the_width_of_the_axis() {
        // Listing 10-1: one run waits 13 ms before printing, another 1 ms, and each prints for
        // well under a millisecond before it exits.
        let lines = |start: f64| {
            run(
                &[
                    (start, "p1"),
                    (start + 0.1, "p1"),
                    (start + 0.1, "p2"),
                    (start + 0.1, "p2"),
                    (start + 0.1, "main"),
                ],
                start + 0.4,
            )
        };
        for runs in [vec![lines(13.3), lines(1.3)], vec![lines(1.3), lines(13.3)]] {
            let html = picture(runs, &Language::ENGLISH);
            let first = numbers(&html, MARK, "cx")
                .into_iter()
                .fold(f64::INFINITY, f64::min);
            let exit = numbers(&html, EXIT, "x1")[0];
            let share = (exit - first) / (WIDTH - LEFT - RIGHT);
            assert!(
                share >= 0.5,
                "the run's lines take {:.0}% of the axis:\n{html}",
                share * 100.0
            );
        }
    }

    #[test]
    fn a_break_at_the_start_stands_clear_of_the_zero_tick() {
        // Listing 12-2: nothing for 112 ms, then everything within a millisecond.
        let html = picture(
            vec![run(
                &[(112.4, "a"), (112.4, "b"), (112.7, "a"), (112.8, "b")],
                113.3,
            )],
            &Language::ENGLISH,
        );
        let path = html
            .lines()
            .find(|l| l.starts_with("<path class=\"timeline-break\""))
            .expect("the idle start is drawn as a break");
        let d = &path[path.find(" d=\"").unwrap() + 4..];
        let xs: Vec<f64> = d[..d.find('"').unwrap()]
            .split(['M', 'L'])
            .filter(|p| !p.is_empty())
            .map(|p| p.split(' ').next().unwrap().parse().unwrap())
            .collect();
        let (low, high) = (
            xs.iter().copied().fold(f64::INFINITY, f64::min),
            xs.iter().copied().fold(f64::NEG_INFINITY, f64::max),
        );
        let ticks = numbers(&html, "<line class=\"timeline-tick\"", "x1");
        assert_eq!(ticks.first(), Some(&LEFT), "the axis starts at 0:\n{html}");
        for tick in ticks {
            assert!(
                tick <= low - 3.0 || tick >= high + 3.0,
                "the break over {low}–{high} touches the tick at {tick}:\n{html}"
            );
        }
        // The "0" under the first tick, about 7 px wide, ends before the break's first stroke.
        assert!(LEFT + 4.0 < low, "{low}");
    }

    #[test]
    fn the_legend_glues_each_swatch_to_its_label() {
        let listing =
            listing("[[timeline.spans]]\nthread = 'a'\nfrom = 'x'\nlabel = 'holds the lock'");
        let recording = Recording {
            listing: "x".into(),
            runs: vec![run(&[(1.0, "a")], 2.0)],
            variation: None,
        };
        let html = figure(
            &listing,
            listing.timeline.as_ref().unwrap(),
            &recording,
            &Language::ENGLISH,
        );
        assert!(
            html.contains("</svg> holds</span> the lock;"),
            "a swatch is kept with its label's first word:\n{html}"
        );
        assert_eq!(
            html.matches("<span class=\"timeline-key\"><svg class=\"timeline-swatch\"")
                .count(),
            3,
            "{html}"
        );
    }

    #[test]
    fn captions_name_the_machine_in_their_language() {
        let catalog = crate::i18n::template::new_catalog("ko");
        let korean = Language::translated(crate::i18n::edition::KOREAN, &catalog);
        assert_eq!(
            Language::ENGLISH.machine("2-core Intel(R) Xeon(R) Processor"),
            "2-core Intel(R) Xeon(R) Processor"
        );
        assert_eq!(
            korean.machine("2-core Intel(R) Xeon(R) Processor"),
            "Intel(R) Xeon(R) Processor 코어 2개"
        );
        assert_eq!(korean.machine("some machine"), "some machine");
    }
}
