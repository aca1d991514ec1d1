//! The course: every numbered chapter of `src/SUMMARY.md` (a `chNN-*.md` file) ends with its quiz
//! (`quizzes/chNN-*.toml`, shown through `{{#include quizzes/chNN-*.html}}`) and states at least one
//! exercise (`cargo test -p exercises --test NAME`, or for the PyO3 extension's,
//! `python extension/tests/test_NAME.py`) with its solution folded away.

use std::fs;
use std::path::Path;
use std::sync::LazyLock;

use regex::Regex;

use crate::quiz::{HTML_DIR, QUIZ_DIR};

static CHAPTER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\]\((ch\d+-[^)#/]+)\.md\)").expect("valid"));
static RUN_EXERCISE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"cargo test -p exercises --test ([a-z0-9_]+)").expect("valid"));
static RUN_PYTHON_EXERCISE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"python3? extension/tests/test_([a-z0-9_]+)\.py").expect("valid"));

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

/// Every exercise of the PyO3 extension, by name: one Python test `extension/tests/test_NAME.py`
/// each, which the reader runs with the extension installed.
pub fn extension_exercises(root: &Path) -> Vec<String> {
    stems(&root.join("extension/tests"), "py")
        .into_iter()
        .filter_map(|stem| Some(stem.strip_prefix("test_")?.to_owned()))
        .collect()
}

/// The two places exercises live: the crate `exercises`, whose tests are Rust's, and the PyO3
/// extension, whose tests are Python's. A chapter states an exercise by the command that runs it.
struct Home {
    /// The crate directory: `src/NAME.rs` is the starter, `solutions/NAME.rs` the solution.
    dir: &'static str,
    run: &'static LazyLock<Regex>,
    /// The command, as a chapter shows it, for an exercise called `NAME`.
    command: &'static str,
    /// The test file of exercise `NAME`.
    tests: &'static str,
    exercises: fn(&Path) -> Vec<String>,
}

const HOMES: [Home; 2] = [
    Home {
        dir: "exercises",
        run: &RUN_EXERCISE,
        command: "cargo test -p exercises --test NAME",
        tests: "exercises/tests/NAME.rs",
        exercises,
    },
    Home {
        dir: "extension",
        run: &RUN_PYTHON_EXERCISE,
        command: "python extension/tests/test_NAME.py",
        tests: "extension/tests/test_NAME.py",
        exercises: extension_exercises,
    },
];

/// Every numbered chapter has its quiz and an exercise; every quiz and exercise is shown by one.
pub fn check(root: &Path) -> Vec<String> {
    let mut problems = Vec::new();
    let chapters = chapters(root);
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
        let mut stated = 0;
        for home in &HOMES {
            let exercises = (home.exercises)(root);
            for name in home.run.captures_iter(&text).map(|c| c[1].to_owned()) {
                stated += 1;
                if !exercises.contains(&name) {
                    problems.push(format!(
                        "{at} runs exercise `{name}`, but {} does not exist",
                        home.tests.replace("NAME", &name)
                    ));
                }
                let solution = format!("{{{{#include ../{}/solutions/{name}.rs}}}}", home.dir);
                if !text.contains(&solution) {
                    problems.push(format!(
                        "{at} does not fold away the solution of `{name}`: `{solution}` inside <details>"
                    ));
                }
                shown_exercises.push((home.dir, name));
            }
        }
        if stated == 0 {
            let commands: Vec<String> = HOMES.iter().map(|h| format!("`{}`", h.command)).collect();
            problems.push(format!(
                "{at} has no exercise: no {} in it",
                commands.join(" or ")
            ));
        }
    }
    for quiz in stems(&root.join(QUIZ_DIR), "toml") {
        if !chapters.contains(&quiz) {
            problems.push(format!(
                "{QUIZ_DIR}/{quiz}.toml belongs to no numbered chapter of src/SUMMARY.md"
            ));
        }
    }
    for home in &HOMES {
        for name in (home.exercises)(root) {
            if !shown_exercises.contains(&(home.dir, name.clone())) {
                problems.push(format!(
                    "exercise `{name}` ({}) is in no chapter",
                    home.tests.replace("NAME", &name)
                ));
            }
            for file in [format!("src/{name}.rs"), format!("solutions/{name}.rs")] {
                if !root.join(home.dir).join(&file).exists() {
                    problems.push(format!("exercise `{name}` has no {}/{file}", home.dir));
                }
            }
        }
    }
    problems
}
