//! The accessibility layer: axe-core reads every page in each of mdBook's five themes, at desktop
//! and phone width, and finds nothing, of any impact: WCAG 2.2 A and AA and axe's best practices.
//!
//! axe-core is pinned in `tests/browser/axe/` and installed by `.ci/run` under `target/axe/` (or
//! named by `$AXE_CORE`). Without it these checks say so on the terminal and pass; under `CI=true`
//! they fail.
//! A count of every finding by rule, theme and width is written to
//! `target/browser/accessibility.tsv`.

use std::collections::BTreeMap;
use std::fs;

use book_tools::browser::axe::{self, Allowed, Finding, THEMES};
use book_tools::repo_root;

use super::pages::{TABS, WIDTHS, every_page_read};
use book_tools::i18n::edition::TRANSLATIONS;

use book_tools::browser::chrome::Page;

use super::{assert_none, page, session};

/// Findings that are false positives, each with the reason. Keep it short.
const ALLOWED: &[Allowed] = &[];

/// Turns off transitions, so that a theme switched in place shows its final colours at once.
pub(super) const NO_TRANSITIONS: &str = "
    const style = document.createElement('style');
    style.textContent = '*, *::before, *::after { transition: none !important; animation: none !important; }';
    document.head.append(style);
";

/// Switches the theme in place with mdBook's own theme menu, which also swaps the highlighting
/// style sheet that dark themes use. The menu takes the theme to leave from `localStorage`, which
/// the other tabs share and change, so any other theme's class is then taken off here. The
/// sidebar's frame (`toc.html`) has no menu: its page sets the theme's class, as it does here.
const SWITCH_THEME: &str = "
    const html = document.documentElement;
    if (document.body.classList.contains('sidebar-iframe-inner')) {
        html.classList.add(THEME);
    } else {
        document.getElementById('mdbook-theme-' + THEME).click();
    }
    for (const other of THEMES) {
        if (other !== THEME) html.classList.remove(other);
    }
    void html.offsetHeight;
    return html.classList.contains(THEME);
";

/// What one page gave, at one width, in one theme.
pub(super) struct Checked {
    page: String,
    width: u32,
    theme: &'static str,
    findings: Vec<Finding>,
}

/// Runs axe-core on the page `tab` holds (`name`, loaded at `width`), in each theme where it has
/// something to find, and leaves the page in the first theme.
pub(super) fn axe_checks(tab: &Page, script: &str, name: &str, width: u32) -> Vec<Checked> {
    tab.run_script(script).unwrap_or_else(|e| panic!("{e}"));
    tab.eval::<()>(&format!("{NO_TRANSITIONS} return null;"))
        .unwrap_or_else(|e| panic!("{e}"));
    // Colours are checked where they can first differ: on the English chapters at desktop width,
    // in every theme. Elsewhere every other rule runs, in the first theme:
    // - at phone width, because no width changes a colour (no media query on the width sets one:
    //   `no_colour_depends_on_the_width_or_the_language` holds the theme to that), so the colour
    //   rules found at 1280 px what they would find at 375 px;
    // - on a translated page, because it has the English page's elements and classes
    //   (`every_edition_shows_the_code_blocks_and_ids_of_the_english_book` and the translation
    //   checks), and no `:lang` rule sets a colour (the same test);
    // - on a print page, which holds the chapters with their own styles. What it alone has, the
    //   chapters' ids and headings in one document, is the same at any width, so it is read at
    //   desktop width only.
    if name.ends_with("print.html") && width < 600 {
        return Vec::new();
    }
    let translated = super::edition_of(name).is_some();
    let colours_here = !(name.ends_with("print.html") || width < 600 || translated);
    let themes = if colours_here {
        &THEMES[..]
    } else {
        &THEMES[..1]
    };
    let mut results = Vec::new();
    // The first theme last, so that the page is left as it loaded.
    for &theme in themes.iter().skip(1).chain(&THEMES[..1]) {
        let switched: bool = tab
            .eval(
                &SWITCH_THEME
                    .replace("THEMES", &format!("{THEMES:?}"))
                    .replace("THEME", &format!("{theme:?}")),
            )
            .unwrap_or_else(|e| panic!("{e}"));
        assert!(
            switched,
            "{name}: mdBook's menu did not switch to theme {theme}"
        );
        // A theme changes colours only: every rule runs in the first theme, the rules about
        // colour in the others.
        let rules = match (colours_here, theme == THEMES[0]) {
            (true, true) => axe::ALL_RULES,
            (true, false) => axe::COLOUR_RULES,
            (false, _) => axe::NON_COLOUR_RULES,
        };
        let findings: Vec<Finding> = tab
            .eval_async(&axe::RUN.replace("RULES", rules))
            .unwrap_or_else(|e| panic!("{name} at {width}px, theme {theme}: {e}"));
        results.push(Checked {
            page: name.to_owned(),
            width,
            theme,
            findings,
        });
    }
    results
}

/// Colour properties a media query on the screen's width must not set.
const COLOUR_PROPERTIES: [&str; 8] = [
    "color",
    "background",
    "background-color",
    "background-image",
    "border-color",
    "opacity",
    "fill",
    "stroke",
];

/// Every block of a style sheet, at any depth: what stands before its `{` (a selector or an
/// at-rule's prelude) and what is between its braces.
fn css_blocks(css: &str) -> Vec<(String, String)> {
    let mut blocks = Vec::new();
    let mut rest = css;
    while let Some(open) = rest.find('{') {
        let prelude_start = rest[..open].rfind(['}', ';']).map_or(0, |i| i + 1);
        let prelude = rest[prelude_start..open].trim().to_owned();
        let mut depth = 1;
        let mut end = rest.len();
        for (i, c) in rest[open + 1..].char_indices() {
            depth += match c {
                '{' => 1,
                '}' => -1,
                _ => 0,
            };
            if depth == 0 {
                end = open + 1 + i;
                break;
            }
        }
        let body = &rest[open + 1..end];
        blocks.push((prelude, body.to_owned()));
        if body.contains('{') {
            blocks.extend(css_blocks(body));
        }
        rest = &rest[(end + 1).min(rest.len())..];
    }
    blocks
}

/// The themes' colours are the same at every width and in every language, which is why axe's
/// colour rules run at desktop width and on the English pages only: no `@media` rule on the width
/// and no rule for a `:lang` in the book's style sheets sets a colour, so an element shown at both
/// widths, or in both editions, has the same colours in each.
#[test]
fn no_colour_depends_on_the_width_or_the_language() {
    let root = repo_root();
    let sheets: Vec<_> = fs::read_dir(root.join("theme"))
        .expect("theme/ exists")
        .map(|e| e.expect("a readable entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "css"))
        .collect();
    assert!(!sheets.is_empty(), "no style sheet found under theme/");
    let mut problems = Vec::new();
    for sheet in sheets {
        let css = fs::read_to_string(&sheet).expect("a readable style sheet");
        for (prelude, body) in css_blocks(&css) {
            let by_width = prelude.starts_with("@media") && prelude.contains("width");
            if !by_width && !prelude.contains(":lang(") {
                continue;
            }
            for declaration in body.split(['{', '}', ';']) {
                let Some((property, _)) = declaration.split_once(':') else {
                    continue;
                };
                let property = property.trim();
                if COLOUR_PROPERTIES.contains(&property) {
                    problems.push(format!(
                        "{}: `{prelude}` sets `{}`: axe checks colours only at 1280 px and on \
                         the English pages (tests/browser/accessibility.rs)",
                        sheet.strip_prefix(&root).unwrap_or(&sheet).display(),
                        declaration.trim()
                    ));
                }
            }
        }
    }
    assert_none(
        "colours that change with the width or the language",
        problems,
    );
}

/// A table of how many elements break each rule, by theme and width, for the record.
fn counts(results: &[Checked]) -> String {
    let mut by: BTreeMap<(String, u32, &str), (String, usize)> = BTreeMap::new();
    for r in results {
        for f in &r.findings {
            let entry = by
                .entry((f.rule.clone(), r.width, r.theme))
                .or_insert((f.impact.clone(), 0));
            entry.1 += f.nodes;
        }
    }
    let mut table = String::from("rule\timpact\twidth\ttheme\telements\n");
    for ((rule, width, theme), (impact, nodes)) in by {
        table.push_str(&format!("{rule}\t{impact}\t{width}\t{theme}\t{nodes}\n"));
    }
    table
}

fn allowed(finding: &Finding, target: &str) -> bool {
    ALLOWED
        .iter()
        .any(|a| a.rule == finding.rule && a.target == target)
}

#[test]
fn every_page_passes_axe_in_every_theme_and_width() {
    let Some(session) = session() else { return };
    let session = &session;
    let Some(script) = axe::script_or_skip(&repo_root()).unwrap_or_else(|e| panic!("{e}")) else {
        book_tools::skip::announce(
            "the accessibility checks (axe-core)",
            &format!(
                "axe-core not found at {} (install it as .ci/run does, or set $AXE_CORE); \
                 under CI=true this is a failure",
                axe::INSTALLED
            ),
        );
        return;
    };
    // Every page of every edition was checked as it was read (`pages::every_page_read`). The
    // sidebar's frame, for readers without JavaScript, is a page of its own in each edition.
    let mut results: Vec<Checked> = every_page_read(session)
        .iter()
        .flat_map(|read| read.axe.iter().flatten())
        .map(|c| Checked {
            page: c.page.clone(),
            width: c.width,
            theme: c.theme,
            findings: c.findings.clone(),
        })
        .collect();
    let frames: Vec<(u32, String)> = WIDTHS
        .iter()
        .flat_map(|&width| {
            std::iter::once("toc.html".to_owned())
                .chain(TRANSLATIONS.iter().map(|e| format!("{}/toc.html", e.lang)))
                .map(move |page| (width, page))
        })
        .collect();
    results.extend(
        session
            .chromium
            .in_tabs(TABS, &frames, |tab, (width, name)| {
                tab.set_viewport(*width, 900, *width < 600)
                    .unwrap_or_else(|e| panic!("{e}"));
                tab.load(&session.site.url(name))
                    .unwrap_or_else(|e| panic!("{e}"));
                axe_checks(tab, &script, name, *width)
            })
            .into_iter()
            .flatten(),
    );
    fs::create_dir_all(&session.out).expect("target/browser exists");
    fs::write(session.out.join("accessibility.tsv"), counts(&results))
        .expect("accessibility counts written");
    let mut problems = Vec::new();
    for r in &results {
        for f in &r.findings {
            let targets: Vec<&String> = f.targets.iter().filter(|t| !allowed(f, t)).collect();
            if targets.is_empty() {
                continue;
            }
            problems.push(format!(
                "{} at {}px, theme {}: {} ({}, {} elements): {}; first: {}",
                r.page,
                r.width,
                r.theme,
                f.rule,
                f.impact,
                targets.len(),
                f.help,
                targets
                    .iter()
                    .take(3)
                    .map(|t| t.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            ));
        }
    }
    assert_none(
        "accessibility findings (counts in target/browser/accessibility.tsv)",
        problems,
    );
}

/// Where a page is wider than the screen, and where a table's code breaks inside a token (a line
/// break between two characters that are not spaces), at the page's current width.
pub(super) const CLIPPED: &str = r#"
    const out = [];
    const width = document.documentElement.clientWidth;
    if (document.documentElement.scrollWidth > width) {
        out.push(`the page scrolls sideways: ${document.documentElement.scrollWidth}px wide on a ${width}px screen`);
    }
    // Code in a cell may wrap at a space or at a <wbr> the build put in, never inside a name.
    for (const code of document.querySelectorAll('main td code, main th code')) {
        const walker = document.createTreeWalker(code, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
        const range = document.createRange();
        let top = null, prev = '', wbr = false, broken = false;
        const text = code.textContent;
        for (let node = walker.nextNode(); node && !broken; node = walker.nextNode()) {
            if (node.nodeType === Node.ELEMENT_NODE) {
                wbr = wbr || node.nodeName === 'WBR';
                continue;
            }
            const afterWbr = wbr;
            wbr = false;
            for (let i = 0; i < node.length; i++) {
                const ch = node.data[i];
                range.setStart(node, i);
                range.setEnd(node, i + 1);
                const rect = range.getBoundingClientRect();
                if (rect.width > 0) {
                    const allowed = /\s/.test(ch) || /\s/.test(prev) || (i === 0 && afterWbr);
                    if (top !== null && rect.top > top + 2 && !allowed) {
                        out.push(`table code \`${text}\` breaks inside a token before \`${node.data.slice(i, i + 10)}\``);
                        broken = true;
                        break;
                    }
                    top = rect.top;
                }
                prev = ch;
            }
        }
    }
    return out;
"#;

/// Tables wider than their column that do not say they scroll (and take keyboard focus), by their
/// first header.
pub(super) const UNMARKED_TABLES: &str = "
    return Array.from(document.querySelectorAll('main .table-wrapper'))
        .filter(w => w.scrollWidth > w.clientWidth + 1)
        .filter(w => !w.classList.contains('scrolls') || w.tabIndex !== 0)
        .map(w => w.querySelector('th') ? w.querySelector('th').textContent : '?');
";

/// No page scrolls sideways, at desktop or phone width, and no table breaks its code inside a
/// token: a table too wide for the column scrolls inside itself, and says so.
#[test]
fn no_page_scrolls_sideways_and_no_table_breaks_code() {
    let Some(session) = session() else { return };
    let mut problems = Vec::new();
    for read in every_page_read(&session) {
        let at = format!("{} at {}px", read.page, read.width);
        problems.extend(read.clipped.iter().map(|p| format!("{at}: {p}")));
        problems.extend(
            read.unmarked_tables
                .iter()
                .map(|t| format!("{at}: the table headed `{t}` scrolls without saying so")),
        );
    }
    assert_none("clipped pages and tables", problems);
}

/// A block that must not compile is marked so, visibly, above its code.
#[test]
fn compile_fail_blocks_say_they_do_not_compile() {
    let Some(session) = session() else { return };
    let mut problems = Vec::new();
    let mut seen = 0;
    for read in every_page_read(&session)
        .iter()
        .filter(|r| r.width == WIDTHS[0])
    {
        seen += read.compile_fail_marks.len();
        // Each edition says it in its own language.
        let expected = match super::edition_of(&read.page) {
            Some(_) => "\"컴파일되지 않음\"",
            None => "\"Does not compile\"",
        };
        for mark in &read.compile_fail_marks {
            if mark != expected {
                problems.push(format!(
                    "{}: a compile_fail block is marked {mark}, not {expected}",
                    read.page
                ));
            }
        }
    }
    if seen == 0 {
        problems.push("no compile_fail block found on any page".to_owned());
    }
    assert_none("compile_fail marks", problems);
}

/// For each timeline of the page, as run 1 draws it: the smallest gap between two marks of one
/// lane and the narrowest bar, in CSS pixels as shown, and the labels of the legend.
pub(super) const TIMELINE_SIZES: &str = r#"
    return Array.from(document.querySelectorAll('figure.timeline')).map(figure => {
        const svg = figure.querySelector('svg.timeline-run:not([hidden])');
        const lanes = new Map();
        for (const mark of svg.querySelectorAll('.timeline-mark')) {
            const r = mark.getBoundingClientRect();
            const y = Math.round(r.top + r.height / 2);
            if (!lanes.has(y)) lanes.set(y, []);
            lanes.get(y).push(r);
        }
        let gap = null;
        for (const marks of lanes.values()) {
            marks.sort((a, b) => a.left - b.left);
            for (let i = 1; i < marks.length; i++) {
                const g = marks[i].left - marks[i - 1].right;
                if (gap === null || g < gap) gap = g;
            }
        }
        let bar = null;
        for (const rect of svg.querySelectorAll('rect.timeline-span')) {
            const w = rect.getBoundingClientRect().width;
            if (bar === null || w < bar) bar = w;
        }
        return [figure.dataset.listing, gap, bar];
    });
"#;

/// The least a bar must measure on screen to be seen as a bar, in CSS pixels.
const MIN_BAR: f64 = 3.0;

/// In every timeline no two marks of one lane overlap, and every bar the legend names is wide
/// enough to see, at desktop width. With `$BROWSER_SCREENSHOTS` set, screenshots of three listings'
/// figures, at both widths, are written out for review.
#[test]
fn timeline_marks_never_overlap_and_bars_can_be_seen() {
    let Some(session) = session() else { return };
    let mut problems = Vec::new();
    let mut measured =
        String::from("listing\tsmallest gap between marks of a lane (px)\tnarrowest bar (px)\n");
    let mut figures = 0;
    for read in every_page_read(&session)
        .iter()
        .filter(|r| r.width == WIDTHS[0])
    {
        let name = &read.page;
        for (listing, gap, bar) in &read.timelines {
            let (gap, bar) = (*gap, *bar);
            figures += 1;
            let show = |v: Option<f64>| v.map_or("-".to_owned(), |v| format!("{v:.1}"));
            measured.push_str(&format!("{listing}\t{}\t{}\n", show(gap), show(bar)));
            if let Some(gap) = gap.filter(|g| *g < 0.5) {
                problems.push(format!(
                    "{name}: timeline of {listing}: two marks of one lane overlap ({gap:.1} px apart)"
                ));
            }
            if let Some(bar) = bar.filter(|b| *b < MIN_BAR) {
                problems.push(format!(
                    "{name}: timeline of {listing}: a bar of its legend is {bar:.1} px wide, less than {MIN_BAR} px"
                ));
            }
        }
    }
    fs::create_dir_all(&session.out).expect("target/browser exists");
    fs::write(session.out.join("timeline-sizes.tsv"), measured).expect("sizes written");
    if figures == 0 {
        problems.push("no timeline found on any page".to_owned());
    }
    let tab = page(&session);
    let screenshots: &[(&str, &str)] = if book_tools::browser::screenshots_wanted() {
        &[
            ("ch06-03-other-signals", "ch06-events.html"),
            ("ch07-03-blocking-and-nonblocking", "ch07-locks.html"),
            ("ch08-01-reentrant-mutex", "ch08-reentrant-locks.html"),
        ]
    } else {
        &[]
    };
    for &(listing, chapter) in screenshots {
        for width in WIDTHS {
            tab.set_viewport(width, 900, width < 600)
                .unwrap_or_else(|e| panic!("{e}"));
            tab.load(&session.site.url(chapter))
                .unwrap_or_else(|e| panic!("{e}"));
            let shot = session
                .out
                .join("screenshots")
                .join(format!("timeline-{listing}-{width}.jpg"));
            tab.screenshot_at(&format!("figure.timeline[data-listing='{listing}']"), &shot)
                .unwrap_or_else(|e| panic!("{e}"));
        }
    }
    assert_none("timelines", problems);
}

/// A mark that takes keyboard focus, and each press of Step, put the line's place, text and time
/// in the status line, which screen readers announce (`aria-live`).
#[test]
fn timelines_announce_the_line_and_its_time_on_focus_and_step() {
    let Some(session) = session() else { return };
    let tab = page(&session);
    tab.load(&session.site.url("ch07-locks.html"))
        .unwrap_or_else(|e| panic!("{e}"));
    let figure = "figure.timeline[data-listing='ch07-03-blocking-and-nonblocking']";
    let read = |script: &str| -> (String, String, String) {
        tab.eval(&format!(
            "const figure = document.querySelector({figure:?});
             {script}
             const status = figure.querySelector('.timeline-status');
             const mark = figure.querySelector('svg.timeline-run:not([hidden]) .timeline-mark.is-current');
             return [status.textContent, status.getAttribute('aria-live') || '',
                     mark ? mark.querySelector('title').textContent : ''];"
        ))
        .unwrap_or_else(|e| panic!("{e}"))
    };
    let (focused, live, title) = read(
        "figure.querySelector('svg.timeline-run:not([hidden]) .timeline-mark[data-line=\"0\"]').focus();",
    );
    assert_eq!(live, "polite", "the status line must be announced");
    assert!(
        title.ends_with(" ms)") && focused.starts_with("line 1 of ") && focused.ends_with(&title),
        "focusing mark 1 should announce `line 1 of N: {title}`, not `{focused}`"
    );
    let (stepped, _, title) = read("figure.querySelector('.timeline-step').click();");
    assert!(
        stepped.starts_with("line 1 of ") && stepped.ends_with(&title) && !title.is_empty(),
        "Step should announce `line 1 of N: {title}`, not `{stepped}`"
    );
}
