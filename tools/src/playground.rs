//! The crates the Rust playground provides (`listings/playground-crates.toml`), so that a reader's
//! Run button builds what the book tested: the listings' crates must be pinned to the playground's
//! versions, and a block that uses any other crate has no Run button.

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

use serde::Deserialize;

/// The table of the playground's crates, relative to the repository root.
pub const CRATES_FILE: &str = "listings/playground-crates.toml";

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct CratesFile {
    crates: BTreeMap<String, Crate>,
}

/// One crate the playground provides.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Crate {
    pub version: String,
    #[serde(default)]
    pub features: Vec<String>,
}

/// The playground's crates by package name (`tracing-subscriber`, `parking_lot`).
pub fn crates(root: &Path) -> Result<BTreeMap<String, Crate>, String> {
    let text = fs::read_to_string(root.join(CRATES_FILE))
        .map_err(|e| format!("{CRATES_FILE}: cannot read it: {e}"))?;
    let file: CratesFile = toml::from_str(&text).map_err(|e| format!("{CRATES_FILE}: {e}"))?;
    Ok(file.crates)
}

/// Whether `extern_name` (as in `extern crate tracing_subscriber;`) is one of the playground's.
pub fn provides(crates: &BTreeMap<String, Crate>, extern_name: &str) -> bool {
    // A package's extern name is its name with `-` turned into `_`.
    crates
        .keys()
        .any(|name| name.replace('-', "_") == extern_name)
}

/// The listings' dependencies with the version requirement the workspace gives each, in the order
/// `listings/Cargo.toml` names them.
fn listing_pins(root: &Path) -> Result<Vec<(String, String)>, String> {
    Ok(crate::dependency_blocks::pins(root)?
        .into_iter()
        .map(|pin| (pin.name, pin.requirement))
        .collect())
}

/// Every crate the listings use is on the playground, pinned with `=` to the playground's version.
pub fn check_pins(root: &Path) -> Vec<String> {
    let (crates, pins) = match (crates(root), listing_pins(root)) {
        (Ok(crates), Ok(pins)) => (crates, pins),
        (crates, pins) => return crates.err().into_iter().chain(pins.err()).collect(),
    };
    let mut problems = Vec::new();
    for (name, pin) in pins {
        let Some(provided) = crates.get(&name) else {
            problems.push(format!(
                "the listings use `{name}` ({pin}), which the Rust playground does not provide \
                 ({CRATES_FILE}): its Run buttons would fail to build"
            ));
            continue;
        };
        if pin != format!("={}", provided.version) {
            problems.push(format!(
                "`{name}`: the listings are built with `{pin}` (Cargo.toml), the Rust playground \
                 provides {} ({CRATES_FILE}): pin it as \"={}\" so that a Run button builds what \
                 the book tested",
                provided.version, provided.version
            ));
        }
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extern_names_map_to_package_names() {
        let on_playground = |name: &str| {
            let version = "1.0.0".to_owned();
            let features = Vec::new();
            (name.to_owned(), Crate { version, features })
        };
        let crates = BTreeMap::from([
            on_playground("tracing-subscriber"),
            on_playground("parking_lot"),
        ]);
        assert!(provides(&crates, "tracing_subscriber"));
        assert!(provides(&crates, "parking_lot"));
        assert!(!provides(&crates, "tracing"));
    }
}
