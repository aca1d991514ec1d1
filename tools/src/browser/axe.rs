//! axe-core, the accessibility checker the browser tests run in every page.
//!
//! It comes from the npm registry, pinned in `tests/browser/axe/package-lock.json`; `.ci/run`
//! installs it under `target/axe/`. `$AXE_CORE` may name another copy of `axe.min.js`.

use std::path::{Path, PathBuf};

/// The themes mdBook offers; each is a class on `<html>`.
pub const THEMES: [&str; 5] = ["light", "rust", "coal", "navy", "ayu"];

/// Where `.ci/run` installs axe-core, relative to the repository.
pub const INSTALLED: &str = "target/axe/node_modules/axe-core/axe.min.js";

/// axe-core's script, `None` when it is missing and that is allowed: locally the accessibility
/// checks are skipped without it; under CI (`CI=true`) a missing axe-core is an error.
pub fn script_or_skip(root: &Path) -> Result<Option<String>, String> {
    let path = std::env::var_os("AXE_CORE")
        .map(PathBuf::from)
        .unwrap_or_else(|| root.join(INSTALLED));
    match std::fs::read_to_string(&path) {
        Ok(script) => Ok(Some(script)),
        Err(_) if std::env::var("CI").is_ok_and(|v| v == "true") => Err(format!(
            "CI=true but axe-core is missing at {}: install it as .ci/run does \
             (npm ci --prefix target/axe) or set $AXE_CORE",
            path.display()
        )),
        Err(_) => Ok(None),
    }
}

/// One finding of axe-core on one page, in one theme, at one width.
#[derive(Debug, Clone, serde::Deserialize)]
pub struct Finding {
    pub rule: String,
    pub impact: String,
    pub help: String,
    /// How many elements break the rule, and the first few of them.
    pub nodes: usize,
    pub targets: Vec<String>,
}

/// A finding that is a false positive, and why.
pub struct Allowed {
    pub rule: &'static str,
    /// A CSS selector axe names for the element.
    pub target: &'static str,
    pub reason: &'static str,
}

/// Runs axe-core (already injected) in the page's current state and returns every finding, of any
/// impact: a moderate `region` or a minor `aria-allowed-role` is a barrier to someone too. The sidebar's frame holds the table of contents, which is checked as a page
/// of its own (`toc.html`); axe does not wait for it.
pub const RUN: &str = r#"
    const results = await axe.run(document, {
        iframes: false,
        resultTypes: ['violations'],
        RULES
    });
    return results.violations
        .map(v => ({
            rule: v.id,
            impact: v.impact,
            help: v.help,
            nodes: v.nodes.length,
            targets: v.nodes.map(n => n.target.join(' ')),
        }));
"#;

/// Every rule of WCAG 2.x A and AA, and axe's best practices (`RULES` in [`RUN`]).
pub const ALL_RULES: &str = "runOnly: { type: 'tag', values: \
    ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },";

/// The rules whose outcome a theme can change: a theme changes colours and nothing else.
pub const COLOUR_RULES: &str =
    "runOnly: { type: 'rule', values: ['color-contrast', 'link-in-text-block'] },";

/// Every rule but those about colour: [`ALL_RULES`] is [`COLOUR_RULES`] and these. They are the
/// rules a page needs where its colours were checked on another page with the same elements.
pub const NON_COLOUR_RULES: &str = "runOnly: { type: 'tag', values: \
    ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] }, \
    rules: { 'color-contrast': { enabled: false }, 'link-in-text-block': { enabled: false } },";
