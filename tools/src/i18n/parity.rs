//! A translated edition shows what the English book shows: chapter by chapter, after translation
//! and with every include expanded, the same code blocks (listings, outputs, Python counterparts,
//! commands) in the same order, the same ids, so that every listing, caption and section can be
//! linked to in every edition, and as much emphasis: a marker that no longer parses once the
//! translated chapter is put together would show on the page as it is.

use std::collections::BTreeSet;

use pulldown_cmark::{Event, Parser, Tag, TagEnd};
use regex::Regex;

use super::edition::{ENGLISH, Edition};
use super::template::markdown_options;
use crate::book::{ExpandedChapter, expanded_edition};

/// A fenced or indented code block: its info string and its text.
pub type CodeBlock = (String, String);

/// The code blocks of a chapter, in order.
pub fn code_blocks(markdown: &str) -> Vec<CodeBlock> {
    let mut blocks = Vec::new();
    let mut open: Option<CodeBlock> = None;
    for event in Parser::new_ext(markdown, markdown_options()) {
        match event {
            Event::Start(Tag::CodeBlock(kind)) => {
                let info = match kind {
                    pulldown_cmark::CodeBlockKind::Fenced(info) => info.into_string(),
                    pulldown_cmark::CodeBlockKind::Indented => String::new(),
                };
                open = Some((info, String::new()));
            }
            Event::Text(text) => {
                if let Some((_, code)) = open.as_mut() {
                    code.push_str(&text);
                }
            }
            Event::End(TagEnd::CodeBlock) => blocks.extend(open.take()),
            _ => {}
        }
    }
    blocks
}

/// The HTML ids written in a chapter and the ids of its headings.
fn ids(markdown: &str) -> BTreeSet<String> {
    let html_id = Regex::new(r#"\bid="([^"]*)""#).expect("a valid pattern");
    let mut ids: BTreeSet<String> = html_id
        .captures_iter(markdown)
        .map(|c| c[1].to_owned())
        .collect();
    for event in Parser::new_ext(markdown, markdown_options()) {
        if let Event::Start(Tag::Heading { id: Some(id), .. }) = event {
            ids.insert(id.into_string());
        }
    }
    ids
}

/// How many emphasised and strongly emphasised phrases a chapter has.
fn emphasis(markdown: &str) -> usize {
    Parser::new_ext(markdown, markdown_options())
        .filter(|event| matches!(event, Event::Start(Tag::Emphasis | Tag::Strong)))
        .count()
}

/// Where `edition` shows something else than the English book, chapter by chapter.
pub fn check(root: &std::path::Path, edition: Edition) -> Result<Vec<String>, String> {
    let english = expanded_edition(root, ENGLISH)?;
    let translated = expanded_edition(root, edition)?;
    let mut problems = Vec::new();
    if english.len() != translated.len() {
        problems.push(format!(
            "the {} edition has {} chapters, the English book {}",
            edition.name,
            translated.len(),
            english.len()
        ));
    }
    for (en, tr) in english.iter().zip(&translated) {
        problems.extend(compare(en, tr, edition));
    }
    Ok(problems)
}

fn compare(en: &ExpandedChapter, tr: &ExpandedChapter, edition: Edition) -> Vec<String> {
    let chapter = format!("src/{} ({} edition)", en.path.display(), edition.name);
    let mut problems = Vec::new();
    let (en_code, tr_code) = (code_blocks(&en.content), code_blocks(&tr.content));
    if en_code.len() != tr_code.len() {
        problems.push(format!(
            "{chapter}: {} code blocks, the English chapter has {}",
            tr_code.len(),
            en_code.len()
        ));
    }
    for (n, (a, b)) in en_code.iter().zip(&tr_code).enumerate() {
        if a != b {
            let first_line = |block: &CodeBlock| block.1.lines().next().unwrap_or("").to_owned();
            problems.push(format!(
                "{chapter}: code block {} differs from the English one: ```{} starting `{}` instead of ```{} starting `{}`",
                n + 1,
                b.0,
                first_line(b),
                a.0,
                first_line(a)
            ));
        }
    }
    let (en_emphasis, tr_emphasis) = (emphasis(&en.content), emphasis(&tr.content));
    if en_emphasis != tr_emphasis {
        problems.push(format!(
            "{chapter}: {tr_emphasis} emphasised phrases, the English chapter has {en_emphasis}; \
             a marker that does not parse shows as `_` or `*` on the page"
        ));
    }
    let (en_ids, tr_ids) = (ids(&en.content), ids(&tr.content));
    for missing in en_ids.difference(&tr_ids) {
        problems.push(format!(
            "{chapter}: id `{missing}` of the English chapter is missing"
        ));
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn code_blocks_are_read_with_their_language() {
        let text = "a\n\n```rust,noplayground\nfn main() {}\n```\n\n    indented\n";
        assert_eq!(
            code_blocks(text),
            [
                ("rust,noplayground".to_owned(), "fn main() {}\n".to_owned()),
                (String::new(), "indented\n".to_owned())
            ]
        );
    }

    #[test]
    fn a_changed_block_or_a_lost_id_is_named() {
        let path = std::path::PathBuf::from("ch07-locks.md");
        let en = ExpandedChapter {
            path: path.clone(),
            content: "## Locks {#locks}\n\n```rust\nlet a = 1;\n```\n".to_owned(),
        };
        let tr = ExpandedChapter {
            path,
            content: "## _락_이\n\n```rust\nlet a = 2;\n```\n".to_owned(),
        };
        let en = ExpandedChapter {
            content: en.content.replace("Locks", "*Locks*"),
            ..en
        };
        let problems = compare(&en, &tr, super::super::edition::KOREAN);
        assert_eq!(problems.len(), 3, "{problems:?}");
        assert!(problems[0].contains("code block 1 differs"), "{problems:?}");
        assert!(problems[1].contains("0 emphasised phrases"), "{problems:?}");
        assert!(problems[2].contains("id `locks`"), "{problems:?}");
    }
}
