//! Code in a table cell may wrap, but only where a reader would break it by hand.
//!
//! A cell such as `thread::Builder::new().name("thread 0".into())` is one long token to the
//! browser: unbroken, it makes the table wider than the column; broken anywhere
//! (`overflow-wrap: anywhere`), it splits names in two. The built pages get a break opportunity
//! (`<wbr>`) after each `::`, after a `.` that starts a method or field, and after an opening
//! parenthesis that is not empty, so a line ends only between the parts of a path or a call or at
//! a space; a word the browser could break elsewhere (after the `-` of `crossbeam-channel`, say)
//! is kept on one line (`nobr`, `theme/listings.css`).

use std::fs;
use std::path::Path;
use std::sync::LazyLock;

use regex::{Captures, Regex};

static TABLE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?s)<table\b.*?</table>").expect("valid"));
/// Inline code with nothing but text inside: code already given breaks holds `<wbr>` and is left.
static CODE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"<code>([^<]+)</code>").expect("valid"));
static BREAK_AFTER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"::|\.[A-Za-z_]|\([^)]").expect("valid"));

/// Gives the table code of every page directly in `dir` (one edition) its break opportunities.
pub fn allow_breaks(dir: &Path) -> Result<(), String> {
    let entries = fs::read_dir(dir).map_err(|e| format!("cannot read {}: {e}", dir.display()))?;
    for entry in entries.flatten() {
        let path = entry.path();
        if path.extension().is_none_or(|e| e != "html") {
            continue;
        }
        let html = fs::read_to_string(&path)
            .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        let rewritten = with_breaks(&html);
        if rewritten != html {
            fs::write(&path, rewritten)
                .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        }
    }
    Ok(())
}

/// `html` with break opportunities in the inline code of its tables.
pub fn with_breaks(html: &str) -> String {
    TABLE
        .replace_all(html, |table: &Captures| {
            CODE.replace_all(&table[0], |code: &Captures| {
                format!("<code>{}</code>", breakable(&code[1]))
            })
            .into_owned()
        })
        .into_owned()
}

fn breakable(code: &str) -> String {
    let mut out = String::with_capacity(code.len() + 16);
    let mut last = 0;
    for found in BREAK_AFTER.find_iter(code) {
        // The break goes after `::` and `(`, and before the `.` of a method or field.
        let at = if found.as_str().starts_with('.') {
            found.start()
        } else if found.as_str().starts_with('(') {
            found.start() + 1
        } else {
            found.end()
        };
        if at > last && at < code.len() {
            push_unbroken(&mut out, &code[last..at]);
            out.push_str("<wbr>");
            last = at;
        }
    }
    push_unbroken(&mut out, &code[last..]);
    out
}

/// Characters between which the browser never breaks a line by Unicode's line-breaking rules
/// (letters, digits, and the `_`, `:`, `.`, `,`, `;` and brackets of a path or a call); a word with
/// any other (`-`, `%`, `=`, `"`, `!`, `|`, `/`, and the `#` of an attribute, after which
/// Chromium breaks before `[`) could break inside, so it is kept whole.
static UNBREAKABLE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[A-Za-z0-9_:.,;()\[\]{}]*$").expect("valid"));
/// An HTML escape (`&amp;`, `&#39;`) stands for one character: it is read as a letter.
static ESCAPE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"&#?[A-Za-z0-9]+;").expect("valid"));

/// Appends `text`, each of its space-separated words kept on one line if the browser could break
/// it elsewhere. Spaces stay places to break.
fn push_unbroken(out: &mut String, text: &str) {
    for (i, word) in text.split(' ').enumerate() {
        if i > 0 {
            out.push(' ');
        }
        if word.is_empty() || UNBREAKABLE.is_match(&ESCAPE.replace_all(word, "x")) {
            out.push_str(word);
        } else {
            out.push_str("<span class=\"nobr\">");
            out.push_str(word);
            out.push_str("</span>");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::with_breaks;

    #[test]
    fn table_code_breaks_between_path_segments_and_calls() {
        let html = "<table><tr><td><code>thread::Builder::new().name(n)</code></td></tr></table>";
        assert_eq!(
            with_breaks(html),
            "<table><tr><td><code>thread::<wbr>Builder::<wbr>new()<wbr>.name(<wbr>n)</code>\
             </td></tr></table>"
        );
    }

    #[test]
    fn code_outside_tables_numbers_and_ellipses_are_left_alone() {
        let prose = "<p><code>a::b</code></p>";
        assert_eq!(with_breaks(prose), prose);
        let cell = "<table><td><code>0.12.5 ... f()</code></td></table>";
        assert_eq!(with_breaks(cell), cell);
    }

    #[test]
    fn words_the_browser_could_break_stay_whole() {
        let html = "<table><td><code>crossbeam-channel f(a, x=1)</code></td></table>";
        assert_eq!(
            with_breaks(html),
            "<table><td><code><span class=\"nobr\">crossbeam-channel</span> f(<wbr>a, \
             <span class=\"nobr\">x=1)</span></code></td></table>"
        );
    }

    #[test]
    fn an_attribute_stays_whole_and_escapes_count_as_letters() {
        let html = "<table><td><code>#[tokio::main] f(&amp;x) s(&#39;a&#39;)</code></td></table>";
        assert_eq!(
            with_breaks(html),
            "<table><td><code><span class=\"nobr\">#[tokio::</span><wbr>main] f(<wbr>&amp;x) \
             s(<wbr>&#39;a&#39;)</code></td></table>"
        );
    }

    #[test]
    fn a_second_pass_changes_nothing() {
        let once = with_breaks("<table><td><code>std::sync::Mutex</code></td></table>");
        assert_eq!(with_breaks(&once), once);
    }
}
