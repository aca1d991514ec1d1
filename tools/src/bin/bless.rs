//! `cargo bless [NAME...]`: runs listings and writes what they really print as their documented
//! output. With no names, blesses every listing in the catalog.
//!
//! A listing with a `timeline` in the catalog is run several times: run 1 becomes its output, and every
//! run is recorded, with when each line arrived, in `listings/timelines/NAME.json`, from which its
//! picture `src/timelines/NAME.html` is drawn. `cargo bless --pictures-only [NAME...]` redraws the
//! pictures from the recordings without running anything.

use std::process::ExitCode;

use book_tools::catalog::Catalog;
use book_tools::timeline::{Recording, record};
use book_tools::{cargo, python, repo_root, report, run};

const PICTURES_ONLY: &str = "--pictures-only";

fn main() -> ExitCode {
    let root = repo_root();
    let mut names: Vec<String> = std::env::args().skip(1).collect();
    let pictures_only = names.iter().any(|n| n == PICTURES_ONLY);
    names.retain(|n| n != PICTURES_ONLY);
    let result = (|| -> Result<usize, String> {
        let catalog = Catalog::load(&root)?;
        for name in &names {
            if catalog.get(name).is_none() {
                return Err(format!(
                    "`{name}` is not in the catalog (listings/catalog.toml); add it there first"
                ));
            }
        }
        let chosen = catalog
            .listings
            .iter()
            .filter(|l| names.is_empty() || names.contains(&l.name));
        if pictures_only {
            let mut drawn = 0;
            for listing in chosen {
                let Some(spec) = &listing.timeline else {
                    continue;
                };
                let recording = Recording::load(&listing.recording_path(&root))?;
                record::write_picture(&root, listing, spec, &recording)?;
                println!("drew {}", listing.name);
                drawn += 1;
            }
            return Ok(drawn);
        }
        let exes = cargo::build_listings(&root)?;
        let mut blessed = 0;
        for listing in chosen {
            if listing.timeline.is_some() {
                let recorded = record::record(&root, listing, &exes)?;
                python::record_version(&root, listing)?;
                let variation = recorded
                    .distinct
                    .map(|n| format!("; {n} distinct outputs"))
                    .unwrap_or_default();
                println!(
                    "blessed {} ({} lines; timeline recorded{variation}; {:.1} s)",
                    listing.name,
                    recorded.lines,
                    recorded.took.as_secs_f64()
                );
            } else {
                let ran = run::run_listing(&root, listing, &exes)?;
                report::bless(&root, listing, &ran)?;
                python::record_version(&root, listing)?;
                println!(
                    "blessed {} ({} lines, {:.0} ms)",
                    listing.name,
                    ran.stdout.len(),
                    ran.elapsed.as_secs_f64() * 1000.0
                );
            }
            blessed += 1;
        }
        Ok(blessed)
    })();
    match result {
        Ok(count) if pictures_only => {
            println!("{count} picture(s) drawn");
            ExitCode::SUCCESS
        }
        Ok(count) => {
            println!("{count} listing(s) blessed");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}
