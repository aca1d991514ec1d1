//! Recording a listing's timeline for `cargo bless`: several timed runs, run 1 documented, and for a
//! listing whose order is not fixed, many more runs to count its distinct outputs.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use super::variation::{self, Tally};
use super::words::Language;
use super::{RUNS, RecordedRun, Recording, TimelineSpec, VARIATION_RUNS, Variation, svg};
use crate::catalog::Listing;
use crate::i18n::edition::TRANSLATIONS;
use crate::report;
use crate::run::{self, Run};

/// What a recording found, for `cargo bless` to report.
pub struct Recorded {
    pub lines: usize,
    pub distinct: Option<usize>,
    pub took: Duration,
}

/// Runs the listing, checks every run, and only then writes its output file, its recording and its
/// picture. Runs are sequential, never in parallel, so that their timing is the listing's own.
pub fn record(
    root: &Path,
    listing: &Listing,
    exes: &BTreeMap<String, PathBuf>,
) -> Result<Recorded, String> {
    let started = Instant::now();
    let spec = listing.timeline.clone().unwrap_or_default();
    let rule = listing
        .rule
        .compile()
        .map_err(|e| format!("{}: {e}", listing.label()))?;
    let run_once = || run::run_listing(root, listing, exes);

    let documented = run_once()?;
    report::validate(listing, &documented)?;
    let mut runs = vec![RecordedRun::from_run(&documented, &rule)];
    for number in 2..=RUNS {
        let fresh = run_once()?;
        refuse_unless_equivalent(
            listing,
            &documented,
            &fresh,
            &format!("run {number} of {RUNS}"),
        )?;
        runs.push(RecordedRun::from_run(&fresh, &rule));
    }

    let variation = if listing.rule.order_varies() {
        let mut tally = Tally::default();
        for number in 1..=VARIATION_RUNS {
            let fresh = run_once()?;
            refuse_unless_equivalent(
                listing,
                &documented,
                &fresh,
                &format!("variation run {number} of {VARIATION_RUNS}"),
            )?;
            tally.add(&rule, fresh.stdout.into_iter().map(|l| l.text).collect());
        }
        Some(Variation {
            runs: VARIATION_RUNS,
            machine: variation::machine(),
            date: variation::today(),
            orders: tally.into_orders(),
        })
    } else {
        None
    };

    let recording = Recording {
        listing: listing.name.clone(),
        runs,
        variation,
    };
    report::bless(root, listing, &documented)?;
    report::write(&listing.recording_path(root), &recording.to_json())?;
    write_picture(root, listing, &spec, &recording)?;
    Ok(Recorded {
        lines: documented.stdout.len(),
        distinct: recording.variation.as_ref().map(|v| v.orders.len()),
        took: started.elapsed(),
    })
}

/// Writes `src/timelines/NAME.html` and `NAME.runs.html` from a recording, and their renderings in
/// each translated edition (`src/timelines/LANG/`), whose bar labels come from `po/LANG.po`.
pub fn write_picture(
    root: &Path,
    listing: &Listing,
    spec: &TimelineSpec,
    recording: &Recording,
) -> Result<(), String> {
    let picture = listing.picture_path(root);
    let more = listing.more_runs_path(root);
    write_edition(
        &picture,
        &more,
        listing,
        spec,
        recording,
        &Language::ENGLISH,
    )?;
    for edition in TRANSLATIONS {
        let catalog = edition.catalog(root)?;
        let language = Language::translated(*edition, &catalog);
        write_edition(
            &edition.generated_path(&picture),
            &edition.generated_path(&more),
            listing,
            spec,
            recording,
            &language,
        )?;
    }
    Ok(())
}

fn write_edition(
    picture: &Path,
    more: &Path,
    listing: &Listing,
    spec: &TimelineSpec,
    recording: &Recording,
    language: &Language,
) -> Result<(), String> {
    report::write(picture, &svg::figure(listing, spec, recording, language))?;
    if recording.runs.len() > 1 {
        report::write(more, &svg::more_runs(spec, recording, language))
    } else {
        match std::fs::remove_file(more) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
                Err(format!("cannot remove {}: {e}", more.display()))
            }
            _ => Ok(()),
        }
    }
}

fn refuse_unless_equivalent(
    listing: &Listing,
    documented: &Run,
    fresh: &Run,
    which: &str,
) -> Result<(), String> {
    report::check_against(listing, documented, fresh).map_err(|message| {
        format!(
            "{which} breaks the rule against run 1, the run to be documented; nothing written.\n{message}"
        )
    })
}
