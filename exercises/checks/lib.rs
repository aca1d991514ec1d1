//! Nothing to link: this package exists for its test target `corpus` (see `corpus.rs`).
