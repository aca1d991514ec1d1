//! The HTML of a chapter's quiz, included at the chapter's end (`src/quizzes/NAME.html`).
//!
//! Readable without JavaScript: each question is a fieldset of radio buttons or checkboxes, and its
//! answer and explanation sit in a closed `<details>`. `theme/quiz.js` adds the Check button and the
//! right/wrong feedback. The HTML has no blank line (mdBook would end the raw HTML block there), no
//! `id` (print.html joins every chapter) and its `name`s start with the quiz's name.

use std::fmt::Write as _;

use mdbook_quiz_schema::{Markdown, Question};
use polib::catalog::Catalog;
use pulldown_cmark::{CodeBlockKind, Event, Options, Parser, Tag, TagEnd, html};

use super::{QuizFile, answers};
use crate::i18n::edition::{Edition, KOREAN, translate_markdown};

/// The words a quiz is framed with, in one language. `{n}`, `{count}`, `{code}` and `{line}` are
/// filled in.
pub struct Words {
    quiz: &'static str,
    question: &'static str,
    choose_every: &'static str,
    right_answers: &'static str,
    right_answer: &'static str,
    does_it_compile: &'static str,
    what_does_it_print: &'static str,
    compiles: &'static str,
    does_not_compile: &'static str,
    what_it_prints: &'static str,
    compiles_and_prints: &'static str,
    it_compiles: &'static str,
    error_at: &'static str,
    it_does_not_compile: &'static str,
    check: &'static str,
    answer: &'static str,
}

const ENGLISH_WORDS: Words = Words {
    quiz: "Quiz on chapter {n}",
    question: "Question {n} of {count}",
    choose_every: "Choose every right answer.",
    right_answers: "The right answers:",
    right_answer: "The right answer:",
    does_it_compile: "Does this program compile?",
    what_does_it_print: " If it does, what does it print?",
    compiles: "It compiles",
    does_not_compile: "It does not compile",
    what_it_prints: "What it prints, if it compiles:",
    compiles_and_prints: "It compiles and prints:",
    it_compiles: "It compiles.",
    error_at: "It does not compile: error {code} at line {line}.",
    it_does_not_compile: "It does not compile.",
    check: "Check",
    answer: "Answer",
};

const KOREAN_WORDS: Words = Words {
    quiz: "{n}장 퀴즈",
    question: "문제 {n} / {count}",
    choose_every: "맞는 답을 모두 고르세요.",
    right_answers: "정답:",
    right_answer: "정답:",
    does_it_compile: "이 프로그램은 컴파일됩니까?",
    what_does_it_print: " 컴파일된다면 무엇을 출력합니까?",
    compiles: "컴파일된다",
    does_not_compile: "컴파일되지 않는다",
    what_it_prints: "컴파일된다면 출력하는 내용:",
    compiles_and_prints: "컴파일되고 다음을 출력합니다:",
    it_compiles: "컴파일됩니다.",
    error_at: "컴파일되지 않습니다: {line}번째 줄에서 {code} 오류가 납니다.",
    it_does_not_compile: "컴파일되지 않습니다.",
    check: "확인",
    answer: "정답 보기",
};

/// How a quiz reads in one edition: its frame, and its text translated through the edition's
/// catalog (the English book's text is used as it is).
pub struct Language<'a> {
    words: &'static Words,
    catalog: Option<&'a Catalog>,
}

impl Language<'_> {
    pub const ENGLISH: Language<'static> = Language {
        words: &ENGLISH_WORDS,
        catalog: None,
    };

    /// A translated edition, through its catalog.
    pub fn translated(edition: Edition, catalog: &Catalog) -> Language<'_> {
        assert_eq!(
            edition, KOREAN,
            "the quiz frame is written in English and Korean only"
        );
        Language {
            words: &KOREAN_WORDS,
            catalog: Some(catalog),
        }
    }

    /// A Markdown text of the quiz in this language, as HTML.
    fn markdown(&self, text: &str) -> Result<String, String> {
        Ok(match self.catalog {
            Some(catalog) => markdown(&translate_markdown(text, catalog)?),
            None => markdown(text),
        })
    }
}

fn markdown(text: &str) -> String {
    let events = Parser::new_ext(text, Options::ENABLE_TABLES).map(|event| match event {
        Event::Start(Tag::CodeBlock(kind)) => {
            let language = match &kind {
                // The info string's first word, as mdBook reads it (`rust,ignore` is Rust).
                CodeBlockKind::Fenced(info) => info.split([',', ' ']).next().unwrap_or_default(),
                CodeBlockKind::Indented => "",
            };
            Event::Html(pre_code(language).into())
        }
        Event::End(TagEnd::CodeBlock) => Event::Html("</code></pre>\n".into()),
        other => other,
    });
    let mut out = String::new();
    html::push_html(&mut out, events);
    out
}

/// The opening tags of a quiz's code block. mdBook gives every `language-rust` block a Run
/// button, even in raw HTML such as a quiz's; in a quiz, running the code gives the answer away
/// ("does this compile?", "what does this print?"), so a Rust block is `noplayground`. (Only
/// Rust: the other languages get no button, and the mark would weigh on every quiz page.)
fn pre_code(language: &str) -> String {
    match language {
        "" => "<pre><code>".to_owned(),
        "rust" => "<pre><code class=\"language-rust noplayground\">".to_owned(),
        _ => format!("<pre><code class=\"language-{}\">", escape(language)),
    }
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

fn code_block(code: &str) -> String {
    format!(
        "{}{}</code></pre>",
        pre_code("rust"),
        escape(code.trim_end())
    )
}

/// Keeps the HTML one raw block: newlines inside `<pre>` become `&#10;`, other lines lose their
/// indentation and blank lines are dropped.
fn one_block(html: &str) -> String {
    let mut out = String::new();
    let mut rest = html;
    while let Some(start) = rest.find("<pre") {
        out.push_str(&outside_pre(&rest[..start]));
        let end = rest[start..]
            .find("</pre>")
            .map_or(rest.len(), |e| start + e + "</pre>".len());
        out.push_str(&rest[start..end].replace('\n', "&#10;"));
        rest = &rest[end..];
    }
    out.push_str(&outside_pre(rest));
    out
}

fn outside_pre(html: &str) -> String {
    html.lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

/// A stable order of options that does not always put the answer first: by a hash of the question's
/// id and the option's text (FNV-1a).
fn order_key(id: &str, text: &str) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in id.bytes().chain(text.bytes()) {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    hash
}

/// The quiz's HTML in English.
pub fn render(quiz: &QuizFile) -> String {
    render_in(quiz, &Language::ENGLISH).expect("English needs no translation")
}

/// The quiz's HTML in one language. Options keep the English book's order, so that an answer is
/// the same option in every edition.
pub fn render_in(quiz: &QuizFile, language: &Language) -> Result<String, String> {
    let words = language.words;
    let count = quiz.quiz.questions.len();
    // Each quiz is a landmark named after its chapter: print.html holds them all, and landmarks
    // of one kind need names that tell them apart.
    let chapter = quiz
        .name
        .strip_prefix("ch")
        .and_then(|rest| rest.split('-').next())
        .map(|n| n.trim_start_matches('0'))
        .unwrap_or(&quiz.name);
    let mut out = format!(
        "<section class=\"quiz\" data-quiz=\"{}\" aria-label=\"{}\">\n",
        quiz.name,
        words.quiz.replace("{n}", chapter)
    );
    for (i, question) in quiz.quiz.questions.iter().enumerate() {
        let name = format!("{}-q{}", quiz.name, i + 1);
        let legend = format!(
            "<legend>{}</legend>\n",
            words
                .question
                .replace("{n}", &(i + 1).to_string())
                .replace("{count}", &count.to_string())
        );
        match question {
            Question::MultipleChoice(q) => {
                let fields = &q.0;
                let id = fields.id.as_deref().unwrap_or_default();
                let right = answers(&fields.answer.answer);
                let mut options: Vec<(&str, bool)> = right
                    .iter()
                    .map(|o| (*o, true))
                    .chain(
                        fields
                            .prompt
                            .distractors
                            .iter()
                            .map(|d| (d.0.as_str(), false)),
                    )
                    .collect();
                options.sort_by_key(|(text, _)| order_key(id, text));
                let several = right.len() > 1;
                let input = if several { "checkbox" } else { "radio" };
                let correct: Vec<String> = options
                    .iter()
                    .enumerate()
                    .filter(|(_, (_, ok))| *ok)
                    .map(|(n, _)| n.to_string())
                    .collect();
                let _ = writeln!(
                    out,
                    "<form class=\"quiz-question\" data-kind=\"choice\" data-id=\"{}\" data-answer=\"{}\">\n<fieldset>\n{legend}<div class=\"quiz-prompt\">\n{}</div>",
                    escape(id),
                    correct.join(","),
                    language.markdown(&fields.prompt.prompt.0)?
                );
                if several {
                    let _ = writeln!(out, "<p class=\"quiz-hint\">{}</p>", words.choose_every);
                }
                for (n, (text, _)) in options.iter().enumerate() {
                    let _ = writeln!(
                        out,
                        "<label class=\"quiz-option\"><input type=\"{input}\" name=\"{name}\" value=\"{n}\"><span>{}</span></label>",
                        language.markdown(text)?
                    );
                }
                out.push_str("</fieldset>\n");
                let mut answer = format!(
                    "<p>{}</p>\n",
                    if several {
                        words.right_answers
                    } else {
                        words.right_answer
                    }
                );
                for text in &right {
                    answer.push_str(&language.markdown(text)?);
                }
                finish(&mut out, &answer, fields.context.as_ref(), language)?;
            }
            Question::Tracing(q) => {
                let fields = &q.0;
                let id = fields.id.as_deref().unwrap_or_default();
                let compiles = fields.answer.does_compile;
                let stdout = fields.answer.stdout.as_deref();
                let _ = writeln!(
                    out,
                    "<form class=\"quiz-question\" data-kind=\"tracing\" data-id=\"{}\" data-compiles=\"{}\"{}>\n<fieldset>\n{legend}<div class=\"quiz-prompt\">\n<p>{}{}</p>\n{}\n</div>",
                    escape(id),
                    if compiles { "yes" } else { "no" },
                    stdout
                        .map(|s| format!(" data-stdout=\"{}\"", escape(s.trim_end())))
                        .unwrap_or_default(),
                    words.does_it_compile,
                    if stdout.is_some() {
                        words.what_does_it_print
                    } else {
                        ""
                    },
                    code_block(&fields.prompt.program)
                );
                for (value, text) in [("yes", words.compiles), ("no", words.does_not_compile)] {
                    let _ = writeln!(
                        out,
                        "<label class=\"quiz-option\"><input type=\"radio\" name=\"{name}\" value=\"{value}\"><span>{text}</span></label>"
                    );
                }
                if stdout.is_some() {
                    let _ = writeln!(
                        out,
                        "<label class=\"quiz-output\"><span>{}</span><textarea name=\"{name}-stdout\" rows=\"4\" spellcheck=\"false\"></textarea></label>",
                        words.what_it_prints
                    );
                }
                out.push_str("</fieldset>\n");
                let answer = match (stdout, fields.answer.line_number) {
                    (Some(s), _) => format!(
                        "<p>{}</p>\n{}{}</code></pre>\n",
                        words.compiles_and_prints,
                        pre_code("text"),
                        escape(s.trim_end())
                    ),
                    (None, _) if compiles => format!("<p>{}</p>\n", words.it_compiles),
                    (None, Some(line)) => {
                        let code = quiz.checks[i].error.as_deref().unwrap_or_default();
                        format!(
                            "<p>{}</p>\n",
                            words
                                .error_at
                                .replace("{code}", code)
                                .replace("{line}", &line.to_string())
                        )
                    }
                    (None, None) => format!("<p>{}</p>\n", words.it_does_not_compile),
                };
                finish(&mut out, &answer, fields.context.as_ref(), language)?;
            }
            Question::ShortAnswer(_) => {}
        }
    }
    out.push_str("</section>\n");
    Ok(one_block(&out) + "\n")
}

/// The Check button, the live feedback and the folded answer with its explanation.
fn finish(
    out: &mut String,
    answer: &str,
    context: Option<&Markdown>,
    language: &Language,
) -> Result<(), String> {
    let context = match context {
        Some(c) => language.markdown(&c.0)?,
        None => String::new(),
    };
    let _ = writeln!(
        out,
        "<div class=\"quiz-actions\"><button type=\"submit\" hidden>{}</button></div>\n<p class=\"quiz-feedback\" role=\"status\" aria-live=\"polite\"></p>\n<details class=\"quiz-answer\">\n<summary>{}</summary>\n{answer}<div class=\"quiz-context\">\n{context}</div>\n</details>\n</form>",
        language.words.check, language.words.answer
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const QUIZ: &str = r#"
[[questions]]
id = "program"
type = "Tracing"
prompt.program = """
fn main() {}
"""
answer.doesCompile = true
answer.stdout = ""
context = "Nothing: `main` is empty."

[[questions]]
id = "fenced"
type = "MultipleChoice"
prompt.prompt = """
Which one compiles?
```rust
fn main() {}
```
"""
prompt.distractors = ["```rust,ignore\nfn main() {\n```"]
answer.answer = "```\nfn main() {}\n```"
context = "An indented block:\n\n    fn main() {}\n"
"#;

    #[test]
    fn no_code_block_of_a_quiz_gets_a_run_button() {
        let quiz = QuizFile::parse("ch99-test", QUIZ).unwrap();
        let html = render(&quiz);
        // The program, the prompt's block and the distractor (`rust,ignore` is Rust to mdBook).
        let rust = html.matches("<code class=\"language-rust").count();
        let marked = html
            .matches("<code class=\"language-rust noplayground\">")
            .count();
        assert_eq!(rust, 3, "{html}");
        assert_eq!(marked, rust, "a Rust block lacks `noplayground`:\n{html}");
        assert!(html.contains("<code>main</code>"), "{html}");
    }
}
