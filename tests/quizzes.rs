//! Quizzes (`quizzes/*.toml`): every machine-checked answer is what the listings' rules, rustc and a
//! real run say, and every chapter shows the HTML rendered from its quiz file.

use std::fs;

use book_tools::catalog::Catalog;
use book_tools::i18n::edition::TRANSLATIONS;
use book_tools::quiz::{self, QuizFile, check, render};
use book_tools::repo_root;

fn quizzes() -> Vec<QuizFile> {
    quiz::load_all(&repo_root()).unwrap_or_else(|e| panic!("{e}"))
}

fn assert_none(what: &str, problems: Vec<String>) {
    assert!(
        problems.is_empty(),
        "{what}:\n  - {}",
        problems.join("\n  - ")
    );
}

#[test]
fn every_quiz_has_six_to_eight_questions_each_with_an_explanation() {
    let mut problems = Vec::new();
    for quiz in quizzes() {
        let n = quiz.quiz.questions.len();
        if !(6..=8).contains(&n) {
            problems.push(format!(
                "quiz {} has {n} questions, not 6 to 8",
                quiz.path()
            ));
        }
        for (i, question) in quiz.quiz.questions.iter().enumerate() {
            let context = match question {
                mdbook_quiz_schema::Question::MultipleChoice(q) => &q.0.context,
                mdbook_quiz_schema::Question::Tracing(q) => &q.0.context,
                mdbook_quiz_schema::Question::ShortAnswer(q) => &q.0.context,
            };
            if context.as_ref().is_none_or(|c| c.0.trim().is_empty()) {
                problems.push(format!("{}: has no explanation (`context`)", quiz.label(i)));
            }
        }
    }
    assert_none("quizzes", problems);
}

#[test]
fn at_least_85_questions_in_all_and_three_quarters_of_them_machine_checked() {
    let quizzes = quizzes();
    let (mut all, mut checked) = (0, 0);
    for quiz in &quizzes {
        for i in 0..quiz.quiz.questions.len() {
            all += 1;
            checked += usize::from(quiz.kind(i).is_machine_checked());
        }
    }
    assert!(
        all >= 85,
        "only {all} questions in all, not at least 85; {}",
        quiz::totals(&quizzes)
    );
    assert!(
        4 * checked >= 3 * all,
        "only {checked} of {all} questions are machine-checked, not three quarters; {}",
        quiz::totals(&quizzes)
    );
}

#[test]
fn every_output_option_is_accepted_or_rejected_by_its_listings_rule_as_marked() {
    let root = repo_root();
    let catalog = Catalog::load(&root).unwrap_or_else(|e| panic!("{e}"));
    assert_none(
        "output questions disagree with the catalog",
        check::check_outputs(&root, &catalog, &quizzes()),
    );
}

#[test]
fn every_program_compiles_or_fails_and_prints_as_its_answer_says() {
    assert_none(
        "program questions answered wrong",
        check::check_programs(&repo_root(), &quizzes()),
    );
}

#[test]
fn every_quiz_page_is_rendered_from_its_quiz_file() {
    let root = repo_root();
    let catalogs: Vec<_> = TRANSLATIONS
        .iter()
        .map(|e| (*e, e.catalog(&root).unwrap_or_else(|e| panic!("{e}"))))
        .collect();
    let mut problems = Vec::new();
    for quiz in quizzes() {
        let mut pages = vec![(quiz.html_path(&root), Ok(render::render(&quiz)))];
        for (edition, catalog) in &catalogs {
            let language = render::Language::translated(*edition, catalog);
            pages.push((
                edition.generated_path(&quiz.html_path(&root)),
                render::render_in(&quiz, &language),
            ));
        }
        for (path, rendered) in pages {
            let shown = path
                .strip_prefix(&root)
                .unwrap_or(&path)
                .display()
                .to_string();
            let rendered = rendered.unwrap_or_else(|e| panic!("{shown}: {e}"));
            match fs::read_to_string(&path) {
                Ok(committed) if committed == rendered => {}
                Ok(_) => problems.push(format!(
                    "{shown} is stale: it is not what {} renders to; `cargo run -p book-tools --bin render-quizzes` regenerates it",
                    quiz.path()
                )),
                Err(e) => problems.push(format!(
                    "{shown} is missing ({e}); `cargo run -p book-tools --bin render-quizzes` writes it"
                )),
            }
        }
    }
    assert_none("quiz pages", problems);
}
