//! The book's versions of mdBook's front-end files, derived from the pinned mdBook release so that
//! an upgrade is a regeneration, not a merge.
//!
//! - `theme/highlight.js`: mdBook's highlight.js with only the languages the book uses. The full
//!   file (137 KB, about forty languages) is the largest thing a page would load.
//! - `theme/book.js`: mdBook's book.js with `theme/patches/book.js.patch` applied (a page no longer
//!   asks the Rust playground for its crate list while it loads; the copy buttons use the browser's
//!   clipboard API, so the ClipboardJS library is not loaded), minified.
//! - `theme/index.hbs`: mdBook's page template with `theme/patches/index.hbs.patch` applied (search's
//!   scripts load when a reader first asks for search).
//! - `theme/toc.js.hbs`: the template of the sidebar's script, minified.
//! - `theme/toc.html.hbs`: the template of mdBook's no-JavaScript sidebar frame, `toc.html`, with
//!   `theme/patches/toc.html.hbs.patch` applied (the frame gets a `<title>`).
//! - `theme/css/{chrome,general,variables}.css`: mdBook's style sheets, minified.
//! - `theme/favicon.svg`: mdBook's own icon; providing only the SVG keeps the PNG from loading too.
//! - `theme/min/timeline.js`, `theme/min/quiz.js`: the book's own scripts, minified; the pages load
//!   these, and `theme/timeline.js` and `theme/quiz.js` are their sources.
//! - `theme/min/{listings,timeline,quiz,accessible,editions}.css`: the book's own style sheets,
//!   minified from `theme/NAME.css` in the same way.
//!
//! The patches are the only hand-written part. To change one, apply it to mdBook's file, edit the
//! result and diff again (`diff -u`). `cargo run -p book-tools --bin theme-assets` then rewrites
//! the derived files; the book lint fails while any of them is stale.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::LazyLock;

use regex::Regex;
use serde::Deserialize;

/// highlight.js languages the book keeps, by the name highlight.js registers them under. Each one
/// also answers to its aliases (`console` is `shell`, `text` is `plaintext`, `toml` is `ini`).
pub const HIGHLIGHT_LANGUAGES: &[&str] = &[
    "bash",      // shell sessions call into bash for the commands
    "ini",       // `toml` blocks (Cargo.toml snippets)
    "plaintext", // program output
    "python",    // the Python counterparts, folded beside the Rust listings
    "rust",
    "shell", // `console` blocks
];

const MDBOOK_HTML: &str = "mdbook-html";

#[derive(Deserialize)]
struct Metadata {
    packages: Vec<Package>,
}

#[derive(Deserialize)]
struct Package {
    name: String,
    version: String,
    manifest_path: PathBuf,
}

/// mdBook's own front-end directory (`mdbook-html/front-end`) of the pinned release, as cargo
/// downloaded it.
pub fn upstream_front_end(root: &Path) -> Result<PathBuf, String> {
    let output = Command::new(std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()))
        .current_dir(root)
        .args(["metadata", "--format-version", "1", "--locked"])
        .output()
        .map_err(|e| format!("cannot run cargo metadata: {e}"))?;
    if !output.status.success() {
        return Err(format!(
            "cargo metadata failed: {}",
            String::from_utf8_lossy(&output.stderr)
        ));
    }
    let metadata: Metadata = serde_json::from_slice(&output.stdout)
        .map_err(|e| format!("cannot read cargo metadata: {e}"))?;
    let package = metadata
        .packages
        .iter()
        .find(|p| p.name == MDBOOK_HTML)
        .ok_or_else(|| format!("{MDBOOK_HTML} is not in the dependency graph"))?;
    let dir = package
        .manifest_path
        .parent()
        .expect("a manifest lives in a directory")
        .join("front-end");
    if !dir.is_dir() {
        return Err(format!(
            "{MDBOOK_HTML} {} has no front-end directory at {}",
            package.version,
            dir.display()
        ));
    }
    Ok(dir)
}

static REGISTERED: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#"^hljs\.registerLanguage\("([\w-]+)""#).expect("valid"));
static ALIASES: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#"aliases:\[([^\]]*)\]"#).expect("valid"));

/// mdBook's highlight.js with only `keep`'s languages registered: the library itself is one line,
/// each language one `hljs.registerLanguage(...)` line after it.
pub fn slim_highlight(upstream: &str, keep: &[&str]) -> Result<String, String> {
    let mut out = String::new();
    let mut found = BTreeSet::new();
    for line in upstream.lines() {
        match REGISTERED.captures(line) {
            Some(caps) if keep.contains(&&caps[1]) => {
                found.insert(caps[1].to_owned());
            }
            Some(_) => continue,
            None => {}
        }
        out.push_str(line);
        out.push('\n');
    }
    let missing: Vec<_> = keep.iter().filter(|k| !found.contains(**k)).collect();
    if !missing.is_empty() {
        return Err(format!("highlight.js registers no language {missing:?}"));
    }
    Ok(out)
}

/// Every name a highlight.js file answers to: registered names and their aliases.
pub fn highlight_names(highlight_js: &str) -> BTreeSet<String> {
    let mut names = BTreeSet::new();
    for line in highlight_js.lines() {
        let Some(caps) = REGISTERED.captures(line) else {
            continue;
        };
        names.insert(caps[1].to_owned());
        if let Some(aliases) = ALIASES.captures(line) {
            names.extend(
                aliases[1]
                    .split(',')
                    .map(|a| a.trim_matches('"').to_owned())
                    .filter(|a| !a.is_empty()),
            );
        }
    }
    names
}

/// Applies a unified diff written against mdBook's file.
fn patched(upstream: &str, patch_path: &Path) -> Result<String, String> {
    let text = fs::read_to_string(patch_path)
        .map_err(|e| format!("cannot read {}: {e}", patch_path.display()))?;
    let patch = diffy::Patch::from_str(&text)
        .map_err(|e| format!("{} is not a unified diff: {e}", patch_path.display()))?;
    diffy::apply(upstream, &patch).map_err(|e| {
        format!(
            "{} no longer applies to this mdBook release ({e}): redo the change by hand",
            patch_path.display()
        )
    })
}

fn minified_js(source: &str) -> Result<String, String> {
    minifier::js::minify(source)
        .map(|m| format!("{m}\n"))
        .map_err(|e| format!("cannot minify: {e}"))
}

/// A Handlebars template of a script, minified: the lines holding only a block tag
/// (`{{#if ...}}`, `{{/if}}`) are kept as they are, the script between them is minified.
fn minified_js_template(template: &str) -> Result<String, String> {
    let mut out = String::new();
    let mut chunk = String::new();
    for line in template.lines() {
        let trimmed = line.trim();
        let is_block_tag = trimmed.starts_with("{{#")
            || trimmed.starts_with("{{/")
            || trimmed.starts_with("{{else");
        if is_block_tag && trimmed.ends_with("}}") && trimmed.matches("{{").count() == 1 {
            out.push_str(&minified_js(&chunk)?);
            out.push_str(trimmed);
            out.push('\n');
            chunk.clear();
        } else {
            chunk.push_str(line);
            chunk.push('\n');
        }
    }
    out.push_str(&minified_js(&chunk)?);
    Ok(out)
}

fn minified_css(source: &str) -> Result<String, String> {
    minifier::css::minify(source)
        .map(|m| format!("{m}\n"))
        .map_err(|e| format!("cannot minify: {e}"))
}

/// Every derived file, by its path in the repository, with the text it should hold.
pub fn derive(root: &Path) -> Result<Vec<(&'static str, String)>, String> {
    let upstream = upstream_front_end(root)?;
    let read = |path: PathBuf| {
        fs::read_to_string(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))
    };
    let patches = root.join("theme").join("patches");
    Ok(vec![
        (
            "theme/highlight.js",
            slim_highlight(
                &read(upstream.join("js/highlight.js"))?,
                HIGHLIGHT_LANGUAGES,
            )?,
        ),
        (
            "theme/book.js",
            minified_js(&patched(
                &read(upstream.join("js/book.js"))?,
                &patches.join("book.js.patch"),
            )?)?,
        ),
        (
            "theme/index.hbs",
            patched(
                &read(upstream.join("templates/index.hbs"))?,
                &patches.join("index.hbs.patch"),
            )?,
        ),
        // The sidebar's script, 19 KB as written, loaded by every page.
        (
            "theme/toc.js.hbs",
            minified_js_template(&read(upstream.join("templates/toc.js.hbs"))?)?,
        ),
        (
            "theme/toc.html.hbs",
            patched(
                &read(upstream.join("templates/toc.html.hbs"))?,
                &patches.join("toc.html.hbs.patch"),
            )?,
        ),
        // mdBook's three main style sheets, minified: together they are 40 KB as written.
        (
            "theme/css/chrome.css",
            minified_css(&read(upstream.join("css/chrome.css"))?)?,
        ),
        (
            "theme/css/general.css",
            minified_css(&read(upstream.join("css/general.css"))?)?,
        ),
        (
            "theme/css/variables.css",
            minified_css(&read(upstream.join("css/variables.css"))?)?,
        ),
        (
            "theme/favicon.svg",
            read(upstream.join("images/favicon.svg"))?,
        ),
        // The book's own scripts, as pages load them (book.toml's `additional-js`).
        (
            "theme/min/timeline.js",
            minified_js(&read(root.join("theme/timeline.js"))?)?,
        ),
        (
            "theme/min/quiz.js",
            minified_js(&read(root.join("theme/quiz.js"))?)?,
        ),
        // The book's own style sheets, as pages load them (book.toml's `additional-css`): their
        // comments say why each rule is there, and a page need not download them.
        (
            "theme/min/listings.css",
            minified_css(&read(root.join("theme/listings.css"))?)?,
        ),
        (
            "theme/min/timeline.css",
            minified_css(&read(root.join("theme/timeline.css"))?)?,
        ),
        (
            "theme/min/quiz.css",
            minified_css(&read(root.join("theme/quiz.css"))?)?,
        ),
        (
            "theme/min/accessible.css",
            minified_css(&read(root.join("theme/accessible.css"))?)?,
        ),
        (
            "theme/min/editions.css",
            minified_css(&read(root.join("theme/editions.css"))?)?,
        ),
    ])
}

pub const HIGHLIGHT_JS: &str = "theme/highlight.js";

/// The derived theme files are what `derive` computes now.
pub fn check(root: &Path) -> Vec<String> {
    let derived = match derive(root) {
        Ok(derived) => derived,
        Err(e) => return vec![e],
    };
    derived
        .into_iter()
        .filter(|(path, expected)| {
            fs::read_to_string(root.join(path)).ok().as_ref() != Some(expected)
        })
        .map(|(path, _)| {
            format!("{path} is stale: run `cargo run -p book-tools --bin theme-assets`")
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const UPSTREAM: &str = "/* header */\nvar hljs=function(){}();\n\
        hljs.registerLanguage(\"go\",function(){return{aliases:[\"golang\"]}}());\n\
        hljs.registerLanguage(\"shell\",function(){return{aliases:[\"console\"]}}());\n";

    #[test]
    fn slimming_keeps_the_library_and_the_chosen_languages() {
        let slim = slim_highlight(UPSTREAM, &["shell"]).unwrap();
        assert!(slim.contains("var hljs"));
        assert!(slim.contains("\"shell\""));
        assert!(!slim.contains("\"go\""));
        assert_eq!(
            highlight_names(&slim),
            BTreeSet::from(["shell".to_owned(), "console".to_owned()])
        );
    }

    #[test]
    fn a_script_template_keeps_its_block_tags_and_strings() {
        let template = "const a = 1;\n{{#if nav}}\nconst toc = '{{#toc}}{{/toc}}';\n{{/if}}\n";
        let minified = minified_js_template(template).unwrap();
        assert!(minified.contains("\n{{#if nav}}\n"), "{minified}");
        assert!(minified.contains("'{{#toc}}{{/toc}}'"), "{minified}");
        assert!(minified.contains("{{/if}}"), "{minified}");
    }

    #[test]
    fn slimming_refuses_a_language_highlight_js_lacks() {
        assert!(slim_highlight(UPSTREAM, &["cobol"]).is_err());
    }
}
