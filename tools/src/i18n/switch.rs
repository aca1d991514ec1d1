//! Links between the editions, written into the built pages: a switch in the menu bar that leads
//! to the same page in the other language, and `<link rel="alternate" hreflang>` in each head. A
//! translated edition also gets mdBook's interface (button labels, the search box, the keyboard
//! help) in its language.
//!
//! This runs on the built HTML because mdBook's templates cannot compute a page's path in another
//! build directory, and it needs no script: the switch works without JavaScript.

use std::fs;
use std::path::{Path, PathBuf};

use super::edition::{ENGLISH, Edition, TRANSLATIONS};

/// Where the switch goes: the first thing in the menu bar's right-hand buttons.
const RIGHT_BUTTONS: &str = r#"<div class="right-buttons">"#;
/// The marker of a page already linked, so that a rebuilt page is never linked twice.
const SWITCH_CLASS: &str = "language-switch";

/// mdBook's interface texts, in each translation: `(English, translated)`. Each is replaced only
/// where the template writes it, inside an attribute or between tags.
fn interface(edition: Edition) -> &'static [(&'static str, &'static str)] {
    match edition.lang {
        "ko" => &[
            ("Toggle Table of Contents", "목차 열고 닫기"),
            ("Table of contents", "목차"),
            ("Change theme", "테마 바꾸기"),
            ("Themes", "테마"),
            ("Toggle Searchbar", "검색창 열고 닫기"),
            ("Search (`/`)", "검색 (`/`)"),
            ("Search this book ...", "이 책에서 검색 ..."),
            ("Print this book", "이 책 인쇄하기"),
            ("Previous chapter", "이전 장"),
            ("Next chapter", "다음 장"),
            ("Page navigation", "페이지 이동"),
            ("Keyboard shortcuts", "키보드 단축키"),
            ("Git repository", "Git 저장소"),
            ("Suggest an edit", "수정 제안하기"),
            ("Skip to the page's content", "본문으로 건너뛰기"),
        ],
        _ => &[],
    }
}

/// Phrases replaced whole: the keyboard help's, the theme menu's, the sidebar frame's.
fn phrases(edition: Edition) -> &'static [(&'static str, &'static str)] {
    match edition.lang {
        "ko" => &[
            (
                "<p>Press <kbd>←</kbd> or <kbd>→</kbd> to navigate between chapters</p>",
                "<p><kbd>←</kbd>나 <kbd>→</kbd>를 누르면 이전 장이나 다음 장으로 갑니다</p>",
            ),
            (
                "<p>Press <kbd>S</kbd> or <kbd>/</kbd> to search in the book</p>",
                "<p><kbd>S</kbd>나 <kbd>/</kbd>를 누르면 책에서 검색합니다</p>",
            ),
            (
                "<p>Press <kbd>?</kbd> to show this help</p>",
                "<p><kbd>?</kbd>를 누르면 이 도움말이 열립니다</p>",
            ),
            (
                "<p>Press <kbd>Esc</kbd> to hide this help</p>",
                "<p><kbd>Esc</kbd>를 누르면 이 도움말이 닫힙니다</p>",
            ),
            (
                r#"id="mdbook-theme-default_theme">Auto<"#,
                r#"id="mdbook-theme-default_theme">자동(시스템 설정)<"#,
            ),
            (
                r#"id="mdbook-theme-light">Light<"#,
                r#"id="mdbook-theme-light">밝은 테마<"#,
            ),
            (
                r#"id="mdbook-theme-rust">Rust<"#,
                r#"id="mdbook-theme-rust">러스트(베이지)<"#,
            ),
            (
                r#"id="mdbook-theme-coal">Coal<"#,
                r#"id="mdbook-theme-coal">콜(어두운 회색)<"#,
            ),
            (
                r#"id="mdbook-theme-navy">Navy<"#,
                r#"id="mdbook-theme-navy">네이비(어두운 남색)<"#,
            ),
            (
                r#"id="mdbook-theme-ayu">Ayu<"#,
                r#"id="mdbook-theme-ayu">아유(어두운 테마)<"#,
            ),
            ("<title>Contents - ", "<title>목차 - "),
            (
                r#"<h1 class="visually-hidden">Contents</h1>"#,
                r#"<h1 class="visually-hidden">목차</h1>"#,
            ),
        ],
        _ => &[],
    }
}

/// Strings of mdBook's scripts a reader sees (button titles, messages), quoted as the scripts quote
/// them, in each translation: `(English, translated)`.
fn script_strings(edition: Edition) -> &'static [(&'static str, &'static str)] {
    match edition.lang {
        "ko" => &[
            ("'Copy to clipboard'", "'클립보드에 복사'"),
            ("'Copied!'", "'복사했습니다!'"),
            ("'Clipboard error!'", "'클립보드 오류!'"),
            ("'Run this code'", "'이 코드 실행'"),
            ("'Running...'", "'실행 중...'"),
            ("'No output'", "'출력 없음'"),
            ("'Hide lines'", "'줄 숨기기'"),
            ("'Show hidden lines'", "'숨긴 줄 보기'"),
            ("\"Show hidden lines\"", "\"숨긴 줄 보기\""),
            ("'Undo changes'", "'변경 되돌리기'"),
            ("'Table'", "'표'"),
            ("'Code block'", "'코드 블록'"),
            ("', scrolls sideways'", "', 옆으로 스크롤됨'"),
            (
                "aria-label=\"Search Result Teaser\"",
                "aria-label=\"검색 결과 미리 보기\"",
            ),
            ("' search result for \\''", "'개의 검색 결과: \\''"),
            ("' search results for \\''", "'개의 검색 결과: \\''"),
            ("'No search results for \\''", "'검색 결과 없음: \\''"),
        ],
        _ => &[],
    }
}

/// mdBook's scripts in a translated edition's directory, speaking its language.
fn localize_scripts(dir: &Path, edition: Edition) -> Result<(), String> {
    let entries = fs::read_dir(dir).map_err(|e| format!("cannot read {}: {e}", dir.display()))?;
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if !(name.starts_with("book-") || name.starts_with("searcher-")) || !name.ends_with(".js") {
            continue;
        }
        rewrite(&entry.path(), |script| {
            script_strings(edition)
                .iter()
                .fold(script.to_owned(), |text, (english, translated)| {
                    text.replace(english, translated)
                })
        })?;
    }
    Ok(())
}

/// Links every page of the English book in `english` to the same page of each translation in
/// `english/LANG/`, and back, and gives each translation mdBook's interface in its language.
pub fn link_editions(english: &Path, translations: &[Edition]) -> Result<(), String> {
    for translation in translations {
        localize_scripts(&translation.build_dir(english), *translation)?;
    }
    for page in pages(english, english)? {
        for translation in translations {
            let translated = translation.build_dir(english).join(&page);
            if !translated.is_file() {
                return Err(format!(
                    "{} has no page {} in the {} edition",
                    english.join(&page).display(),
                    translated.display(),
                    translation.name
                ));
            }
            let depth = page.components().count() - 1;
            let up = "../".repeat(depth);
            let page_url = page.to_string_lossy().replace('\\', "/");
            rewrite(&english.join(&page), |html| {
                link_page(
                    html,
                    *translation,
                    &format!("{up}{}/{page_url}", translation.lang),
                )
            })?;
            rewrite(&translated, |html| {
                let html = link_page(html, ENGLISH, &format!("../{up}{page_url}"));
                localize_interface(&html, *translation)
            })?;
        }
    }
    Ok(())
}

/// The page with a switch to `other` at `href` (relative to the page), if it has a menu bar.
fn link_page(html: &str, other: Edition, href: &str) -> String {
    if html.contains(SWITCH_CLASS) {
        return html.to_owned();
    }
    let mut html = html.replacen(
        "</head>",
        &format!(
            r#"<link rel="alternate" hreflang="{lang}" href="{href}">
</head>"#,
            lang = other.lang
        ),
        1,
    );
    if html.contains(RIGHT_BUTTONS) {
        html = html.replacen(
            RIGHT_BUTTONS,
            &format!(
                r#"{RIGHT_BUTTONS}
<a class="{SWITCH_CLASS}" href="{href}" hreflang="{lang}" lang="{lang}">{name}</a>"#,
                lang = other.lang,
                name = other.name
            ),
            1,
        );
    }
    html
}

/// mdBook's interface texts in the page, translated.
fn localize_interface(html: &str, edition: Edition) -> String {
    let mut html = html.to_owned();
    for (english, translated) in interface(edition) {
        for (before, after) in [("=\"", "\""), (">", "<")] {
            html = html.replace(
                &format!("{before}{english}{after}"),
                &format!("{before}{translated}{after}"),
            );
        }
    }
    for (english, translated) in phrases(edition) {
        html = html.replace(english, translated);
    }
    html
}

fn rewrite(path: &Path, change: impl FnOnce(&str) -> String) -> Result<(), String> {
    let html =
        fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    fs::write(path, change(&html)).map_err(|e| format!("cannot write {}: {e}", path.display()))
}

/// The HTML pages under `dir` (relative to `base`), leaving out the translations' directories.
fn pages(base: &Path, dir: &Path) -> Result<Vec<PathBuf>, String> {
    let mut found = Vec::new();
    let entries = fs::read_dir(dir).map_err(|e| format!("cannot read {}: {e}", dir.display()))?;
    for entry in entries.flatten() {
        let path = entry.path();
        let relative = path.strip_prefix(base).expect("under base").to_path_buf();
        if path.is_dir() {
            let is_translation =
                dir == base && TRANSLATIONS.iter().any(|t| relative == Path::new(t.lang));
            // Generated fragments (quizzes, timelines) are included in pages, not pages themselves.
            let is_fragments = relative.starts_with("quizzes") || relative.starts_with("timelines");
            if !is_translation && !is_fragments {
                found.extend(pages(base, &path)?);
            }
        } else if path.extension().is_some_and(|e| e == "html") {
            found.push(relative);
        }
    }
    found.sort();
    Ok(found)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::edition::KOREAN;

    #[test]
    fn a_page_gets_one_switch_and_one_alternate() {
        let page = "<head></head><div class=\"right-buttons\"></div>";
        let once = link_page(page, KOREAN, "ko/ch01.html");
        assert_eq!(link_page(&once, KOREAN, "ko/ch01.html"), once);
        assert!(once.contains(
            r#"<a class="language-switch" href="ko/ch01.html" hreflang="ko" lang="ko">한국어</a>"#
        ));
        assert!(once.contains(r#"<link rel="alternate" hreflang="ko" href="ko/ch01.html">"#));
    }

    #[test]
    fn interface_texts_are_translated_in_attributes_only() {
        let page = r#"<a title="Next chapter">Next chapter is here</a>"#;
        assert_eq!(
            localize_interface(page, KOREAN),
            r#"<a title="다음 장">Next chapter is here</a>"#
        );
    }
}
