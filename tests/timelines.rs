//! Timelines: every listing whose timing matters has recorded runs and a picture drawn from them; run 1
//! is its documented output; the picture is up to date and shown right under the output; and the rule
//! accepts every run and every distinct output recorded. These tests read committed files only, so
//! they time nothing and cannot be flaky.

use std::collections::BTreeSet;
use std::fs;

use book_tools::catalog::{Catalog, Language, Listing};
use book_tools::repo_root;
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
        // Python counterparts are shown folded, without timelines.
        .filter(|l| l.language == Language::Rust)
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
        let mut files = vec![(
            listing.picture_path(&root),
            svg::figure(listing, spec, recording),
        )];
        if recording.runs.len() > 1 {
            files.push((
                listing.more_runs_path(&root),
                svg::more_runs(spec, recording),
            ));
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
    for (dir, extension) in [(TIMELINE_DIR, ".json"), (PICTURE_DIR, ".html")] {
        for entry in fs::read_dir(root.join(dir)).into_iter().flatten().flatten() {
            let file = entry.file_name().to_string_lossy().into_owned();
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
