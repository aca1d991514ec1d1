//! The catalog (`listings/catalog.toml`): every listing, the chapter that shows it, its documented
//! output, and the rule by which a fresh run is equivalent to that output.

use std::collections::BTreeSet;
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

/// One listing: a program in `listings/src/bin/NAME.rs`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Listing {
    /// The binary name, e.g. `ch03-01-spawn-with-args`.
    pub name: String,
    /// The chapter that shows it, relative to `src/`.
    pub chapter: String,
    /// Its documented standard output, relative to `listings/output/`.
    pub output: String,
    /// Its documented standard error, relative to `listings/output/`, if it writes any.
    #[serde(default)]
    pub stderr: Option<String>,
    /// For a listing whose timing matters: record its runs and draw them under its output.
    #[serde(default)]
    pub timeline: Option<TimelineSpec>,
    /// How a fresh run may differ from the documented one.
    #[serde(flatten)]
    pub rule: Rule,
}

impl Listing {
    pub fn source_path(&self, root: &Path) -> PathBuf {
        root.join(BIN_DIR).join(format!("{}.rs", self.name))
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
