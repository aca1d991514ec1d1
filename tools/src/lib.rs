//! Tooling for *Threads, Events and Locks in Rust*: the listing catalog, the rules that say how a fresh
//! run may differ from the documented one, the runner and bless command, and the checks over the book.

pub mod book;
#[cfg(feature = "browser")]
pub mod browser;
pub mod cargo;
pub mod catalog;
pub mod lint;
pub mod report;
pub mod rule;
pub mod run;
pub mod search_index;
pub mod theme;
pub mod timeline;

use std::path::{Path, PathBuf};

/// The repository root: the directory that holds `book.toml`.
pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("tools/ lives inside the repository")
        .to_path_buf()
}
