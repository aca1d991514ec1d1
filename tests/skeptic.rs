//! Layer 2: every Rust block of the rendered book (includes expanded) builds and runs.
//!
//! skeptic's generated tests call the two functions below instead of skeptic's own (build.rs
//! renames the calls): they put every program under the watchdog's time limit, and they use the
//! repository the tests run in, not the one the tests were built in.

use std::time::Duration;

use book_tools::watchdog::Watchdog;
use book_tools::{repo_root, run};

/// The paths skeptic baked in at build time, moved to the repository the tests run in.
fn here(built_root: &str, built_out: &str) -> (String, String) {
    let root = repo_root().to_string_lossy().into_owned();
    let out = built_out.replacen(built_root, &root, 1);
    (root, out)
}

fn guard() -> Duration {
    Watchdog::start(run::TIMEOUT);
    run::TIMEOUT
}

#[allow(dead_code)]
fn run_test(root: &str, out: &str, target: &str, text: &str) {
    guard();
    let (root, out) = here(root, out);
    skeptic::rt::run_test(&root, &out, target, text);
}

#[allow(dead_code)]
fn compile_test(root: &str, out: &str, target: &str, text: &str) {
    let (root, out) = here(root, out);
    skeptic::rt::compile_test(&root, &out, target, text);
}

include!(concat!(env!("OUT_DIR"), "/skeptic-tests.rs"));
