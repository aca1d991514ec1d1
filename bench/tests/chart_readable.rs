//! The committed chart reads well wherever the book is read: on a phone its text is no smaller
//! than 11 px, no text touches its edge or another text, it takes the colours of the page's theme
//! (light or dark), and the Korean edition shows it in Korean.

use std::collections::BTreeSet;
use std::fs;
use std::path::PathBuf;

use gil_bench::chart::{self, COLOURS, EDITIONS, SUMMARY_ID, text_width};
use gil_bench::{figures, results};

/// The width of the book's column in a 375 px window, the narrowest the browser tests read: 375 px
/// less a 15 px scroll bar, mdBook's page padding (15 px each side) and its content's (5 px each
/// side). On a phone, whose scroll bars take no room, the column is 335 px. The chart scales down
/// to it.
const PHONE_COLUMN: f64 = 320.0;
/// The least size, in CSS pixels, of a text a reader has to read on that phone.
const SMALLEST_PX: f64 = 11.0;
/// The least room between a text and the chart's edge, in SVG units.
const EDGE: f64 = 8.0;

fn root() -> PathBuf {
    let here = std::env::current_dir().expect("a current directory");
    results::repo_root(&here).expect("the tests run inside the repository")
}

fn committed_svg() -> String {
    let path = root().join(figures::CHART_PATH);
    fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The value of attribute `name` in a tag's attribute text.
fn attribute<'a>(attributes: &'a str, name: &str) -> Option<&'a str> {
    let key = format!(" {name}=\"");
    let start = format!(" {attributes}").find(&key)? + key.len() - 1;
    let rest = &attributes[start..];
    Some(&rest[..rest.find('"')?])
}

/// The root `<svg ...>` tag's attributes.
fn root_attributes(svg: &str) -> &str {
    let start = svg.find("<svg ").expect("an <svg> element") + 5;
    &svg[start..start + svg[start..].find('>').expect("a closed <svg> tag")]
}

fn view_box(svg: &str) -> (f64, f64) {
    let numbers: Vec<f64> = attribute(root_attributes(svg), "viewBox")
        .expect("the chart has a viewBox")
        .split_whitespace()
        .map(|n| n.parse().expect("viewBox numbers"))
        .collect();
    (numbers[2], numbers[3])
}

/// One `<text>` of the chart, with the language group it is in, if any.
#[derive(Debug)]
struct Text {
    content: String,
    x: f64,
    y: f64,
    size: f64,
    anchor: String,
    turned: bool,
    group: Option<String>,
}

impl Text {
    /// About where the text is drawn: left, top, right, bottom.
    fn bounds(&self) -> (f64, f64, f64, f64) {
        let width = text_width(&self.content, self.size);
        let (before, after) = match self.anchor.as_str() {
            "middle" => (width / 2.0, width / 2.0),
            "end" => (width, 0.0),
            _ => (0.0, width),
        };
        let (ascent, descent) = (0.8 * self.size, 0.25 * self.size);
        if self.turned {
            // Turned a quarter anticlockwise about (x, y): it reads upwards, its top to the left.
            (
                self.x - ascent,
                self.y - after,
                self.x + descent,
                self.y + before,
            )
        } else {
            (
                self.x - before,
                self.y - ascent,
                self.x + after,
                self.y + descent,
            )
        }
    }
}

fn texts(svg: &str) -> Vec<Text> {
    let default_size: f64 = attribute(root_attributes(svg), "font-size")
        .and_then(|s| s.parse().ok())
        .unwrap_or(16.0);
    let mut found = Vec::new();
    let mut group: Option<String> = None;
    for line in svg.lines() {
        if let Some(attributes) = line.strip_prefix("<g ") {
            group = attribute(attributes, "class").map(str::to_owned);
        } else if line.starts_with("</g>") {
            group = None;
        }
        let Some(rest) = line.strip_prefix("<text ") else {
            continue;
        };
        let close = rest.find('>').expect("a closed <text> tag");
        let attributes = &rest[..close];
        let content = rest[close + 1..]
            .trim_end_matches("</text>")
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&amp;", "&");
        let number = |name: &str| attribute(attributes, name).and_then(|v| v.parse::<f64>().ok());
        let transform = attribute(attributes, "transform").unwrap_or("");
        // A text is placed by x and y, or moved there by `translate(x y)`; `rotate(-90` turns it.
        let (x, y) = match (number("x"), number("y")) {
            (Some(x), Some(y)) => (x, y),
            _ => {
                let moved: Vec<f64> = transform
                    .strip_prefix("translate(")
                    .and_then(|t| t.split(')').next())
                    .map(|t| t.split([' ', ',']).filter_map(|n| n.parse().ok()).collect())
                    .unwrap_or_default();
                (
                    moved.first().copied().unwrap_or(0.0),
                    moved.get(1).copied().unwrap_or(0.0),
                )
            }
        };
        found.push(Text {
            content,
            x,
            y,
            size: number("font-size").unwrap_or(default_size),
            anchor: attribute(attributes, "text-anchor")
                .unwrap_or("start")
                .to_owned(),
            turned: transform.contains("rotate(-90"),
            group: group.clone(),
        });
    }
    found
}

#[test]
fn the_charts_text_is_at_least_11_px_on_a_phone() {
    let svg = committed_svg();
    let (width, _) = view_box(&svg);
    let scale = PHONE_COLUMN / width;
    let small: Vec<String> = texts(&svg)
        .iter()
        .filter(|t| t.size * scale < SMALLEST_PX - 1e-9)
        .map(|t| format!("`{}`: {:.1} px", t.content, t.size * scale))
        .collect();
    assert!(
        small.is_empty(),
        "{}: at 375 px the chart is {PHONE_COLUMN} px wide, {scale:.2} of its {width} units, and \
         these texts are smaller than {SMALLEST_PX} px:\n  {}",
        figures::CHART_PATH,
        small.join("\n  ")
    );
}

#[test]
fn no_text_touches_the_charts_edge_or_another_text() {
    let svg = committed_svg();
    let (width, height) = view_box(&svg);
    let texts = texts(&svg);
    let mut problems = Vec::new();
    for text in &texts {
        let (left, top, right, bottom) = text.bounds();
        if left < EDGE || top < EDGE || right > width - EDGE || bottom > height - EDGE {
            problems.push(format!(
                "`{}` reaches ({left:.0}, {top:.0})–({right:.0}, {bottom:.0}), within {EDGE} of \
                 the edge of a {width}×{height} chart",
                text.content
            ));
        }
    }
    // Texts shown together: those of no language, with those of one language.
    for (i, a) in texts.iter().enumerate() {
        for b in &texts[i + 1..] {
            if a.group.is_some() && b.group.is_some() && a.group != b.group {
                continue;
            }
            let (al, at, ar, ab) = a.bounds();
            let (bl, bt, br, bb) = b.bounds();
            if al < br && bl < ar && at < bb && bt < ab {
                problems.push(format!("`{}` and `{}` overlap", a.content, b.content));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// WCAG's relative luminance of `#rrggbb`.
fn luminance(hex: &str) -> f64 {
    let channel = |i: usize| {
        let c = u8::from_str_radix(&hex[1 + 2 * i..3 + 2 * i], 16).expect("a hex colour") as f64
            / 255.0;
        if c <= 0.04045 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2)
}

fn contrast(a: &str, b: &str) -> f64 {
    let (a, b) = (luminance(a), luminance(b));
    (a.max(b) + 0.05) / (a.min(b) + 0.05)
}

/// `--bg` of each of mdBook 0.5's themes (its `variables.css`), as `#rrggbb`.
const THEME_BACKGROUNDS: [(&str, &str); 5] = [
    ("light", "#ffffff"),
    ("rust", "#e1e1db"),
    ("coal", "#131516"),
    ("navy", "#161923"),
    ("ayu", "#0f141a"),
];

#[test]
fn the_chart_takes_its_colours_from_the_page_in_every_theme() {
    let svg = committed_svg();
    let mut problems = Vec::new();
    if attribute(root_attributes(&svg), "fill") != Some("currentColor") {
        problems.push("the chart's text must be drawn in currentColor, the theme's text colour, by `fill=\"currentColor\"` on the <svg>".to_owned());
    }
    for line in svg.lines().filter(|l| l.starts_with("<text ")) {
        if line.contains(" fill=") {
            problems.push(format!("a text has a colour of its own: {line}"));
        }
    }
    if svg.contains("<rect ")
        && svg
            .lines()
            .any(|l| l.starts_with("<rect ") && l.contains(" fill=\"#"))
    {
        problems.push("the chart paints a background of its own".to_owned());
    }
    // Every colour a line is drawn in keeps 3:1 (WCAG's contrast for graphics) on every theme.
    let mut colours: BTreeSet<String> = COLOURS.iter().map(|c| c.to_string()).collect();
    for part in svg.split("stroke=\"#").skip(1) {
        colours.insert(format!("#{}", &part[..6]));
    }
    for colour in &colours {
        for (theme, background) in THEME_BACKGROUNDS {
            let ratio = contrast(colour, background);
            if ratio < 3.0 {
                problems.push(format!(
                    "{colour} has a contrast of {ratio:.2}:1 on the {theme} theme's {background}, under 3:1"
                ));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// The Korean names of the series are those of the chapter's table in `po/ko.po`.
fn po_translation(po: &str, msgid: &str) -> Option<String> {
    let key = format!("msgid \"{msgid}\"\nmsgstr \"");
    let start = po.find(&key)? + key.len();
    let rest = &po[start..];
    Some(rest[..rest.find("\"\n")?].to_owned())
}

#[test]
fn the_chart_speaks_the_language_of_each_edition() {
    let svg = committed_svg();
    let po = fs::read_to_string(root().join("po/ko.po")).expect("po/ko.po");
    let mut problems = Vec::new();
    let texts = texts(&svg);
    for words in EDITIONS {
        if !svg.contains(&format!("<g class=\"{}\"", words.lang)) {
            problems.push(format!("no group of `{}` words", words.lang));
        }
    }
    // Each edition sees its own words only: the style sheet hides the others.
    for rule in [".gil-chart:not(:lang(ko)) .ko", ".gil-chart:lang(ko) .en"] {
        if !svg.contains(rule) {
            problems.push(format!("the chart's style has no rule `{rule}`"));
        }
    }
    for (language, variant, english) in chart::ENGLISH_NAMES {
        let korean = chart::KOREAN.name(language, variant);
        for (group, name) in [("en", english.to_string()), ("ko", korean.clone())] {
            if !texts
                .iter()
                .any(|t| t.group.as_deref() == Some(group) && t.content == name)
            {
                problems.push(format!("the `{group}` words do not name `{name}`"));
            }
        }
        match po_translation(&po, english) {
            Some(translated) if translated == korean => {}
            other => problems.push(format!(
                "po/ko.po translates `{english}` as {other:?}, the chart says `{korean}`"
            )),
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_chart_is_named_by_its_summary() {
    let svg = committed_svg();
    let summary = fs::read_to_string(root().join(figures::FIGURE_PATH)).expect("the summary");
    assert_eq!(
        attribute(root_attributes(&svg), "aria-labelledby"),
        Some(SUMMARY_ID),
        "the chart is named by its summary"
    );
    assert!(
        summary.contains(&format!("id=\"{SUMMARY_ID}\"")),
        "{} must hold the element with id {SUMMARY_ID}: {summary}",
        figures::FIGURE_PATH
    );
}
