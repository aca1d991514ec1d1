//! The catalog (`listings/catalog.toml`): every listing, the chapter that shows it, its documented
//! output, and the rule by which a fresh run is equivalent to that output.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::rule::Rule;
use crate::timeline::TimelineSpec;

/// Where the catalog lives, relative to the repository root.
pub const CATALOG_PATH: &str = "listings/catalog.toml";
/// Where documented outputs live, relative to the repository root.
pub const OUTPUT_DIR: &str = "listings/output";
/// Where listing programs live, relative to the repository root.
pub const BIN_DIR: &str = "listings/src/bin";

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct CatalogFile {
    listing: Vec<Listing>,
}

/// The language a listing is written in, which decides where it lives and how it is run.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    /// A program in `listings/src/bin/NAME.rs`, run as `cargo run -p listings --bin NAME`.
    #[default]
    Rust,
    /// A Python counterpart in `listings/python/NAME.py`, run as `python3 listings/python/NAME.py`.
    Python,
}

/// One listing: a program in `listings/src/bin/NAME.rs`, or a Python counterpart in
/// `listings/python/NAME.py`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Listing {
    /// The binary name, e.g. `ch03-01-spawn-with-args`.
    pub name: String,
    /// `rust` (the default) or `python`.
    #[serde(default)]
    pub language: Language,
    /// The chapter that shows it, relative to `src/`.
    pub chapter: String,
    /// Its documented standard output, relative to `listings/output/`.
    pub output: String,
    /// Its documented standard error, relative to `listings/output/`, if it writes any.
    #[serde(default)]
    pub stderr: Option<String>,
    /// For a Python counterpart that imports the PyO3 extension `hotloop` (`extension/`): it runs
    /// under the interpreter of the virtual environment the extension is built into.
    #[serde(default)]
    pub extension: bool,
    /// For a listing whose timing matters: record its runs and draw them under its output.
    #[serde(default)]
    pub timeline: Option<TimelineSpec>,
    /// Features beyond their defaults of the crates it uses, by package name; its `[dependencies]`
    /// block enables them (see `tools/src/dependency_blocks.rs`).
    #[serde(default)]
    pub features: BTreeMap<String, Vec<String>>,
    /// How a fresh run may differ from the documented one.
    #[serde(flatten)]
    pub rule: Rule,
}

impl Listing {
    pub fn source_path(&self, root: &Path) -> PathBuf {
        root.join(self.source_file())
    }

    /// The program's file, relative to the repository root, as its caption names it.
    pub fn source_file(&self) -> String {
        match self.language {
            Language::Rust => format!("{BIN_DIR}/{}.rs", self.name),
            Language::Python => format!("{}/{}.py", crate::python::PYTHON_DIR, self.name),
        }
    }

    /// The command that runs it, as its caption gives it. A program that imports the extension
    /// runs under the interpreter of the virtual environment chapter 19 has the reader make,
    /// `.venv` at the repository's root, into which maturin installs the extension.
    pub fn run_command(&self) -> String {
        match self.language {
            Language::Rust => format!("cargo run -p listings --bin {}", self.name),
            Language::Python if self.extension => {
                format!(".venv/bin/python {}", self.source_file())
            }
            Language::Python => format!("python3 {}", self.source_file()),
        }
    }

    /// Whether its chapter shows it folded in a `<details class="python">`: a Python counterpart
    /// is, under the Rust listing it replaces; a program that calls the extension is not, as it is
    /// its chapter's subject and replaces no Rust listing.
    pub fn folded(&self) -> bool {
        self.language == Language::Python && !self.extension
    }

    pub fn output_path(&self, root: &Path) -> PathBuf {
        root.join(OUTPUT_DIR).join(&self.output)
    }

    pub fn stderr_path(&self, root: &Path) -> Option<PathBuf> {
        self.stderr
            .as_ref()
            .map(|file| root.join(OUTPUT_DIR).join(file))
    }

    pub fn chapter_path(&self, root: &Path) -> PathBuf {
        root.join("src").join(&self.chapter)
    }

    /// "`name` (chapter `file`)", the way every report names a listing.
    pub fn label(&self) -> String {
        format!("listing `{}` (chapter src/{})", self.name, self.chapter)
    }
}

/// The whole catalog, in file order.
#[derive(Debug)]
pub struct Catalog {
    pub listings: Vec<Listing>,
}

impl Catalog {
    /// Reads and validates the catalog: unique names, rules whose patterns compile.
    pub fn load(root: &Path) -> Result<Catalog, String> {
        let path = root.join(CATALOG_PATH);
        let text = fs::read_to_string(&path)
            .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        Self::parse(&text).map_err(|e| format!("{}: {e}", path.display()))
    }

    pub fn parse(text: &str) -> Result<Catalog, String> {
        let file: CatalogFile = toml::from_str(text).map_err(|e| e.to_string())?;
        let mut seen = BTreeSet::new();
        for listing in &file.listing {
            if !seen.insert(listing.name.as_str()) {
                return Err(format!("listing `{}` is catalogued twice", listing.name));
            }
            listing
                .rule
                .compile()
                .map_err(|e| format!("{}: {e}", listing.label()))?;
            if listing.extension && listing.language != Language::Python {
                return Err(format!(
                    "{}: only a Python counterpart can import the extension",
                    listing.label()
                ));
            }
            if let Some(timeline) = &listing.timeline {
                timeline
                    .validate()
                    .map_err(|e| format!("{}: timeline: {e}", listing.label()))?;
            }
        }
        Ok(Catalog {
            listings: file.listing,
        })
    }

    pub fn get(&self, name: &str) -> Option<&Listing> {
        self.listings.iter().find(|listing| listing.name == name)
    }
}
