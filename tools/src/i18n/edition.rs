//! The Korean edition's build: the English book translated through `po/ko.po` on its way through
//! mdBook, in-process like the English build.
//!
//! Translation runs in place of mdBook's `links` preprocessor, before any include is expanded, in
//! the order the template was extracted in ([`super::template`]):
//!
//! 1. the chapters' text includes (`src/img/*.txt`, generated Markdown) are expanded, as they were
//!    for extraction;
//! 2. each HTML block that holds text is replaced by its translation, whole;
//! 3. mdbook-i18n-helpers translates the Markdown, paragraph by paragraph, and the titles;
//! 4. includes of generated HTML (`quizzes/`, `timelines/`) are pointed at the Korean renderings
//!    beside them (`quizzes/ko/`, `timelines/ko/`);
//! 5. mdBook's own `links` preprocessor expands the rest: listings and outputs, the same files as
//!    in the English book.

use std::collections::HashSet;
use std::fs;
use std::path::{Path, PathBuf};

use mdbook_driver::book::{Book, BookItem};
use mdbook_driver::builtin_preprocessors::LinkPreprocessor;
use mdbook_driver::errors::Result as MdResult;
use mdbook_preprocessor::{Preprocessor, PreprocessorContext};
use polib::catalog::Catalog;
use pulldown_cmark::{Event, Parser, Tag, TagEnd};

use super::template::{self, PO_DIR};

/// A translated edition of the book.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Edition {
    /// The language code: `<html lang>`, the PO file's name and the build directory's.
    pub lang: &'static str,
    /// The language's own name, on the switch that leads to it.
    pub name: &'static str,
}

/// The English book, the original.
pub const ENGLISH: Edition = Edition {
    lang: "en",
    name: "English",
};

/// The Korean edition, built into `book/ko/`.
pub const KOREAN: Edition = Edition {
    lang: "ko",
    name: "한국어",
};

/// Every translated edition.
pub const TRANSLATIONS: &[Edition] = &[KOREAN];

/// Directories under `src/` whose HTML is generated, with a translated rendering in `DIR/LANG/`.
pub const GENERATED_HTML_DIRS: &[&str] = &["quizzes", "timelines"];

impl Edition {
    /// `po/LANG.po`.
    pub fn po_path(&self, root: &Path) -> PathBuf {
        root.join(PO_DIR).join(format!("{}.po", self.lang))
    }

    /// Where this edition is built, inside the English book's directory.
    pub fn build_dir(&self, english: &Path) -> PathBuf {
        english.join(self.lang)
    }

    /// Where a generated HTML file's rendering in this edition goes, e.g. `src/quizzes/ko/x.html`.
    pub fn generated_path(&self, english: &Path) -> PathBuf {
        let file = english.file_name().expect("a generated file has a name");
        english
            .parent()
            .expect("a generated file lives in a directory")
            .join(self.lang)
            .join(file)
    }

    /// The translation catalog, read from `po/LANG.po`.
    pub fn catalog(&self, root: &Path) -> Result<Catalog, String> {
        let path = self.po_path(root);
        polib::po_file::parse(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))
    }
}

/// The translation of `msgid`, if the catalog has one that is neither empty nor fuzzy.
pub fn lookup<'a>(catalog: &'a Catalog, msgid: &str) -> Option<&'a str> {
    catalog
        .find_message(None, msgid, None)
        .filter(|m| m.is_translated() && !m.flags().is_fuzzy())
        .and_then(|m| m.msgstr().ok())
}

/// Translates a Markdown text (a chapter, a title, a quiz's prompt) paragraph by paragraph.
///
/// mdbook-i18n-helpers' own `translate_book` writes the translated Markdown back with `_` for
/// emphasis, which CommonMark does not close right before a letter: Korean's `*동작*이` would show
/// as `_동작_이`. This writes emphasis with `*`, which closes there.
pub fn translate_markdown(markdown: &str, catalog: &Catalog) -> Result<String, String> {
    let events = mdbook_i18n_helpers::extract_events(markdown, None);
    let translated = mdbook_i18n_helpers::translate_events(&events, catalog)
        .map_err(|e| format!("cannot translate Markdown: {e}"))?;
    // A fence longer than any run of backticks inside the text, and never shorter than three.
    let longest_run = markdown
        .split(|c| c != '`')
        .map(str::len)
        .max()
        .unwrap_or(0);
    let options = pulldown_cmark_to_cmark::Options {
        code_block_token_count: (longest_run + 1).max(3),
        list_token: '-',
        emphasis_token: '*',
        strong_token: "**",
        ..Default::default()
    };
    let mut text = String::new();
    pulldown_cmark_to_cmark::cmark_with_options(
        translated.iter().map(|(_, event)| event),
        &mut text,
        options,
    )
    .map_err(|e| format!("cannot rebuild translated Markdown: {e}"))?;
    Ok(text)
}

/// Translates every chapter, its title and every part title of the book.
fn translate_book(book: &mut Book, catalog: &Catalog) -> Result<(), String> {
    let mut errors = Vec::new();
    book.for_each_mut(|item| {
        let mut translate = |text: &mut String| match translate_markdown(text, catalog) {
            Ok(translated) => *text = translated,
            Err(e) => errors.push(e),
        };
        match item {
            BookItem::Chapter(ch) => {
                translate(&mut ch.content);
                translate(&mut ch.name);
            }
            BookItem::PartTitle(title) => translate(title),
            BookItem::Separator => {}
        }
    });
    errors.pop().map_or(Ok(()), Err)
}

/// Expands the includes of generated Markdown fragments (`src/img/*.txt`): their text is part of
/// the chapter for translation.
pub fn expand_text_includes(content: &str, src: &Path) -> Result<String, String> {
    let mut expanded = content.to_owned();
    for directive in super::directives(content) {
        let Some(file) = directive
            .strip_prefix("{{#include ")
            .and_then(|d| d.strip_suffix("}}"))
            .map(str::trim)
            .filter(|f| f.starts_with("img/") && f.ends_with(".txt"))
        else {
            continue;
        };
        let path = src.join(file);
        let text = fs::read_to_string(&path)
            .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        expanded = expanded.replace(&directive, text.trim_end());
    }
    Ok(expanded)
}

/// Replaces every HTML block that has a translation by it.
fn translate_html_blocks(content: &str, catalog: &Catalog) -> String {
    let mut translated = content.to_owned();
    for range in template::html_block_ranges(content).into_iter().rev() {
        let block = content[range.clone()].trim_end();
        if let Some(msgstr) = lookup(catalog, block) {
            let end = range.start + block.len();
            translated.replace_range(range.start..end, msgstr);
        }
    }
    translated
}

/// Turns `> \[!TIP\] text` back into the alert `> [!TIP]` followed by `> text`.
///
/// mdbook-i18n-helpers 0.4 rebuilds each chapter's Markdown with pulldown-cmark-to-cmark, which
/// knows no GitHub-style alerts: it escapes the marker and joins it to the first line, and mdBook
/// then shows a plain quote starting with "[!TIP]".
fn restore_alerts(markdown: &str) -> String {
    let escaped = regex::Regex::new(
        r"(?m)^(?:[ \t]*>[ \t]*\n)*(?P<quote>[ \t]*>[ \t]?)\\\[!(?P<kind>NOTE|TIP|IMPORTANT|WARNING|CAUTION)\\\][ \t]*",
    )
    .expect("a valid pattern");
    escaped
        .replace_all(markdown, "${quote}[!${kind}]\n${quote}")
        .into_owned()
}

/// Gives every heading without an explicit id the id mdBook gives it in the English book, so that
/// links to a section (`ch07-locks.md#the-guard-is-the-lock`) lead to the same section in every
/// edition, whatever its translated title.
fn pin_heading_ids(markdown: &str) -> String {
    let mut used = HashSet::new();
    let mut inserts = Vec::new();
    let mut heading: Option<(usize, String)> = None;
    for (event, range) in Parser::new_ext(markdown, template::markdown_options()).into_offset_iter()
    {
        match event {
            Event::Start(Tag::Heading { id: None, .. }) => {
                heading = Some((range.end, String::new()))
            }
            Event::Text(text) | Event::Code(text) => {
                if let Some((_, words)) = heading.as_mut() {
                    words.push_str(&text);
                }
            }
            Event::End(TagEnd::Heading(_)) => {
                if let Some((end, words)) = heading.take() {
                    let id = unique_id(&id_from_content(&words), &mut used);
                    let line_end = markdown[..end].trim_end().len();
                    inserts.push((line_end, format!(" {{#{id}}}")));
                }
            }
            _ => {}
        }
    }
    let mut pinned = markdown.to_owned();
    for (at, id) in inserts.into_iter().rev() {
        pinned.insert_str(at, &id);
    }
    pinned
}

/// mdBook's heading id for a heading's text (`mdbook-html`'s `id_from_content`, which is private).
fn id_from_content(content: &str) -> String {
    content
        .trim()
        .to_lowercase()
        .chars()
        .filter_map(|ch| {
            if ch.is_alphanumeric() || ch == '_' || ch == '-' {
                Some(ch)
            } else if ch.is_whitespace() {
                Some('-')
            } else {
                None
            }
        })
        .collect()
}

/// mdBook's way of keeping ids unique in a page: `-1`, `-2`, ... from the second use on.
fn unique_id(id: &str, used: &mut HashSet<String>) -> String {
    if used.insert(id.to_owned()) {
        return id.to_owned();
    }
    (1..)
        .map(|n| format!("{id}-{n}"))
        .find(|candidate| used.insert(candidate.clone()))
        .expect("an unused suffix exists")
}

/// Points includes of generated HTML at this edition's rendering.
fn localize_generated_includes(content: &str, edition: Edition) -> String {
    let mut localized = content.to_owned();
    for dir in GENERATED_HTML_DIRS {
        localized = localized.replace(
            &format!("{{{{#include {dir}/"),
            &format!("{{{{#include {dir}/{}/", edition.lang),
        );
    }
    localized
}

/// Translates the book, then expands its includes: it takes the place of mdBook's `links`.
pub struct Translate {
    edition: Edition,
    catalog: Catalog,
}

impl Translate {
    pub fn new(edition: Edition, mut catalog: Catalog) -> Translate {
        // mdBook hands chapter titles over with their Markdown stripped; so must the catalog.
        mdbook_i18n_helpers::gettext::add_stripped_summary_translations(&mut catalog);
        Translate { edition, catalog }
    }
}

impl Preprocessor for Translate {
    fn name(&self) -> &str {
        "links"
    }

    fn run(&self, ctx: &PreprocessorContext, mut book: Book) -> MdResult<Book> {
        let src = ctx.root.join(&ctx.config.book.src);
        let mut errors = Vec::new();
        book.for_each_mut(|item| {
            if let BookItem::Chapter(ch) = item {
                match expand_text_includes(&ch.content, &src) {
                    Ok(content) => {
                        ch.content =
                            pin_heading_ids(&translate_html_blocks(&content, &self.catalog))
                    }
                    Err(e) => errors.push(e),
                }
            }
        });
        if let Some(e) = errors.pop() {
            return Err(mdbook_driver::errors::Error::msg(e));
        }
        translate_book(&mut book, &self.catalog).map_err(mdbook_driver::errors::Error::msg)?;
        book.for_each_mut(|item| {
            if let BookItem::Chapter(ch) = item {
                let content = restore_alerts(&ch.content);
                ch.content = localize_generated_includes(&content, self.edition);
            }
        });
        LinkPreprocessor::new().run(ctx, book)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_html_includes_point_at_the_edition() {
        assert_eq!(
            localize_generated_includes(
                "{{#include quizzes/ch01.html}}\n{{#include ../listings/output/x.txt}}",
                KOREAN
            ),
            "{{#include quizzes/ko/ch01.html}}\n{{#include ../listings/output/x.txt}}"
        );
    }

    #[test]
    fn alerts_escaped_by_the_rebuild_are_restored() {
        assert_eq!(
            restore_alerts("> \n> \\[!TIP\\] 스레드 이름은\n> 둘째 줄\n"),
            "> [!TIP]\n> 스레드 이름은\n> 둘째 줄\n"
        );
    }

    #[test]
    fn headings_keep_their_english_ids() {
        assert_eq!(
            pin_heading_ids(
                "# Locks\n\n## The `guard` is the lock\n\n## Locks\n\n## Done {#end}\n"
            ),
            "# Locks {#locks}\n\n## The `guard` is the lock {#the-guard-is-the-lock}\n\n## Locks {#locks-1}\n\n## Done {#end}\n"
        );
    }

    #[test]
    fn generated_paths_sit_in_a_language_directory() {
        assert_eq!(
            KOREAN.generated_path(Path::new("src/quizzes/ch01.html")),
            Path::new("src/quizzes/ko/ch01.html")
        );
    }
}
