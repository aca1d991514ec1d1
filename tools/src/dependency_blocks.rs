//! The `[dependencies]` block of `Cargo.toml` that each listing needs in a project of its own, so
//! that a reader who copies a listing builds it with the crates, versions and features the book
//! tested. The book shows each block above its listing (`listings/deps/NAME.toml`, included in a
//! `toml` code block).
//!
//! - **Crates**: those of `listings/Cargo.toml` that the listing's source names
//!   ([`crate::crate_paths`]).
//! - **Versions**: the workspace's pins, as `Cargo.toml` writes them, `=` included. Without the `=`,
//!   `"0.12.5"` means "0.12.5 or any newer 0.12", and a new project resolves to the newest release
//!   allowed, one the book never ran (and `cargo add parking_lot` picks 0.13). With it, a reader
//!   builds what the book tested and the Rust playground runs.
//! - **Features** beyond the defaults: declared by the listing's catalog entry (`features`). Each
//!   must be one the workspace enables, so that the book's own build has it, and each one the
//!   workspace enables must be declared by a listing, so that none is on for no reason.
//!
//! `cargo run -p book-tools --bin dependency-blocks` writes the blocks; the book lint fails while
//! one is stale, missing or not shown above its listing, or while the introduction names other
//! crates or versions; `tests/listings_in_fresh_project.rs` builds each listing in a new project
//! with only its block.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::Path;
use std::sync::LazyLock;

use regex::Regex;

use crate::catalog::{BIN_DIR, Catalog, Language, Listing};
use crate::python::PYTHON_DIR;

/// Where the blocks live, relative to the repository root.
pub const DEPS_DIR: &str = "listings/deps";
/// The command that rewrites them.
pub const GENERATE: &str = "cargo run -p book-tools --bin dependency-blocks";
/// The page that names every crate the listings use, with its version, relative to `src/`.
pub const INTRODUCTION: &str = "introduction.md";

/// A crate the listings may use, as the workspace pins it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pin {
    /// The package name, e.g. `tracing-subscriber`.
    pub name: String,
    /// The version requirement as `Cargo.toml` writes it, e.g. `=0.3.23`.
    pub requirement: String,
    /// The features the workspace enables beyond the defaults.
    pub features: BTreeSet<String>,
}

impl Pin {
    /// The name code uses for it: `tracing_subscriber`.
    pub fn extern_name(&self) -> String {
        self.name.replace('-', "_")
    }

    /// The version the book tested, e.g. `0.3.23`.
    pub fn version(&self) -> &str {
        self.requirement.trim_start_matches(['=', '^', '~'])
    }
}

/// The block file of the listing `name`, relative to the repository root.
pub fn block_file(name: &str) -> String {
    format!("{DEPS_DIR}/{name}.toml")
}

/// The crates of `listings/Cargo.toml`, each with the version and features the workspace gives it.
pub fn pins(root: &Path) -> Result<Vec<Pin>, String> {
    let read = |path: &str| -> Result<toml::Table, String> {
        let text = fs::read_to_string(root.join(path))
            .map_err(|e| format!("{path}: cannot read it: {e}"))?;
        toml::from_str(&text).map_err(|e| format!("{path}: {e}"))
    };
    let listings = read("listings/Cargo.toml")?;
    let workspace = read("Cargo.toml")?;
    let pinned = workspace
        .get("workspace")
        .and_then(|w| w.get("dependencies"))
        .and_then(|d| d.as_table())
        .ok_or("Cargo.toml: no [workspace.dependencies]")?;
    let mut pins = Vec::new();
    let dependencies = listings.get("dependencies").and_then(|d| d.as_table());
    for (name, spec) in dependencies.into_iter().flatten() {
        let mut pin = Pin {
            name: name.clone(),
            requirement: String::new(),
            features: BTreeSet::new(),
        };
        let from_workspace = spec.get("workspace").and_then(|w| w.as_bool()) == Some(true);
        if from_workspace {
            let spec = pinned.get(name).ok_or_else(|| {
                format!("listings/Cargo.toml: `{name}` comes from the workspace, which lacks it")
            })?;
            read_spec("Cargo.toml", name, spec, &mut pin)?;
        }
        read_spec("listings/Cargo.toml", name, spec, &mut pin)?;
        if pin.requirement.is_empty() {
            return Err(format!("`{name}` has no version (Cargo.toml)"));
        }
        pins.push(pin);
    }
    Ok(pins)
}

/// Adds what one dependency entry says to `pin`, refusing what a block could not show.
fn read_spec(file: &str, name: &str, spec: &toml::Value, pin: &mut Pin) -> Result<(), String> {
    let table = match spec {
        toml::Value::String(version) => {
            pin.requirement = version.clone();
            return Ok(());
        }
        toml::Value::Table(table) => table,
        _ => return Err(format!("{file}: `{name}` is neither a version nor a table")),
    };
    for (key, value) in table {
        match (key.as_str(), value) {
            ("version", toml::Value::String(version)) => pin.requirement = version.clone(),
            ("features", toml::Value::Array(features)) => {
                pin.features.extend(
                    features
                        .iter()
                        .filter_map(|f| f.as_str())
                        .map(str::to_owned),
                );
            }
            ("workspace", _) => {}
            _ => {
                return Err(format!(
                    "{file}: `{name}` sets `{key}`, which the listings' [dependencies] blocks do \
                     not show (tools/src/dependency_blocks.rs): a reader's copy would differ"
                ));
            }
        }
    }
    Ok(())
}

/// The pins of the crates `source` names, sorted by name.
pub fn crates_used<'p>(source: &str, pins: &'p [Pin]) -> Vec<&'p Pin> {
    let roots = crate::crate_paths::path_roots(source);
    let mut used: Vec<&Pin> = pins
        .iter()
        .filter(|pin| roots.contains(&pin.extern_name()))
        .collect();
    used.sort_by(|a, b| a.name.cmp(&b.name));
    used
}

/// A listing that uses crates, and the block it needs.
#[derive(Debug, Clone)]
pub struct Block<'c> {
    pub listing: &'c Listing,
    /// The package names of the crates it uses, sorted.
    pub crates: Vec<String>,
    /// The block, as `listings/deps/NAME.toml` holds it.
    pub text: String,
}

impl Block<'_> {
    /// Its file, relative to the repository root.
    pub fn file(&self) -> String {
        block_file(&self.listing.name)
    }
}

/// The block `listing` needs, given its source, or `None` if it uses no crate.
pub fn block<'c>(
    listing: &'c Listing,
    source: &str,
    pins: &[Pin],
) -> Result<Option<Block<'c>>, String> {
    let used = crates_used(source, pins);
    for (name, features) in &listing.features {
        let Some(pin) = used.iter().find(|pin| &pin.name == name) else {
            return Err(format!(
                "{}: its catalog entry declares features of `{name}`, which it does not use",
                listing.label()
            ));
        };
        if let Some(missing) = features.iter().find(|f| !pin.features.contains(*f)) {
            return Err(format!(
                "{}: needs `{name}`'s feature `{missing}`, which the workspace does not enable \
                 (Cargo.toml): the book's own build would not have it",
                listing.label()
            ));
        }
    }
    if used.is_empty() {
        return Ok(None);
    }
    let mut text = String::from("# Cargo.toml: the exact versions this book tested\n");
    text.push_str("[dependencies]\n");
    for pin in &used {
        let features: BTreeSet<&String> = listing
            .features
            .get(&pin.name)
            .into_iter()
            .flatten()
            .collect();
        if features.is_empty() {
            text.push_str(&format!("{} = \"{}\"\n", pin.name, pin.requirement));
        } else {
            let quoted: Vec<String> = features.iter().map(|f| format!("\"{f}\"")).collect();
            let (name, version) = (&pin.name, &pin.requirement);
            let line = format!(
                "{name} = {{ version = \"{version}\", features = [{}] }}",
                quoted.join(", ")
            );
            if line.chars().count() <= crate::lint::MAX_CODE_LINE {
                text.push_str(&format!("{line}\n"));
            } else {
                // Wider than the book's column: the features go on a line of their own, which
                // TOML allows inside an inline table's array.
                text.push_str(&format!(
                    "{name} = {{ version = \"{version}\", features = [\n    {},\n] }}\n",
                    quoted.join(", ")
                ));
            }
        }
    }
    Ok(Some(Block {
        listing,
        crates: used.iter().map(|pin| pin.name.clone()).collect(),
        text,
    }))
}

/// Every Rust listing that uses a crate, with its block, in catalog order; or every problem met.
pub fn blocks<'c>(root: &Path, catalog: &'c Catalog) -> Result<Vec<Block<'c>>, Vec<String>> {
    let pins = pins(root).map_err(|e| vec![e])?;
    let mut blocks = Vec::new();
    let mut problems = Vec::new();
    for listing in &catalog.listings {
        if listing.language != Language::Rust {
            if !listing.features.is_empty() {
                problems.push(format!(
                    "{}: only a Rust listing has crate features",
                    listing.label()
                ));
            }
            continue;
        }
        let source = match fs::read_to_string(listing.source_path(root)) {
            Ok(source) => source,
            Err(e) => {
                problems.push(format!("{}: cannot read its source: {e}", listing.label()));
                continue;
            }
        };
        match block(listing, &source, &pins) {
            Ok(Some(block)) => blocks.push(block),
            Ok(None) => {}
            Err(e) => problems.push(e),
        }
    }
    if problems.is_empty() {
        Ok(blocks)
    } else {
        Err(problems)
    }
}

/// Every feature the workspace enables for the listings' crates is declared by a listing that
/// needs it: the book's own build turns it on for every listing, so it must be on for a reason
/// that some listing's block shows.
pub fn check_workspace_features(root: &Path, catalog: &Catalog) -> Vec<String> {
    let pins = match pins(root) {
        Ok(pins) => pins,
        Err(e) => return vec![e],
    };
    let declared: BTreeSet<(&str, &str)> = catalog
        .listings
        .iter()
        .flat_map(|l| l.features.iter())
        .flat_map(|(name, features)| features.iter().map(move |f| (name.as_str(), f.as_str())))
        .collect();
    let mut problems = Vec::new();
    for pin in &pins {
        for feature in &pin.features {
            if !declared.contains(&(pin.name.as_str(), feature.as_str())) {
                problems.push(format!(
                    "the workspace enables `{}`'s feature `{feature}` (Cargo.toml), which no \
                     listing declares (`features` in {}): declare it on the listings that need \
                     it, or drop it",
                    pin.name,
                    crate::catalog::CATALOG_PATH
                ));
            }
        }
    }
    problems
}

/// The files under [`DEPS_DIR`] that belong to no listing's block.
pub fn strays(root: &Path, blocks: &[Block]) -> Vec<String> {
    let expected: BTreeSet<String> = blocks.iter().map(Block::file).collect();
    let mut strays: Vec<String> = fs::read_dir(root.join(DEPS_DIR))
        .into_iter()
        .flatten()
        .flatten()
        .map(|entry| format!("{DEPS_DIR}/{}", entry.file_name().to_string_lossy()))
        .filter(|file| !expected.contains(file))
        .collect();
    strays.sort();
    strays
}

/// Every listing that uses a crate has its block in [`DEPS_DIR`], as the workspace gives it now,
/// and nothing else is there.
pub fn check_up_to_date(root: &Path, catalog: &Catalog) -> Vec<String> {
    let blocks = match blocks(root, catalog) {
        Ok(blocks) => blocks,
        Err(problems) => return problems,
    };
    let mut problems = check_workspace_features(root, catalog);
    for block in &blocks {
        let (listing, file, expected) = (block.listing, block.file(), &block.text);
        match fs::read_to_string(root.join(&file)) {
            Err(_) => problems.push(format!(
                "{}: uses crates, but its block {file} is missing: run `{GENERATE}`",
                listing.label()
            )),
            Ok(committed) if committed != *expected => problems.push(format!(
                "{}: its block {file} is stale: run `{GENERATE}`\n{}",
                listing.label(),
                crate::report::diff(&file, "generated from the workspace", &committed, expected)
            )),
            Ok(_) => {}
        }
    }
    for stray in strays(root, &blocks) {
        problems.push(format!(
            "{stray} belongs to no listing that uses a crate: run `{GENERATE}`"
        ));
    }
    problems
}

/// Every listing that uses a crate is shown with its block: in a `toml` code block in its chapter,
/// below the listing before it and above it.
pub fn check_shown(root: &Path, catalog: &Catalog) -> Vec<String> {
    let blocks = match blocks(root, catalog) {
        Ok(blocks) => blocks,
        Err(problems) => return problems,
    };
    let includes = crate::lint::includes(root);
    let is_listing = |target: &Path| {
        target.starts_with(root.join(BIN_DIR)) || target.starts_with(root.join(PYTHON_DIR))
    };
    let mut problems = Vec::new();
    for Block { listing, .. } in &blocks {
        let file = root.join(block_file(&listing.name));
        let shown = includes
            .iter()
            .any(|i| i.target == file && i.chapter == Path::new(&listing.chapter));
        if !shown {
            problems.push(format!(
                "{} is shown without its [dependencies] block: put \
                 `{{{{#include ../{}}}}}` in a ```toml block above its caption",
                listing.label(),
                block_file(&listing.name)
            ));
        }
    }
    for (index, include) in includes.iter().enumerate() {
        if !include.target.starts_with(root.join(DEPS_DIR)) {
            continue;
        }
        let at = format!("src/{}:{}", include.chapter.display(), include.line);
        let owner = include
            .target
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned());
        let next_listing = includes[index + 1..]
            .iter()
            .take_while(|i| i.chapter == include.chapter)
            .find(|i| is_listing(&i.target))
            .and_then(|i| i.target.file_stem())
            .map(|s| s.to_string_lossy().into_owned());
        if next_listing != owner {
            let next = next_listing.map_or("none".to_owned(), |name| format!("`{name}`"));
            problems.push(format!(
                "{at}: the block of `{}` must stand above that listing, after the one before it \
                 (the next listing here is {next})",
                owner.unwrap_or_default()
            ));
        }
        let text = fs::read_to_string(root.join("src").join(&include.chapter)).unwrap_or_default();
        let fence = text
            .lines()
            .nth(include.line.saturating_sub(2))
            .unwrap_or_default();
        if include.line < 2 || fence.trim_end() != "```toml" {
            problems.push(format!(
                "{at}: a [dependencies] block goes in a ```toml code block"
            ));
        }
    }
    problems
}

static NAMED_CRATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\[`([A-Za-z0-9_-]+)` ([^\]\s]+)\]\(https://docs\.rs/([A-Za-z0-9_-]+)/([^)\s]+)\)")
        .expect("valid")
});

/// The introduction names every crate the listings use, and no other, each as
/// ``[`name` VERSION](https://docs.rs/name/VERSION)`` with the version the workspace pins.
pub fn check_introduction(root: &Path, catalog: &Catalog) -> Vec<String> {
    let blocks = match blocks(root, catalog) {
        Ok(blocks) => blocks,
        Err(problems) => return problems,
    };
    let pins = match pins(root) {
        Ok(pins) => pins,
        Err(e) => return vec![e],
    };
    // Each crate the listings use, with the first listing that uses it.
    let mut used: BTreeMap<&str, &Listing> = BTreeMap::new();
    for block in &blocks {
        for name in &block.crates {
            used.entry(name.as_str()).or_insert(block.listing);
        }
    }
    let path = format!("src/{INTRODUCTION}");
    let text = fs::read_to_string(root.join(&path)).unwrap_or_default();
    let named: Vec<(String, String, String, String)> = NAMED_CRATE
        .captures_iter(&text)
        .map(|c| {
            (
                c[1].to_owned(),
                c[2].to_owned(),
                c[3].to_owned(),
                c[4].to_owned(),
            )
        })
        .collect();
    let mut problems = Vec::new();
    for pin in pins
        .iter()
        .filter(|pin| used.contains_key(pin.name.as_str()))
    {
        let (name, version) = (&pin.name, pin.version());
        let expected = format!("[`{name}` {version}](https://docs.rs/{name}/{version})");
        match named.iter().find(|(shown, ..)| shown == name) {
            None => problems.push(format!(
                "{path} does not name `{name}`, which {} uses: write {expected}",
                used[name.as_str()].label()
            )),
            Some((_, shown, linked_name, linked))
                if shown != version || linked_name != name || linked != version =>
            {
                problems.push(format!(
                    "{path} names `{name}` {shown} (linked to docs.rs/{linked_name}/{linked}), \
                     but the listings are built with {version} (Cargo.toml): write {expected}"
                ));
            }
            Some(_) => {}
        }
    }
    for (name, version, ..) in &named {
        if !used.contains_key(name.as_str()) {
            problems.push(format!(
                "{path} names `{name}` {version} as a crate the listings use, but no listing \
                 uses it"
            ));
        }
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pin(name: &str, requirement: &str, features: &[&str]) -> Pin {
        Pin {
            name: name.to_owned(),
            requirement: requirement.to_owned(),
            features: features.iter().map(|f| f.to_string()).collect(),
        }
    }

    fn listing(features: &str) -> Listing {
        let entry = format!(
            "[[listing]]\nname = \"ch12-03-x\"\nchapter = \"ch12.md\"\noutput = \"x.txt\"\n{features}"
        );
        Catalog::parse(&entry)
            .expect("valid catalog")
            .listings
            .remove(0)
    }

    #[test]
    fn a_block_pins_each_crate_used_exactly_with_the_features_declared() {
        let pins = [
            pin("parking_lot", "=0.12.5", &["deadlock_detection"]),
            pin("rayon", "=1.12.0", &[]),
            pin("tracing-subscriber", "=0.3.23", &[]),
        ];
        let source = "use parking_lot::deadlock;\nfn main() { tracing_subscriber::fmt(); }";
        let declared = listing("features = { parking_lot = [\"deadlock_detection\"] }");
        assert_eq!(
            block(&declared, source, &pins).unwrap().unwrap().text,
            "# Cargo.toml: the exact versions this book tested\n[dependencies]\n\
             parking_lot = { version = \"=0.12.5\", features = [\"deadlock_detection\"] }\n\
             tracing-subscriber = \"=0.3.23\"\n"
        );
        assert!(
            block(&listing(""), "fn main() {}", &pins)
                .unwrap()
                .is_none()
        );
    }

    #[test]
    fn features_that_would_overflow_the_column_go_on_a_line_of_their_own() {
        let features = ["macros", "rt-multi-thread", "sync", "time"];
        let pins = [pin("tokio", "=1.53.1", &features)];
        let declared =
            listing("features = { tokio = [\"macros\", \"rt-multi-thread\", \"sync\", \"time\"] }");
        let text = block(&declared, "fn main() { tokio::spawn(f()); }", &pins)
            .unwrap()
            .unwrap()
            .text;
        assert_eq!(
            text,
            "# Cargo.toml: the exact versions this book tested\n[dependencies]\n\
             tokio = { version = \"=1.53.1\", features = [\n    \
             \"macros\", \"rt-multi-thread\", \"sync\", \"time\",\n] }\n"
        );
        let parsed: toml::Table = toml::from_str(&text).expect("valid TOML");
        assert_eq!(
            parsed["dependencies"]["tokio"]["features"][1].as_str(),
            Some("rt-multi-thread")
        );
    }

    #[test]
    fn a_feature_must_belong_to_a_crate_used_and_be_enabled_by_the_workspace() {
        let pins = [
            pin("parking_lot", "=0.12.5", &[]),
            pin("rayon", "=1.12.0", &[]),
        ];
        let on_unused = listing("features = { rayon = [\"web_spin_lock\"] }");
        let err = block(&on_unused, "use parking_lot::Mutex;", &pins).unwrap_err();
        assert!(
            err.contains("declares features of `rayon`, which it does not use"),
            "{err}"
        );
        let not_enabled = listing("features = { parking_lot = [\"deadlock_detection\"] }");
        let err = block(&not_enabled, "use parking_lot::Mutex;", &pins).unwrap_err();
        assert!(err.contains("which the workspace does not enable"), "{err}");
    }
}
