//! Draws the speedup chart as SVG: one line per language and variant, the ideal speedup for
//! reference, a whisker at each point with more than one worker that spans the middle half of the
//! measured speedups (where the CSV has them), a legend that gives every line's speedup at the most
//! workers, and the machine and date underneath.
//!
//! The chapter includes the SVG into its page (it is not an `<img>`), so that the chart takes its
//! colours from the page: its text, axes and ideal line are drawn in `currentColor`, the theme's
//! text colour; it has no background of its own; and its lines' colours keep a contrast of 3:1 or
//! more against the background of every mdBook theme, light or dark.
//!
//! It is drawn narrow, [`WIDTH`] units, with no text smaller than [`FONT`], so that on a phone, where
//! it scales down to the page's column, its text stays readable. Every text keeps [`PAD`] from the
//! edges.
//!
//! It holds its words in every edition's language ([`EDITIONS`]), each in a group of its own; a
//! rule of its style sheet shows the group in the page's language (`<html lang>`), so that one file
//! serves the English book and the Korean edition, and the SVG opened on its own reads English.

use std::collections::BTreeSet;
use std::fmt::Write as _;

use crate::results::Row;

/// The chart's width in SVG units; its height follows from what it holds.
pub const WIDTH: f64 = 400.0;
/// The least room between any text and the chart's edge.
pub const PAD: f64 = 12.0;
/// The size of every text but the title.
pub const FONT: f64 = 14.0;
const TITLE_FONT: f64 = 17.0;
const LINE: f64 = 19.0;
const TITLE_LINE: f64 = 22.0;
const PLOT_HEIGHT: f64 = 190.0;
const LEGEND_ROW: f64 = 22.0;
/// How long a legend's sample of a line is.
const SWATCH: f64 = 30.0;
/// The least distance between two speedups at the lines' ends, so that none covers another.
const LABEL_GAP: f64 = 17.0;
/// How wide the chart is shown at most, in CSS pixels: at 1280 px its text is then 1.2 times its
/// size in units.
const MAX_SHOWN: &str = "480px";
/// The id of the paragraph that tells, in words, what the chart shows (see `figures::figure`).
pub const SUMMARY_ID: &str = "gil-scaling-summary";

/// The words of the chart in one edition of the book. `{name}` marks what is filled in.
pub struct Words {
    /// The edition's `<html lang>`.
    pub lang: &'static str,
    title: &'static str,
    x_axis: &'static str,
    y_axis: &'static str,
    /// Above the legend, whose values are the speedups with `{n}` workers.
    legend: &'static str,
    ideal: &'static str,
    cores: &'static str,
    one_core: &'static str,
    measured: &'static str,
    /// The steps of a run, `{steps}`: the counts joined by `or`.
    steps: &'static str,
    or: &'static str,
    /// What the points and the whiskers are.
    spread: &'static str,
    /// Each series' name, by language and variant, as the chapter's table names it.
    pub names: &'static [(&'static str, &'static str, &'static str)],
}

pub const ENGLISH: Words = Words {
    lang: "en",
    title: "Speedup with more threads or processes",
    x_axis: "threads or processes",
    y_axis: "speedup (×)",
    legend: "Speedup with {n} threads or processes:",
    ideal: "ideal: n workers, n times as fast",
    cores: "{cpu}, {n} cores",
    one_core: "{cpu}, 1 core",
    measured: "{machines}; measured {dates}.",
    steps: "{steps} steps per run, split over the workers.",
    or: " or ",
    spread: "Points are medians; whiskers span the middle half of the measured speedups.",
    names: ENGLISH_NAMES,
};

/// Each series' name in English, by language and variant: the chapter's table's, and the chart's.
pub const ENGLISH_NAMES: &[(&str, &str, &str)] = &[
    ("rust", "no-shared-state", "Rust, no shared state"),
    ("rust", "global-lock", "Rust, one global lock"),
    ("rust", "short-lock", "Rust, one lock, short section"),
    ("rust", "sharded-locks", "Rust, sharded locks"),
    ("rust", "atomics", "Rust, one atomic"),
    ("python", "threads", "Python, threads"),
    ("python", "processes", "Python, processes"),
    (
        "python",
        "rust-holding-gil",
        "Python threads calling Rust, GIL held",
    ),
    (
        "python",
        "rust-releasing-gil",
        "Python threads calling Rust, GIL released",
    ),
];

/// The Korean edition's words, in the terms of `po/GLOSSARY.md`; the series' names are those the
/// chapter's table has in `po/ko.po` (a test compares them).
pub const KOREAN: Words = Words {
    lang: "ko",
    title: "스레드·프로세스 수에 따른 속도 향상",
    x_axis: "스레드 또는 프로세스 수",
    y_axis: "속도 향상 (배)",
    legend: "스레드 또는 프로세스 {n}개일 때의 속도 향상:",
    ideal: "이상적인 경우: 워커 n개면 n배",
    cores: "{cpu}, 코어 {n}개",
    one_core: "{cpu}, 코어 1개",
    measured: "{machines}; {dates} 측정.",
    steps: "실행마다 {steps}단계를 워커들이 나눠 맡음.",
    or: " 또는 ",
    spread: "점은 중앙값, 수염은 측정된 속도 향상의 가운데 절반 범위.",
    names: &[
        ("rust", "no-shared-state", "러스트, 공유 상태 없음"),
        ("rust", "global-lock", "러스트, 전역 락 하나"),
        ("rust", "short-lock", "러스트, 락 하나, 짧은 구간"),
        ("rust", "sharded-locks", "러스트, 샤드로 나눈 락"),
        ("rust", "atomics", "러스트, 아토믹 하나"),
        ("python", "threads", "파이썬, 스레드"),
        ("python", "processes", "파이썬, 프로세스"),
        (
            "python",
            "rust-holding-gil",
            "파이썬 스레드에서 러스트 호출, GIL 유지",
        ),
        (
            "python",
            "rust-releasing-gil",
            "파이썬 스레드에서 러스트 호출, GIL 해제",
        ),
    ],
};

/// The chart's languages; the first is the one shown where the page's language is none of them.
pub const EDITIONS: [&Words; 2] = [&ENGLISH, &KOREAN];

impl Words {
    /// A series' name in this language; a variant without one is named after its CSV name.
    pub fn name(&self, language: &str, variant: &str) -> String {
        self.names
            .iter()
            .find(|(l, v, _)| *l == language && *v == variant)
            .map_or_else(|| fallback_name(language, variant), |n| n.2.to_owned())
    }
}

fn fallback_name(language: &str, variant: &str) -> String {
    format!("{}, {}", language_name(language), variant.replace('-', " "))
}

/// A CSV's language as prose names it: `rust` is Rust.
pub fn language_name(language: &str) -> String {
    let mut language = language.to_owned();
    if let Some(first) = language.get_mut(..1) {
        first.make_ascii_uppercase();
    }
    language
}

/// The name of a series in the chapter's table and the chart's summary.
pub fn label(language: &str, variant: &str) -> String {
    ENGLISH.name(language, variant)
}

/// How one series is drawn. Each has a colour, a marker shape and a dash pattern of its own, so
/// that it stays apart from the others without colour, too. The colours are the hues of the
/// Okabe–Ito palette, which stay distinct for colour-blind readers, darkened or lightened to a
/// luminance that keeps 3:1 against light and dark backgrounds alike; one line is drawn in the
/// text's own colour.
struct Style {
    colour: &'static str,
    marker: Marker,
    /// An SVG `stroke-dasharray`, empty for a solid line.
    dash: &'static str,
}

/// The colour of a series without a style of its own.
pub const FALLBACK_COLOUR: &str = "#777777";

/// Every colour a series may be drawn in, for the contrast test.
pub const COLOURS: [&str; 9] = [
    "#0072B2",
    "#C85A00",
    "#00876A",
    "#B0508A",
    "#9A7000",
    "#7B61C4",
    "#D1343C",
    "#00829C",
    FALLBACK_COLOUR,
];

#[derive(Clone, Copy)]
enum Marker {
    Circle,
    Square,
    Diamond,
    TriangleUp,
    TriangleDown,
    Plus,
    Cross,
    Hexagon,
    Hourglass,
}

fn style(language: &str, variant: &str) -> Style {
    use Marker::*;
    let (colour, marker, dash) = match (language, variant) {
        ("rust", "no-shared-state") => (COLOURS[0], Circle, ""),
        ("rust", "global-lock") => (COLOURS[1], Square, "10 4"),
        ("rust", "short-lock") => ("currentColor", Diamond, "3 3"),
        ("rust", "sharded-locks") => (COLOURS[2], TriangleUp, "6 3"),
        ("rust", "atomics") => (COLOURS[3], TriangleDown, "12 3 3 3"),
        ("python", "threads") => (COLOURS[4], Plus, "8 3 2 3 2 3"),
        ("python", "processes") => (COLOURS[5], Cross, "1 3"),
        ("python", "rust-holding-gil") => (COLOURS[6], Hexagon, "16 4"),
        ("python", "rust-releasing-gil") => (COLOURS[7], Hourglass, "5 2 1 2"),
        _ => (FALLBACK_COLOUR, Circle, "4 2"),
    };
    Style {
        colour,
        marker,
        dash,
    }
}

/// Escapes the characters XML gives a meaning to.
fn xml(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// `template` with each `{name}` replaced by its value.
fn fill(template: &str, values: &[(&str, &str)]) -> String {
    values
        .iter()
        .fold(template.to_owned(), |text, (name, value)| {
            text.replace(&format!("{{{name}}}"), value)
        })
}

/// A coordinate, with at most one decimal and none when it is whole.
fn n(value: f64) -> String {
    let text = format!("{value:.1}");
    text.strip_suffix(".0").unwrap_or(&text).to_owned()
}

/// About how wide `text` is drawn at `size` in a sans-serif font, a little more rather than less:
/// Hangul and other wide characters take about an em, Latin letters a little more than half.
pub fn text_width(text: &str, size: f64) -> f64 {
    let ems: f64 =
        text.chars()
            .map(|c| match c {
                ' ' => 0.3,
                '.' | ',' | ':' | ';' | '\'' | '(' | ')' | 'i' | 'j' | 'l' | 'I' | 'f' | 't'
                | 'r' => 0.34,
                'm' | 'w' | 'M' | 'W' => 0.9,
                'A'..='Z' => 0.7,
                '0'..='9' => 0.6,
                c if c.len_utf8() >= 3 => 0.95,
                _ => 0.56,
            })
            .sum();
    ems * size
}

/// Words in lines no wider than `width` at `size`.
pub fn wrap(text: &str, size: f64, width: f64) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for word in text.split(' ') {
        match lines.last_mut() {
            Some(line) if text_width(&format!("{line} {word}"), size) <= width => {
                line.push(' ');
                line.push_str(word);
            }
            _ => lines.push(word.to_owned()),
        }
    }
    lines
}

/// The series in the order their first rows appear, each sorted by worker count.
fn series(rows: &[Row]) -> Vec<Vec<&Row>> {
    let mut all: Vec<Vec<&Row>> = Vec::new();
    for row in rows {
        match all
            .iter_mut()
            .find(|s| s[0].language == row.language && s[0].variant == row.variant)
        {
            Some(series) => series.push(row),
            None => all.push(vec![row]),
        }
    }
    for series in &mut all {
        series.sort_by_key(|r| r.workers);
    }
    all
}

/// Groups a number's digits by thousands: 10,000.
pub fn grouped(number: u64) -> String {
    let digits = number.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// A text element: `anchor` is `start`, `middle` or `end`; `size` is left out at [`FONT`], which
/// the chart sets once for all.
fn text(x: f64, y: f64, anchor: &str, size: f64, extra: &str, content: &str) -> String {
    let anchor = match anchor {
        "start" => String::new(),
        other => format!(" text-anchor=\"{other}\""),
    };
    let size = if size == FONT {
        String::new()
    } else {
        format!(" font-size=\"{}\"", n(size))
    };
    format!(
        "<text x=\"{}\" y=\"{}\"{anchor}{size}{extra}>{}</text>\n",
        n(x),
        n(y),
        xml(content)
    )
}

/// The words of the footer, in one language: the machines and dates, then the size of a run.
fn footer(words: &Words, rows: &[Row]) -> Vec<String> {
    let machines: BTreeSet<(String, usize)> =
        rows.iter().map(|r| (r.cpu.clone(), r.cores)).collect();
    let machines: Vec<String> = machines
        .into_iter()
        .map(|(cpu, cores)| {
            let template = if cores == 1 {
                words.one_core
            } else {
                words.cores
            };
            fill(template, &[("cpu", &cpu), ("n", &cores.to_string())])
        })
        .collect();
    let dates: BTreeSet<&str> = rows.iter().map(|r| r.date.as_str()).collect();
    let steps: BTreeSet<u64> = rows.iter().map(|r| r.steps).collect();
    let steps: Vec<String> = steps.into_iter().map(grouped).collect();
    let spread = rows
        .iter()
        .any(|r| r.workers > 1 && r.speedup_iqr.is_some());
    let width = WIDTH - 2.0 * PAD;
    let mut lines = wrap(
        &fill(
            words.measured,
            &[
                ("machines", &machines.join("; ")),
                ("dates", &dates.into_iter().collect::<Vec<_>>().join(", ")),
            ],
        ),
        FONT,
        width,
    );
    lines.extend(wrap(
        &fill(words.steps, &[("steps", &steps.join(words.or))]),
        FONT,
        width,
    ));
    if spread {
        lines.extend(wrap(words.spread, FONT, width));
    }
    lines
}

/// The whiskers' spread of a row, where there is one to draw: one worker's speedup is 1 by
/// definition, and a spread of nothing would draw a dot.
fn whisker(row: &Row) -> Option<(f64, f64)> {
    row.speedup_iqr
        .filter(|(low, high)| row.workers > 1 && high > low && low.is_finite() && high.is_finite())
}

/// How far a series' whiskers are moved sideways from its points, so that the whiskers of series
/// that end near each other stand side by side instead of on top of each other.
fn dodge(index: usize, count: usize) -> f64 {
    const WHISKER_GAP: f64 = 4.0;
    (index as f64 - (count as f64 - 1.0) / 2.0) * WHISKER_GAP
}

pub fn render(rows: &[Row]) -> String {
    let series = series(rows);
    let max_workers = rows.iter().map(|r| r.workers).max().unwrap_or(1);
    let top_speedup = rows
        .iter()
        .flat_map(|r| [Some(r.speedup), whisker(r).map(|w| w.1)])
        .flatten()
        .filter(|s| s.is_finite())
        .fold(max_workers as f64, f64::max);
    // The y axis ends on the first half-step above every point.
    let y_max = (top_speedup * 2.0 + 0.5).ceil() / 2.0;
    let y_step = if y_max <= 4.0 { 0.5 } else { 1.0 };
    let mut y_ticks = Vec::new();
    let mut tick = 0.0;
    while tick <= y_max + 1e-9 {
        y_ticks.push(tick);
        tick += y_step;
    }

    // Across: the y axis's name (turned), its numbers, the plot, then each line's speedup at its end.
    let tick_width = y_ticks
        .iter()
        .map(|t| text_width(&format!("{t:.1}"), FONT))
        .fold(0.0, f64::max);
    let left = PAD + FONT + 8.0 + tick_width + 6.0;
    let ends: Vec<String> = series
        .iter()
        .map(|points| format!("{:.2}×", points.last().map_or(f64::NAN, |r| r.speedup)))
        .collect();
    let end_width = ends.iter().map(|e| text_width(e, FONT)).fold(0.0, f64::max);
    let right = WIDTH - PAD - end_width - 18.0;
    let label_x = right + 14.0;
    // Workers 1..=max sit inside the plot with a quarter step of margin each side.
    let x = |workers: f64| {
        let span = (max_workers as f64 - 1.0) + 0.5;
        left + (workers - 1.0 + 0.25) / span * (right - left)
    };

    // Down: the title, the plot, the x axis's numbers and name, the legend, the footer. Where the
    // languages need different numbers of lines, the most of them sets the room.
    let text_width_room = WIDTH - 2.0 * PAD;
    let titles: Vec<Vec<String>> = EDITIONS
        .iter()
        .map(|w| wrap(w.title, TITLE_FONT, text_width_room))
        .collect();
    let title_rows = titles.iter().map(Vec::len).max().unwrap_or(1);
    let top = PAD + title_rows as f64 * TITLE_LINE + 18.0;
    let bottom = top + PLOT_HEIGHT;
    let y = |speedup: f64| bottom - speedup / y_max * (bottom - top);
    let legend_top = bottom + 70.0;
    let first_row = legend_top + 26.0;
    let footer_top = first_row + LEGEND_ROW * series.len() as f64 + 30.0;
    let footers: Vec<Vec<String>> = EDITIONS.iter().map(|w| footer(w, rows)).collect();
    let footer_rows = footers.iter().map(Vec::len).max().unwrap_or(1);
    let height = (footer_top + LINE * (footer_rows as f64 - 1.0) + 5.0 + PAD).ceil();

    let mut svg = String::new();
    let mut put = |text: String| svg.push_str(&text);
    put(format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"gil-chart\" viewBox=\"0 0 {} {}\" role=\"img\" \
         aria-labelledby=\"{SUMMARY_ID}\" font-family=\"sans-serif\" font-size=\"{}\" fill=\"currentColor\" \
         style=\"display:block;width:100%;max-width:{MAX_SHOWN};height:auto;margin:1em auto\">\n\
         <style>.gil-chart:not(:lang(ko)) .ko,.gil-chart:lang(ko) .en{{display:none}}</style>\n",
        n(WIDTH),
        n(height),
        n(FONT)
    ));

    // The grid, the axes and their numbers.
    put("<g stroke=\"currentColor\" stroke-opacity=\".2\">\n".to_owned());
    for &t in &y_ticks {
        put(format!(
            "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\"/>\n",
            n(left),
            n(y(t)),
            n(right),
            n(y(t))
        ));
    }
    put("</g>\n<g stroke=\"currentColor\">\n".to_owned());
    put(format!(
        "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\"/>\n<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\"/>\n",
        n(left),
        n(bottom),
        n(right),
        n(bottom),
        n(left),
        n(top),
        n(left),
        n(bottom)
    ));
    for workers in 1..=max_workers {
        let tx = x(workers as f64);
        put(format!(
            "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\"/>\n",
            n(tx),
            n(bottom),
            n(tx),
            n(bottom + 5.0)
        ));
    }
    put("</g>\n".to_owned());
    for &t in &y_ticks {
        put(text(
            left - 6.0,
            y(t) + 5.0,
            "end",
            FONT,
            "",
            &format!("{t:.1}"),
        ));
    }
    for workers in 1..=max_workers {
        put(text(
            x(workers as f64),
            bottom + 21.0,
            "middle",
            FONT,
            "",
            &workers.to_string(),
        ));
    }

    // The ideal: n workers, n times the throughput.
    let ideal_dots =
        "stroke=\"currentColor\" stroke-opacity=\".7\" stroke-width=\"2\" stroke-dasharray=\"2 4\"";
    put(format!(
        "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" {ideal_dots}/>\n",
        n(x(1.0)),
        n(y(1.0)),
        n(x(max_workers as f64)),
        n(y(max_workers as f64))
    ));

    // Each line, its markers, and its sample in the legend.
    let mut end_ys = Vec::new();
    for (index, points) in series.iter().enumerate() {
        let style = style(&points[0].language, &points[0].variant);
        let dash = if style.dash.is_empty() {
            String::new()
        } else {
            format!(" stroke-dasharray=\"{}\"", style.dash)
        };
        let path: Vec<String> = points
            .iter()
            .map(|r| format!("{},{}", n(x(r.workers as f64)), n(y(r.speedup))))
            .collect();
        let row_y = first_row + LEGEND_ROW * index as f64 - 5.0;
        put(format!(
            "<g stroke=\"{}\" stroke-width=\"2.5\" fill=\"none\">\n\
             <polyline points=\"{}\" stroke-width=\"3\"{dash}/>\n\
             <line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke-width=\"3\"{dash}/>\n",
            style.colour,
            path.join(" "),
            n(PAD),
            n(row_y),
            n(PAD + SWATCH),
            n(row_y)
        ));
        for r in points {
            put(marker(x(r.workers as f64), y(r.speedup), style.marker));
        }
        // Thinner than the line and solid, with short caps, beside the point.
        for r in points {
            if let Some((low, high)) = whisker(r) {
                let wx = x(r.workers as f64) + dodge(index, series.len());
                put(format!(
                    "<path d=\"M{} {}V{}M{} {}h5M{} {}h5\" stroke-width=\"1.5\"/>\n",
                    n(wx),
                    n(y(low)),
                    n(y(high)),
                    n(wx - 2.5),
                    n(y(low)),
                    n(wx - 2.5),
                    n(y(high))
                ));
            }
        }
        put(marker(PAD + SWATCH / 2.0, row_y, style.marker));
        put("</g>\n".to_owned());
        let last = points.last().expect("a series has rows");
        end_ys.push((x(last.workers as f64), y(last.speedup)));
    }
    let ideal_y = first_row + LEGEND_ROW * series.len() as f64 - 5.0;
    put(format!(
        "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" {ideal_dots}/>\n",
        n(PAD),
        n(ideal_y),
        n(PAD + SWATCH),
        n(ideal_y)
    ));

    // Each line's speedup at its end, nudged apart so that none covers another, with a thin
    // leader from the line's last point; the legend gives the same number beside the line's name.
    let label_ys = spread(&end_ys.iter().map(|e| e.1).collect::<Vec<_>>(), LABEL_GAP);
    put("<g stroke=\"currentColor\" stroke-opacity=\".5\">\n".to_owned());
    for ((end_x, end_y), label_y) in end_ys.iter().zip(&label_ys) {
        put(format!(
            "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\"/>\n",
            n(end_x + 8.0),
            n(*end_y),
            n(label_x - 3.0),
            n(*label_y)
        ));
    }
    put("</g>\n".to_owned());
    for (end, label_y) in ends.iter().zip(&label_ys) {
        put(text(label_x, label_y + 5.0, "start", FONT, "", end));
    }
    for (index, end) in ends.iter().enumerate() {
        let row = first_row + LEGEND_ROW * index as f64;
        put(text(WIDTH - PAD, row, "end", FONT, "", end));
    }
    let ideal_row = first_row + LEGEND_ROW * series.len() as f64;
    put(text(
        WIDTH - PAD,
        ideal_row,
        "end",
        FONT,
        "",
        &format!("{:.2}×", max_workers as f64),
    ));

    // The words, one group per language.
    for (words, (title, footer)) in EDITIONS.iter().zip(titles.iter().zip(&footers)) {
        let lang = if words.lang == ENGLISH.lang {
            String::new()
        } else {
            format!(" lang=\"{}\"", words.lang)
        };
        put(format!("<g class=\"{}\"{lang}>\n", words.lang));
        for (i, line) in title.iter().enumerate() {
            put(text(
                WIDTH / 2.0,
                PAD + 14.0 + TITLE_LINE * i as f64,
                "middle",
                TITLE_FONT,
                " font-weight=\"bold\"",
                line,
            ));
        }
        put(text(
            (left + right) / 2.0,
            bottom + 42.0,
            "middle",
            FONT,
            "",
            words.x_axis,
        ));
        let turned_x = PAD + FONT - 2.0;
        let turned_y = (top + bottom) / 2.0;
        put(text(
            turned_x,
            turned_y,
            "middle",
            FONT,
            &format!(" transform=\"rotate(-90 {} {})\"", n(turned_x), n(turned_y)),
            words.y_axis,
        ));
        put(text(
            PAD,
            legend_top,
            "start",
            FONT,
            " font-weight=\"bold\"",
            &fill(words.legend, &[("n", &max_workers.to_string())]),
        ));
        for (index, points) in series.iter().enumerate() {
            put(text(
                PAD + SWATCH + 8.0,
                first_row + LEGEND_ROW * index as f64,
                "start",
                FONT,
                "",
                &words.name(&points[0].language, &points[0].variant),
            ));
        }
        put(text(
            PAD + SWATCH + 8.0,
            ideal_row,
            "start",
            FONT,
            "",
            words.ideal,
        ));
        for (i, line) in footer.iter().enumerate() {
            put(text(
                PAD,
                footer_top + LINE * i as f64,
                "start",
                FONT,
                "",
                line,
            ));
        }
        put("</g>\n".to_owned());
    }
    put("</svg>\n".to_owned());
    svg
}

/// Places labels wanted at heights `wanted` so that any two are at least `gap` apart, each as near
/// its wish as that allows: in order from the top, each is pushed down below the one above, then
/// every run of labels pushed together is centred on the heights it wanted.
pub fn spread(wanted: &[f64], gap: f64) -> Vec<f64> {
    let mut order: Vec<usize> = (0..wanted.len()).collect();
    order.sort_by(|&a, &b| wanted[a].total_cmp(&wanted[b]));
    // Runs of labels that touch, each as (first index into `order`, its length).
    let mut runs: Vec<(usize, usize, f64)> = Vec::new();
    for (position, &label) in order.iter().enumerate() {
        runs.push((position, 1, wanted[label]));
        // Merge with the run above while they would overlap.
        while runs.len() > 1 {
            let (_, len, top) = runs[runs.len() - 1];
            let (above_start, above_len, above_top) = runs[runs.len() - 2];
            if above_top + gap * above_len as f64 <= top {
                break;
            }
            runs.truncate(runs.len() - 2);
            let len = above_len + len;
            let mean = order[above_start..above_start + len]
                .iter()
                .map(|&i| wanted[i])
                .sum::<f64>()
                / len as f64;
            runs.push((above_start, len, mean - gap * (len as f64 - 1.0) / 2.0));
        }
    }
    let mut placed = vec![0.0; wanted.len()];
    for (start, len, top) in runs {
        for k in 0..len {
            placed[order[start + k]] = top + gap * k as f64;
        }
    }
    placed
}

/// A series' marker, drawn as an outline so that markers on the same point stay visible; its
/// colour and width come from the series' group.
fn marker(cx: f64, cy: f64, marker: Marker) -> String {
    let mut out = String::new();
    let p = |points: &[(f64, f64)]| {
        let points: Vec<String> = points
            .iter()
            .map(|(x, y)| format!("{},{}", n(*x), n(*y)))
            .collect();
        format!("<polygon points=\"{}\"/>\n", points.join(" "))
    };
    let _ = match marker {
        Marker::Circle => writeln!(out, "<circle cx=\"{}\" cy=\"{}\" r=\"5\"/>", n(cx), n(cy)),
        Marker::Square => writeln!(
            out,
            "<rect x=\"{}\" y=\"{}\" width=\"10\" height=\"10\"/>",
            n(cx - 5.0),
            n(cy - 5.0)
        ),
        Marker::Diamond => write!(
            out,
            "{}",
            p(&[
                (cx, cy - 7.0),
                (cx + 7.0, cy),
                (cx, cy + 7.0),
                (cx - 7.0, cy)
            ])
        ),
        Marker::TriangleUp => write!(
            out,
            "{}",
            p(&[(cx, cy - 7.0), (cx + 6.0, cy + 5.0), (cx - 6.0, cy + 5.0)])
        ),
        Marker::TriangleDown => write!(
            out,
            "{}",
            p(&[(cx, cy + 7.0), (cx + 6.0, cy - 5.0), (cx - 6.0, cy - 5.0)])
        ),
        Marker::Plus => writeln!(
            out,
            "<path d=\"M{} {}h14M{} {}v14\"/>",
            n(cx - 7.0),
            n(cy),
            n(cx),
            n(cy - 7.0)
        ),
        Marker::Cross => writeln!(
            out,
            "<path d=\"M{} {}l10 10m0-10l-10 10\"/>",
            n(cx - 5.0),
            n(cy - 5.0)
        ),
        Marker::Hexagon => write!(
            out,
            "{}",
            p(&[
                (cx - 6.0, cy),
                (cx - 3.0, cy - 5.5),
                (cx + 3.0, cy - 5.5),
                (cx + 6.0, cy),
                (cx + 3.0, cy + 5.5),
                (cx - 3.0, cy + 5.5)
            ])
        ),
        // Two triangles meeting at their tips: the polygon crosses itself.
        Marker::Hourglass => write!(
            out,
            "{}",
            p(&[
                (cx - 5.0, cy - 6.0),
                (cx + 5.0, cy - 6.0),
                (cx - 5.0, cy + 6.0),
                (cx + 5.0, cy + 6.0)
            ])
        ),
    };
    out
}
