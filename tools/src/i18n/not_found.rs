//! A translated edition's page for a missing address (`LANG/404.html`).
//!
//! mdBook renders `src/404.md` itself, outside its preprocessors, so the translation never reaches
//! it, and it titles the page "Page not found" in English whatever the book's language. The
//! edition's page gets the translated text of `src/404.md` and its translated heading as its title.
//! Its scripts load from the edition's own directory because the edition's build sets `site-url`
//! to it ([`crate::book::load_edition`]).

use std::fs;
use std::path::Path;

use polib::catalog::Catalog;
use pulldown_cmark::{Parser, html};

use super::edition::{lookup, translate_markdown};
use super::template::markdown_options;

/// The Markdown source of the page, under `src/`.
pub const SOURCE: &str = "404.md";

/// The title mdBook gives the page, before the book's title.
const MDBOOK_TITLE: &str = "Page not found";

/// Puts the translation of `src/404.md` into the page `dir/404.html` of an edition built in `dir`.
pub fn localize(root: &Path, dir: &Path, catalog: &Catalog) -> Result<(), String> {
    let source = root.join("src").join(SOURCE);
    let markdown = fs::read_to_string(&source)
        .map_err(|e| format!("cannot read {}: {e}", source.display()))?;
    let page = dir.join("404.html");
    let html =
        fs::read_to_string(&page).map_err(|e| format!("cannot read {}: {e}", page.display()))?;
    let translated = translate_markdown(&markdown, catalog)?;
    let mut content = String::new();
    html::push_html(
        &mut content,
        Parser::new_ext(&translated, markdown_options()),
    );
    let heading = markdown
        .lines()
        .find_map(|l| l.strip_prefix("# "))
        .unwrap_or(MDBOOK_TITLE);
    let title = lookup(catalog, heading).unwrap_or(heading);
    let localized = replace_main(&html, &content)
        .ok_or_else(|| format!("{}: no <main> element", page.display()))?
        .replacen(
            &format!("<title>{MDBOOK_TITLE}"),
            &format!("<title>{title}"),
            1,
        );
    fs::write(&page, localized).map_err(|e| format!("cannot write {}: {e}", page.display()))
}

/// Every edition's page for a missing address (the English one in `html_dir`, each translation's
/// under it) finds the scripts and style sheets it names from the address its `<base>` gives, as
/// served from `html_dir`'s root; a translation's page is titled in its language, not mdBook's
/// English.
pub fn check(html_dir: &Path) -> Vec<String> {
    let base = regex::Regex::new(r#"<base href="/([^"]*)">"#).expect("valid");
    let asset =
        regex::Regex::new(r#"<(?:script|link)\b[^>]*\s(?:src|href)="([^"]+)""#).expect("valid");
    let mut problems = Vec::new();
    let pages = std::iter::once((None, html_dir.join("404.html"))).chain(
        super::edition::TRANSLATIONS
            .iter()
            .map(|e| (Some(*e), e.build_dir(html_dir).join("404.html"))),
    );
    for (edition, page) in pages {
        let name = page
            .strip_prefix(html_dir)
            .unwrap_or(&page)
            .display()
            .to_string();
        let Ok(html) = fs::read_to_string(&page) else {
            problems.push(format!("{name}: missing"));
            continue;
        };
        let Some(served_from) = base.captures(&html).map(|c| html_dir.join(&c[1])) else {
            problems.push(format!("{name}: no <base href=\"/...\">"));
            continue;
        };
        for found in asset.captures_iter(&html) {
            let target = &found[1];
            if target.contains("://") || target.starts_with("data:") {
                continue;
            }
            if !served_from
                .join(target.split(['?', '#']).next().unwrap_or(target))
                .is_file()
            {
                problems.push(format!(
                    "{name}: `{target}` is not found from its base address {}",
                    served_from
                        .strip_prefix(html_dir)
                        .unwrap_or(&served_from)
                        .display()
                ));
            }
        }
        if let Some(edition) = edition
            && html.contains(&format!("<title>{MDBOOK_TITLE}"))
        {
            problems.push(format!(
                "{name}: titled in English (\"{MDBOOK_TITLE}\") in the {} edition",
                edition.name
            ));
        }
    }
    problems
}

/// `html` with the inside of its `<main>` element replaced by `content`.
fn replace_main(html: &str, content: &str) -> Option<String> {
    let start = html.find("<main>")? + "<main>".len();
    let end = start + html[start..].find("</main>")?;
    Some(format!("{}\n{content}\n{}", &html[..start], &html[end..]))
}

#[cfg(test)]
mod tests {
    use super::replace_main;

    #[test]
    fn only_the_inside_of_main_changes() {
        let page = "<nav>n</nav><main><h1>Page not found</h1></main><footer>f</footer>";
        assert_eq!(
            replace_main(page, "<h1>없음</h1>").as_deref(),
            Some("<nav>n</nav><main>\n<h1>없음</h1>\n</main><footer>f</footer>")
        );
        assert_eq!(replace_main("<body></body>", "x"), None);
    }
}
