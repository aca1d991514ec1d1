//! The Korean edition in the browser: every page is in Korean, is linked to the same page of the
//! English book and back, and its search finds Korean words. Its pages are also read by the tests
//! every page of every edition goes through (`every_page_of_every_edition`): they load cleanly, fit
//! a phone and a desktop, pass axe, and (with `$BROWSER_SCREENSHOTS` set) are written out as
//! screenshots to `target/browser/screenshots/ko/`.

use super::pages::{WIDTHS, every_page_read};
use super::{assert_none, session};

/// The Korean edition's directory, as served.
const KO: &str = "ko/";

/// Every page of the Korean edition says it is Korean (`<html lang="ko">`, read by screen readers
/// and by the style sheet that sets Korean line breaking) and has a Korean title. The rest of what a
/// page must be (loads cleanly, fits a phone and a desktop, passes axe) is checked on
/// the Korean pages with the English ones.
#[test]
fn every_korean_page_is_in_korean() {
    let Some(session) = session() else { return };
    let mut problems = Vec::new();
    let mut seen = 0;
    for read in every_page_read(&session)
        .iter()
        .filter(|r| r.page.starts_with(KO) && r.width == WIDTHS[0])
    {
        seen += 1;
        if read.lang != "ko" {
            problems.push(format!(
                "{}: <html lang=\"{}\">, not ko",
                read.page, read.lang
            ));
        }
        if !read.title.chars().any(|c| ('가'..='힣').contains(&c)) {
            problems.push(format!(
                "{}: title \"{}\" is not Korean",
                read.page, read.title
            ));
        }
    }
    if seen != session.pages.len() + 1 {
        problems.push(format!(
            "read {seen} Korean pages, expected {}",
            session.pages.len() + 1
        ));
    }
    assert_none("Korean pages", problems);
}

/// The switch in the menu bar of each English page leads to the same page in Korean, and the
/// Korean page's switch leads back; both are links a keyboard reaches.
#[test]
fn the_language_switch_leads_to_the_same_page_and_back() {
    let Some(session) = session() else { return };
    let session = &session;
    // The shared reading has each page's switch, read at desktop width, and each page's language.
    let reads = every_page_read(session);
    let read = |page: &str| {
        reads
            .iter()
            .find(|r| r.page == page && r.width == WIDTHS[0])
            .unwrap_or_else(|| panic!("{page} was read"))
    };
    let mut problems = Vec::new();
    let mut follow = |from: &str, to: &str, lang: &str| {
        let switch = read(from).switch.clone();
        if switch.as_deref() != Some(session.site.url(to).as_str()) {
            problems.push(format!(
                "{from}: its switch leads to {switch:?}, not to {to}"
            ));
        } else if read(to).lang != lang {
            problems.push(format!(
                "{from}: its switch leads to {to}, whose language is {:?}, not {lang:?}",
                read(to).lang
            ));
        }
    };
    let pages = session.pages.iter().map(|p| p.html.clone());
    for english in pages.chain(std::iter::once("print.html".to_owned())) {
        let korean = format!("{KO}{english}");
        follow(&english, &korean, "ko");
        follow(&korean, &english, "en");
    }
    assert_none("language switch", problems);
}

/// mdBook's search drops Korean words; the build indexes them (tools/src/search_index.rs). A
/// Korean word is found with the particles written after it: 스레드 finds 스레드를.
#[test]
fn korean_search_finds_korean_words() {
    let Some(session) = session() else { return };
    let session = &session;
    for (term, chapter) in [
        ("교착", "ch12-races-and-deadlocks.html"),
        ("재진입", "ch08-reentrant-locks.html"),
        ("스레드", "ch03-creating-threads.html"),
    ] {
        let results = super::search_from(session, &format!("{KO}introduction.html"), term);
        let top: Vec<&String> = results.iter().take(5).collect();
        assert!(
            top.iter().any(|r| r.as_str() == chapter),
            "searching the Korean edition for `{term}` should find {chapter} among the first five; \
             results: {results:?}"
        );
    }
    // An English name still finds its chapter in the Korean edition.
    let results = super::search_from(session, &format!("{KO}introduction.html"), "ReentrantMutex");
    assert_eq!(
        results.first().map(String::as_str),
        Some("ch08-reentrant-locks.html"),
        "searching the Korean edition for `ReentrantMutex`; results: {results:?}"
    );
}
