//! The Korean edition in the browser: every page loads cleanly in Korean, fits a phone and a
//! desktop, is linked to the same page of the English book and back, and its search finds Korean
//! words. Screenshots of its pages are written to `target/browser/screenshots/ko/`.

use super::{CODE_WIDER_THAN_COLUMN, OVERFLOWING, Session, assert_none, open, session};

/// The Korean edition's directory, as served.
const KO: &str = "ko/";

/// Every page of the Korean edition, the print page last.
fn korean_pages(session: &Session) -> Vec<String> {
    session
        .pages
        .iter()
        .map(|p| format!("{KO}{}", p.html))
        .chain(std::iter::once(format!("{KO}print.html")))
        .collect()
}

/// What a Korean page says about itself.
#[derive(serde::Deserialize)]
struct Shown {
    lang: String,
    title: String,
    hangul_in_main: bool,
}

#[test]
fn every_korean_page_loads_cleanly_in_korean_and_fits_phone_and_desktop() {
    let Some((session, tab)) = open() else { return };
    let session = &session;
    let mut problems = Vec::new();
    for name in korean_pages(session) {
        for (width, mobile, suffix) in [(1280, false, "desktop"), (375, true, "phone")] {
            tab.set_viewport(width, 900, mobile)
                .unwrap_or_else(|e| panic!("{e}"));
            let load = tab
                .load(&session.site.url(&name))
                .unwrap_or_else(|e| panic!("{e}"));
            problems.extend(load.errors.iter().map(|e| format!("{name}: {e}")));
            problems.extend(
                load.failed()
                    .iter()
                    .map(|r| format!("{name}: request failed: {}", r.url)),
            );
            problems.extend(
                load.foreign(session.site.origin())
                    .iter()
                    .map(|r| format!("{name}: requests {} from another host", r.url)),
            );
            let shown: Shown = tab
                .eval(
                    "return { lang: document.documentElement.lang, title: document.title,
                              hangul_in_main: /[가-힣]/.test(document.querySelector('main').textContent) };",
                )
                .unwrap_or_else(|e| panic!("{e}"));
            if shown.lang != "ko" {
                problems.push(format!("{name}: <html lang=\"{}\">, not ko", shown.lang));
            }
            if !shown.hangul_in_main || !shown.title.chars().any(|c| ('가'..='힣').contains(&c)) {
                problems.push(format!("{name}: not in Korean (title \"{}\")", shown.title));
            }
            let check = if mobile {
                OVERFLOWING
            } else {
                CODE_WIDER_THAN_COLUMN
            };
            let found: Vec<String> = tab.eval(check).unwrap_or_else(|e| panic!("{e}"));
            problems.extend(
                found
                    .into_iter()
                    .map(|f| format!("{name} at {width} px: {f}")),
            );
            if !name.ends_with("print.html") {
                let shot = session
                    .out
                    .join("screenshots")
                    .join(name.replace(".html", &format!("-{suffix}.png")));
                tab.screenshot(&shot, width, mobile)
                    .unwrap_or_else(|e| panic!("{e}"));
            }
        }
    }
    assert_none("Korean pages", problems);
}

/// The switch in the menu bar of each English page leads to the same page in Korean, and the
/// Korean page's switch leads back; both are links a keyboard reaches.
#[test]
fn the_language_switch_leads_to_the_same_page_and_back() {
    let Some((session, tab)) = open() else { return };
    let session = &session;
    let mut problems = Vec::new();
    let follow = |from: &str| -> Option<(String, String)> {
        tab.load(&session.site.url(from))
            .unwrap_or_else(|e| panic!("{e}"));
        let href: Option<String> = tab
            .eval(
                "const a = document.querySelector('.right-buttons a.language-switch');
                 return a && a.tabIndex >= 0 ? a.href : null;",
            )
            .unwrap_or_else(|e| panic!("{e}"));
        let href = href?;
        tab.load(&href).unwrap_or_else(|e| panic!("{e}"));
        let lang: String = tab
            .eval("return document.documentElement.lang;")
            .unwrap_or_else(|e| panic!("{e}"));
        Some((href, lang))
    };
    let pages = session.pages.iter().map(|p| p.html.clone());
    for english in pages.chain(std::iter::once("print.html".to_owned())) {
        let korean = format!("{KO}{english}");
        match follow(&english) {
            Some((href, lang)) if href == session.site.url(&korean) && lang == "ko" => {}
            other => problems.push(format!(
                "{english}: its switch leads to {other:?}, not to {korean} in Korean"
            )),
        }
        match follow(&korean) {
            Some((href, lang)) if href == session.site.url(&english) && lang == "en" => {}
            other => problems.push(format!(
                "{korean}: its switch leads to {other:?}, not back to {english}"
            )),
        }
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
