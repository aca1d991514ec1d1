//! The translation template: every message of the English book, as `po/messages.pot` holds it.
//!
//! Messages come from four places:
//!
//! - the chapters as written, before mdBook expands their includes, so that a listing, an output
//!   or a generated figure appears in a chapter only as its `{{#include}}` line. Code stays as it
//!   is in every edition: fenced blocks are emptied before extraction, and a message that is only an
//!   include is left out (its translation could only be itself);
//! - the chapters' HTML blocks that hold text (listing and output captions, the folded Python
//!   counterparts' summaries), each one whole, as mdbook-i18n-helpers skips HTML blocks;
//! - the quizzes' prompts, options and explanations, paragraph by paragraph;
//! - the timelines' bar labels, from the listing catalog.

use std::collections::BTreeSet;
use std::ops::Range;
use std::path::Path;

use mdbook_driver::MDBook;
use mdbook_driver::book::BookItem;
use mdbook_i18n_helpers::extract_messages;
use mdbook_renderer::RenderContext;
use polib::catalog::Catalog;
use polib::message::Message;
use polib::metadata::CatalogMetadata;
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use super::edition::expand_text_includes;
use crate::catalog::{CATALOG_PATH, Catalog as ListingCatalog};
use crate::quiz;

/// Where the template and the translations live, relative to the repository root.
pub const PO_DIR: &str = "po";
pub const TEMPLATE: &str = "po/messages.pot";

/// The template extracted from the English book at `root`.
pub fn extract(root: &Path) -> Result<Catalog, String> {
    let mut catalog = new_catalog("en");
    for message in title_messages(root)? {
        add(&mut catalog, message);
    }
    for message in chapter_messages(root)? {
        add(&mut catalog, message);
    }
    for message in not_found_messages(root)? {
        add(&mut catalog, message);
    }
    for message in quiz_messages(root)? {
        add(&mut catalog, message);
    }
    for message in timeline_messages(root)? {
        add(&mut catalog, message);
    }
    Ok(catalog)
}

/// A catalog with the book's metadata and no messages.
pub fn new_catalog(language: &str) -> Catalog {
    let mut metadata = CatalogMetadata::new();
    metadata.project_id_version = "Threads, Events and Locks in Rust".to_owned();
    metadata.language = language.to_owned();
    metadata.mime_version = "1.0".to_owned();
    metadata.content_type = "text/plain; charset=UTF-8".to_owned();
    metadata.content_transfer_encoding = "8bit".to_owned();
    Catalog::new(metadata)
}

/// One message and where it was found (`file:line`).
pub struct Found {
    pub msgid: String,
    pub source: String,
}

/// Adds a message, or one more source to a message already there.
fn add(catalog: &mut Catalog, found: Found) {
    let source = match catalog.find_message(None, &found.msgid, None) {
        Some(known) if known.source().split_whitespace().any(|s| s == found.source) => {
            known.source().to_owned()
        }
        Some(known) => format!("{} {}", known.source(), found.source),
        None => found.source,
    };
    catalog.append_or_update(
        Message::build_singular()
            .with_source(source)
            .with_msgid(found.msgid)
            .done(),
    );
}

/// The book's title and description, from `book.toml`.
fn title_messages(root: &Path) -> Result<Vec<Found>, String> {
    let config = mdbook_driver::config::Config::from_disk(root.join("book.toml"))
        .map_err(|e| format!("cannot read book.toml: {e:#}"))?;
    Ok([config.book.title, config.book.description]
        .into_iter()
        .flatten()
        .map(|msgid| Found {
            msgid,
            source: "book.toml".to_owned(),
        })
        .collect())
}

/// Messages of SUMMARY.md and every chapter, in book order.
fn chapter_messages(root: &Path) -> Result<Vec<Found>, String> {
    let mut book = MDBook::load(root).map_err(|e| format!("mdBook cannot load the book: {e:#}"))?;
    let src = root.join(&book.config.book.src);
    let mut html_blocks = Vec::new();
    let mut errors = Vec::new();
    book.book.for_each_mut(|item| {
        if let BookItem::Chapter(chapter) = item
            && let Some(path) = &chapter.path
        {
            let source = format!("src/{}", path.display());
            match expand_text_includes(&chapter.content, &src) {
                Ok(content) => chapter.content = content,
                Err(e) => errors.push(e),
            }
            html_blocks.extend(text_html_blocks(&chapter.content).into_iter().map(
                |(line, block)| Found {
                    msgid: block,
                    source: format!("{source}:{line}"),
                },
            ));
            chapter.content = without_code(&chapter.content);
        }
    });
    if let Some(e) = errors.pop() {
        return Err(e);
    }
    let ctx = RenderContext::new(root, book.book, book.config, root.join("book"));
    let catalogs = mdbook_i18n_helpers::xgettext::create_catalogs(&ctx, std::fs::read_to_string)
        .map_err(|e| format!("cannot extract the book's messages: {e:#}"))?;
    let mut found = Vec::new();
    for catalog in catalogs.values() {
        for message in catalog.messages() {
            if is_only_includes(message.msgid()) {
                continue;
            }
            for source in message.source().split_whitespace() {
                found.push(Found {
                    msgid: message.msgid().to_owned(),
                    source: source.to_owned(),
                });
            }
        }
    }
    // mdbook-i18n-helpers gives sources in book order; the HTML blocks go where their lines are.
    found.extend(html_blocks);
    found.sort_by_key(|f| source_order(&ctx, &f.source));
    Ok(found)
}

/// Sorts sources by their file's place in the book, then by line.
fn source_order(ctx: &RenderContext, source: &str) -> (usize, usize) {
    let (file, line) = source.rsplit_once(':').unwrap_or((source, "0"));
    let mut order = vec!["src/SUMMARY.md".to_owned()];
    for item in ctx.book.iter() {
        if let BookItem::Chapter(ch) = item
            && let Some(path) = &ch.path
        {
            order.push(format!("src/{}", path.display()));
        }
    }
    (
        order.iter().position(|f| f == file).unwrap_or(usize::MAX),
        line.parse().unwrap_or(0),
    )
}

/// Whether a message holds nothing to translate: only `{{#include ...}}` directives, or no word
/// at all (a number in a table, say).
fn is_only_includes(msgid: &str) -> bool {
    let rest = crate::i18n::directives(msgid)
        .into_iter()
        .fold(msgid.to_owned(), |rest, d| rest.replace(&d, ""));
    !rest.chars().any(char::is_alphabetic)
}

/// The Markdown parser options mdBook renders chapters with.
pub fn markdown_options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_HEADING_ATTRIBUTES
}

/// Byte ranges of the HTML blocks of a Markdown text.
pub fn html_block_ranges(markdown: &str) -> Vec<Range<usize>> {
    let mut ranges = Vec::new();
    let mut start = None;
    for (event, range) in Parser::new_ext(markdown, markdown_options()).into_offset_iter() {
        match event {
            Event::Start(Tag::HtmlBlock) => start = Some(range.start),
            Event::End(TagEnd::HtmlBlock) => {
                if let Some(start) = start.take() {
                    ranges.push(start..range.end);
                }
            }
            _ => {}
        }
    }
    ranges
}

/// The HTML blocks that hold words a reader sees, with their first line numbers, trimmed.
pub fn text_html_blocks(markdown: &str) -> Vec<(usize, String)> {
    html_block_ranges(markdown)
        .into_iter()
        .map(|range| {
            let line = markdown[..range.start].lines().count() + 1;
            (line, markdown[range].trim_end().to_owned())
        })
        .filter(|(_, block)| has_words(block))
        .collect()
}

/// Whether an HTML fragment has text a reader sees or hears: outside its tags and comments, or in
/// an attribute read out in its place (`alt`, `title`, `aria-label`).
fn has_words(html: &str) -> bool {
    let tags = regex::Regex::new(r"(?s)<!--.*?-->|<[^>]*>").expect("a valid pattern");
    let outside = tags.replace_all(html, "");
    let read_out = TRANSLATED_ATTRIBUTES
        .iter()
        .any(|a| html.contains(&format!(" {a}=\"")));
    read_out || outside.chars().any(char::is_alphabetic)
}

/// The HTML attributes whose values are text for the reader, translated with the tag's content.
pub const TRANSLATED_ATTRIBUTES: &[&str] = &["alt", "title", "aria-label"];

/// The text with every fenced code block's lines blanked (fences and line count kept), so that no
/// message is extracted from code.
fn without_code(markdown: &str) -> String {
    let mut blanked = markdown.to_owned();
    let mut code = Vec::new();
    for (event, range) in Parser::new_ext(markdown, markdown_options()).into_offset_iter() {
        if let Event::Start(Tag::CodeBlock(_)) = event {
            code.push(range);
        }
    }
    for range in code.into_iter().rev() {
        let block = &markdown[range.clone()];
        let mut lines: Vec<&str> = block.lines().collect();
        let keep_last = lines
            .last()
            .is_some_and(|l| l.trim_start().starts_with("```"));
        let inner_end = if keep_last {
            lines.len() - 1
        } else {
            lines.len()
        };
        for line in lines.iter_mut().take(inner_end).skip(1) {
            *line = "";
        }
        let mut text = lines.join("\n");
        if block.ends_with('\n') {
            text.push('\n');
        }
        blanked.replace_range(range, &text);
    }
    blanked
}

/// Paragraph-sized messages of a Markdown text (code left out), with their line numbers.
pub fn markdown_messages(markdown: &str) -> Result<Vec<(usize, String)>, String> {
    Ok(extract_messages(&without_code(markdown))
        .map_err(|e| format!("cannot read Markdown: {e}"))?
        .into_iter()
        .map(|(line, message)| (line, message.message))
        .filter(|(_, message)| !is_only_includes(message))
        .collect())
}

/// Every Markdown field of every quiz: prompts, options and explanations.
/// The page for a missing address, `src/404.md`, which mdBook renders outside the book's chapters
/// ([`super::not_found`]).
fn not_found_messages(root: &Path) -> Result<Vec<Found>, String> {
    let path = root.join("src").join(super::not_found::SOURCE);
    let Ok(markdown) = std::fs::read_to_string(&path) else {
        return Ok(Vec::new());
    };
    Ok(markdown_messages(&markdown)?
        .into_iter()
        .map(|(line, msgid)| Found {
            msgid,
            source: format!("src/{}:{line}", super::not_found::SOURCE),
        })
        .collect())
}

fn quiz_messages(root: &Path) -> Result<Vec<Found>, String> {
    let mut found = Vec::new();
    for quiz in quiz::load_all(root)? {
        for (index, text) in quiz::markdown_fields(&quiz.quiz) {
            for (_, msgid) in markdown_messages(text)? {
                found.push(Found {
                    msgid,
                    source: format!("{}:{}", quiz.path(), index + 1),
                });
            }
        }
    }
    Ok(found)
}

/// The label of every timeline bar, named after its listing.
fn timeline_messages(root: &Path) -> Result<Vec<Found>, String> {
    let catalog = ListingCatalog::load(root)?;
    let mut found = Vec::new();
    let mut seen = BTreeSet::new();
    for listing in &catalog.listings {
        for span in listing.timeline.iter().flat_map(|t| &t.spans) {
            if seen.insert((listing.name.clone(), span.label.clone())) {
                found.push(Found {
                    msgid: span.label.clone(),
                    source: format!("{CATALOG_PATH}:{}", listing.name),
                });
            }
        }
    }
    Ok(found)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn code_blocks_are_emptied_but_keep_their_lines() {
        let text = "a\n\n```rust\n// a comment\nfn main() {}\n```\n\nb\n";
        assert_eq!(without_code(text), "a\n\n```rust\n\n\n```\n\nb\n");
    }

    #[test]
    fn html_blocks_with_words_are_messages() {
        let text = "<p class=\"caption\">Listing 1-1: <code>x</code></p>\n\n</details>\n\npara\n";
        assert_eq!(
            text_html_blocks(text),
            [(
                1,
                "<p class=\"caption\">Listing 1-1: <code>x</code></p>".to_owned()
            )]
        );
    }

    #[test]
    fn an_include_alone_is_no_message() {
        assert!(is_only_includes("{{#include quizzes/ch01.html}}"));
        assert!(!is_only_includes("See {{#include x.txt}} here"));
    }
}
