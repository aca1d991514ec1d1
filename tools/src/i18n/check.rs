//! The checks of a translation against its template: every message translated and none fuzzy, and
//! every translation keeping what must not change: code spans, links, anchors, HTML tags, mdBook
//! directives and Markdown emphasis.
//!
//! A translation that is still the English, apart from code, names and numbers, is as untranslated
//! as an empty one: a heading left as "Locks" has nothing to compare. What a message says in words
//! is its [`prose`]; a message whose English has prose and whose translation's prose has English
//! words and no Hangul is reported. Messages that are only code, numbers or names (`GIL`,
//! `JoinHandle`, `wait_timeout(50 ms)`, a crate the book writes as code) have no prose to translate.
//!
//! Code spans, links and tags are compared as multisets: Korean puts words in another order, so a
//! code span may move, but none may be dropped, added or edited. Every number of the English must
//! be in the translation too (a translation may add some: "sixteen" is 16개), so that a figure the
//! English book updates from a new run cannot stay old in a translation.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::LazyLock;

use polib::catalog::Catalog;
use pulldown_cmark::{Event, LinkType, Parser, Tag, TagEnd};
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
    let names = names(template);
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
        if let Some(words) = still_english(message.msgid(), msgstr, &names) {
            problems.push(problem(format!(
                "is not translated: its words are still English ({}) and it has no Hangul",
                words.join(" ")
            )));
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

/// The words a reader reads in a message: its text, without code (Markdown code spans, HTML
/// `<code>`, `<pre>`, `<samp>` and `<kbd>` elements), HTML tags and their attributes (but with the
/// attributes read out in a tag's place: `alt`, `title`, `aria-label`), link targets, URLs and
/// mdBook directives. Emphasis markers and escapes are gone; what was left out leaves a space, or
/// `` `…` `` for a code span.
pub fn prose(text: &str) -> String {
    let mut out = String::new();
    let mut in_code_element = 0usize;
    let mut in_autolink = false;
    for event in Parser::new_ext(text, markdown_options()) {
        match event {
            Event::Text(t) if in_code_element == 0 && !in_autolink => out.push_str(&t),
            Event::Html(html) | Event::InlineHtml(html) => {
                out.push(' ');
                out.push_str(&html_prose(&html));
                out.push(' ');
                let opens = pattern!(r"(?i)<(?:code|pre|samp|kbd)\b[^>]*>").find_iter(&html);
                let closes = pattern!(r"(?i)</(?:code|pre|samp|kbd)\s*>").find_iter(&html);
                let (opens, closes) = (opens.count(), closes.count());
                in_code_element = (in_code_element + opens).saturating_sub(closes);
            }
            Event::Start(Tag::Link {
                link_type: LinkType::Autolink | LinkType::Email,
                ..
            }) => in_autolink = true,
            Event::End(TagEnd::Link) => {
                in_autolink = false;
                out.push(' ');
            }
            // Emphasis ends inside a word: `*동시적*이라고` is one word.
            Event::End(TagEnd::Emphasis | TagEnd::Strong | TagEnd::Strikethrough) => {}
            // A code span stays a gap a particle can follow: `Sender`가.
            Event::Code(_) => out.push_str("`…`"),
            Event::SoftBreak | Event::HardBreak | Event::End(_) => out.push(' '),
            _ => {}
        }
    }
    let out = pattern!(r"\{\{#[^}]*\}\}").replace_all(&out, " ");
    pattern!(r#"\b(?:https?|mailto):[^\s<>"')]+"#)
        .replace_all(&out, " ")
        .into_owned()
}

/// The words of an HTML fragment: its text outside code elements, tags and comments, and the
/// values of the attributes read out in a tag's place.
fn html_prose(html: &str) -> String {
    static READ_OUT: LazyLock<Regex> = LazyLock::new(|| {
        let names = TRANSLATED_ATTRIBUTES.join("|");
        Regex::new(&format!(r#"\b(?:{names})="([^"]*)""#)).expect("a valid pattern")
    });
    let code = pattern!(
        r"(?is)<!--.*?-->|<code\b[^>]*>.*?</code\s*>|<pre\b[^>]*>.*?</pre\s*>|<samp\b[^>]*>.*?</samp\s*>|<kbd\b[^>]*>.*?</kbd\s*>"
    );
    let without_code = code.replace_all(html, " ");
    let tag = pattern!(r"<[^>]*>");
    let mut out = String::new();
    for piece in tag.split(&without_code) {
        out.push_str(piece);
        out.push(' ');
    }
    for m in tag.find_iter(&without_code) {
        for value in READ_OUT.captures_iter(m.as_str()) {
            out.push_str(&value[1]);
            out.push(' ');
        }
    }
    pattern!(r"&#?\w+;").replace_all(&out, " ").into_owned()
}

/// Whether a text holds a Hangul syllable or letter.
pub fn has_hangul(text: &str) -> bool {
    text.chars().any(|c| {
        matches!(c, '\u{AC00}'..='\u{D7A3}' | '\u{1100}'..='\u{11FF}' | '\u{3130}'..='\u{318F}')
    })
}

/// The English words of a text's prose: words of two or more Latin letters, but not what is a
/// name or a number rather than a word: identifiers (`thread_local`, `threading.Lock`, `x86`,
/// `PyO3`), names with a capital after their first letter (`GIL`, `CPython`, `mdBook`), units
/// after a number (`50 ms`), and the lowercase `names` the English book writes as code elsewhere
/// (`rayon`, `loom`).
pub fn english_words(prose: &str, names: &BTreeSet<String>) -> Vec<String> {
    let mut words = Vec::new();
    let mut after_number = false;
    for token in prose.split_whitespace() {
        let token = token.trim_matches(|c: char| !c.is_alphanumeric());
        let was_number = after_number;
        after_number = token.ends_with(|c: char| c.is_ascii_digit());
        let identifier = token.contains(['_', '.', ':', '(', ')', '!', '#', '/', '=', '<', '>'])
            || token.chars().any(|c| c.is_ascii_digit())
            || token.chars().skip(1).any(|c| c.is_ascii_uppercase());
        let unit = was_number && matches!(token, "ms" | "ns" | "px" | "s" | "x");
        if identifier || unit || names.contains(token) {
            continue;
        }
        if pattern!(r"^[A-Za-z][A-Za-z'’-]*[A-Za-z]$").is_match(token) {
            words.push(token.to_owned());
        }
    }
    words
}

/// The lowercase names the English book writes as code somewhere (`rayon`, `loom`, `tokio`): a
/// message may leave them bare, and they stay as they are in every edition.
pub fn names(template: &Catalog) -> BTreeSet<String> {
    template
        .messages()
        .flat_map(|m| code_spans(m.msgid()))
        .filter(|code| pattern!(r"^[a-z][a-z0-9_-]*$").is_match(code))
        .collect()
}

/// The English words of a translation whose English has prose, if it has no Hangul and is still
/// English (see [`english_words`]).
pub fn still_english(
    english: &str,
    translated: &str,
    names: &BTreeSet<String>,
) -> Option<Vec<String>> {
    let (english, translated) = (prose(english), prose(translated));
    if english_words(&english, names).is_empty() || has_hangul(&translated) {
        return None;
    }
    let words = english_words(&translated, names);
    (!words.is_empty()).then_some(words)
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

    #[test]
    fn an_english_heading_left_as_it_is_is_not_translated() {
        let template = catalog(&[("Locks", "")]);
        let problems = check(&template, &catalog(&[("Locks", "Locks")]), "ko.po");
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert_eq!(
            problems[0].to_string(),
            "src/ch07-locks.md:12: msgid \"Locks\": is not translated: its words are still \
             English (Locks) and it has no Hangul"
        );
        assert!(check(&template, &catalog(&[("Locks", "락")]), "ko.po").is_empty());
        let english = "Call `lock()` [first](ch07-locks.md#the-guard), *then* <code>x</code>.";
        let left = still_english(english, english, &BTreeSet::new());
        assert_eq!(
            left,
            Some(vec![
                "Call".to_owned(),
                "first".to_owned(),
                "then".to_owned()
            ])
        );
    }

    #[test]
    fn code_names_and_numbers_need_no_translation() {
        let names = BTreeSet::from(["rayon".to_owned()]);
        let kept = [
            "`thread::available_parallelism()`",
            "`with lock:` / `acquire()` ... `finally: release()`",
            "wait_timeout(50 ms)",
            "GIL",
            "<code>JoinHandle</code>, CPython 3.13, mdBook 0.5.4",
            "rayon",
            "threading.Lock",
            "<p class=\"caption\"><code>cargo run -p listings --bin ch07-02-try-lock</code></p>",
            "[`std::sync::mpsc`](https://doc.rust-lang.org/std/sync/mpsc/)",
        ];
        for text in kept {
            assert_eq!(still_english(text, text, &names), None, "{text}");
        }
        // The English has prose, so its translation must have Hangul.
        let english = "Which outputs can `rayon` print?";
        assert!(still_english(english, english, &names).is_some());
        assert!(still_english(english, "`rayon`은 무엇을 출력합니까?", &names).is_none());
        // An alt text is prose; a link target or an id is not.
        let img = r#"<img src="chart.svg" alt="Speedup by threads">"#;
        assert!(still_english(img, img, &names).is_some());
        assert!(
            still_english(
                img,
                r#"<img src="chart.svg" alt="스레드 수별 속도 향상">"#,
                &names
            )
            .is_none()
        );
    }

    #[test]
    fn the_names_are_the_lowercase_words_the_english_writes_as_code() {
        let template = catalog(&[("Use `rayon`, `Mutex` or `lock()`; <code>loom</code>.", "")]);
        let names: Vec<String> = names(&template).into_iter().collect();
        assert_eq!(names, ["loom", "rayon"]);
    }

    #[test]
    fn prose_leaves_out_code_tags_targets_urls_and_directives() {
        let text = "See **[Chapter 10](ch10-channels.md)**, `mpsc` and <https://x.org>: \
                    {{#include a.txt}} <span class=\"x\" title=\"제목\">본문</span> &amp; 끝";
        let words: Vec<String> = prose(text).split_whitespace().map(str::to_owned).collect();
        assert_eq!(
            words,
            [
                "See", "Chapter", "10", ",", "`…`", "and", ":", "제목", "본문", "&", "끝"
            ]
        );
    }
}
