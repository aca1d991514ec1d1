//! Every page read once at each width, in parallel tabs of one browser, for the tests that only
//! look at pages as they load: what they request and log, where their language switch leads, what
//! overflows, which code blocks are too wide, how `compile_fail` blocks are marked, how big
//! timeline marks and bars are drawn, what each listing's caption and buttons show, whether a quiz's
//! code can be run. Each of those tests checks its own part of the one reading,
//! so a page is loaded twice (once per width) instead of once per test and width, and screenshots
//! of every page are taken on the way when asked for (`$BROWSER_SCREENSHOTS`).

use std::sync::OnceLock;

use super::accessibility::{CLIPPED, Checked, TIMELINE_SIZES, UNMARKED_TABLES, axe_checks};
use book_tools::browser;
use book_tools::browser::axe;
use book_tools::browser::chrome::{Load, Page};

use super::{
    CODE_WIDER_THAN_COLUMN, OVERFLOWING, QUIZ_CODE, READ_LISTINGS, Session, ShownListing,
    every_page_of_every_edition,
};

/// The widths every page is read at: a desktop and a small phone.
pub const WIDTHS: [u32; 2] = [1280, 375];

/// Tabs of the one browser reading pages at once.
pub const TABS: usize = 3;

/// One page as read at one width.
pub struct Read {
    pub page: String,
    pub width: u32,
    /// Where the page scrolls sideways or a table breaks code inside a token (`CLIPPED`).
    pub clipped: Vec<String>,
    /// Tables that scroll without saying so, by their first header.
    pub unmarked_tables: Vec<String>,
    /// Elements that stick out of the page outside boxes that scroll (`OVERFLOWING`).
    pub overflowing: Vec<String>,
    /// The mark each `compile_fail` block shows above its code.
    pub compile_fail_marks: Vec<String>,
    /// Per timeline: its listing, smallest gap between marks of a lane, narrowest bar (px).
    pub timelines: Vec<(String, Option<f64>, Option<f64>)>,
    /// Every captioned listing as shown, on the English book's pages at desktop width (read after
    /// the measures above: it opens the folded Python counterparts).
    pub listings: Vec<ShownListing>,
    /// On a chapter's page at desktop width, its quiz's code blocks: how many, how many of Rust,
    /// how many a reader could run, and the Run buttons of the page outside the quiz.
    pub quiz_code: Option<(usize, usize, usize, usize)>,
    /// Code blocks wider than their column, folded ones opened (read last: it opens them).
    pub code_too_wide: Vec<String>,
    /// `<html lang>` and the page's title.
    pub lang: String,
    pub title: String,
    /// Where the language switch in the menu bar leads, if it can be reached by the keyboard (read
    /// at desktop width).
    pub switch: Option<String>,
    /// What the page requested and logged while it loaded (a first load: the tab's cache is off).
    pub load: Load,
    /// What axe-core found, in each theme it ran in; `None` without axe-core.
    pub(super) axe: Option<Vec<Checked>>,
}

/// Every page of every edition (the print pages included) at every width, read once for the whole
/// test run, and checked by axe-core on the way when it is installed.
pub fn every_page_read(session: &Session) -> &'static [Read] {
    static READS: OnceLock<Vec<Read>> = OnceLock::new();
    READS.get_or_init(|| {
        // Missing, axe-core is reported by its own test (skipped, or failed under CI).
        let axe = axe::script_or_skip(&book_tools::repo_root()).ok().flatten();
        let pages = every_page_of_every_edition(session);
        // The print pages first: each takes as long as a dozen chapters, and started last, one
        // would leave the other tabs idle at the end.
        let mut jobs: Vec<(u32, &str)> = WIDTHS
            .iter()
            .flat_map(|&width| pages.iter().map(move |page| (width, page.as_str())))
            .collect();
        jobs.sort_by_key(|(_, page)| !page.ends_with("print.html"));
        let mut reads = session
            .chromium
            .in_tabs(TABS, &jobs, |tab, &(width, name)| {
                read_page(session, tab, axe.as_deref(), name, width)
            });
        // In the order of the summary, each width after the other, as the tests report them.
        reads.sort_by_key(|read| {
            (
                WIDTHS.iter().position(|&w| w == read.width),
                pages.iter().position(|p| *p == read.page),
            )
        });
        reads
    })
}

fn read_page(session: &Session, tab: &Page, axe: Option<&str>, name: &str, width: u32) -> Read {
    let phone = width < 600;
    tab.set_viewport(width, 900, phone)
        .unwrap_or_else(|e| panic!("{e}"));
    let load = tab
        .load(&session.site.url(name))
        .unwrap_or_else(|e| panic!("{e}"));
    let eval = |script: &str| -> Vec<String> {
        tab.eval(script)
            .unwrap_or_else(|e| panic!("{name} at {width}px: {e}"))
    };
    let clipped = eval(CLIPPED);
    let unmarked_tables = eval(UNMARKED_TABLES);
    let overflowing = if phone { eval(OVERFLOWING) } else { Vec::new() };
    let compile_fail_marks = eval(
        "return Array.from(document.querySelectorAll('main pre > code.compile_fail'))
            .map(c => getComputedStyle(c, '::before').content);",
    );
    // Timelines are measured as drawn at desktop width, on their chapters' pages.
    let timelines = if !phone && !name.ends_with("print.html") {
        tab.eval(TIMELINE_SIZES)
            .unwrap_or_else(|e| panic!("{name}: {e}"))
    } else {
        Vec::new()
    };
    if browser::screenshots_wanted() && !name.ends_with("print.html") {
        let kind = if phone { "phone" } else { "desktop" };
        let shot = session
            .out
            .join("screenshots")
            .join(name.replace(".html", &format!("-{kind}.jpg")));
        tab.screenshot(&shot, width, phone)
            .unwrap_or_else(|e| panic!("{e}"));
    }
    let (lang, title): (String, String) = tab
        .eval("return [document.documentElement.lang, document.title];")
        .unwrap_or_else(|e| panic!("{name}: {e}"));
    let switch: Option<String> = if phone {
        None
    } else {
        tab.eval(
            "const a = document.querySelector('.right-buttons a.language-switch');
             return a && a.tabIndex >= 0 ? a.href : null;",
        )
        .unwrap_or_else(|e| panic!("{name}: {e}"))
    };
    let quiz_code = if phone {
        None
    } else {
        tab.eval(QUIZ_CODE)
            .unwrap_or_else(|e| panic!("{name}: {e}"))
    };
    let listings = if phone || super::edition_of(name).is_some() || name.ends_with("print.html") {
        Vec::new()
    } else {
        tab.eval(READ_LISTINGS)
            .unwrap_or_else(|e| panic!("{name}: {e}"))
    };
    let code_too_wide = if phone {
        Vec::new()
    } else {
        eval(CODE_WIDER_THAN_COLUMN)
    };
    // Last, for it switches themes: axe-core, on the page as the reads above left it.
    let axe = axe.map(|script| axe_checks(tab, script, name, width));
    Read {
        page: name.to_owned(),
        width,
        clipped,
        unmarked_tables,
        overflowing,
        compile_fail_marks,
        timelines,
        listings,
        quiz_code,
        code_too_wide,
        lang,
        title,
        switch,
        load,
        axe,
    }
}
