//! Tooling for *Threads, Events and Locks in Rust*: the listing catalog, the rules that say how a fresh
//! run may differ from the documented one, the runner and bless command, and the checks over the book.

pub mod book;
#[cfg(feature = "browser")]
pub mod browser;
pub mod cargo;
pub mod catalog;
pub mod course;
pub mod crate_paths;
pub mod dependency_blocks;
pub mod exercise_versions;
pub mod extension;
pub mod i18n;
pub mod lint;
pub mod markdown_leaks;
pub mod playground;
pub mod python;
pub mod quiz;
pub mod report;
pub mod rule;
pub mod run;
pub mod search_index;
pub mod serve;
pub mod site;
pub mod skip;
pub mod table_code;
pub mod theme;
pub mod timeline;
pub mod watchdog;

use std::path::{Path, PathBuf};

/// The repository root: the nearest directory, from the current one up, that holds `book.toml` and
/// the listing catalog. It is found where the command runs, never where it was built, so that a
/// copied or moved checkout checks and blesses its own files (cargo runs tests from their package's
/// directory, and `cargo bless` from wherever it is typed inside the repository).
pub fn repo_root() -> PathBuf {
    let here = std::env::current_dir().expect("the current directory is readable");
    find_root(&here).unwrap_or_else(|| {
        panic!(
            "{} is not inside the book's repository: no directory from here up holds book.toml and {}",
            here.display(),
            catalog::CATALOG_PATH
        )
    })
}

/// The nearest directory from `start` up that holds `book.toml` and the listing catalog.
pub fn find_root(start: &Path) -> Option<PathBuf> {
    start
        .ancestors()
        .find(|dir| dir.join("book.toml").is_file() && dir.join(catalog::CATALOG_PATH).is_file())
        .map(Path::to_path_buf)
}
