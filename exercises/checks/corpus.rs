//! Every exercise's tests (`exercises/tests/NAME.rs`), compiled once for each version of the
//! exercise: the starter as committed, the reference solution, each alternative solution and each
//! wrong solution. `build.rs` writes one module per version, named
//! `starter::NAME`, `solution::NAME`, `alternative::NAME::WHICH` or `seeded::NAME::WHICH`; in each,
//! `imp` is that version's code and `tests` the exercise's tests, pointed at it. The tests are run,
//! and their results judged, by tests/exercises.rs at the repository root.

// The versions are learners' code, wrong on purpose in `seeded`, and unfinished in `starter`.
#![allow(dead_code, unused_variables, unused_imports, unused_mut)]
#![allow(clippy::all)]

/// What the exercises import as `crate::sync`: std's types, or loom's under the feature `loom`.
#[path = "../src/sync.rs"]
mod sync;

include!(concat!(env!("OUT_DIR"), "/corpus.rs"));
