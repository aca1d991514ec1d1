//! Answers the machine-checked questions from real runs: the listing's catalog rule for output
//! questions, rustc for programs that should or should not compile, a run for what a program prints.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use mdbook_quiz_schema::Question;

use super::{Kind, QuizFile, answers};
use crate::catalog::Catalog;
use crate::report::diff;

/// How long a quiz program may run; they print a few lines and exit.
const RUN_TIMEOUT: Duration = Duration::from_secs(30);

/// The text of an option that is one fenced block, e.g. "```text\n[a] 1\n```".
fn fenced_output(option: &str) -> Option<String> {
    let body = option
        .trim()
        .strip_prefix("```text\n")?
        .strip_suffix("```")?;
    (!body.contains("```")).then(|| body.to_owned())
}

/// Every output question agrees with its listing's rule: each answer is accepted and each
/// distractor rejected, as a fresh run against the documented output.
pub fn check_outputs(root: &Path, catalog: &Catalog, quizzes: &[QuizFile]) -> Vec<String> {
    let mut problems = Vec::new();
    for quiz in quizzes {
        for (i, question) in quiz.quiz.questions.iter().enumerate() {
            if quiz.kind(i) != Kind::Outputs {
                continue;
            }
            let Question::MultipleChoice(q) = question else {
                continue;
            };
            let at = quiz.label(i);
            let name = quiz.checks[i].listing.as_deref().unwrap_or_default();
            let Some(listing) = catalog.get(name) else {
                problems.push(format!(
                    "{at}: names listing `{name}`, which is not catalogued"
                ));
                continue;
            };
            let documented = match fs::read_to_string(listing.output_path(root)) {
                Ok(text) => text,
                Err(e) => {
                    problems.push(format!(
                        "{at}: {} has no documented output ({e})",
                        listing.label()
                    ));
                    continue;
                }
            };
            let possible = answers(&q.0.answer.answer);
            let impossible = q.0.prompt.distractors.iter().map(|d| d.0.as_str());
            let options = possible
                .iter()
                .enumerate()
                .map(|(n, o)| (*o, n, true))
                .chain(impossible.enumerate().map(|(n, o)| (o, n, false)));
            for (option, n, marked_possible) in options {
                let option_at = if marked_possible {
                    format!("{at}, option answer.answer[{n}] (marked possible)")
                } else {
                    format!("{at}, option prompt.distractors[{n}] (marked impossible)")
                };
                let Some(output) = fenced_output(option) else {
                    problems.push(format!(
                        "{option_at}: an output option must be one ```text block, found:\n{option}"
                    ));
                    continue;
                };
                match (listing.rule.check(&documented, &output), marked_possible) {
                    (Ok(()), true) | (Err(_), false) => {}
                    (Err(broken), true) => problems.push(format!(
                        "{option_at}: {} cannot print it; its rule says:\n    - {}\n{}",
                        listing.label(),
                        broken.join("\n    - "),
                        diff("documented output", "option", &documented, &output)
                    )),
                    (Ok(()), false) => problems.push(format!(
                        "{option_at}: {} can print it: its rule accepts it\n{}",
                        listing.label(),
                        diff("documented output", "option", &documented, &output)
                    )),
                }
            }
        }
    }
    problems
}

/// A scratch directory removed when dropped.
struct Scratch(PathBuf);

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

/// Every Tracing question is answered the way rustc and a run answer it: a program that should not
/// compile fails with its error code on its line; one that compiles prints exactly its stdout.
/// Programs may use the listings' crates (`parking_lot`, `rayon`, `tokio`, `tracing`, ...): they are linked from the
/// directory `crate::cargo::doctest_deps` builds.
pub fn check_programs(root: &Path, quizzes: &[QuizFile]) -> Vec<String> {
    let mut problems = Vec::new();
    let scratch =
        Scratch(std::env::temp_dir().join(format!("quiz-programs-{}", std::process::id())));
    if let Err(e) = fs::create_dir_all(&scratch.0) {
        return vec![format!("cannot create {}: {e}", scratch.0.display())];
    }
    let mut deps: Option<Result<PathBuf, String>> = None;
    for quiz in quizzes {
        for (i, question) in quiz.quiz.questions.iter().enumerate() {
            let Question::Tracing(q) = question else {
                continue;
            };
            let at = quiz.label(i);
            let program = &q.0.prompt.program;
            let source = scratch.0.join(format!("q{}-{i}.rs", quiz.name));
            let exe = scratch.0.join(format!("q{}-{i}", quiz.name));
            if let Err(e) = fs::write(&source, program) {
                problems.push(format!("{at}: cannot write {}: {e}", source.display()));
                continue;
            }
            let mut rustc = Command::new("rustc");
            rustc
                .args(["--edition", "2024", "--crate-type", "bin", "-A", "warnings"])
                .arg("-o")
                .arg(&exe)
                .arg(&source);
            let crates = [
                "parking_lot",
                "rayon",
                "tokio",
                "tracing",
                "tracing_subscriber",
            ];
            for krate in crates {
                if program.contains(&format!("{krate}::")) {
                    let dir = deps.get_or_insert_with(|| crate::cargo::doctest_deps(root));
                    match dir {
                        Ok(dir) => {
                            rustc.arg("-L").arg(dir).args(["--extern", krate]);
                        }
                        Err(e) => problems.push(format!("{at}: cannot build {krate}: {e}")),
                    }
                }
            }
            let compiled = match rustc.output() {
                Ok(output) => output,
                Err(e) => {
                    problems.push(format!("{at}: cannot run rustc: {e}"));
                    continue;
                }
            };
            let stderr = String::from_utf8_lossy(&compiled.stderr);
            let answer = &q.0.answer;
            if !answer.does_compile {
                let code = quiz.checks[i].error.as_deref().unwrap_or_default();
                let line = answer.line_number.unwrap_or_default();
                let file = source.display().to_string();
                let at_line = format!("--> {file}:{line}:");
                if compiled.status.success() {
                    problems.push(format!(
                        "{at}, option \"does not compile\": it compiles; the answer should be yes"
                    ));
                } else if !stderr.contains(&format!("error[{code}]")) {
                    problems.push(format!(
                        "{at}, option \"does not compile, {code}\": rustc fails with another error:\n{stderr}"
                    ));
                } else if !stderr.contains(&at_line) {
                    problems.push(format!(
                        "{at}, option \"does not compile, {code} at line {line}\": rustc reports it elsewhere:\n{stderr}"
                    ));
                }
                continue;
            }
            if !compiled.status.success() {
                problems.push(format!(
                    "{at}, option \"compiles\": rustc rejects it:\n{stderr}"
                ));
                continue;
            }
            let Some(expected) = &answer.stdout else {
                continue;
            };
            match crate::run::run(&exe, RUN_TIMEOUT) {
                Ok(run) if run.timed_out => problems.push(format!(
                    "{at}: the program hung: killed after {:.1} s",
                    run.elapsed.as_secs_f64()
                )),
                Ok(run) => {
                    let printed = run.stdout_text();
                    if printed.trim_end() != expected.trim_end() || run.exit != Some(0) {
                        problems.push(format!(
                            "{at}, option \"prints\": the program prints something else (exit {:?}):\n{}",
                            run.exit,
                            diff("answer.stdout", "printed", expected.trim_end(), printed.trim_end())
                        ));
                    }
                }
                Err(e) => problems.push(format!("{at}: cannot run the program: {e}")),
            }
        }
    }
    problems
}
