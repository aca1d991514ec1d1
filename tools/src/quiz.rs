//! Quizzes: one file per chapter in `quizzes/`, in mdbook-quiz's TOML schema (read with the
//! `mdbook-quiz-schema` crate, so the questions stay portable to mdbook-quiz itself).
//!
//! The schema ignores keys it does not know; the book adds one table to a question, `check`, that
//! links it to what the tests run:
//!
//! - `check.listing = "chNN-MM-name"` on a `MultipleChoice` question makes it a *which outputs can
//!   this listing print?* question: every option is one fenced `text` block, every answer must be
//!   accepted by the listing's catalog rule and every distractor rejected;
//! - `check.error = "E0373"` on a `Tracing` question that does not compile: rustc must fail with
//!   that error at `answer.lineNumber`.
//!
//! Every `Tracing` question is compiled; one that compiles is run and must print `answer.stdout`.

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

use mdbook_quiz_schema::{MultipleChoiceAnswerFormat, Question, Quiz};
use serde::Deserialize;

pub mod check;
pub mod render;

/// Where quiz files live, relative to the repository root.
pub const QUIZ_DIR: &str = "quizzes";
/// Where each quiz's generated HTML lives, relative to the repository root.
pub const HTML_DIR: &str = "src/quizzes";

/// What the book adds to a question (see the module's documentation).
#[derive(Debug, Default, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Check {
    pub listing: Option<String>,
    pub error: Option<String>,
}

#[derive(Deserialize)]
struct CheckFile {
    questions: Vec<CheckQuestion>,
}

#[derive(Deserialize)]
struct CheckQuestion {
    #[serde(default)]
    check: Option<Check>,
}

/// The kinds of question the book asks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Kind {
    /// Which of these outputs can listing X print? (machine-checked by the listing's rule)
    Outputs,
    /// Does this compile? (machine-checked by rustc)
    Compiles,
    /// What does this print? (machine-checked by running it)
    Prints,
    /// Multiple choice on a concept or the Python ↔ Rust mapping.
    Concept,
}

impl Kind {
    pub fn is_machine_checked(self) -> bool {
        self != Kind::Concept
    }

    pub fn describe(self) -> &'static str {
        match self {
            Kind::Outputs => "which outputs can this listing print?",
            Kind::Compiles => "does this compile?",
            Kind::Prints => "what does this print?",
            Kind::Concept => "multiple choice",
        }
    }
}

/// One chapter's quiz: `quizzes/NAME.toml`, shown by `src/NAME.md`.
#[derive(Debug)]
pub struct QuizFile {
    /// The file stem, the same as its chapter's.
    pub name: String,
    pub quiz: Quiz,
    /// The book's `check` table of each question, in order.
    pub checks: Vec<Check>,
}

impl QuizFile {
    pub fn path(&self) -> String {
        format!("{QUIZ_DIR}/{}.toml", self.name)
    }

    pub fn chapter(&self) -> String {
        format!("src/{}.md", self.name)
    }

    pub fn html_path(&self, root: &Path) -> PathBuf {
        root.join(HTML_DIR).join(format!("{}.html", self.name))
    }

    /// The include line its chapter must hold.
    pub fn include(&self) -> String {
        format!("{{{{#include quizzes/{}.html}}}}", self.name)
    }

    /// "quiz `quizzes/x.toml` (chapter src/x.md), question N `id`", the way every report names one.
    pub fn label(&self, index: usize) -> String {
        let id = self.quiz.questions[index]
            .fields_id()
            .map(|id| format!(" `{id}`"))
            .unwrap_or_default();
        format!(
            "quiz {} (chapter {}), question {}{id}",
            self.path(),
            self.chapter(),
            index + 1
        )
    }

    pub fn kind(&self, index: usize) -> Kind {
        match &self.quiz.questions[index] {
            Question::Tracing(t) if t.0.answer.stdout.is_some() => Kind::Prints,
            Question::Tracing(_) => Kind::Compiles,
            Question::MultipleChoice(_) if self.checks[index].listing.is_some() => Kind::Outputs,
            _ => Kind::Concept,
        }
    }

    /// Parses a quiz file's text; `name` is its stem.
    pub fn parse(name: &str, text: &str) -> Result<QuizFile, String> {
        let label = format!("quiz {QUIZ_DIR}/{name}.toml (chapter src/{name}.md)");
        let quiz: Quiz = toml::from_str(text).map_err(|e| format!("{label}: {e}"))?;
        let checks: CheckFile = toml::from_str(text).map_err(|e| format!("{label}: {e}"))?;
        let file = QuizFile {
            name: name.to_owned(),
            quiz,
            checks: checks
                .questions
                .into_iter()
                .map(|q| q.check.unwrap_or_default())
                .collect(),
        };
        file.validate()?;
        Ok(file)
    }

    /// What the schema cannot say: ids present and unique, the `check` table used where it means
    /// something, a ShortAnswer question nowhere (the book's renderer does not show them).
    fn validate(&self) -> Result<(), String> {
        let mut ids = BTreeSet::new();
        for (i, question) in self.quiz.questions.iter().enumerate() {
            let at = self.label(i);
            let Some(id) = question.fields_id() else {
                return Err(format!("{at}: has no `id`"));
            };
            if !ids.insert(id) {
                return Err(format!("{at}: the id is used twice"));
            }
            let check = &self.checks[i];
            match question {
                Question::ShortAnswer(_) => {
                    return Err(format!("{at}: ShortAnswer questions are not rendered"));
                }
                Question::MultipleChoice(_) if check.error.is_some() => {
                    return Err(format!("{at}: `check.error` belongs to Tracing questions"));
                }
                Question::Tracing(t) => {
                    if check.listing.is_some() {
                        return Err(format!(
                            "{at}: `check.listing` belongs to MultipleChoice questions"
                        ));
                    }
                    let answer = &t.0.answer;
                    if !answer.does_compile
                        && (check.error.is_none() || answer.line_number.is_none())
                    {
                        return Err(format!(
                            "{at}: a program that does not compile needs `check.error` and `answer.lineNumber`"
                        ));
                    }
                    if answer.does_compile && check.error.is_some() {
                        return Err(format!("{at}: compiles, yet names an error code"));
                    }
                }
                _ => {}
            }
        }
        Ok(())
    }
}

/// The id of any kind of question.
trait FieldsId {
    fn fields_id(&self) -> Option<&str>;
}

impl FieldsId for Question {
    fn fields_id(&self) -> Option<&str> {
        match self {
            Question::ShortAnswer(q) => q.0.id.as_deref(),
            Question::Tracing(q) => q.0.id.as_deref(),
            Question::MultipleChoice(q) => q.0.id.as_deref(),
        }
    }
}

/// The answers of a multiple-choice question, one or several.
pub fn answers(answer: &MultipleChoiceAnswerFormat) -> Vec<&str> {
    match answer {
        MultipleChoiceAnswerFormat::Single(one) => vec![one.0.as_str()],
        MultipleChoiceAnswerFormat::Multi(many) => many.iter().map(|m| m.0.as_str()).collect(),
    }
}

/// Every Markdown text of a quiz a reader reads (prompts, options and explanations), with the index
/// of its question. Programs of "does this compile?" questions are code and are left out.
pub fn markdown_fields(quiz: &Quiz) -> Vec<(usize, &str)> {
    let mut fields = Vec::new();
    for (index, question) in quiz.questions.iter().enumerate() {
        let (prompt, context) = match question {
            Question::MultipleChoice(q) => {
                fields.push((index, q.0.prompt.prompt.0.as_str()));
                fields.extend(q.0.prompt.distractors.iter().map(|d| (index, d.0.as_str())));
                fields.extend(answers(&q.0.answer.answer).into_iter().map(|a| (index, a)));
                (None, q.0.context.as_ref())
            }
            Question::Tracing(q) => (None, q.0.context.as_ref()),
            Question::ShortAnswer(q) => (Some(q.0.prompt.prompt.0.as_str()), q.0.context.as_ref()),
        };
        fields.extend(prompt.map(|p| (index, p)));
        fields.extend(context.map(|c| (index, c.0.as_str())));
    }
    fields
}

/// Every quiz file, sorted by name.
pub fn load_all(root: &Path) -> Result<Vec<QuizFile>, String> {
    let dir = root.join(QUIZ_DIR);
    let mut paths: Vec<PathBuf> = fs::read_dir(&dir)
        .map_err(|e| format!("cannot read {}: {e}", dir.display()))?
        .flatten()
        .map(|entry| entry.path())
        .collect();
    paths.sort();
    let mut quizzes = Vec::new();
    for path in paths {
        let name = path.file_stem().and_then(|s| s.to_str()).unwrap_or("");
        if path.extension().is_none_or(|e| e != "toml") {
            return Err(format!(
                "{}: only quiz files (NAME.toml) belong in {QUIZ_DIR}/",
                path.display()
            ));
        }
        let text = fs::read_to_string(&path)
            .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        quizzes.push(QuizFile::parse(name, &text)?);
    }
    Ok(quizzes)
}

/// How many questions of each kind, e.g. for a report.
pub fn totals(quizzes: &[QuizFile]) -> String {
    let mut counts = std::collections::BTreeMap::new();
    let mut all = 0;
    for quiz in quizzes {
        for i in 0..quiz.quiz.questions.len() {
            *counts.entry(quiz.kind(i)).or_insert(0) += 1;
            all += 1;
        }
    }
    let mut out = format!("{all} questions in {} quizzes:", quizzes.len());
    for (kind, n) in counts {
        let _ = write!(out, " {n} {};", kind.describe());
    }
    out
}
