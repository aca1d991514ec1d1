//! The course: every numbered chapter of `src/SUMMARY.md` (a `chNN-*.md` file) ends with its quiz
//! (`quizzes/chNN-*.toml`, shown through `{{#include quizzes/chNN-*.html}}`) and states at least one
//! exercise (`cargo test -p exercises --test NAME`) with its solution folded away.

use std::fs;
use std::path::Path;
use std::sync::LazyLock;

use regex::Regex;

use crate::quiz::{HTML_DIR, QUIZ_DIR};

static CHAPTER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\]\((ch\d+-[^)#/]+)\.md\)").expect("valid"));
static RUN_EXERCISE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"cargo test -p exercises --test ([a-z0-9_]+)").expect("valid"));

/// The numbered chapters, by file stem, in the order of `src/SUMMARY.md`.
pub fn chapters(root: &Path) -> Vec<String> {
    let summary = fs::read_to_string(root.join("src/SUMMARY.md")).unwrap_or_default();
    CHAPTER
        .captures_iter(&summary)
        .map(|c| c[1].to_owned())
        .collect()
}

/// The files of `dir` ending in `.ext`, by stem, sorted; none if `dir` does not exist.
pub(crate) fn stems(dir: &Path, ext: &str) -> Vec<String> {
    let mut found: Vec<String> = fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.is_file() && p.extension().is_some_and(|e| e == ext))
        .filter_map(|p| Some(p.file_stem()?.to_str()?.to_owned()))
        .collect();
    found.sort();
    found
}

/// Every exercise, by name: one test target `exercises/tests/NAME.rs` each.
pub fn exercises(root: &Path) -> Vec<String> {
    stems(&root.join("exercises/tests"), "rs")
}

/// Every numbered chapter has its quiz and an exercise; every quiz and exercise is shown by one.
pub fn check(root: &Path) -> Vec<String> {
    let mut problems = Vec::new();
    let chapters = chapters(root);
    let exercises = exercises(root);
    let mut shown_exercises = Vec::new();
    for chapter in &chapters {
        let text =
            fs::read_to_string(root.join("src").join(format!("{chapter}.md"))).unwrap_or_default();
        let at = format!("chapter src/{chapter}.md");
        if !root.join(QUIZ_DIR).join(format!("{chapter}.toml")).exists() {
            problems.push(format!("{at} has no quiz: write {QUIZ_DIR}/{chapter}.toml"));
        }
        let include = format!("{{{{#include quizzes/{chapter}.html}}}}");
        if !text.contains(&include) {
            problems.push(format!(
                "{at} does not show its quiz: end it with `## Quiz` and `{include}` ({HTML_DIR}/{chapter}.html)"
            ));
        }
        let named: Vec<String> = RUN_EXERCISE
            .captures_iter(&text)
            .map(|c| c[1].to_owned())
            .collect();
        if named.is_empty() {
            problems.push(format!(
                "{at} has no exercise: no `cargo test -p exercises --test NAME` in it"
            ));
        }
        for name in named {
            if !exercises.contains(&name) {
                problems.push(format!(
                    "{at} runs exercise `{name}`, but exercises/tests/{name}.rs does not exist"
                ));
            }
            let solution = format!("{{{{#include ../exercises/solutions/{name}.rs}}}}");
            if !text.contains(&solution) {
                problems.push(format!(
                    "{at} does not fold away the solution of `{name}`: `{solution}` inside <details>"
                ));
            }
            shown_exercises.push(name);
        }
    }
    for quiz in stems(&root.join(QUIZ_DIR), "toml") {
        if !chapters.contains(&quiz) {
            problems.push(format!(
                "{QUIZ_DIR}/{quiz}.toml belongs to no numbered chapter of src/SUMMARY.md"
            ));
        }
    }
    for name in exercises {
        if !shown_exercises.contains(&name) {
            problems.push(format!(
                "exercise `{name}` (exercises/tests/{name}.rs) is in no chapter"
            ));
        }
        for file in [format!("src/{name}.rs"), format!("solutions/{name}.rs")] {
            if !root.join("exercises").join(&file).exists() {
                problems.push(format!("exercise `{name}` has no exercises/{file}"));
            }
        }
    }
    problems
}
