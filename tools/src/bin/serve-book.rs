//! `cargo serve-book`: builds the book and serves it on http://localhost:3000, installing the
//! pinned mdBook first if this machine does not have it.

use std::process::{Command, ExitCode};

/// The mdBook version the book is written for; CI and the publishing workflow use the same one.
const MDBOOK_VERSION: &str = "0.5.4";

fn installed_version() -> Option<String> {
    let output = Command::new("mdbook").arg("--version").output().ok()?;
    let text = String::from_utf8_lossy(&output.stdout);
    text.split_whitespace()
        .nth(1)
        .map(|v| v.trim_start_matches('v').to_owned())
}

fn main() -> ExitCode {
    if installed_version().as_deref() != Some(MDBOOK_VERSION) {
        eprintln!("installing mdbook {MDBOOK_VERSION} (once; about two minutes)...");
        let installed = Command::new(std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()))
            .args(["install", "mdbook", "--locked", "--version", MDBOOK_VERSION])
            .status();
        if !installed.is_ok_and(|s| s.success()) {
            eprintln!("error: could not install mdbook {MDBOOK_VERSION}");
            return ExitCode::FAILURE;
        }
    }
    let args: Vec<String> = std::env::args().skip(1).collect();
    let status = Command::new("mdbook")
        .arg("serve")
        .arg(book_tools::repo_root())
        .args(&args)
        .status();
    match status {
        Ok(s) if s.success() => ExitCode::SUCCESS,
        _ => ExitCode::FAILURE,
    }
}
