//! `cargo bless [NAME...]`: runs listings and writes what they really print as their documented
//! output. With no names, blesses every listing in the catalog.

use std::process::ExitCode;

use book_tools::catalog::Catalog;
use book_tools::{cargo, repo_root, report, run};

fn main() -> ExitCode {
    let root = repo_root();
    let names: Vec<String> = std::env::args().skip(1).collect();
    let result = (|| -> Result<usize, String> {
        let catalog = Catalog::load(&root)?;
        for name in &names {
            if catalog.get(name).is_none() {
                return Err(format!(
                    "`{name}` is not in the catalog (listings/catalog.toml); add it there first"
                ));
            }
        }
        let exes = cargo::build_listings(&root)?;
        let mut blessed = 0;
        for listing in &catalog.listings {
            if !names.is_empty() && !names.contains(&listing.name) {
                continue;
            }
            let exe = exes
                .get(&listing.name)
                .ok_or_else(|| format!("{} was not built", listing.label()))?;
            let ran = run::run(exe, run::TIMEOUT)
                .map_err(|e| format!("cannot run {}: {e}", listing.label()))?;
            report::bless(&root, listing, &ran)?;
            println!(
                "blessed {} ({} lines, {:.0} ms)",
                listing.name,
                ran.stdout.len(),
                ran.elapsed.as_secs_f64() * 1000.0
            );
            blessed += 1;
        }
        Ok(blessed)
    })();
    match result {
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
