//! Every page of a translated edition is titled in its language.
//!
//! A page's `<title>` (what a tab, a bookmark and a search result show) is its chapter's name as
//! the summary gives it, with Markdown stripped: a summary line the translation misses leaves it in
//! English while the page's own heading is translated, and nothing on the page shows it.

use std::fs;
use std::path::Path;
use std::sync::LazyLock;

use regex::Regex;

use super::check::has_hangul;
use super::edition::TRANSLATIONS;

static TITLE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"<title>([^<]*)</title>").expect("valid"));

/// The pages of each translated edition (under `html_dir`) whose title, before the book's name,
/// has no word of the edition's language.
pub fn check(html_dir: &Path) -> Vec<String> {
    let mut problems = Vec::new();
    for edition in TRANSLATIONS {
        let dir = edition.build_dir(html_dir);
        let mut pages: Vec<_> = fs::read_dir(&dir)
            .into_iter()
            .flatten()
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e == "html"))
            .collect();
        pages.sort();
        for page in pages {
            let html = fs::read_to_string(&page).unwrap_or_default();
            let Some(title) = TITLE.captures(&html).map(|c| c[1].to_owned()) else {
                continue;
            };
            // "Chapter - Book"; the book's page (print.html) has the book's name alone.
            let own = title
                .rsplit_once(" - ")
                .map_or(title.as_str(), |(own, _)| own);
            if !has_hangul(own) {
                problems.push(format!(
                    "{}/{}: titled \"{own}\" in the {} edition",
                    edition.lang,
                    page.file_name().unwrap_or_default().to_string_lossy(),
                    edition.name
                ));
            }
        }
    }
    problems
}
