//! Timelines: every listing whose timing matters has recorded runs and a picture drawn from them; run 1
//! is its documented output; the picture is up to date and shown right under the output; and the rule
//! accepts every run and every distinct output recorded. These tests read committed files only, so
//! they time nothing and cannot be flaky.

use std::collections::BTreeSet;
use std::fs;

use book_tools::catalog::{Catalog, Language as ListingLanguage, Listing};
use book_tools::i18n::edition::TRANSLATIONS;
use book_tools::repo_root;
use book_tools::timeline::words::Language;
use book_tools::timeline::{
    PICTURE_DIR, RUNS, Recording, TIMELINE_DIR, VARIATION_RUNS, lane_of, svg,
};

fn catalog() -> Catalog {
    Catalog::load(&repo_root()).unwrap_or_else(|e| panic!("{e}"))
}

fn with_timeline(catalog: &Catalog) -> Vec<&Listing> {
    catalog
        .listings
        .iter()
        .filter(|l| l.timeline.is_some())
        .collect()
}

/// Runs `check` on every listing with a timeline and its recording; fails with every problem found.
fn each_recording(what: &str, check: impl Fn(&Listing, &Recording, &mut Vec<String>)) {
    let root = repo_root();
    let catalog = catalog();
    let mut problems = Vec::new();
    for listing in with_timeline(&catalog) {
        match Recording::load(&listing.recording_path(&root)) {
            Ok(recording) => check(listing, &recording, &mut problems),
            Err(e) => problems.push(format!(
                "{}: no recording ({e}); `cargo bless {}` records it",
                listing.label(),
                listing.name
            )),
        }
    }
    assert!(
        problems.is_empty(),
        "{what}:\n  - {}",
        problems.join("\n  - ")
    );
}

#[test]
fn every_listing_whose_order_varies_has_a_timeline() {
    let catalog = catalog();
    let missing: Vec<String> = catalog
        .listings
        .iter()
        // A Python counterpart folded beside the Rust listing it mirrors leans on that listing's
        // timeline; one that is a chapter's subject (chapter 19's) may have its own.
        .filter(|l| l.language == ListingLanguage::Rust)
        .filter(|l| l.rule.order_varies() && l.timeline.is_none())
        .map(|l| l.label())
        .collect();
    assert!(
        missing.is_empty(),
        "these listings' order varies, so their timing matters: give each a `timeline` table in listings/catalog.toml:\n  - {}",
        missing.join("\n  - ")
    );
}

#[test]
fn run_one_is_the_documented_output_and_every_run_is_well_formed() {
    let root = repo_root();
    each_recording(
        "recordings disagree with the outputs",
        |listing, recording, problems| {
            let label = listing.label();
            if recording.listing != listing.name {
                problems.push(format!(
                    "{label}: its recording names `{}`",
                    recording.listing
                ));
            }
            if recording.runs.len() != RUNS {
                problems.push(format!(
                    "{label}: {} runs recorded, expected {RUNS}; `cargo bless {}` records them",
                    recording.runs.len(),
                    listing.name
                ));
            }
            let documented = fs::read_to_string(listing.output_path(&root)).unwrap_or_default();
            if recording.runs.first().map(|r| r.text()) != Some(documented) {
                problems.push(format!(
                "{label}: run 1 of its timeline is not its documented output; `cargo bless {}` records both from one run",
                listing.name
            ));
            }
            let rule = listing
                .rule
                .compile()
                .expect("the catalog checks its rules");
            for (number, run) in recording.runs.iter().enumerate().map(|(i, r)| (i + 1, r)) {
                let mut last = 0.0;
                for line in &run.lines {
                    if line.at_ms < last || line.at_ms > run.end_ms {
                        problems.push(format!(
                        "{label}: run {number}: `{}` at {} ms is out of time order or after the exit at {} ms",
                        line.text, line.at_ms, run.end_ms
                    ));
                    }
                    last = line.at_ms;
                    let lane = lane_of(&rule, &line.text);
                    if line.thread != lane {
                        problems.push(format!(
                        "{label}: run {number}: `{}` is recorded on lane `{}`, its tag says `{lane}`",
                        line.text, line.thread
                    ));
                    }
                }
            }
        },
    );
}

#[test]
fn every_recorded_run_and_distinct_output_passes_the_rule() {
    let root = repo_root();
    each_recording(
        "recorded outputs the rule rejects",
        |listing, recording, problems| {
            let label = listing.label();
            let documented = fs::read_to_string(listing.output_path(&root)).unwrap_or_default();
            // One mismatch (say, a changed documented line) breaks every run alike: it is reported
            // once, with the runs it breaks.
            let rejected: std::cell::RefCell<Vec<(Vec<String>, String)>> = Default::default();
            let rejects = |what: String, lines: String| -> Option<String> {
                let broken = listing.rule.check(&documented, &lines).err()?.join("; ");
                let mut rejected = rejected.borrow_mut();
                match rejected.iter_mut().find(|(_, b)| *b == broken) {
                    Some((whats, _)) => whats.push(what),
                    None => rejected.push((vec![what], broken)),
                }
                None
            };
            for (index, run) in recording.runs.iter().enumerate() {
                problems.extend(rejects(format!("run {}", index + 1), run.text()));
            }
            match (&recording.variation, listing.rule.order_varies()) {
            (Some(variation), true) => {
                let counted: usize = variation.orders.iter().map(|o| o.count).sum();
                if variation.runs != VARIATION_RUNS || counted != variation.runs {
                    problems.push(format!(
                        "{label}: {} runs recorded, {counted} counted, expected {VARIATION_RUNS}",
                        variation.runs
                    ));
                }
                for (index, order) in variation.orders.iter().enumerate() {
                    let text: String = order.lines.iter().map(|l| format!("{l}\n")).collect();
                    problems.extend(rejects(format!("distinct output {}", index + 1), text));
                }
            }
            (None, true) => problems.push(format!(
                "{label}: its order varies but no variation is recorded; `cargo bless {}` records it",
                listing.name
            )),
            (Some(_), false) => problems.push(format!(
                "{label}: its order is fixed, yet a variation is recorded; `cargo bless {}` drops it",
                listing.name
            )),
            (None, false) => {}
        }
            for (whats, broken) in rejected.take() {
                problems.push(format!("{label}: {}: {broken}", whats.join(", ")));
            }
        },
    );
}

/// A diff of a stale picture against the one its data draws, cut to its first 40 lines.
fn short_diff(committed: &str, drawn: &str) -> String {
    let diff = book_tools::report::diff("committed", "drawn from its data", committed, drawn);
    let lines: Vec<&str> = diff.lines().collect();
    let mut shown = lines[..lines.len().min(40)].join("\n");
    if lines.len() > 40 {
        shown.push_str(&format!("\n… {} more lines of diff", lines.len() - 40));
    }
    shown
}

#[test]
fn every_picture_is_drawn_from_its_recording() {
    let root = repo_root();
    each_recording("stale timeline pictures", |listing, recording, problems| {
        let spec = listing
            .timeline
            .as_ref()
            .expect("only listings with a timeline");
        let catalogs: Vec<_> = TRANSLATIONS
            .iter()
            .map(|edition| {
                (
                    *edition,
                    edition.catalog(&root).unwrap_or_else(|e| panic!("{e}")),
                )
            })
            .collect();
        let mut languages = vec![(None, Language::ENGLISH)];
        languages.extend(
            catalogs.iter().map(|(edition, catalog)| {
                (Some(*edition), Language::translated(*edition, catalog))
            }),
        );
        let mut files = Vec::new();
        for (edition, language) in &languages {
            let place = |path: std::path::PathBuf| match edition {
                Some(edition) => edition.generated_path(&path),
                None => path,
            };
            files.push((
                place(listing.picture_path(&root)),
                svg::figure(listing, spec, recording, language),
            ));
            if recording.runs.len() > 1 {
                files.push((
                    place(listing.more_runs_path(&root)),
                    svg::more_runs(spec, recording, language),
                ));
            }
        }
        for (path, drawn) in files {
            let shown = path.strip_prefix(&root).unwrap_or(&path).display();
            match fs::read_to_string(&path) {
                Ok(committed) if committed == drawn => {}
                Ok(committed) => problems.push(format!(
                    "{}: {shown} is stale: it is not what its recording and the catalog draw; `cargo bless {}` regenerates it (`cargo bless --pictures-only {}` without running it)\n{}",
                    listing.label(),
                    listing.name,
                    listing.name,
                    short_diff(&committed, &drawn)
                )),
                Err(e) => problems.push(format!(
                    "{}: {shown} is missing ({e}); `cargo bless {}` regenerates it",
                    listing.label(),
                    listing.name
                )),
            }
        }
    });
}

#[test]
fn every_chapter_shows_the_timeline_right_under_the_output_caption() {
    let root = repo_root();
    let catalog = catalog();
    let mut problems = Vec::new();
    for listing in &catalog.listings {
        let chapter = fs::read_to_string(listing.chapter_path(&root)).unwrap_or_default();
        let lines: Vec<&str> = chapter.lines().collect();
        let include = listing.picture_include();
        let shown: Vec<usize> = (0..lines.len())
            .filter(|&i| lines[i].trim() == include)
            .collect();
        if listing.timeline.is_none() {
            if !shown.is_empty() {
                problems.push(format!(
                    "{} has no timeline in the catalog, yet its chapter includes one",
                    listing.label()
                ));
            }
            continue;
        }
        let output = format!("{{{{#include ../listings/output/{}}}}}", listing.output);
        let caption_end = lines
            .iter()
            .position(|l| l.trim() == output)
            .and_then(|at| {
                let start = at
                    + lines[at..]
                        .iter()
                        .position(|l| l.starts_with("<p class=\"output-caption\">"))?;
                let end = start
                    + lines[start..]
                        .iter()
                        .position(|l| l.trim_end().ends_with("</p>"))?;
                Some(end)
            });
        let right_under = caption_end.map(|end| end + 1);
        if shown.len() != 1 || right_under != shown.first().copied() {
            problems.push(format!(
                "{}: its chapter must include its timeline once, on the line right after the output's `<p class=\"output-caption\">…</p>`: `{include}`",
                listing.label()
            ));
        }
    }
    assert!(
        problems.is_empty(),
        "timelines not shown where they belong:\n  - {}",
        problems.join("\n  - ")
    );
}

#[test]
fn every_recording_and_picture_belongs_to_a_listing_with_a_timeline() {
    let root = repo_root();
    let catalog = catalog();
    let names: BTreeSet<&str> = with_timeline(&catalog)
        .iter()
        .map(|l| l.name.as_str())
        .collect();
    let mut problems = Vec::new();
    let mut dirs = vec![
        (TIMELINE_DIR.to_owned(), ".json"),
        (PICTURE_DIR.to_owned(), ".html"),
    ];
    dirs.extend(
        TRANSLATIONS
            .iter()
            .map(|e| (format!("{PICTURE_DIR}/{}", e.lang), ".html")),
    );
    for (dir, extension) in dirs {
        for entry in fs::read_dir(root.join(&dir))
            .into_iter()
            .flatten()
            .flatten()
        {
            let file = entry.file_name().to_string_lossy().into_owned();
            if entry.path().is_dir() && TRANSLATIONS.iter().any(|e| e.lang == file) {
                continue;
            }
            let belongs = file
                .strip_suffix(extension)
                .map(|name| name.strip_suffix(".runs").unwrap_or(name))
                .is_some_and(|name| names.contains(name));
            if !belongs {
                problems.push(format!(
                    "{dir}/{file} belongs to no listing with a `timeline` table in listings/catalog.toml"
                ));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// The pictures are raw HTML inside Markdown: a blank line would end the HTML block, an indented
/// line could turn into a code block, and an id would repeat in `print.html`, where every chapter
/// is one page.
#[test]
fn pictures_are_raw_html_without_blank_lines_indentation_or_ids() {
    let root = repo_root();
    let catalog = catalog();
    let mut problems = Vec::new();
    for listing in with_timeline(&catalog) {
        let Ok(html) = fs::read_to_string(listing.picture_path(&root)) else {
            continue;
        };
        for (number, line) in html.lines().enumerate() {
            if !line.starts_with('<') {
                problems.push(format!(
                    "{}: src/timelines/{}.html:{}: a blank or indented line",
                    listing.label(),
                    listing.name,
                    number + 1
                ));
            }
        }
        if html.contains(" id=") {
            problems.push(format!(
                "{}: src/timelines/{}.html has an id",
                listing.label(),
                listing.name
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// Each kind of bar has its own look and its own swatch in the caption, and there are only so many
/// looks: a picture with more labels than that could not be read.
#[test]
fn every_picture_can_tell_its_bars_apart() {
    let catalog = catalog();
    let mut problems = Vec::new();
    for listing in with_timeline(&catalog) {
        let spec = listing
            .timeline
            .as_ref()
            .expect("only listings with a timeline");
        let labels: BTreeSet<&str> = spec.spans.iter().map(|s| s.label.as_str()).collect();
        if labels.len() > svg::BAR_KINDS {
            problems.push(format!(
                "{}: {} kinds of bar, but theme/timeline.css styles only {}",
                listing.label(),
                labels.len(),
                svg::BAR_KINDS
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// Chapter 7 counts the recorded runs of Listing 7-3 in which `main` returned while the blocking
/// thread held the lock (its last line is a `locked`). The count must be the recording's, so a new
/// recording that changes it fails here until the sentence is brought up to date.
#[test]
fn chapter_7s_count_of_runs_ended_holding_the_lock_is_the_recordings() {
    const LISTING: &str = "ch07-03-blocking-and-nonblocking";
    const CHAPTER: &str = "src/ch07-locks.md";
    let root = repo_root();
    let recording = Recording::load(&root.join(TIMELINE_DIR).join(format!("{LISTING}.json")))
        .unwrap_or_else(|e| panic!("{LISTING}: no recording ({e})"));
    let variation = recording
        .variation
        .unwrap_or_else(|| panic!("{LISTING}: its recording counts no distinct outputs"));
    let holding: usize = variation
        .orders
        .iter()
        .filter(|o| {
            o.lines
                .iter()
                .rfind(|l| l.starts_with("[blocking] "))
                .is_some_and(|l| l == "[blocking] locked")
        })
        .map(|o| o.count)
        .sum();
    let expected = format!("{holding} of the {} runs", variation.runs);
    let chapter = fs::read_to_string(root.join(CHAPTER)).unwrap();
    let prose = chapter.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        prose.contains(&format!("happened in {expected}")),
        "{CHAPTER} should say the blocking thread ended holding the lock in {expected} recorded \
         for {LISTING}'s timeline (listings/timelines/{LISTING}.json)"
    );
}

/// Every drawn run of every picture, in every edition: the file it is in, and its `<svg>`.
fn drawn_runs() -> Vec<(String, String)> {
    let root = repo_root();
    let catalog = catalog();
    let mut runs = Vec::new();
    for listing in with_timeline(&catalog) {
        let mut files = vec![listing.picture_path(&root), listing.more_runs_path(&root)];
        for edition in TRANSLATIONS {
            files.extend(files.clone().iter().map(|f| edition.generated_path(f)));
        }
        for file in files {
            let Ok(html) = fs::read_to_string(&file) else {
                continue;
            };
            let shown = file
                .strip_prefix(&root)
                .unwrap_or(&file)
                .display()
                .to_string();
            for (number, svg) in html
                .split("<svg class=\"timeline-run\"")
                .skip(1)
                .enumerate()
            {
                let svg = &svg[..svg.find("</svg>").unwrap_or(svg.len())];
                runs.push((
                    format!("{shown}, run picture {}", number + 1),
                    svg.to_owned(),
                ));
            }
        }
    }
    runs
}

/// The value of `name="..."` in an element's text.
fn attribute(element: &str, name: &str) -> Option<f64> {
    let key = format!(" {name}=\"");
    let start = element.find(&key)? + key.len();
    element[start..start + element[start..].find('"')?]
        .parse()
        .ok()
}

/// The elements of a class in a run's SVG, each from its `<` to the end of its line.
fn elements<'a>(svg: &'a str, tag_and_class: &str) -> Vec<&'a str> {
    svg.lines()
        .filter(|l| l.starts_with(tag_and_class))
        .collect()
}

/// A mark's x, radius and the time of its line, read from its title: `TEXT (12.3 ms)`.
fn marks(svg: &str) -> Vec<(f64, f64, f64)> {
    elements(svg, "<circle class=\"timeline-mark\"")
        .into_iter()
        .map(|mark| {
            let title = &mark[mark.rfind(" (").expect("a mark's title ends with its time") + 2..];
            let ms: f64 = title[..title.find(" ms)").expect("the time")]
                .parse()
                .expect("a time in ms");
            (
                attribute(mark, "cx").expect("cx"),
                attribute(mark, "r").expect("r"),
                ms,
            )
        })
        .collect()
}

fn exit_x(svg: &str) -> f64 {
    let exit = elements(svg, "<line class=\"timeline-exit\"");
    attribute(exit.first().expect("a run draws its exit"), "x1").expect("x1")
}

/// Marks printed at one moment are spread apart so that none hides another, but never so far that
/// one seems printed after the process exited, or after a line printed later.
#[test]
fn no_mark_is_drawn_at_or_past_the_exit_or_past_a_later_line() {
    let mut problems = Vec::new();
    for (what, svg) in drawn_runs() {
        let exit = exit_x(&svg);
        let marks = marks(&svg);
        for &(x, r, ms) in &marks {
            if x + r >= exit {
                problems.push(format!(
                    "{what}: the mark of the line at {ms} ms reaches x = {:.1}, at or past the exit at x = {exit:.1}",
                    x + r
                ));
            }
            // Titles give times to a tenth of a millisecond and positions to a tenth of a pixel.
            if let Some(&(later_x, _, later_ms)) = marks
                .iter()
                .find(|&&(other_x, _, other_ms)| other_ms > ms && other_x < x - 0.11)
            {
                problems.push(format!(
                    "{what}: the mark of the line at {ms} ms is drawn at x = {x:.1}, after that of the line at {later_ms} ms (x = {later_x:.1})"
                ));
            }
        }
    }
    assert!(
        problems.is_empty(),
        "{} problems:\n  - {}",
        problems.len(),
        problems
            .iter()
            .take(30)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n  - ")
    );
}

/// When the process exited, read from the exit line's title, in either language: the first
/// number in it.
fn exit_ms(svg: &str) -> f64 {
    let exit = elements(svg, "<line class=\"timeline-exit\"");
    let title = exit.first().expect("a run draws its exit");
    let title = &title[title.find("<title>").expect("the exit has a title") + 7..];
    let start = title.find(|c: char| c.is_ascii_digit()).expect("a time");
    let number: String = title[start..]
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == '.')
        .collect();
    number.parse().expect("a time in ms")
}

/// The time axis gives the run's lines the width: from its first mark to its exit, a run takes at
/// least half of the axis, however long the process waited before printing anything. (A run
/// whose every line came at the moment it exited, to the tenth of a millisecond recorded, has
/// nothing to spread.)
#[test]
fn every_run_spreads_its_lines_over_at_least_half_the_axis() {
    let mut problems = Vec::new();
    for (what, svg) in drawn_runs() {
        let first_ms = marks(&svg).iter().map(|m| m.2).reduce(f64::min);
        if first_ms.is_none_or(|first| exit_ms(&svg) - first < 0.05) {
            continue;
        }
        let axis = elements(&svg, "<line class=\"timeline-axis\"");
        let axis = axis.first().expect("a run draws its axis");
        let (left, right) = (
            attribute(axis, "x1").expect("x1"),
            attribute(axis, "x2").expect("x2"),
        );
        let Some(first) = marks(&svg).iter().map(|m| m.0).reduce(f64::min) else {
            continue;
        };
        let share = (exit_x(&svg) - first) / (right - left);
        if share < 0.5 {
            problems.push(format!(
                "{what}: from its first mark to its exit the run takes {:.0}% of the axis",
                share * 100.0
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// A break in the time axis stands clear of the ticks: its strokes touch no tick, and no tick's
/// number.
#[test]
fn axis_breaks_stand_clear_of_the_ticks() {
    let mut problems = Vec::new();
    for (what, svg) in drawn_runs() {
        let ticks: Vec<f64> = elements(&svg, "<line class=\"timeline-tick\"")
            .into_iter()
            .filter_map(|t| attribute(t, "x1"))
            .collect();
        for path in elements(&svg, "<path class=\"timeline-break\"") {
            let start = path.find(" d=\"").expect("a break's path") + 4;
            let d = &path[start..start + path[start..].find('"').expect("a closed d")];
            let xs: Vec<f64> = d
                .split(['M', 'L'])
                .filter(|p| !p.is_empty())
                .filter_map(|p| p.split(' ').next()?.parse().ok())
                .collect();
            let (low, high) = (
                xs.iter().copied().fold(f64::INFINITY, f64::min),
                xs.iter().copied().fold(f64::NEG_INFINITY, f64::max),
            );
            for &tick in &ticks {
                // A tick's number is about 7 px wide either side of it for "0", more for others;
                // its line must be 3 px clear of the strokes.
                if tick > low - 3.0 && tick < high + 3.0 {
                    problems.push(format!(
                        "{what}: a break drawn over x = {low:.1}–{high:.1} touches the tick at x = {tick:.1}"
                    ));
                }
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// In a caption, each swatch of the legend is glued to the first word of its label, and the style
/// sheet keeps the two on one line, so that no line of the caption ends on a lone swatch.
#[test]
fn legend_swatches_stay_with_their_labels() {
    let root = repo_root();
    let css = fs::read_to_string(root.join("theme/timeline.css")).expect("theme/timeline.css");
    let css: String = css.split_whitespace().collect();
    assert!(
        css.contains(".timeline-key{white-space:nowrap;"),
        "theme/timeline.css must keep a `.timeline-key` on one line (`white-space: nowrap`, its first declaration)"
    );
    let mut problems = Vec::new();
    for listing in with_timeline(&catalog()) {
        let english = listing.picture_path(&root);
        let mut files: Vec<_> = TRANSLATIONS
            .iter()
            .map(|e| e.generated_path(&english))
            .collect();
        files.push(english);
        for file in files {
            let html = fs::read_to_string(&file).unwrap_or_default();
            let caption = html
                .split("<figcaption>")
                .nth(1)
                .unwrap_or_default()
                .to_owned();
            for (index, part) in caption
                .split("<svg class=\"timeline-swatch\"")
                .enumerate()
                .skip(1)
            {
                let before = caption
                    .split("<svg class=\"timeline-swatch\"")
                    .nth(index - 1)
                    .unwrap_or_default();
                let after = &part[part.find("</svg>").map_or(0, |i| i + 6)..];
                let glued = before.ends_with("<span class=\"timeline-key\">")
                    && after
                        .strip_prefix(' ')
                        .and_then(|rest| rest.split_once("</span>"))
                        .is_some_and(|(word, _)| !word.is_empty() && !word.contains(' '));
                if !glued {
                    problems.push(format!(
                        "{}: swatch {index} of the caption is not in a `timeline-key` with its label's first word",
                        file.strip_prefix(&root).unwrap_or(&file).display()
                    ));
                }
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// A Korean picture names its machine in Korean ("코어 2개"), not as the recording wrote it in
/// English ("2-core"), and both name the recording's CPU.
#[test]
fn captions_name_the_recordings_machine_in_their_language() {
    let root = repo_root();
    let mut problems = Vec::new();
    for listing in with_timeline(&catalog()) {
        let Ok(recording) = Recording::load(&listing.recording_path(&root)) else {
            continue;
        };
        let Some(variation) = recording.variation else {
            continue;
        };
        let (cores, model) = variation
            .machine
            .split_once("-core ")
            .expect("a recorded machine is `N-core MODEL`");
        let english = listing.picture_path(&root);
        for edition in std::iter::once(None).chain(TRANSLATIONS.iter().map(Some)) {
            let file = edition.map_or(english.clone(), |e| e.generated_path(&english));
            let html = fs::read_to_string(&file).unwrap_or_default();
            let expected = match edition {
                None => format!("{cores}-core {model}"),
                Some(_) => format!("{model} 코어 {cores}개"),
            };
            if !html.contains(&expected.replace('&', "&amp;")) {
                problems.push(format!(
                    "{}: its caption should name the machine as `{expected}`",
                    file.strip_prefix(&root).unwrap_or(&file).display()
                ));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// The timeline script speaks the page's language: every word it shows, the run it is on too,
/// comes from its table of words, which has them all in Korean.
#[test]
fn the_timeline_script_speaks_the_pages_language() {
    let js = fs::read_to_string(repo_root().join("theme/timeline.js")).expect("theme/timeline.js");
    let (table, code) = js
        .split_once("const words = ")
        .expect("theme/timeline.js picks its words by the page's language");
    let keys = |edition: &str| -> BTreeSet<String> {
        let start = table
            .find(&format!("{edition}: {{"))
            .unwrap_or_else(|| panic!("no `{edition}` words"));
        let body = &table[start..];
        let body = &body[..body.find("\n        },").unwrap_or(body.len())];
        body.lines()
            .skip(1)
            .filter_map(|l| l.trim().split_once(':').map(|(k, _)| k.trim().to_owned()))
            .filter(|k| k.chars().all(|c| c.is_ascii_alphabetic()))
            .collect()
    };
    assert_eq!(
        keys("en"),
        keys("ko"),
        "the Korean words lack some English ones"
    );
    assert!(
        keys("en").contains("run"),
        "the status `run N of M` must come from the words"
    );
    assert!(
        !code.contains("\"run \"") && !code.contains("\" of \""),
        "theme/timeline.js writes English words outside its table of words"
    );
}

/// A focused mark shows a focus ring (an outline in the theme's text colour, which mdBook gives a
/// contrast of 4.5:1 or more on every theme's background), not only the look of a hovered one.
#[test]
fn a_focused_mark_has_a_focus_ring() {
    let css =
        fs::read_to_string(repo_root().join("theme/timeline.css")).expect("theme/timeline.css");
    let without_comments: String = css
        .split("/*")
        .enumerate()
        .map(|(i, part)| {
            if i == 0 {
                part
            } else {
                part.split_once("*/").map_or("", |(_, rest)| rest)
            }
        })
        .collect();
    let css: String = without_comments.split_whitespace().collect();
    let rule = css
        .split('}')
        .find(|r| r.starts_with(".timeline-mark:focus-visible{"))
        .expect("theme/timeline.css has a rule for `.timeline-mark:focus-visible` alone");
    assert!(
        rule.contains("outline:2pxsolidvar(--fg)"),
        "a focused mark's outline should be `2px solid var(--fg)`: {rule}"
    );
}
