//! Browser tests' equipment: the built book served on localhost and headless Chromium to read it.

pub mod axe;
pub mod chrome;
// The static server lives beside `serve`, which `cargo serve-book` builds without the browser feature.
pub use crate::site;

use std::path::{Path, PathBuf};

use mdbook_driver::book::BookItem;

use crate::book;

/// Whether the browser tests write screenshots to `target/browser/screenshots/`: only when
/// `$BROWSER_SCREENSHOTS` is set to something other than `0`. A screenshot checks nothing; it is
/// for a person looking into a failure (the GitHub workflow sets the variable and uploads them when a
/// run fails), and drawing every page in full at two widths is a large part of the layer's time.
pub fn screenshots_wanted() -> bool {
    std::env::var_os("BROWSER_SCREENSHOTS").is_some_and(|v| !v.is_empty() && v != "0")
}

/// One page of SUMMARY.md: its title and its HTML file, relative to the book's root.
#[derive(Debug, Clone)]
pub struct SummaryPage {
    pub title: String,
    pub html: String,
}

/// Every page SUMMARY.md lists, in order.
pub fn summary_pages(root: &Path) -> Result<Vec<SummaryPage>, String> {
    let book = book::load(root)?;
    Ok(book
        .book
        .iter()
        .filter_map(|item| match item {
            BookItem::Chapter(ch) => Some(SummaryPage {
                title: ch.name.clone(),
                html: ch
                    .path
                    .as_ref()?
                    .with_extension("html")
                    .to_string_lossy()
                    .replace('\\', "/"),
            }),
            _ => None,
        })
        .collect())
}

/// What to do when no Chromium is found ([`chrome::find_chromium`]).
pub const INSTALL_CHROMIUM: &str =
    "install Debian's `chromium-headless-shell` or `chromium` (as .ci/run does), or set $CHROMIUM";

/// Where Chromium is, `None` when it is missing and that is allowed: locally, browser tests are
/// skipped without it; under CI (`CI=true`) a missing browser is an error.
pub fn chromium_or_skip() -> Result<Option<PathBuf>, String> {
    match chrome::find_chromium() {
        Some(path) => Ok(Some(path)),
        None if std::env::var("CI").is_ok_and(|v| v == "true") => Err(format!(
            "CI=true but Chromium is missing: {INSTALL_CHROMIUM}"
        )),
        None => Ok(None),
    }
}

/// Builds the HTML book into `target/browser/book` for the browser to read.
pub fn build_book(root: &Path) -> Result<PathBuf, String> {
    book::build_html(root, &root.join("target").join("browser").join("book"))
}

/// The first-load weight of each page, as a table: how many requests it made, what HTML, style
/// sheets, scripts and fonts weighed, and everything it downloaded (images too), headers included.
pub fn weight_table(loads: &[(String, chrome::Load)]) -> String {
    let mut table = String::from("page\trequests\tfirst load bytes\tall bytes\n");
    for (page, load) in loads {
        table.push_str(&format!(
            "{page}\t{}\t{}\t{}\n",
            load.requests.len(),
            load.first_load_bytes(),
            load.bytes()
        ));
    }
    table
}
