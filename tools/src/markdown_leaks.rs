//! Markdown that reached a reader unrendered.
//!
//! mdBook renders Markdown only outside HTML blocks: inside `<p class="output-caption">…</p>` a
//! `[link](ch10-channels.md)` or a `` `name` `` is printed as typed. The translation can bring the
//! same slip into one edition only, so the check reads the built pages of every edition.

use std::fs;
use std::path::Path;
use std::sync::LazyLock;

use regex::Regex;

/// Elements whose text is code, script or a form's contents, where these characters are meant.
static VERBATIM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?s)<(pre|code|script|style|textarea|svg)\b.*?</(pre|code|script|style|textarea|svg)>",
    )
    .expect("valid")
});
static TAG: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?s)<[^>]*>").expect("valid"));
/// A Markdown link, inline code span or strong emphasis left as text.
static LEAK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\[[^\]\n]+\]\([^)\s]*\)|`[^`\n]+`|\*\*[^*\n]+\*\*").expect("valid")
});

/// Every place in the built book (`html_dir`, the translations' subdirectories included) where a
/// page shows Markdown syntax as text, named by page and with the text around it.
pub fn check(html_dir: &Path) -> Vec<String> {
    let mut problems = Vec::new();
    for page in crate::lint::html_pages(html_dir) {
        // print.html repeats every chapter; a leak is reported once, on its chapter.
        if page.file_name().is_some_and(|n| n == "print.html") {
            continue;
        }
        let html = fs::read_to_string(&page).unwrap_or_default();
        let name = page.strip_prefix(html_dir).unwrap_or(&page).display();
        problems.extend(
            leaks(&html)
                .into_iter()
                .map(|leak| format!("{name}: unrendered Markdown `{leak}`")),
        );
    }
    problems
}

/// The Markdown syntax a page's text (outside code, scripts and tags) still holds.
pub fn leaks(html: &str) -> Vec<String> {
    let text = TAG
        .replace_all(&VERBATIM.replace_all(html, " "), " ")
        .into_owned();
    LEAK.find_iter(&text)
        .map(|m| m.as_str().to_owned())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::leaks;

    #[test]
    fn a_link_left_in_an_html_block_is_found() {
        let page = r#"<p class="output-caption">the channels ([Chapter 10](ch10-channels.md))</p>"#;
        assert_eq!(leaks(page), ["[Chapter 10](ch10-channels.md)"]);
    }

    #[test]
    fn code_spans_and_strong_emphasis_left_as_text_are_found() {
        let page = "<p>calls `join` and **waits**</p>";
        assert_eq!(leaks(page), ["`join`", "**waits**"]);
    }

    #[test]
    fn rendered_markdown_and_code_are_not_leaks() {
        let page = r#"<p>see <a href="ch10-channels.html">Chapter 10</a>, <code>`x`</code></p>
            <pre><code>let v = [1](2); // **not prose**</code></pre>
            <script>const s = `template`;</script>"#;
        assert!(leaks(page).is_empty(), "{:?}", leaks(page));
    }
}
