//! Draws the speedup chart as SVG: one line per language and variant, the ideal speedup for
//! reference, and the machine and date underneath.
//!
//! The SVG brings its own white background, so it reads the same in the book's light and dark
//! themes, and it has a `viewBox` but no fixed size, so it scales down to a phone's width.

use std::collections::BTreeSet;

use crate::results::Row;

const WIDTH: f64 = 560.0;
const LEFT: f64 = 64.0;
/// The plot ends here; the lines' names stand to its right.
const RIGHT: f64 = 380.0;
/// The least distance between two names at the lines' ends, so that none covers another.
const LABEL_GAP: f64 = 16.0;
const TOP: f64 = 56.0;
const BOTTOM: f64 = 296.0;
const LEGEND_ROW: f64 = 27.0;

/// How one series is drawn. The colours are from the Okabe–Ito palette, which stays distinct for
/// colour-blind readers; without colour, each series still has a marker shape and a dash
/// pattern of its own, and its name at the end of its line.
struct Style {
    label: &'static str,
    colour: &'static str,
    marker: Marker,
    /// An SVG `stroke-dasharray`, empty for a solid line.
    dash: &'static str,
    /// What the workers are: `threads` or `processes`.
    workers: &'static str,
}

#[derive(Clone, Copy)]
enum Marker {
    Circle,
    Square,
    Diamond,
    TriangleUp,
    TriangleDown,
    Plus,
    Cross,
}

fn style(language: &str, variant: &str) -> Style {
    use Marker::*;
    let (label, colour, marker, dash) = match (language, variant) {
        ("rust", "no-shared-state") => ("Rust, no shared state", "#0072B2", Circle, ""),
        ("rust", "global-lock") => ("Rust, one global lock", "#D55E00", Square, "10 4"),
        ("rust", "short-lock") => ("Rust, one lock, short section", "#000000", Diamond, "3 3"),
        ("rust", "sharded-locks") => ("Rust, sharded locks", "#009E73", TriangleUp, "6 3"),
        ("rust", "atomics") => ("Rust, one atomic", "#CC79A7", TriangleDown, "12 3 3 3"),
        ("python", "threads") => ("Python, threads", "#E69F00", Plus, "8 3 2 3 2 3"),
        ("python", "processes") => ("Python, processes", "#56B4E9", Cross, "1 3"),
        _ => ("other", "#555555", Circle, "4 2"),
    };
    Style {
        label,
        colour,
        marker,
        dash,
        workers: if variant == "processes" {
            "processes"
        } else {
            "threads"
        },
    }
}

/// The name of a series in the chart's legend and the chapter's table; a variant without a style of
/// its own is named after its CSV name.
pub fn label(language: &str, variant: &str) -> String {
    match style(language, variant).label {
        "other" => {
            let mut language = language.to_owned();
            if let Some(first) = language.get_mut(..1) {
                first.make_ascii_uppercase();
            }
            format!("{language}, {}", variant.replace('-', " "))
        }
        known => known.to_owned(),
    }
}

/// Escapes the characters XML gives a meaning to.
fn xml(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
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

pub fn render(rows: &[Row]) -> String {
    let series = series(rows);
    let max_workers = rows.iter().map(|r| r.workers).max().unwrap_or(1);
    let top_speedup = rows
        .iter()
        .map(|r| r.speedup)
        .filter(|s| s.is_finite())
        .fold(max_workers as f64, f64::max);
    // The y axis ends on the first half-step above every point.
    let y_max = (top_speedup * 2.0 + 0.5).ceil() / 2.0;
    let y_step = if y_max <= 4.0 { 0.5 } else { 1.0 };
    // Workers 1..=max sit inside the plot with a quarter step of margin each side.
    let x = |workers: f64| {
        let span = (max_workers as f64 - 1.0) + 0.5;
        LEFT + (workers - 1.0 + 0.25) / span * (RIGHT - LEFT)
    };
    let y = |speedup: f64| BOTTOM - speedup / y_max * (BOTTOM - TOP);

    let legend_top = BOTTOM + 62.0;
    let footer_top = legend_top + LEGEND_ROW * series.len() as f64 + 14.0;
    let height = footer_top + 44.0;

    let mut svg = String::new();
    let mut put = |text: String| svg.push_str(&text);
    let title = "Speedup with more threads or processes";
    put(format!(
        r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" role="img" aria-labelledby="title" font-family="sans-serif" style="max-width:100%;height:auto">
<title id="title">{title}</title>
<rect width="{WIDTH}" height="{height}" rx="8" fill="#ffffff"/>
<text x="{}" y="30" font-size="18" font-weight="bold" fill="#111111" text-anchor="middle">{title}</text>
"##,
        WIDTH / 2.0
    ));

    // Grid lines and the y axis labels.
    let mut tick = 0.0;
    while tick <= y_max + 1e-9 {
        let ty = y(tick);
        put(format!(
            "<line x1=\"{LEFT}\" y1=\"{ty:.1}\" x2=\"{RIGHT}\" y2=\"{ty:.1}\" stroke=\"#dddddd\"/>\n\
             <text x=\"{:.1}\" y=\"{:.1}\" font-size=\"15\" fill=\"#333333\" text-anchor=\"end\">{tick:.1}</text>\n",
            LEFT - 8.0,
            ty + 5.0
        ));
        tick += y_step;
    }
    for workers in 1..=max_workers {
        let tx = x(workers as f64);
        put(format!(
            "<line x1=\"{tx:.1}\" y1=\"{BOTTOM}\" x2=\"{tx:.1}\" y2=\"{:.1}\" stroke=\"#333333\"/>\n\
             <text x=\"{tx:.1}\" y=\"{:.1}\" font-size=\"15\" fill=\"#333333\" text-anchor=\"middle\">{workers}</text>\n",
            BOTTOM + 5.0,
            BOTTOM + 22.0
        ));
    }
    put(format!(
        "<line x1=\"{LEFT}\" y1=\"{BOTTOM}\" x2=\"{RIGHT}\" y2=\"{BOTTOM}\" stroke=\"#333333\"/>\n\
         <line x1=\"{LEFT}\" y1=\"{TOP}\" x2=\"{LEFT}\" y2=\"{BOTTOM}\" stroke=\"#333333\"/>\n\
         <text x=\"{:.1}\" y=\"{:.1}\" font-size=\"15\" fill=\"#333333\" text-anchor=\"middle\">threads or processes</text>\n\
         <text transform=\"translate(18 {:.1}) rotate(-90)\" font-size=\"15\" fill=\"#333333\" text-anchor=\"middle\">speedup (×)</text>\n",
        (LEFT + RIGHT) / 2.0,
        BOTTOM + 42.0,
        (TOP + BOTTOM) / 2.0
    ));

    // The ideal: n workers, n times the throughput.
    put(format!(
        "<line x1=\"{:.1}\" y1=\"{:.1}\" x2=\"{:.1}\" y2=\"{:.1}\" stroke=\"#999999\" stroke-width=\"1.5\" stroke-dasharray=\"2 4\"/>\n\
         <text x=\"{:.1}\" y=\"{:.1}\" font-size=\"13\" fill=\"#666666\" text-anchor=\"end\">ideal</text>\n",
        x(1.0),
        y(1.0),
        x(max_workers as f64),
        y(max_workers as f64),
        x(max_workers as f64) - 10.0,
        y(max_workers as f64) - 8.0
    ));

    let mut ends = Vec::new();
    for (index, points) in series.iter().enumerate() {
        let style = style(&points[0].language, &points[0].variant);
        let dash = if style.dash.is_empty() {
            String::new()
        } else {
            format!(" stroke-dasharray=\"{}\"", style.dash)
        };
        let path: Vec<String> = points
            .iter()
            .map(|r| format!("{:.1},{:.1}", x(r.workers as f64), y(r.speedup)))
            .collect();
        put(format!(
            "<polyline points=\"{}\" fill=\"none\" stroke=\"{}\" stroke-width=\"3\"{dash}/>\n",
            path.join(" "),
            style.colour
        ));
        for r in points {
            put(marker(x(r.workers as f64), y(r.speedup), &style));
        }
        let last = points.last().expect("a series has rows");
        ends.push((x(last.workers as f64), y(last.speedup), style.label));

        // The legend gives each line's speedup at the most workers, since lines may overlap.
        let ly = legend_top + LEGEND_ROW * index as f64;
        put(format!(
            "<line x1=\"{LEFT}\" y1=\"{ly:.1}\" x2=\"{:.1}\" y2=\"{ly:.1}\" stroke=\"{}\" stroke-width=\"3\"{dash}/>\n",
            LEFT + 36.0,
            style.colour
        ));
        put(marker(LEFT + 18.0, ly, &style));
        put(format!(
            "<text x=\"{:.1}\" y=\"{:.1}\" font-size=\"16\" fill=\"#111111\">{}: {:.2}× with {} {}</text>\n",
            LEFT + 48.0,
            ly + 5.0,
            style.label,
            last.speedup,
            last.workers,
            style.workers
        ));
    }

    // Each line's name at its end, nudged apart so that none covers another, with a thin leader
    // from the line's last point to its name.
    let label_x = RIGHT + 16.0;
    let label_ys = spread(&ends.iter().map(|e| e.1).collect::<Vec<_>>(), LABEL_GAP);
    for ((end_x, end_y, label), label_y) in ends.iter().zip(label_ys) {
        put(format!(
            "<line x1=\"{:.1}\" y1=\"{end_y:.1}\" x2=\"{:.1}\" y2=\"{label_y:.1}\" stroke=\"#888888\"/>\n\
             <text x=\"{label_x:.1}\" y=\"{:.1}\" font-size=\"13\" fill=\"#111111\">{label}</text>\n",
            end_x + 8.0,
            label_x - 4.0,
            label_y + 4.5
        ));
    }

    let machines: BTreeSet<String> = rows
        .iter()
        .map(|r| format!("{}, {} cores", r.cpu, r.cores))
        .collect();
    let dates: BTreeSet<&str> = rows.iter().map(|r| r.date.as_str()).collect();
    let steps: BTreeSet<u64> = rows.iter().map(|r| r.steps).collect();
    let steps: Vec<String> = steps.iter().map(u64::to_string).collect();
    put(format!(
        "<text x=\"{LEFT}\" y=\"{footer_top:.1}\" font-size=\"14\" fill=\"#444444\">{}; measured {}.</text>\n\
         <text x=\"{LEFT}\" y=\"{:.1}\" font-size=\"14\" fill=\"#444444\">{} steps per run, split over the workers; median of the runs.</text>\n\
         </svg>\n",
        xml(&machines.into_iter().collect::<Vec<_>>().join("; ")),
        dates.into_iter().collect::<Vec<_>>().join(", "),
        footer_top + 20.0,
        steps.join(" or ")
    ));
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

/// Each series's own marker, drawn as an outline so that markers on the same point stay visible.
fn marker(cx: f64, cy: f64, style: &Style) -> String {
    let colour = style.colour;
    let shape = match style.marker {
        Marker::Circle => format!("<circle cx=\"{cx:.1}\" cy=\"{cy:.1}\" r=\"5\""),
        Marker::Square => format!(
            "<rect x=\"{:.1}\" y=\"{:.1}\" width=\"10\" height=\"10\"",
            cx - 5.0,
            cy - 5.0
        ),
        Marker::Diamond => polygon(&[
            (cx, cy - 7.0),
            (cx + 7.0, cy),
            (cx, cy + 7.0),
            (cx - 7.0, cy),
        ]),
        Marker::TriangleUp => {
            polygon(&[(cx, cy - 7.0), (cx + 6.0, cy + 5.0), (cx - 6.0, cy + 5.0)])
        }
        Marker::TriangleDown => {
            polygon(&[(cx, cy + 7.0), (cx + 6.0, cy - 5.0), (cx - 6.0, cy - 5.0)])
        }
        Marker::Plus => format!(
            "<path d=\"M{:.1} {cy:.1}H{:.1}M{cx:.1} {:.1}V{:.1}\"",
            cx - 7.0,
            cx + 7.0,
            cy - 7.0,
            cy + 7.0
        ),
        Marker::Cross => format!(
            "<path d=\"M{:.1} {:.1}L{:.1} {:.1}M{:.1} {:.1}L{:.1} {:.1}\"",
            cx - 5.0,
            cy - 5.0,
            cx + 5.0,
            cy + 5.0,
            cx - 5.0,
            cy + 5.0,
            cx + 5.0,
            cy - 5.0
        ),
    };
    format!("{shape} fill=\"none\" stroke=\"{colour}\" stroke-width=\"2.5\"/>\n")
}

fn polygon(points: &[(f64, f64)]) -> String {
    let points: Vec<String> = points
        .iter()
        .map(|(x, y)| format!("{x:.1},{y:.1}"))
        .collect();
    format!("<polygon points=\"{}\"", points.join(" "))
}
