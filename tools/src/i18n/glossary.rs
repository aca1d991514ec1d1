//! The Korean edition's glossary, `po/glossary.toml`: for each concept, the Korean the book writes
//! for it and the variants it does not write. A translation that uses a variant is reported with
//! the message, the variant and the term, so that a concept reads the same in every chapter.
//!
//! A variant is looked for in a message's [`prose`] only, never in its code, tags, link targets,
//! URLs or program output, and only where a word begins: Korean attaches particles and endings to
//! a word's end (`머신에서`), never to its start, so `기기` is found in `기기의` but not in
//! `전자기기`. A variant written with a leading `-` is an ending (`-까요?`), found inside a word.
//! Where one term's Korean holds another term's variant (`가상 머신`, a virtual machine, holds
//! `머신`), the glossary's own rendering wins.
//!
//! `po/GLOSSARY.md` shows the glossary to translators: its table is rendered from this file by
//! [`Glossary::markdown`], and a test keeps the two the same.

use std::path::Path;

use polib::catalog::Catalog;
use regex::Regex;
use serde::Deserialize;

use super::check::{Problem, prose};

/// The machine-readable glossary and its human-readable rendering, relative to the repository root.
pub const GLOSSARY: &str = "po/glossary.toml";
pub const READABLE: &str = "po/GLOSSARY.md";

/// The lines around the part of `po/GLOSSARY.md` rendered from `po/glossary.toml`.
pub const RENDERED_START: &str = "<!-- Rendered from po/glossary.toml (`Glossary::markdown`); the translation tests check that it matches. -->";
pub const RENDERED_END: &str = "<!-- End of the part rendered from po/glossary.toml. -->";

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Glossary {
    #[serde(rename = "term")]
    pub terms: Vec<Term>,
    #[serde(skip)]
    compiled: Vec<Compiled>,
}

/// One concept.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Term {
    /// The English, with what it means where the word alone is ambiguous.
    pub english: String,
    /// The Korean the book writes, in one or more forms.
    pub korean: Vec<String>,
    /// What the book does not write for this concept.
    #[serde(default)]
    pub not: Vec<String>,
    /// Only messages from sources under this path are held to the term (`quizzes/`).
    #[serde(default)]
    pub only_in: Option<String>,
    /// Why the glossary chose this rendering, where the choice was not obvious.
    #[serde(default)]
    pub why: Option<String>,
}

/// A term's patterns, compiled once.
#[derive(Debug)]
struct Compiled {
    korean: Vec<Regex>,
    not: Vec<(String, Regex)>,
}

/// A variant found in a message.
#[derive(Debug)]
pub struct Variant<'a> {
    pub variant: &'a str,
    pub term: &'a Term,
    /// The words around it.
    pub context: String,
}

impl Glossary {
    pub fn load(root: &Path) -> Result<Glossary, String> {
        let text = std::fs::read_to_string(root.join(GLOSSARY))
            .map_err(|e| format!("cannot read {GLOSSARY}: {e}"))?;
        Glossary::parse(&text)
    }

    /// Reads a glossary, and checks that no term's Korean holds one of its own variants.
    pub fn parse(text: &str) -> Result<Glossary, String> {
        let mut glossary: Glossary =
            toml::from_str(text).map_err(|e| format!("{GLOSSARY}: {e}"))?;
        for term in &glossary.terms {
            let own = term.korean.iter().find_map(|korean| {
                term.not
                    .iter()
                    .find(|not| korean.contains(not.trim_start_matches('-')))
                    .map(|not| (korean, not))
            });
            if let Some((korean, not)) = own {
                return Err(format!(
                    "{GLOSSARY}: term \"{}\": its Korean \"{korean}\" holds its own variant \"{not}\"",
                    term.english
                ));
            }
            glossary.compiled.push(Compiled {
                korean: term.korean.iter().map(|k| phrase(k)).collect(),
                not: term.not.iter().map(|n| (n.clone(), phrase(n))).collect(),
            });
        }
        Ok(glossary)
    }

    /// The variants a translated message from `source` (its `#:` locations) uses.
    pub fn variants(&self, source: &str, translated: &str) -> Vec<Variant<'_>> {
        let text = prose(translated);
        let kept: Vec<(usize, usize)> = self
            .compiled
            .iter()
            .flat_map(|c| &c.korean)
            .flat_map(|re| re.find_iter(&text).map(|m| (m.start(), m.end())))
            .collect();
        let mut found = Vec::new();
        for (term, compiled) in self.terms.iter().zip(&self.compiled) {
            if let Some(under) = &term.only_in
                && !source
                    .split_whitespace()
                    .any(|s| s.starts_with(under.as_str()))
            {
                continue;
            }
            for (variant, re) in &compiled.not {
                let ending = variant.starts_with('-');
                let mut at = 0;
                while let Some(m) = re.find_at(&text, at) {
                    let word_start = !text[..m.start()]
                        .chars()
                        .next_back()
                        .is_some_and(char::is_alphanumeric);
                    let in_kept = kept.iter().any(|&(s, e)| s <= m.start() && m.end() <= e);
                    if (ending || word_start) && !in_kept {
                        found.push(Variant {
                            variant,
                            term,
                            context: context(&text, m.start(), m.end()),
                        });
                        break;
                    }
                    at = m.start() + text[m.start()..].chars().next().map_or(1, char::len_utf8);
                }
            }
        }
        found
    }

    /// Every message of `translation` that uses a variant, once per variant.
    pub fn check(&self, translation: &Catalog) -> Vec<Problem> {
        let mut problems = Vec::new();
        for message in translation.messages() {
            let msgstr = message.msgstr().unwrap_or_default();
            if message.msgid().is_empty() || msgstr.is_empty() {
                continue;
            }
            for found in self.variants(message.source(), msgstr) {
                problems.push(Problem {
                    source: message.source().to_owned(),
                    msgid: message.msgid().to_owned(),
                    what: format!(
                        "uses \"{}\" (in \"{}\"), but {GLOSSARY} writes \"{}\" as {}",
                        found.variant,
                        found.context,
                        found.term.english,
                        found.term.korean.join(" / ")
                    ),
                });
            }
        }
        problems
    }

    /// The glossary as `po/GLOSSARY.md` shows it: a table, then the reasons for its choices.
    pub fn markdown(&self) -> String {
        let cell = |s: &str| s.replace('|', "\\|");
        let mut out = String::from("| English | 한국어 | not (쓰지 않는 말) |\n|---|---|---|\n");
        for term in &self.terms {
            let mut not = term.not.join(", ");
            if let Some(under) = &term.only_in {
                not.push_str(&format!(" (in `{under}`)"));
            }
            out.push_str(&format!(
                "| {} | {} | {} |\n",
                cell(&term.english),
                cell(&term.korean.join(", ")),
                cell(not.trim())
            ));
        }
        let reasons: Vec<String> = self
            .terms
            .iter()
            .filter_map(|t| Some(format!("- **{}**: {}\n", t.english, t.why.as_deref()?)))
            .collect();
        if !reasons.is_empty() {
            out.push_str("\nWhy:\n\n");
            out.extend(reasons);
        }
        out
    }

    /// How `po/GLOSSARY.md` differs from this glossary, if it does: the part between its
    /// [`RENDERED_START`] and [`RENDERED_END`] lines must be [`Glossary::markdown`].
    pub fn readable_differs(&self, readable: &str) -> Option<String> {
        let want = self.markdown();
        let have = readable
            .split_once(RENDERED_START)
            .and_then(|(_, rest)| rest.split_once(RENDERED_END))
            .map(|(rendered, _)| rendered.trim_matches('\n').to_owned() + "\n");
        match have {
            Some(have) if have == want => None,
            Some(_) => Some(format!(
                "{READABLE} does not show {GLOSSARY} as it is; put this between its \"{RENDERED_START}\" and \"{RENDERED_END}\" lines:\n\n{want}"
            )),
            None => Some(format!(
                "{READABLE} has no \"{RENDERED_START}\" line followed by a \"{RENDERED_END}\" line"
            )),
        }
    }
}

/// A pattern for a phrase: its words in order, separated by any white space (a message may
/// break its lines anywhere). A leading `-` (an ending) is not part of the text.
fn phrase(text: &str) -> Regex {
    let words: Vec<String> = text
        .trim_start_matches('-')
        .split_whitespace()
        .map(regex::escape)
        .collect();
    Regex::new(&words.join(r"\s+")).expect("an escaped phrase is a valid pattern")
}

/// The text around a match, on one line.
fn context(text: &str, start: usize, end: usize) -> String {
    let before: String = {
        let chars: Vec<char> = text[..start].chars().rev().take(12).collect();
        chars.into_iter().rev().collect()
    };
    let after: String = text[end..].chars().take(12).collect();
    format!("{before}{}{after}", &text[start..end])
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    const GLOSSARY_TOML: &str = r#"
[[term]]
english = "machine"
korean = ["컴퓨터"]
not = ["머신", "기기"]
why = "the plain word"

[[term]]
english = "virtual machine"
korean = ["가상 머신"]

[[term]]
english = "hang up (a channel)"
korean = ["닫히다"]
not = ["채널이 끊"]

[[term]]
english = "quiz question"
korean = ["-ㅂ니까?"]
not = ["-까요?"]
only_in = "quizzes/"
"#;

    fn glossary() -> Glossary {
        Glossary::parse(GLOSSARY_TOML).unwrap()
    }

    fn found(source: &str, text: &str) -> Vec<String> {
        glossary()
            .variants(source, text)
            .iter()
            .map(|v| v.variant.to_owned())
            .collect::<Vec<_>>()
    }

    #[test]
    fn a_variant_is_found_where_a_word_begins_with_its_particle_after_it() {
        assert_eq!(found("src/a.md:1", "여러분의 머신에서 실행하면"), ["머신"]);
        assert_eq!(found("src/a.md:1", "(기기의 CPU를 셈)"), ["기기"]);
        assert_eq!(found("src/a.md:1", "**머신**에서"), ["머신"]);
        assert!(found("src/a.md:1", "전자기기에서").is_empty());
        assert!(found("src/a.md:1", "컴퓨터에서 실행하면").is_empty());
    }

    #[test]
    fn a_phrase_is_found_across_a_line_break() {
        assert_eq!(
            found("src/a.md:1", "그래서 채널이\n끊기지 않았습니다."),
            ["채널이 끊"]
        );
        assert!(found("src/a.md:1", "그래서 줄이 끊기지 않았습니다.").is_empty());
    }

    #[test]
    fn code_urls_tags_and_output_are_not_searched() {
        let text = "`머신` <code>기기</code> <a href=\"https://x.org/머신\">링크</a> \
                    https://x.org/기기 <pre>머신</pre> <img alt=\"컴퓨터\">";
        assert!(
            found("src/a.md:1", text).is_empty(),
            "{:?}",
            found("src/a.md:1", text)
        );
        assert!(
            found(
                "src/a.md:1",
                "[링크](https://x.org/머신) <https://x.org/기기>"
            )
            .is_empty()
        );
        assert_eq!(found("src/a.md:1", "<img alt=\"머신 그림\">"), ["머신"]);
    }

    #[test]
    fn the_glossarys_own_rendering_of_another_term_wins() {
        assert!(found("src/a.md:1", "공유 가상 머신의 잡음").is_empty());
        assert_eq!(found("src/a.md:1", "가상 머신과 머신"), ["머신"]);
    }

    #[test]
    fn an_ending_is_found_inside_a_word_and_only_where_the_term_applies() {
        let quiz = "quizzes/ch03-creating-threads.toml:1";
        assert_eq!(found(quiz, "어느 것일까요? 모두 고르세요."), ["-까요?"]);
        assert!(found(quiz, "어느 것입니까?").is_empty());
        assert!(found("src/ch04.md:3 ", "끊길 수 있을까요?").is_empty());
        assert_eq!(
            found("src/ch04.md:3 quizzes/ch04.toml:1", "있을까요?"),
            ["-까요?"]
        );
    }

    #[test]
    fn a_message_with_a_variant_is_named_with_the_variant_and_the_term() {
        let mut translation = crate::i18n::template::new_catalog("ko");
        translation.append_or_update(
            polib::message::Message::build_singular()
                .with_source("src/ch01-concurrency-and-parallelism.md:12".to_owned())
                .with_msgid("Run it on your machine.".to_owned())
                .with_msgstr("여러분의 머신에서 실행하세요.".to_owned())
                .done(),
        );
        let problems = glossary().check(&translation);
        assert_eq!(problems.len(), 1);
        assert_eq!(
            problems[0].to_string(),
            "src/ch01-concurrency-and-parallelism.md:12: msgid \"Run it on your machine.\": \
             uses \"머신\" (in \"여러분의 머신에서 실행하세요.\"), but po/glossary.toml writes \
             \"machine\" as 컴퓨터"
        );
    }

    #[test]
    fn a_term_whose_korean_holds_its_own_variant_is_refused() {
        let bad = "[[term]]\nenglish = \"x\"\nkorean = [\"블로킹된\"]\nnot = [\"블로킹\"]\n";
        let e = Glossary::parse(bad).unwrap_err();
        assert!(e.contains("holds its own variant"), "{e}");
    }

    #[test]
    fn the_readable_glossary_must_show_the_table() {
        let g = glossary();
        let readable = format!(
            "# 용어집\n\n{RENDERED_START}\n{}{RENDERED_END}\n",
            g.markdown()
        );
        assert_eq!(g.readable_differs(&readable), None);
        assert!(g.markdown().contains("| machine | 컴퓨터 | 머신, 기기 |"));
        assert!(g.markdown().contains("- **machine**: the plain word"));
        let edited = readable.replace("| 머신, 기기 |", "| 머신 |");
        let e = g.readable_differs(&edited).unwrap();
        assert!(e.contains("| machine | 컴퓨터 | 머신, 기기 |"), "{e}");
        assert!(g.readable_differs("# 용어집\n").is_some());
    }
}
