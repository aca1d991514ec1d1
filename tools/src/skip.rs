//! Saying that a check did not run, where the contributor sees it.
//!
//! The test harness captures what a passing test prints, so a skip reported with `eprintln!` is
//! shown only when something else fails: the layer looks as if it passed. This writes to the
//! process's standard error directly, which the harness does not capture.

use std::io::Write;

/// Tells the terminal that `what` was skipped and why, in one line that stands out.
pub fn announce(what: &str, why: &str) {
    let line = format!("\n*** SKIPPED: {what}: {why} ***\n");
    // Nothing better can be done if standard error is closed.
    let _ = std::io::stderr().lock().write_all(line.as_bytes());
}
