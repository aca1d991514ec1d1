//! The checks of a translation against its template: every message translated and none fuzzy, and
//! every translation keeping what must not change: code spans, links, anchors, HTML tags, mdBook
//! directives and Markdown emphasis.
//!
//! Code spans, links and tags are compared as multisets: Korean puts words in another order, so a
//! code span may move, but none may be dropped, added or edited. Every number of the English must
//! be in the translation too (a translation may add some: "sixteen" is 16개), so that a figure the
//! English book updates from a new run cannot stay old in a translation.

use std::collections::BTreeMap;
use std::sync::LazyLock;

use polib::catalog::Catalog;
use pulldown_cmark::{Event, Parser, Tag};
use regex::Regex;

use super::directives;
use super::template::{TRANSLATED_ATTRIBUTES, markdown_options};

/// One problem with one message, named by where the English is and how it starts.
#[derive(Debug)]
pub struct Problem {
    pub source: String,
    pub msgid: String,
    pub what: String,
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let start: String = self.msgid.chars().take(70).collect();
        let more = if start.len() < self.msgid.len() {
            "…"
        } else {
            ""
        };
        write!(
            f,
            "{}: msgid \"{start}{more}\": {}",
            self.source.split_whitespace().next().unwrap_or("?"),
            self.what
        )
    }
}

/// Every message of `template` must be in `translation`, translated, not fuzzy, and faithful.
pub fn check(template: &Catalog, translation: &Catalog, po_name: &str) -> Vec<Problem> {
    let mut problems = Vec::new();
    for message in template.messages() {
        let problem = |what: String| Problem {
            source: message.source().to_owned(),
            msgid: message.msgid().to_owned(),
            what,
        };
        let Some(translated) = translation.find_message(None, message.msgid(), None) else {
            problems.push(problem(format!(
                "not in {po_name}: run `cargo run -p book-tools --bin update-translations`"
            )));
            continue;
        };
        if translated.flags().is_fuzzy() {
            problems.push(problem(
                "is marked fuzzy: check the translation, then remove the flag".to_owned(),
            ));
        }
        let msgstr = translated.msgstr().unwrap_or_default();
        if msgstr.trim().is_empty() {
            problems.push(problem("is not translated (empty msgstr)".to_owned()));
            continue;
        }
        for what in differences(message.msgid(), msgstr) {
            problems.push(problem(what));
        }
    }
    problems
}

/// What a check reads out of a message: its code spans, its link targets, ...
type Items = fn(&str) -> Vec<String>;

/// How a translation differs from its English where it must not.
pub fn differences(english: &str, translated: &str) -> Vec<String> {
    let mut found = Vec::new();
    let kinds: [(&str, Items); 5] = [
        ("code spans", code_spans),
        ("link targets", link_targets),
        ("anchors", anchors),
        ("HTML tags", tags),
        ("emphasis", emphasis),
    ];
    for (what, of) in kinds {
        let (a, b) = (count(of(english)), count(of(translated)));
        if a != b {
            found.push(format!(
                "its {what} differ from the English: missing {:?}, added {:?}",
                minus(&a, &b),
                minus(&b, &a)
            ));
        }
    }
    let missing = minus(&count(numbers(english)), &count(numbers(translated)));
    if !missing.is_empty() {
        found.push(format!(
            "numbers of the English are missing from the translation: {missing:?}"
        ));
    }
    if directives(english) != directives(translated) {
        found.push(format!(
            "its mdBook directives differ from the English: {:?} instead of {:?}",
            directives(translated),
            directives(english)
        ));
    }
    found
}

fn count(items: Vec<String>) -> BTreeMap<String, usize> {
    let mut counts = BTreeMap::new();
    for item in items {
        *counts.entry(item).or_insert(0) += 1;
    }
    counts
}

fn minus(a: &BTreeMap<String, usize>, b: &BTreeMap<String, usize>) -> Vec<String> {
    a.iter()
        .flat_map(|(item, n)| {
            let extra = n.saturating_sub(*b.get(item).unwrap_or(&0));
            std::iter::repeat_n(item.clone(), extra)
        })
        .collect()
}

/// A pattern compiled once: the checks run over every message of the book.
macro_rules! pattern {
    ($re:expr) => {{
        static PATTERN: LazyLock<Regex> =
            LazyLock::new(|| Regex::new($re).expect("a valid pattern"));
        &*PATTERN
    }};
}

/// Markdown code spans and HTML `<code>` elements, by content.
fn code_spans(text: &str) -> Vec<String> {
    let mut spans: Vec<String> = Parser::new_ext(text, markdown_options())
        .filter_map(|event| match event {
            Event::Code(code) => Some(code.into_string()),
            _ => None,
        })
        .collect();
    spans.extend(
        pattern!(r"(?s)<code>(.*?)</code>")
            .captures_iter(text)
            .map(|c| c[1].to_owned()),
    );
    spans
}

/// Markdown link and image destinations, and HTML `href` and `src` values.
fn link_targets(text: &str) -> Vec<String> {
    let mut targets: Vec<String> = Parser::new_ext(text, markdown_options())
        .filter_map(|event| match event {
            Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. }) => {
                Some(dest_url.into_string())
            }
            _ => None,
        })
        .collect();
    targets.extend(
        pattern!(r#"\b(?:href|src)="([^"]*)""#)
            .captures_iter(text)
            .map(|c| c[1].to_owned()),
    );
    targets
}

/// HTML `id`s and Markdown heading ids (`{#id}`).
fn anchors(text: &str) -> Vec<String> {
    pattern!(r#"\bid="([^"]*)"|\{\s*#([\w-]+)\s*\}"#)
        .captures_iter(text)
        .map(|c| c.get(1).or(c.get(2)).map_or("", |m| m.as_str()).to_owned())
        .collect()
}

/// HTML tags, with their attributes but without the values a reader reads (`alt`, `title`, ...).
fn tags(text: &str) -> Vec<String> {
    static TRANSLATED: LazyLock<Regex> = LazyLock::new(|| {
        let read_out = TRANSLATED_ATTRIBUTES.join("|");
        Regex::new(&format!(r#"\b({read_out})="[^"]*""#)).expect("a valid pattern")
    });
    let translated = &*TRANSLATED;
    pattern!(r"</?[a-zA-Z][^>]*>")
        .find_iter(text)
        .map(|m| translated.replace_all(m.as_str(), "$1=\"…\"").into_owned())
        .collect()
}

/// The numbers of a message's prose (code, link targets, tags and directives left out).
fn numbers(text: &str) -> Vec<String> {
    let prose = pattern!(r"(?s)`[^`]*`|<code>.*?</code>|\]\([^)]*\)|<[^>]*>|\{\{#[^}]*\}\}")
        .replace_all(text, " ");
    pattern!(r"\d+(?:[.,]\d+)*")
        .find_iter(&prose)
        .map(|m| m.as_str().to_owned())
        .collect()
}

/// The emphasis and strong emphasis Markdown parses: a marker that no longer parses (`_단어_가`,
/// where the closing `_` touches a letter) would show on the page as it is.
fn emphasis(text: &str) -> Vec<String> {
    Parser::new_ext(text, markdown_options())
        .filter_map(|event| match event {
            Event::Start(Tag::Emphasis) => Some("emphasis".to_owned()),
            Event::Start(Tag::Strong) => Some("strong emphasis".to_owned()),
            _ => None,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::template::new_catalog;
    use polib::message::{Message, MessageMutView};

    fn catalog(messages: &[(&str, &str)]) -> Catalog {
        let mut catalog = new_catalog("ko");
        for (msgid, msgstr) in messages {
            catalog.append_or_update(
                Message::build_singular()
                    .with_source("src/ch07-locks.md:12".to_owned())
                    .with_msgid((*msgid).to_owned())
                    .with_msgstr((*msgstr).to_owned())
                    .done(),
            );
        }
        catalog
    }

    const ENGLISH: &str = "Call `lock()` [first](ch07-locks.md#the-guard), *then* <code>x</code>.";
    const KOREAN: &str =
        "*먼저* <code>x</code>, [먼저](ch07-locks.md#the-guard) `lock()`을 부릅니다.";

    #[test]
    fn a_faithful_translation_passes() {
        let template = catalog(&[(ENGLISH, "")]);
        assert!(check(&template, &catalog(&[(ENGLISH, KOREAN)]), "ko.po").is_empty());
    }

    #[test]
    fn an_empty_msgstr_is_named() {
        let template = catalog(&[(ENGLISH, "")]);
        let problems = check(&template, &catalog(&[(ENGLISH, "")]), "ko.po");
        assert_eq!(problems.len(), 1);
        let shown = problems[0].to_string();
        assert!(
            shown.starts_with("src/ch07-locks.md:12: msgid \"Call `lock()`"),
            "{shown}"
        );
        assert!(
            shown.ends_with("is not translated (empty msgstr)"),
            "{shown}"
        );
    }

    #[test]
    fn a_fuzzy_entry_is_named() {
        let template = catalog(&[(ENGLISH, "")]);
        let mut translation = catalog(&[(ENGLISH, KOREAN)]);
        for mut m in translation.messages_mut() {
            m.flags_mut().add_flag("fuzzy");
        }
        let problems = check(&template, &translation, "ko.po");
        assert!(problems[0].what.contains("fuzzy"), "{}", problems[0]);
    }

    #[test]
    fn a_changed_code_span_link_anchor_tag_or_include_is_named() {
        let changed = [
            (KOREAN.replace("`lock()`", "`lock`"), "code spans"),
            (KOREAN.replace("#the-guard", "#guard"), "link targets"),
            (KOREAN.replace("<code>x</code>", "x"), "code spans"),
            (KOREAN.replace("*먼저*", "*먼저*가"), "nothing"),
            (KOREAN.replace("*먼저*", "_먼저_가"), "emphasis"),
        ];
        let found = differences("45 of the 200 runs", "200번 중 44번");
        assert!(found.iter().any(|f| f.contains("[\"45\"]")), "{found:?}");
        assert!(differences("sixteen shards", "샤드 16개").is_empty());
        for (translated, what) in changed {
            let found = differences(ENGLISH, &translated);
            if what == "nothing" {
                assert!(found.is_empty(), "{found:?}");
            } else {
                assert!(found.iter().any(|f| f.contains(what)), "{what}: {found:?}");
            }
        }
        let html = r#"<p class="caption" id="listing-7-1">Listing 7-1 {{#include x.html}}</p>"#;
        let found = differences(html, &html.replace("listing-7-1", "listing-7-2"));
        assert!(found.iter().any(|f| f.contains("anchors")), "{found:?}");
        let found = differences(html, &html.replace("{{#include x.html}}", ""));
        assert!(found.iter().any(|f| f.contains("directives")), "{found:?}");
    }

    #[test]
    fn alt_text_is_translated_but_the_tag_is_kept() {
        let english = r#"<img src="a.svg" alt="A chart">"#;
        assert!(differences(english, r#"<img src="a.svg" alt="그래프">"#).is_empty());
        assert!(!differences(english, r#"<img src="b.svg" alt="그래프">"#).is_empty());
    }
}
