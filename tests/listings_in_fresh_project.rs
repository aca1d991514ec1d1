//! A listing copied into a reader's own project builds with the `[dependencies]` block the book
//! shows above it, and needs nothing more: each one that uses a crate is built as `src/main.rs` of
//! a new Cargo project whose manifest holds only a `[package]` and that block (checked by the
//! compiler, as `cargo check` does: the workspace builds and runs every listing already).
//!
//! The projects live in `target/fresh-projects/NAME/` and share one target directory there, so
//! each dependency compiles once (the deadlock detector's parking_lot is a second build). Each
//! project resolves its own dependencies, as a reader's would, but `--offline`: from the crates
//! cargo has already downloaded, which building the workspace first guarantees (every crate a
//! block names is one of the workspace's, at the version it pins). The listing is built with
//! `unused_crate_dependencies` denied, so a block that names a crate the listing does not use
//! fails too.

use std::fs;
use std::path::Path;
use std::process::Command;
use std::time::Instant;

use book_tools::catalog::Catalog;
use book_tools::dependency_blocks::{self, GENERATE};
use book_tools::repo_root;

/// The manifest `cargo new` writes (edition 2024), with `block` in place of its empty
/// `[dependencies]`, as the introduction tells readers.
fn manifest(name: &str, block: &str) -> String {
    format!(
        "[package]\nname = \"{name}\"\nversion = \"0.1.0\"\nedition = \"2024\"\n\n\
         # Not part of the book's workspace, whose root encloses target/.\n[workspace]\n\n{block}"
    )
}

fn build(project: &Path, shared_target: &Path) -> Result<(), String> {
    let output = Command::new(std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()))
        .current_dir(project)
        // Checked, not built: a missing crate or feature and an unused crate are errors of the
        // compiler's analysis, which `check` runs in full; code generation and linking would add
        // most of the time and find nothing more in a listing the workspace already builds.
        .args([
            "rustc",
            "--profile",
            "check",
            "--offline",
            "--quiet",
            "--color",
            "never",
        ])
        .arg("--target-dir")
        .arg(shared_target)
        .args(["--", "--deny", "unused_crate_dependencies"])
        .output()
        .map_err(|e| format!("cannot run cargo: {e}"))?;
    if output.status.success() {
        return Ok(());
    }
    Err(String::from_utf8_lossy(&output.stderr).into_owned())
}

#[test]
fn every_listing_that_uses_a_crate_builds_in_a_fresh_project_with_only_its_block() {
    let root = repo_root();
    let catalog = Catalog::load(&root).unwrap_or_else(|e| panic!("{e}"));
    let blocks = dependency_blocks::blocks(&root, &catalog)
        .unwrap_or_else(|problems| panic!("{}", problems.join("\n")));
    let projects = root.join("target").join("fresh-projects");
    let shared_target = projects.join("shared-target");
    let started = Instant::now();
    let mut failures = Vec::new();
    for block in &blocks {
        let listing = block.listing;
        // The block the book shows, which the book lint compares with `block.text`.
        let Ok(shown) = fs::read_to_string(root.join(block.file())) else {
            failures.push(format!(
                "{}: its block {} is missing: run `{GENERATE}`",
                listing.label(),
                block.file()
            ));
            continue;
        };
        let project = projects.join(&listing.name);
        let _ = fs::remove_dir_all(&project);
        let written = fs::create_dir_all(project.join("src"))
            .and_then(|()| fs::write(project.join("Cargo.toml"), manifest(&listing.name, &shown)))
            .and_then(|()| fs::copy(listing.source_path(&root), project.join("src/main.rs")));
        if let Err(e) = written {
            panic!("cannot make the project {}: {e}", project.display());
        }
        if let Err(stderr) = build(&project, &shared_target) {
            failures.push(format!(
                "{} does not build in a new project with only its block {} \
                 (the project: {}); cargo said:\n{stderr}",
                listing.label(),
                block.file(),
                project.display()
            ));
        }
    }
    eprintln!(
        "built {} listings in fresh projects in {:.1} s",
        blocks.len(),
        started.elapsed().as_secs_f64()
    );
    assert!(
        failures.is_empty(),
        "{} of {} listings need more than the [dependencies] block the book shows:\n\n{}\n\
         A block holds the crates the listing's source names, at the workspace's pins, with the \
         features its catalog entry declares (`features` in listings/catalog.toml): fix those, \
         then run `{GENERATE}`.",
        failures.len(),
        blocks.len(),
        failures.join("\n")
    );
}
