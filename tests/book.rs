//! The book's tests, every layer in one test binary: libtest runs the layers' tests side by side, so
//! that while one waits (the browser, a listing's sleeps, an exercise's time limit) another uses
//! the cores, and the layers link once instead of once each. Each module is one layer; run one with
//! `cargo test --test book LAYER::` (for example `cargo test --test book translation::`).

mod bench_script;
mod book_lint;
mod browser;
mod exercises;
mod listings_in_fresh_project;
mod mdbook_test;
mod output_checks;
mod python_exercise;
mod quiz_browser;
mod quizzes;
mod skeptic;
mod timelines;
mod translation;
mod workflow_time_limits;
