//! Layer 5: the built book read by a real browser (headless Chromium), served on localhost.
//!
//! Without Chromium these tests say so and pass; under CI (`CI=true`) a missing browser fails them.
//! With `$BROWSER_SCREENSHOTS` set, screenshots of every page, desktop and phone width, are written to
//! `target/browser/screenshots`.

use std::collections::BTreeMap;
use std::fs;
use std::path::PathBuf;
use std::sync::OnceLock;

use book_tools::browser::chrome::{Chromium, Page};
use book_tools::browser::site::Site;
use book_tools::browser::{self, SummaryPage};
use book_tools::catalog::{Catalog, Language};
use book_tools::i18n::edition::{Edition, TRANSLATIONS};
use book_tools::repo_root;
use serde::Deserialize;

#[path = "browser/accessibility.rs"]
mod accessibility;
#[path = "browser/keyboard.rs"]
mod keyboard;
#[path = "browser/korean.rs"]
mod korean;
#[path = "browser/pages.rs"]
pub(crate) mod pages;

/// The built book on its local server, shared by every test of this file.
pub(crate) struct Served {
    site: Site,
    chromium: PathBuf,
    pages: Vec<SummaryPage>,
    out: PathBuf,
}

/// What one test works with: the shared site and a browser of its own, which is shut down when the
/// test ends, pass or fail (a browser kept in a static would outlive the test process).
pub(crate) struct Session {
    served: &'static Served,
    chromium: Chromium,
}

impl std::ops::Deref for Session {
    type Target = Served;

    fn deref(&self) -> &Served {
        self.served
    }
}

/// The book is built and served once; each test then starts its own Chromium.
pub(crate) fn session() -> Option<Session> {
    static SITE: OnceLock<Result<Option<Served>, String>> = OnceLock::new();
    let site = SITE.get_or_init(|| {
        let Some(chromium) = browser::chromium_or_skip()? else {
            return Ok(None);
        };
        let root = repo_root();
        let html = book_tools::book::built_for_tests()?;
        Ok(Some(Served {
            site: Site::serve(html)?,
            chromium,
            pages: browser::summary_pages(&root)?,
            out: root.join("target").join("browser"),
        }))
    });
    match site {
        Ok(Some(served)) => Some(Session {
            served,
            chromium: Chromium::launch(&served.chromium).unwrap_or_else(|e| panic!("{e}")),
        }),
        Ok(None) => {
            // Once per test binary: every browser test skips for the same reason.
            static SAID: std::sync::Once = std::sync::Once::new();
            SAID.call_once(|| {
                book_tools::skip::announce(
                    "the browser tests",
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

fn page(session: &Session) -> Page {
    session.chromium.page().unwrap_or_else(|e| panic!("{e}"))
}

/// What nearly every test starts with: its session and one tab; `None` when Chromium is missing.
fn open() -> Option<(Session, Page)> {
    let session = session()?;
    let tab = page(&session);
    Some((session, tab))
}

fn assert_none(what: &str, problems: Vec<String>) {
    assert!(
        problems.is_empty(),
        "{what}:\n  - {}",
        problems.join("\n  - ")
    );
}

/// The summary's pages, then the print page, which holds them all.
fn every_page(session: &Session) -> Vec<String> {
    let mut pages: Vec<String> = session.pages.iter().map(|p| p.html.clone()).collect();
    pages.push("print.html".to_owned());
    pages
}

/// Every page of the English book, then the same pages of each translated edition (`ko/...`).
fn every_page_of_every_edition(session: &Session) -> Vec<String> {
    let english = every_page(session);
    let mut pages = english.clone();
    for edition in TRANSLATIONS {
        pages.extend(english.iter().map(|p| format!("{}/{p}", edition.lang)));
    }
    pages
}

/// The translated edition a served page belongs to, `None` for the English book.
fn edition_of(page: &str) -> Option<Edition> {
    TRANSLATIONS
        .iter()
        .copied()
        .find(|e| page.starts_with(&format!("{}/", e.lang)))
}

/// Every page, at each width, loads with no error logged and no request failed or sent to another
/// host. The loads are the shared reading's (`pages::every_page_read`), each a first load.
#[test]
fn every_page_loads_cleanly_and_only_from_the_local_server() {
    let Some(session) = session() else { return };
    let session = &session;
    let reads = pages::every_page_read(session);
    let mut problems = Vec::new();
    for read in reads {
        let (name, width, load) = (&read.page, read.width, &read.load);
        for error in &load.errors {
            problems.push(format!("{name} at {width}px: {error}"));
        }
        for request in load.failed() {
            problems.push(format!(
                "{name} at {width}px: request failed: {} ({})",
                request.url,
                request
                    .failure
                    .clone()
                    .unwrap_or_else(|| format!("status {}", request.status.unwrap_or(0)))
            ));
        }
        for request in load.foreign(session.site.origin()) {
            problems.push(format!(
                "{name} at {width}px: requests {} from another host while loading",
                request.url
            ));
        }
    }
    // Page weight is a target, measured by `cargo run -p book-tools --features browser --bin
    // page-weight`, not a test; this run's figures are written down for review all the same.
    let loads: Vec<(String, book_tools::browser::chrome::Load)> = reads
        .iter()
        .filter(|r| r.width == pages::WIDTHS[0])
        .map(|r| (r.page.clone(), r.load.clone()))
        .collect();
    fs::create_dir_all(&session.out).expect("target/browser exists");
    fs::write(
        session.out.join("page-weight.tsv"),
        browser::weight_table(&loads),
    )
    .expect("page weights written");
    assert_none("pages that did not load cleanly", problems);
}

#[test]
fn the_sidebar_lists_every_chapter() {
    let Some((session, tab)) = open() else { return };
    let session = &session;
    tab.load(&session.site.url("index.html"))
        .unwrap_or_else(|e| panic!("{e}"));
    let links: Vec<String> = tab
        .eval(
            "return Array.from(document.querySelectorAll('#mdbook-sidebar a[href]'))
                .map(a => a.getAttribute('href').split('#')[0]);",
        )
        .unwrap_or_else(|e| panic!("{e}"));
    let missing: Vec<String> = session
        .pages
        .iter()
        .filter(|p| !links.contains(&p.html))
        .map(|p| format!("{} ({}) is not in the sidebar", p.title, p.html))
        .collect();
    assert_none("sidebar", missing);
}

/// Opens search, types `term`, and returns the pages of the results, best first.
fn search(session: &Session, term: &str) -> Vec<String> {
    search_from(session, "introduction.html", term)
}

/// Opens search on the page `start`, types `term`, and returns the pages of the results, best
/// first, relative to the edition `start` belongs to.
fn search_from(session: &Session, start: &str, term: &str) -> Vec<String> {
    let tab = page(session);
    tab.load(&session.site.url(start))
        .unwrap_or_else(|e| panic!("{e}"));
    tab.click("#mdbook-search-toggle")
        .unwrap_or_else(|e| panic!("{e}"));
    tab.wait_for(
        "the search bar to open",
        "document.activeElement && document.activeElement.id === 'mdbook-searchbar'",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    tab.type_text(term).unwrap_or_else(|e| panic!("{e}"));
    if !term.is_ascii() {
        // Hangul is inserted as text, not typed key by key, and mdBook's search runs on `keyup`:
        // a reader's input method sends one with the last key, here the cursor key that ends it.
        tab.press_key("End").unwrap_or_else(|e| panic!("{e}"));
    }
    tab.wait_for(
        &format!("results for `{term}`"),
        "document.querySelectorAll('#mdbook-searchresults li a').length > 0",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    tab.settle("search").unwrap_or_else(|e| panic!("{e}"));
    let log = tab.take_log();
    assert_none(
        &format!("searching for `{term}`"),
        log.errors
            .iter()
            .cloned()
            .chain(
                log.foreign(session.site.origin())
                    .iter()
                    .map(|r| format!("requests {} from another host", r.url)),
            )
            .collect(),
    );
    tab.eval(
        "return Array.from(document.querySelectorAll('#mdbook-searchresults li a'))
            .map(a => a.getAttribute('href').split(/[#?]/)[0]);",
    )
    .unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn search_finds_the_chapter_of_each_api() {
    let Some(session) = session() else { return };
    let session = &session;
    for (term, chapter) in [
        ("ReentrantMutex", "ch08-reentrant-locks.html"),
        ("try_lock", "ch07-locks.html"),
        ("RLock", "ch08-reentrant-locks.html"),
    ] {
        let results = search(session, term);
        assert_eq!(
            results.first().map(String::as_str),
            Some(chapter),
            "searching for `{term}` should lead with {chapter}; results: {results:?}"
        );
    }
    // Appendix A names it only as `threading.RLock()`: found because the build also indexes each
    // part of a dotted name.
    let results = search(session, "RLock");
    assert!(
        results
            .iter()
            .any(|r| r == "appendix-01-python-to-rust.html"),
        "searching for `RLock` should find `threading.RLock()` in Appendix A; results: {results:?}"
    );
}

/// What the page shows for one listing, read from its DOM.
#[derive(Deserialize, Debug)]
pub(crate) struct ShownListing {
    name: String,
    title: String,
    run: String,
    code_follows: bool,
    noplayground: bool,
    copy_button: bool,
    run_button_visible: bool,
    outputs: Vec<String>,
    /// Every output block of the page that has a caption, wherever it is.
    captioned_outputs: Vec<String>,
    output_caption: Option<String>,
    /// Inside a `<details class="python">` that was closed when the page loaded.
    folded: bool,
}

/// Every caption on the page with the listing it names, and what follows it. Folded Python
/// counterparts are opened first, so that their buttons can be seen.
const READ_LISTINGS: &str = r#"
    const folded = new Set(document.querySelectorAll('main details.python:not([open])'));
    folded.forEach(details => { details.open = true; });
    const captioned = Array.from(document.querySelectorAll('main pre > code.language-text'))
        .filter(code => {
            let next = code.parentElement.nextElementSibling;
            while (next && next.tagName === 'PRE') next = next.nextElementSibling;
            return next && next.classList.contains('output-caption');
        })
        .map(code => code.textContent);
    return Array.from(document.querySelectorAll('main p.caption')).map(caption => {
        const file = caption.querySelector('.caption-run code');
        const name = file ? file.textContent.replace(/^listings\/(src\/bin|python)\//, '').replace(/\.(rs|py)$/, '') : '';
        const pre = caption.nextElementSibling;
        const code = pre && pre.tagName === 'PRE' ? pre.querySelector('code.language-rust, code.language-python') : null;
        const visible = el => !!el && !el.hidden && el.getClientRects().length > 0;
        const outputs = [];
        let next = pre ? pre.nextElementSibling : null;
        while (next && next.tagName === 'PRE' && next.querySelector('code.language-text')) {
            outputs.push(next.querySelector('code').textContent);
            next = next.nextElementSibling;
        }
        return {
            name,
            title: (caption.querySelector('.caption-title') || caption).textContent,
            run: caption.querySelector('.caption-run') ? caption.querySelector('.caption-run').textContent : '',
            code_follows: !!code,
            noplayground: !!code && !pre.classList.contains('playground'),
            copy_button: !!pre && visible(pre.querySelector('.clip-button')),
            run_button_visible: !!pre && visible(pre.querySelector('.play-button')),
            outputs,
            captioned_outputs: captioned,
            output_caption: next && next.classList.contains('output-caption') ? next.textContent : null,
            folded: folded.has(caption.closest('details.python')),
        };
    });
"#;

/// A page's quiz's code blocks: how many, how many of Rust, how many can be run, and the Run buttons
/// of the page outside the quiz; `null` on a page without a quiz. mdBook's script puts a Run button
/// on every `pre.playground`; the listings outside the quiz keep theirs, which shows that this looks
/// for the buttons where mdBook puts them.
const QUIZ_CODE: &str = "
    const quiz = document.querySelector('section.quiz');
    if (!quiz) return null;
    return [quiz.querySelectorAll('pre > code').length,
            quiz.querySelectorAll('code.language-rust').length,
            Array.from(quiz.querySelectorAll('pre')).filter(pre =>
                pre.matches('.playground') || pre.querySelector('.play-button')).length,
            document.querySelectorAll('.play-button').length
                - quiz.querySelectorAll('.play-button').length];
";

/// The listings as the shared reading saw them (`pages::every_page_read`), on the English book's
/// pages at desktop width.
#[test]
fn every_listing_shows_its_caption_buttons_and_output() {
    let Some(session) = session() else { return };
    let session = &session;
    let root = repo_root();
    let catalog = Catalog::load(&root).unwrap_or_else(|e| panic!("{e}"));
    let mut by_chapter: BTreeMap<String, Vec<&book_tools::catalog::Listing>> = BTreeMap::new();
    for listing in &catalog.listings {
        let html = listing.chapter.replace(".md", ".html");
        by_chapter.entry(html).or_default().push(listing);
    }
    let mut problems = Vec::new();
    let reads = pages::every_page_read(session);
    for name in every_page(session).iter().filter(|p| *p != "print.html") {
        let shown = &reads
            .iter()
            .find(|r| r.page == *name && r.width == pages::WIDTHS[0])
            .unwrap_or_else(|| panic!("{name} was not read at desktop width"))
            .listings;
        let expected = by_chapter.remove(name).unwrap_or_default();
        for listing in &expected {
            let Some(found) = shown.iter().find(|s| s.name == listing.name) else {
                problems.push(format!(
                    "{name}: listing {} has no caption on the page",
                    listing.name
                ));
                continue;
            };
            problems.extend(
                check_listing(&root, listing, found)
                    .into_iter()
                    .map(|p| format!("{name}: listing {}: {p}", listing.name)),
            );
        }
        for extra in shown
            .iter()
            .filter(|s| !expected.iter().any(|l| l.name == s.name))
        {
            problems.push(format!(
                "{name}: caption `{}` names no listing of this chapter in the catalog",
                extra.title
            ));
        }
    }
    for (chapter, listings) in by_chapter {
        for listing in listings {
            problems.push(format!(
                "{chapter}: listing {} is catalogued here, but the page was not in SUMMARY.md",
                listing.name
            ));
        }
    }
    assert_none("listings as the browser shows them", problems);
}

fn check_listing(
    root: &std::path::Path,
    listing: &book_tools::catalog::Listing,
    found: &ShownListing,
) -> Vec<String> {
    let mut problems = Vec::new();
    let python = listing.language == Language::Python;
    let numbered = if python { "Python " } else { "Listing " };
    if !found.title.starts_with(numbered) {
        problems.push(format!("caption `{}` is not numbered", found.title));
    }
    let command = listing.run_command();
    if !found.run.contains(&command) {
        problems.push(format!("caption does not say `{command}`"));
    }
    if listing.folded() != found.folded {
        problems.push(
            if listing.folded() {
                "a Python counterpart that is not folded in a closed <details class=\"python\">"
            } else if python {
                "a program that calls the extension, its chapter's subject, folded away in a <details class=\"python\">"
            } else {
                "a Rust listing folded away in a <details class=\"python\">"
            }
            .to_owned(),
        );
    }
    if !found.code_follows {
        problems.push("no code block right under the caption".to_owned());
        return problems;
    }
    if !found.copy_button {
        problems.push("no copy button".to_owned());
    }
    if found.run_button_visible == found.noplayground {
        problems.push(if found.noplayground {
            "marked noplayground, yet shows a run button".to_owned()
        } else {
            "no visible run button".to_owned()
        });
    }
    let stdout = fs::read_to_string(listing.output_path(root)).unwrap_or_default();
    if found.outputs.first().map(|o| o.trim_end()) != Some(stdout.trim_end()) {
        problems.push(format!(
            "the block under it is not its documented output {}",
            listing.output_path(root).display()
        ));
    }
    // Standard error may be shown further down, after the text explains it, with its own caption.
    if let Some(path) = listing.stderr_path(root) {
        let stderr = fs::read_to_string(&path).unwrap_or_default();
        if !found
            .captioned_outputs
            .iter()
            .any(|o| o.trim_end() == stderr.trim_end())
        {
            problems.push(format!(
                "its documented standard error {} is not shown with a caption",
                path.display()
            ));
        }
    }
    if found.output_caption.is_none() {
        problems.push("no output caption under its output".to_owned());
    }
    problems
}

/// A Python counterpart takes one line of the page until the reader opens it; then its caption,
/// its program, coloured as Python, and its output are there.
#[test]
fn python_counterparts_stay_folded_until_opened() {
    let Some((session, tab)) = open() else { return };
    tab.load(&session.site.url("ch05-daemon-threads-and-join.html"))
        .unwrap_or_else(|e| panic!("{e}"));
    const STATE: &str = r#"
        const details = document.querySelector('main details.python');
        const shown = el => !!el && el.checkVisibility();
        const code = details.querySelector('pre code.language-python');
        return [details.open, details.querySelector('summary').textContent.trim(),
                shown(details.querySelector('p.caption')), shown(code),
                !!code && code.querySelectorAll('.hljs-keyword').length > 0,
                shown(details.querySelector('pre code.language-text')),
                shown(details.querySelector('p.output-caption'))];
    "#;
    let folded: (bool, String, bool, bool, bool, bool, bool) =
        tab.eval(STATE).unwrap_or_else(|e| panic!("{e}"));
    let summary = "The Python this replaces";
    assert_eq!(
        folded,
        (false, summary.to_owned(), false, false, true, false, false),
        "(open, summary, caption shown, code shown, coloured, output shown, output caption shown) \
         of chapter 5's first Python counterpart before it is opened"
    );
    tab.click("main details.python > summary")
        .unwrap_or_else(|e| panic!("{e}"));
    let opened: (bool, String, bool, bool, bool, bool, bool) =
        tab.eval(STATE).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        opened,
        (true, summary.to_owned(), true, true, true, true, true),
        "(open, summary, caption shown, code shown, coloured, output shown, output caption shown) \
         of chapter 5's first Python counterpart once opened"
    );
}

#[test]
fn the_print_page_holds_every_chapter() {
    let Some((session, tab)) = open() else { return };
    let session = &session;
    tab.load(&session.site.url("print.html"))
        .unwrap_or_else(|e| panic!("{e}"));
    let headings: Vec<String> = tab
        .eval("return Array.from(document.querySelectorAll('main h1')).map(h => h.textContent.trim());")
        .unwrap_or_else(|e| panic!("{e}"));
    let missing: Vec<String> = session
        .pages
        .iter()
        .filter(|p| !headings.iter().any(|h| h == &p.title))
        .map(|p| format!("`{}` has no heading in print.html", p.title))
        .collect();
    let figures: usize = tab
        .eval("return document.querySelectorAll('main figure.timeline svg.timeline-run').length;")
        .unwrap_or_else(|e| panic!("{e}"));
    let expected = Catalog::load(&repo_root())
        .unwrap_or_else(|e| panic!("{e}"))
        .listings
        .iter()
        .filter(|l| l.timeline.is_some())
        .count();
    let mut problems = missing;
    if figures != expected {
        problems.push(format!(
            "print.html shows {figures} timeline pictures, the catalog has {expected} timelines"
        ));
    }
    assert_none("print.html", problems);
}

/// Elements that stick out of a phone-width page. Code blocks and timelines scroll sideways inside
/// themselves instead: what is inside a box that scrolls, and fits the page, is not counted.
const OVERFLOWING: &str = r#"
    const width = document.documentElement.clientWidth;
    const out = [];
    if (document.documentElement.scrollWidth > width) {
        out.push(`the page is ${document.documentElement.scrollWidth}px wide`);
    }
    const scrollsInside = el => {
        for (let a = el.parentElement; a && a.tagName !== 'MAIN'; a = a.parentElement) {
            const x = getComputedStyle(a).overflowX;
            if ((x === 'auto' || x === 'scroll') && a.getBoundingClientRect().right <= width + 1) {
                return true;
            }
        }
        return false;
    };
    for (const el of document.querySelectorAll('main *')) {
        if (el.closest('pre') || scrollsInside(el)) continue;
        const r = el.getBoundingClientRect();
        if (r.width > 0 && r.right > width + 1) {
            const what = el.tagName.toLowerCase() + (el.className ? '.' + String(el.className).split(' ')[0] : '');
            out.push(`${what} "${el.textContent.trim().slice(0, 40)}" reaches ${Math.round(r.right)}px`);
        }
    }
    return out.slice(0, 10);
"#;

/// Pages are read at 375 px, the width of a small phone, and written out as screenshots too.
#[test]
fn nothing_overflows_a_phone_width_page() {
    let Some(session) = session() else { return };
    let mut problems = Vec::new();
    for read in pages::every_page_read(&session)
        .iter()
        .filter(|r| r.width == 375)
    {
        problems.extend(
            read.overflowing
                .iter()
                .map(|o| format!("{}: {o}", read.page)),
        );
    }
    assert_none("overflow at 375 px", problems);
}

/// Code blocks wider than their column at the page's width, folded ones opened first: the
/// listing-width lint keeps lines at 80 characters so that none has to scroll sideways at 1280 px.
const CODE_WIDER_THAN_COLUMN: &str = r#"
    for (const folded of document.querySelectorAll('main details')) folded.open = true;
    const out = [];
    for (const code of document.querySelectorAll('main pre > code')) {
        if (code.scrollWidth > code.clientWidth) {
            const line = code.textContent.split('\n')
                .reduce((a, b) => (b.length > a.length ? b : a), '');
            out.push(`a code block is ${code.scrollWidth}px wide in a ${code.clientWidth}px column; its longest line: "${line.trim().slice(0, 60)}"`);
        }
    }
    for (const table of document.querySelectorAll('main .table-wrapper')) {
        if (table.scrollWidth > table.clientWidth + 1) {
            const header = table.querySelector('th');
            out.push(`a table is ${table.scrollWidth}px wide in a ${table.clientWidth}px column; its first header: "${header ? header.textContent : '?'}"`);
        }
    }
    return out;
"#;

/// At 1280 px no code block or table scrolls sideways. Desktop screenshots of every page are written
/// for review on the way.
#[test]
fn no_code_block_or_table_is_wider_than_its_column_at_desktop_width() {
    let Some(session) = session() else { return };
    let mut problems = Vec::new();
    for read in pages::every_page_read(&session)
        .iter()
        .filter(|r| r.width == 1280)
    {
        problems.extend(
            read.code_too_wide
                .iter()
                .map(|w| format!("{}: {w}", read.page)),
        );
    }
    assert_none("code or a table wider than its column at 1280 px", problems);
}

/// Each of mdBook's themes applies to the book's own elements: captions, output blocks and
/// timelines keep readable contrast in every one. A screenshot of chapter 7 in each theme is
/// written for review when asked for.
#[test]
fn listings_are_readable_in_every_theme() {
    let Some((session, tab)) = open() else { return };
    let session = &session;
    let mut problems = Vec::new();
    for theme in ["light", "rust", "coal", "navy", "ayu"] {
        tab.load(&session.site.url("ch07-locks.html"))
            .unwrap_or_else(|e| panic!("{e}"));
        let low: Vec<String> = tab
            .eval(&format!(
                "{}\nreturn lowContrast('{theme}');",
                include_str!("browser/contrast.js")
            ))
            .unwrap_or_else(|e| panic!("{e}"));
        problems.extend(low.into_iter().map(|l| format!("theme {theme}: {l}")));
        if browser::screenshots_wanted() {
            let shot = session
                .out
                .join("screenshots")
                .join(format!("ch07-locks-theme-{theme}.jpg"));
            tab.screenshot(&shot, 1280, false)
                .unwrap_or_else(|e| panic!("{e}"));
        }
    }
    assert_none("text too faint to read", problems);
}

/// The state of a page's first timeline, as the reader sees it.
const TIMELINE_STATE: &str = r#"
    const figure = document.querySelector(FIGURE);
    const shown = Array.from(figure.querySelectorAll('svg.timeline-run')).filter(s => !s.hasAttribute('hidden'));
    let pre = figure.previousElementSibling;
    while (pre && pre.tagName !== 'PRE') pre = pre.previousElementSibling;
    const code = pre.querySelector('code');
    return {
        run: figure.dataset.run,
        shown_runs: shown.map(s => s.dataset.run),
        current_marks: Array.from(figure.querySelectorAll('.timeline-mark.is-current')).map(m => m.dataset.line),
        current_lines: Array.from(code.querySelectorAll('.output-line.is-current')).map(l => l.dataset.line),
        output: code.textContent,
        status: (figure.querySelector('.timeline-status') || {}).textContent || '',
        controls: !!figure.querySelector('.timeline-controls'),
    };
"#;

#[derive(Deserialize, Debug, PartialEq)]
struct TimelineState {
    run: String,
    shown_runs: Vec<String>,
    current_marks: Vec<String>,
    current_lines: Vec<String>,
    output: String,
    status: String,
    controls: bool,
}

/// The figure under test and its output block, which the test marks to find it again.
const FIGURE: &str = "figure.timeline[data-listing='ch07-03-blocking-and-nonblocking']";
const CHAPTER: &str = "ch07-locks.html";

fn timeline_state(tab: &Page) -> TimelineState {
    tab.eval(&TIMELINE_STATE.replace("FIGURE", &format!("{FIGURE:?}")))
        .unwrap_or_else(|e| panic!("{e}"))
}

/// Hovering or focusing a mark lights its output line and back; Step walks the run line by line;
/// Show another run swaps both the picture and the output block to another recorded run.
#[test]
fn timelines_link_marks_and_lines_step_and_show_other_runs() {
    let Some((session, tab)) = open() else { return };
    let session = &session;
    let chapter = CHAPTER;
    let load = tab
        .load(&session.site.url(chapter))
        .unwrap_or_else(|e| panic!("{e}"));
    let documented = timeline_state(&tab).output;
    let js = |script: &str| tab.eval::<()>(script).unwrap_or_else(|e| panic!("{e}"));
    js(&format!(
        "let pre = document.querySelector({FIGURE:?}).previousElementSibling;
         while (pre.tagName !== 'PRE') pre = pre.previousElementSibling;
         pre.querySelector('code').dataset.underTest = 'yes';
         return null;"
    ));
    let mark = |line: usize| {
        format!("{FIGURE} svg.timeline-run:not([hidden]) .timeline-mark[data-line='{line}']")
    };

    // Lines printed at the same moment draw their marks on top of each other; the pointer goes to
    // the first mark nothing covers, whichever that is in the recorded run.
    let uncovered: String = tab
        .eval(&format!(
            "const marks = document.querySelectorAll({:?});
             for (const m of marks) {{
                 m.scrollIntoView({{block: 'center'}});
                 const r = m.getBoundingClientRect();
                 if (document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2) === m) {{
                     return m.dataset.line;
                 }}
             }}
             return '';",
            format!("{FIGURE} svg.timeline-run:not([hidden]) .timeline-mark")
        ))
        .unwrap_or_else(|e| panic!("{e}"));
    let line: usize = uncovered
        .parse()
        .unwrap_or_else(|_| panic!("{chapter}: every mark of the timeline is covered"));
    tab.hover(&mark(line)).unwrap_or_else(|e| panic!("{e}"));
    let hovered = timeline_state(&tab);
    assert_eq!(
        (hovered.current_marks, hovered.current_lines),
        (vec![uncovered.clone()], vec![uncovered.clone()]),
        "{chapter}: hovering mark {line} should light mark {line} and output line {line}"
    );

    tab.hover("code[data-under-test] .output-line[data-line='1']")
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        timeline_state(&tab).current_marks,
        vec!["1".to_owned()],
        "{chapter}: hovering output line 1 should light mark 1"
    );

    // Keyboard: the first mark takes focus, the arrow keys move on, and the focused mark lights
    // its line as hovering does.
    js(&format!(
        "document.querySelector({:?}).focus(); return null;",
        mark(0)
    ));
    tab.press_key("ArrowRight")
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        timeline_state(&tab).current_lines,
        vec!["1".to_owned()],
        "{chapter}: ArrowRight from mark 0 should light output line 1"
    );
    tab.press_key("ArrowLeft").unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        timeline_state(&tab).current_lines,
        vec!["0".to_owned()],
        "{chapter}: ArrowLeft back to mark 0 should light output line 0"
    );

    tab.click(&format!("{FIGURE} .timeline-step"))
        .unwrap_or_else(|e| panic!("{e}"));
    tab.click(&format!("{FIGURE} .timeline-step"))
        .unwrap_or_else(|e| panic!("{e}"));
    let stepped = timeline_state(&tab);
    assert_eq!(
        (stepped.current_marks, stepped.current_lines),
        (vec!["1".to_owned()], vec!["1".to_owned()]),
        "{chapter}: two steps should light the second line"
    );
    assert!(
        stepped.status.starts_with("line 2 of "),
        "{chapter}: the status should say `line 2 of N`, not `{}`",
        stepped.status
    );

    tab.click(&format!("{FIGURE} .timeline-next-run"))
        .unwrap_or_else(|e| panic!("{e}"));
    tab.wait_for(
        "run 2 to show",
        &format!("document.querySelector({FIGURE:?}).dataset.run === '2'"),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let second = timeline_state(&tab);
    assert_eq!(
        second.shown_runs,
        vec!["2".to_owned()],
        "{chapter}: exactly run 2's picture should show"
    );
    let listing = "ch07-03-blocking-and-nonblocking";
    let recording: serde_json::Value = serde_json::from_str(
        &fs::read_to_string(repo_root().join(format!("listings/timelines/{listing}.json")))
            .expect("recording exists"),
    )
    .expect("recording is JSON");
    let run_two: String = recording["runs"][1]["lines"]
        .as_array()
        .expect("run 2 has lines")
        .iter()
        .map(|l| format!("{}\n", l["text"].as_str().expect("text")))
        .collect();
    assert_eq!(
        second.output, run_two,
        "{chapter}: after Show another run the output block should hold run 2 of {listing}"
    );
    tab.click(&format!("{FIGURE} .timeline-reset"))
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        timeline_state(&tab).output,
        documented,
        "{chapter}: Reset should bring back the documented run"
    );
    let log = tab.take_log();
    assert_none(
        "timeline interaction",
        log.errors
            .iter()
            .cloned()
            .chain(
                log.failed()
                    .iter()
                    .map(|r| format!("request failed: {}", r.url)),
            )
            .chain(
                load.foreign(session.site.origin())
                    .iter()
                    .map(|r| format!("requests {} from another host", r.url)),
            )
            .collect(),
    );
}

/// With JavaScript off a timeline is still a picture of run 1, with no dead controls, and the
/// output block keeps its documented lines.
#[test]
fn timelines_show_run_one_without_javascript() {
    let Some((session, tab)) = open() else { return };
    let session = &session;
    tab.set_javascript(false).unwrap_or_else(|e| panic!("{e}"));
    let mut problems = Vec::new();
    for name in every_page(session) {
        tab.load(&session.site.url(&name))
            .unwrap_or_else(|e| panic!("{e}"));
        let figures: Vec<(String, f64, bool, usize, String)> = tab
            .eval(
                "return Array.from(document.querySelectorAll('figure.timeline')).map(f => {
                    const svg = f.querySelector('svg.timeline-run:not([hidden])');
                    let pre = f.previousElementSibling;
                    while (pre && pre.tagName !== 'PRE') pre = pre.previousElementSibling;
                    return [f.dataset.listing, svg ? svg.getBoundingClientRect().height : 0,
                            !!f.querySelector('.timeline-controls'),
                            f.querySelectorAll('svg.timeline-run:not([hidden]) .timeline-mark').length,
                            pre ? pre.querySelector('code').textContent : ''];
                });",
            )
            .unwrap_or_else(|e| panic!("{e}"));
        for (listing, height, controls, marks, output) in figures {
            let documented = repo_root()
                .join("listings/output")
                .join(format!("{listing}.txt"));
            if output.trim_end()
                != fs::read_to_string(&documented)
                    .unwrap_or_default()
                    .trim_end()
            {
                problems.push(format!(
                    "{name}: the output block above the timeline of {listing} is not {}",
                    documented.display()
                ));
            }
            if height < 20.0 || marks == 0 {
                problems.push(format!("{name}: timeline of {listing} shows no picture"));
            }
            if controls {
                problems.push(format!(
                    "{name}: timeline of {listing} has controls without JavaScript"
                ));
            }
        }
    }
    assert_none("timelines without JavaScript", problems);
}
