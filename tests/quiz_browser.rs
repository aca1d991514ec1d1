//! The quizzes in a real browser (headless Chromium): a reader answers in the page and sees right or
//! wrong with the explanation, once and with its code formatted; no code in a quiz can be run (a
//! Run button would give the answer away); a Korean page says every quiz word in Korean; with
//! JavaScript off every question and its answer is still there.
//!
//! Without Chromium these tests say so and pass; under CI (`CI=true`) a missing browser fails them.

use std::path::PathBuf;
use std::sync::OnceLock;

use book_tools::browser::chrome::{Chromium, Page};
use book_tools::browser::site::Site;
use book_tools::{browser, course, repo_root};

/// The built book on its local server, shared by the tests of this file.
fn site() -> Option<&'static (Site, PathBuf)> {
    static SITE: OnceLock<Result<Option<(Site, PathBuf)>, String>> = OnceLock::new();
    let site = SITE.get_or_init(|| {
        let Some(chromium) = browser::chromium_or_skip()? else {
            return Ok(None);
        };
        let html = book_tools::book::built_for_tests()?;
        Ok(Some((Site::serve(html)?, chromium)))
    });
    match site {
        Ok(Some(served)) => Some(served),
        Ok(None) => {
            // Once per test binary: every quiz browser test skips for the same reason.
            static SAID: std::sync::Once = std::sync::Once::new();
            SAID.call_once(|| {
                book_tools::skip::announce(
                    "the quiz browser tests",
                    &format!(
                        "Chromium not found ({}); under CI=true this is a failure",
                        book_tools::browser::INSTALL_CHROMIUM
                    ),
                );
            });
            None
        }
        Err(e) => panic!("{e}"),
    }
}

fn open() -> Option<(&'static Site, Chromium, Page)> {
    let (site, path) = site()?;
    let chromium = Chromium::launch(path).unwrap_or_else(|e| panic!("{e}"));
    let tab = chromium.page().unwrap_or_else(|e| panic!("{e}"));
    Some((site, chromium, tab))
}

/// A JavaScript function, `choose(form, right)`, that fills in a question of either kind as a
/// reader would: the right options (and the right output), or a wrong one.
const CHOOSE: &str = "function choose(form, right) {
    form.querySelectorAll('input').forEach(i => { i.checked = false; });
    if (form.dataset.kind === 'tracing') {
        const compiles = form.dataset.compiles;
        const value = right ? compiles : (compiles === 'yes' ? 'no' : 'yes');
        form.querySelector('input[value=\"' + value + '\"]').checked = true;
        const output = form.querySelector('textarea');
        if (output) { output.value = right ? form.dataset.stdout : ''; }
        return;
    }
    const answer = form.dataset.answer.split(',');
    form.querySelectorAll('input').forEach(i => { i.checked = right && answer.includes(i.value); });
    if (!right) {
        form.querySelector('input:not([value=\"' + answer[0] + '\"])').checked = true;
    }
}";

/// Chooses options of question `n` (1-based) of the page's quiz: the right ones or one wrong one,
/// then presses its Check button as a reader would. Returns the feedback text, whether the form is
/// marked right, and whether the answer's `<details>` is open.
fn answer(tab: &Page, n: usize, right: bool) -> (String, bool, bool) {
    let form = format!("document.querySelectorAll('form.quiz-question')[{}]", n - 1);
    let _: bool = tab
        .eval(&format!("{CHOOSE} choose({form}, {right}); return true;"))
        .unwrap_or_else(|e| panic!("{e}"));
    // From the keyboard, as a reader without a mouse would: focus the Check button, press Enter.
    let visible: bool = tab
        .eval(&format!(
            "const button = {form}.querySelector('.quiz-actions button');
             button.focus();
             return !button.hidden && document.activeElement === button;"
        ))
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(
        visible,
        "question {n}'s Check button is hidden or cannot take focus"
    );
    tab.press_key("Enter").unwrap_or_else(|e| panic!("{e}"));
    tab.wait_for(
        "the feedback",
        &format!("{form}.querySelector('.quiz-feedback').textContent !== ''"),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    tab.eval(&format!(
        "const form = {form};
         return [form.querySelector('.quiz-feedback').textContent,
                 form.classList.contains('quiz-right'),
                 form.querySelector('details.quiz-answer').open];"
    ))
    .unwrap_or_else(|e| panic!("{e}"))
}

/// Answers every question of the loaded page by pressing its Check button: question `i` (from 0)
/// right when `right(i)` says so, wrong otherwise, and with nothing chosen when `right(i)` is
/// `null`. Returns how many questions there are.
fn answer_all(tab: &Page, right: &str) -> usize {
    tab.eval(&format!(
        "{CHOOSE}
         const right = {right};
         const forms = document.querySelectorAll('section.quiz form.quiz-question');
         forms.forEach((form, i) => {{
             if (right(i) === null) {{
                 form.querySelectorAll('input').forEach(input => {{ input.checked = false; }});
             }} else {{
                 choose(form, right(i));
             }}
             form.querySelector('.quiz-actions button').click();
         }});
         return forms.length;"
    ))
    .unwrap_or_else(|e| panic!("{e}"))
}

/// Every chapter's page in the English book, then in the Korean one.
fn chapter_pages() -> Vec<String> {
    let chapters = course::chapters(&repo_root());
    ["", "ko/"]
        .iter()
        .flat_map(|edition| chapters.iter().map(move |c| format!("{edition}{c}.html")))
        .collect()
}

#[test]
fn answering_right_and_wrong_shows_the_verdict_and_the_explanation() {
    let Some((site, _chromium, tab)) = open() else {
        return;
    };
    tab.load(&site.url("ch03-creating-threads.html"))
        .unwrap_or_else(|e| panic!("{e}"));
    let explanation = |n: usize| -> String {
        tab.eval(&format!(
            "const details = document.querySelectorAll('form.quiz-question')[{}]
                 .querySelector('details.quiz-answer');
             return details.open ? details.querySelector('.quiz-context').innerText : '';",
            n - 1
        ))
        .unwrap_or_else(|e| panic!("{e}"))
    };
    let (feedback, marked_right, open) = answer(&tab, 1, true);
    let why = explanation(1);
    assert!(
        marked_right && feedback == "Right." && open && why.contains("join"),
        "a right answer to question 1 shows {feedback:?} (marked right: {marked_right}, answer open: {open}, explanation {why:?})"
    );
    let (feedback, marked_right, open) = answer(&tab, 2, false);
    let why = explanation(2);
    assert!(
        !marked_right && feedback == "Not right." && open && why.len() > 20,
        "a wrong answer to question 2 shows {feedback:?} (marked right: {marked_right}, answer open: {open}, explanation {why:?})"
    );
    let live: String = tab
        .eval("return document.querySelector('.quiz-feedback').getAttribute('aria-live');")
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        live, "polite",
        "the feedback is not announced to screen readers"
    );
}

#[test]
fn without_javascript_every_question_and_its_answer_are_readable() {
    let Some((site, _chromium, tab)) = open() else {
        return;
    };
    tab.set_javascript(false).unwrap_or_else(|e| panic!("{e}"));
    let chapters = course::chapters(&repo_root());
    let mut problems = Vec::new();
    let pages = chapters
        .iter()
        .map(|c| (format!("{c}.html"), 1))
        .chain([("print.html".to_owned(), chapters.len())]);
    for (page, quizzes) in pages {
        tab.load(&site.url(&page)).unwrap_or_else(|e| panic!("{e}"));
        let (found, questions, answered, buttons): (usize, usize, usize, usize) = tab
            .eval(
                "const forms = Array.from(document.querySelectorAll('section.quiz form'));
                 return [document.querySelectorAll('section.quiz').length, forms.length,
                         forms.filter(f => f.querySelector('details.quiz-answer .quiz-context')
                             && f.querySelector('details.quiz-answer').textContent.trim().length > 20
                             && f.querySelectorAll('input').length >= 2).length,
                         forms.filter(f => f.querySelector('.quiz-actions button').offsetParent !== null).length];",
            )
            .unwrap_or_else(|e| panic!("{e}"));
        if found != quizzes || questions < 4 * quizzes {
            problems.push(format!(
                "{page}: {found} quizzes with {questions} questions, expected {quizzes} quizzes"
            ));
        }
        if answered != questions {
            problems.push(format!(
                "{page}: {} of {questions} questions lack options or a folded answer with its explanation",
                questions - answered
            ));
        }
        if buttons != 0 {
            problems.push(format!(
                "{page}: {buttons} Check buttons show without JavaScript, where they do nothing"
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// Read from the browser tests' shared reading of every page (`browser::pages`), which looks at
/// each chapter's quiz as the page loaded.
#[test]
fn no_code_in_a_quiz_has_a_run_button() {
    let Some(session) = crate::browser::session() else {
        return;
    };
    let reads = crate::browser::pages::every_page_read(&session);
    let (mut quiz_code, mut rust_code, mut run_buttons) = (0, 0, 0);
    let mut problems = Vec::new();
    for page in chapter_pages() {
        let Some(read) = reads
            .iter()
            .find(|r| r.page == page && r.width == crate::browser::pages::WIDTHS[0])
        else {
            problems.push(format!("{page} was not read at desktop width"));
            continue;
        };
        let Some((code, rust, runnable, elsewhere)) = read.quiz_code else {
            problems.push(format!("{page} has no quiz"));
            continue;
        };
        if runnable != 0 {
            problems.push(format!(
                "{page}: {runnable} code blocks of the quiz can be run, which gives their answers away"
            ));
        }
        quiz_code += code;
        rust_code += rust;
        run_buttons += elsewhere;
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    assert!(
        rust_code > 0 && run_buttons > 0,
        "nothing to check: the quizzes show {quiz_code} code blocks ({rust_code} of Rust), and the \
         listings outside them {run_buttons} Run buttons"
    );
}

#[test]
fn feedback_shows_the_explanation_once_with_its_code_formatted() {
    let Some((site, _chromium, tab)) = open() else {
        return;
    };
    let mut problems = Vec::new();
    let mut with_code = 0;
    for page in chapter_pages() {
        tab.load(&site.url(&page)).unwrap_or_else(|e| panic!("{e}"));
        answer_all(&tab, "i => i % 2 === 0");
        // Each explanation, as the page shows it after answering: how many times its text appears
        // in its question, how many code elements it has and how many of them show, and the
        // backticks outside code (Markdown that was not rendered).
        let found: Vec<(String, usize, usize, usize, usize)> = tab
            .eval(
                "const flat = text => text.replace(/\\s+/g, ' ').trim();
                 return Array.from(document.querySelectorAll('section.quiz form.quiz-question'))
                     .map(form => {
                         const context = form.querySelector('.quiz-context');
                         const why = flat(context.innerText);
                         const codes = Array.from(context.querySelectorAll('code'));
                         const prose = context.cloneNode(true);
                         prose.querySelectorAll('code').forEach(code => code.remove());
                         return [form.dataset.id,
                                 why === '' ? 0 : flat(form.innerText).split(why).length - 1,
                                 codes.length,
                                 codes.filter(code => code.getClientRects().length > 0).length,
                                 prose.textContent.split('`').length - 1];
                     });",
            )
            .unwrap_or_else(|e| panic!("{e}"));
        for (id, shown, codes, visible, backticks) in found {
            if shown != 1 {
                problems.push(format!(
                    "{page}, question `{id}`: after answering, its explanation shows {shown} times"
                ));
            }
            if visible != codes {
                problems.push(format!(
                    "{page}, question `{id}`: {} of the {codes} code elements of its explanation are hidden after answering",
                    codes - visible
                ));
            }
            if backticks != 0 {
                problems.push(format!(
                    "{page}, question `{id}`: its explanation shows {backticks} raw backticks"
                ));
            }
            with_code += usize::from(codes > 0);
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    assert!(with_code > 0, "nothing to check: no explanation holds code");
}

#[test]
fn a_korean_quiz_page_shows_no_english_quiz_words_after_answering() {
    let Some((site, _chromium, tab)) = open() else {
        return;
    };
    let chapters = course::chapters(&repo_root());
    let mut problems = Vec::new();
    for chapter in &chapters {
        let url = site.url(&format!("ko/{chapter}.html"));
        tab.load(&url).unwrap_or_else(|e| panic!("{e}"));
        // Every question answered right, so that the page, loaded again, says so of each; then the
        // first checked with nothing chosen, and the others answered wrong and right in turn.
        answer_all(&tab, "i => true");
        tab.load(&url).unwrap_or_else(|e| panic!("{e}"));
        let questions = answer_all(&tab, "i => i === 0 ? null : i % 2 === 0");
        // Every word of the quiz's frame, as shown or read out: its text outside code, the text its
        // style sheet adds, and the labels and titles of its elements (the copy buttons' included).
        // The quiz's own Markdown (prompts, options, answers, explanations) is left out: it comes
        // from po/ko.po, which tests/translation.rs checks. The frame, in Korean, has no Latin word.
        let (english, done, answered): (Vec<String>, usize, usize) = tab
            .eval(
                "const quiz = document.querySelector('section.quiz');
                 const markdown = ['.quiz-context',
                     'form[data-kind=choice] .quiz-prompt',
                     'form[data-kind=choice] .quiz-option > span',
                     'form[data-kind=choice] details > :not(summary, .quiz-context, p:first-of-type)'];
                 const words = [];
                 const walk = document.createTreeWalker(quiz, NodeFilter.SHOW_TEXT);
                 while (walk.nextNode()) {
                     const text = walk.currentNode;
                     if (!text.parentElement.closest(['code', 'pre', ...markdown].join(', '))) {
                         words.push(text.textContent);
                     }
                 }
                 for (const element of [quiz, ...quiz.querySelectorAll('*')]) {
                     // Text a style sheet adds is quoted; an icon's `url(...)` is not text.
                     for (const pseudo of ['::before', '::after']) {
                         const content = getComputedStyle(element, pseudo).content;
                         if (content.startsWith('\"')) { words.push(content); }
                     }
                     for (const name of ['aria-label', 'title', 'placeholder', 'alt']) {
                         words.push(element.getAttribute(name) || '');
                     }
                 }
                 // Two Latin letters in a row: an English word (an error code such as E0373 is one
                 // letter and digits).
                 const found = words.filter(text => /[A-Za-z]{2}/.test(text)).map(text => text.trim());
                 return [Array.from(new Set(found)),
                         quiz.querySelectorAll('.quiz-done').length,
                         Array.from(quiz.querySelectorAll('.quiz-feedback'))
                             .filter(feedback => feedback.textContent !== '').length];",
            )
            .unwrap_or_else(|e| panic!("{e}"));
        if !english.is_empty() {
            problems.push(format!("ko/{chapter}.html: {english:?}"));
        }
        if done == 0 || answered != questions {
            problems.push(format!(
                "ko/{chapter}.html: after answering, {answered} of {questions} questions show feedback \
                 and {done} say they were answered right before"
            ));
        }
    }
    assert!(
        problems.is_empty(),
        "Korean quiz pages show English words:\n{}",
        problems.join("\n")
    );
}
