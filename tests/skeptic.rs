//! Layer 2: every Rust block of the rendered book (includes expanded) builds and runs.
include!(concat!(env!("OUT_DIR"), "/skeptic-tests.rs"));
