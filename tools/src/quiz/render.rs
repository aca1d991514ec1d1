//! The HTML of a chapter's quiz, included at the chapter's end (`src/quizzes/NAME.html`).
//!
//! Readable without JavaScript: each question is a fieldset of radio buttons or checkboxes, and its
//! answer and explanation sit in a closed `<details>`. `theme/quiz.js` adds the Check button and the
//! right/wrong feedback. The HTML has no blank line (mdBook would end the raw HTML block there), no
//! `id` (print.html joins every chapter) and its `name`s start with the quiz's name.

use std::fmt::Write as _;

use mdbook_quiz_schema::{Markdown, Question};
use pulldown_cmark::{Options, Parser, html};

use super::{QuizFile, answers};

fn markdown(text: &str) -> String {
    let mut out = String::new();
    html::push_html(&mut out, Parser::new_ext(text, Options::ENABLE_TABLES));
    out
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

fn code_block(code: &str) -> String {
    format!(
        "<pre><code class=\"language-rust\">{}</code></pre>",
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

/// The quiz's HTML.
pub fn render(quiz: &QuizFile) -> String {
    let count = quiz.quiz.questions.len();
    let mut out = format!(
        "<section class=\"quiz\" data-quiz=\"{}\" aria-label=\"Quiz\">\n",
        quiz.name
    );
    for (i, question) in quiz.quiz.questions.iter().enumerate() {
        let name = format!("{}-q{}", quiz.name, i + 1);
        let legend = format!("<legend>Question {} of {count}</legend>\n", i + 1);
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
                    markdown(&fields.prompt.prompt.0)
                );
                if several {
                    out.push_str("<p class=\"quiz-hint\">Choose every right answer.</p>\n");
                }
                for (n, (text, _)) in options.iter().enumerate() {
                    let _ = writeln!(
                        out,
                        "<label class=\"quiz-option\"><input type=\"{input}\" name=\"{name}\" value=\"{n}\"><span>{}</span></label>",
                        markdown(text)
                    );
                }
                out.push_str("</fieldset>\n");
                let mut answer = String::from(if several {
                    "<p>The right answers:</p>\n"
                } else {
                    "<p>The right answer:</p>\n"
                });
                for text in &right {
                    answer.push_str(&markdown(text));
                }
                finish(&mut out, &answer, fields.context.as_ref());
            }
            Question::Tracing(q) => {
                let fields = &q.0;
                let id = fields.id.as_deref().unwrap_or_default();
                let compiles = fields.answer.does_compile;
                let stdout = fields.answer.stdout.as_deref();
                let _ = writeln!(
                    out,
                    "<form class=\"quiz-question\" data-kind=\"tracing\" data-id=\"{}\" data-compiles=\"{}\"{}>\n<fieldset>\n{legend}<div class=\"quiz-prompt\">\n<p>Does this program compile?{}</p>\n{}\n</div>",
                    escape(id),
                    if compiles { "yes" } else { "no" },
                    stdout
                        .map(|s| format!(" data-stdout=\"{}\"", escape(s.trim_end())))
                        .unwrap_or_default(),
                    if stdout.is_some() {
                        " If it does, what does it print?"
                    } else {
                        ""
                    },
                    code_block(&fields.prompt.program)
                );
                for (value, text) in [("yes", "It compiles"), ("no", "It does not compile")] {
                    let _ = writeln!(
                        out,
                        "<label class=\"quiz-option\"><input type=\"radio\" name=\"{name}\" value=\"{value}\"><span>{text}</span></label>"
                    );
                }
                if stdout.is_some() {
                    let _ = writeln!(
                        out,
                        "<label class=\"quiz-output\"><span>What it prints, if it compiles:</span><textarea name=\"{name}-stdout\" rows=\"4\" spellcheck=\"false\"></textarea></label>"
                    );
                }
                out.push_str("</fieldset>\n");
                let answer = match (stdout, fields.answer.line_number) {
                    (Some(s), _) => format!(
                        "<p>It compiles and prints:</p>\n<pre><code class=\"language-text\">{}</code></pre>\n",
                        escape(s.trim_end())
                    ),
                    (None, _) if compiles => "<p>It compiles.</p>\n".to_owned(),
                    (None, Some(line)) => {
                        let code = quiz.checks[i].error.as_deref().unwrap_or_default();
                        format!("<p>It does not compile: error {code} at line {line}.</p>\n")
                    }
                    (None, None) => "<p>It does not compile.</p>\n".to_owned(),
                };
                finish(&mut out, &answer, fields.context.as_ref());
            }
            Question::ShortAnswer(_) => {}
        }
    }
    out.push_str("</section>\n");
    one_block(&out) + "\n"
}

/// The Check button, the live feedback and the folded answer with its explanation.
fn finish(out: &mut String, answer: &str, context: Option<&Markdown>) {
    let context = context.map(|c| markdown(&c.0)).unwrap_or_default();
    let _ = writeln!(
        out,
        "<div class=\"quiz-actions\"><button type=\"submit\" hidden>Check</button></div>\n<p class=\"quiz-feedback\" role=\"status\" aria-live=\"polite\"></p>\n<details class=\"quiz-answer\">\n<summary>Answer</summary>\n{answer}<div class=\"quiz-context\">\n{context}</div>\n</details>\n</form>"
    );
}
