//! Which crates a Rust source names: the roots of its paths (`parking_lot` in
//! `use parking_lot::{Mutex, deadlock};`, `tracing_subscriber` in `tracing_subscriber::fmt()`),
//! and the names of `use NAME;` and `extern crate NAME;`. Comments, strings and character
//! literals are left out, so a comment that mentions `rayon::join` does not count.
//!
//! This is a reading of the tokens, not of the syntax tree; what makes it trustworthy is that the
//! fresh-project test (`tests/listings_in_fresh_project.rs`) builds every listing with only the
//! crates found here and denies `unused_crate_dependencies`: a crate missed fails to build, a crate
//! found by mistake fails the lint.

use std::collections::BTreeSet;

/// Every name that stands at the root of a path, or after `use` or `extern crate` alone.
pub fn path_roots(source: &str) -> BTreeSet<String> {
    let code = code_only(source);
    let tokens = tokens(&code);
    let mut roots = BTreeSet::new();
    for (i, token) in tokens.iter().enumerate() {
        let Token::Ident(name) = *token else {
            continue;
        };
        let before = |back: usize| i.checked_sub(back).map(|j| tokens[j]);
        let after = tokens.get(i + 1).copied();
        let starts_path = after == Some(Token::PathSep)
            && match before(1) {
                // `::parking_lot::Mutex`: a leading `::` unless it continues a path (`a::b`, `T>::b`).
                Some(Token::PathSep) => match before(2) {
                    Some(Token::Ident(word)) => KEYWORDS_BEFORE_A_PATH.contains(&word),
                    Some(Token::Punct('>')) => false,
                    _ => true,
                },
                // After `use`, `=`, `(`, `{`, `dyn`, ...: the first segment.
                _ => !ANCHORED.contains(&name) && !KEYWORDS_BEFORE_A_PATH.contains(&name),
            };
        // `use rayon;`, `use rayon as r;`, `extern crate rayon;`
        let used_alone = matches!(after, Some(Token::Punct(';')) | Some(Token::Ident("as")))
            && (before(1) == Some(Token::Ident("use"))
                || (before(1) == Some(Token::Ident("crate"))
                    && before(2) == Some(Token::Ident("extern"))));
        if starts_path || used_alone {
            roots.insert(name.to_owned());
        }
    }
    roots
}

/// Path roots that name no crate: the current crate, its modules, the implementing type.
const ANCHORED: &[&str] = &["crate", "self", "super", "Self"];

/// Words after which `::` starts a path from the crate root rather than continuing one.
const KEYWORDS_BEFORE_A_PATH: &[&str] = &[
    "as", "break", "const", "dyn", "else", "for", "if", "impl", "in", "let", "match", "move",
    "mut", "pub", "ref", "return", "static", "type", "use", "where", "while",
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Token<'a> {
    Ident(&'a str),
    PathSep,
    Punct(char),
}

fn tokens(code: &str) -> Vec<Token<'_>> {
    let mut tokens = Vec::new();
    let mut chars = code.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        if c.is_whitespace() {
            continue;
        }
        if c.is_alphanumeric() || c == '_' {
            let mut end = start + c.len_utf8();
            while let Some(&(at, next)) = chars.peek() {
                if !(next.is_alphanumeric() || next == '_') {
                    break;
                }
                end = at + next.len_utf8();
                chars.next();
            }
            let word = &code[start..end];
            // A number (`0`, `10_u32`) is no name, but stands where one could.
            let first_is_digit = c.is_ascii_digit();
            tokens.push(if first_is_digit {
                Token::Punct('0')
            } else {
                Token::Ident(word)
            });
        } else if c == ':' && chars.peek().is_some_and(|&(_, next)| next == ':') {
            chars.next();
            tokens.push(Token::PathSep);
        } else {
            tokens.push(Token::Punct(c));
        }
    }
    tokens
}

/// The source with every comment and every string and character literal blanked out, line breaks
/// kept. Lifetimes (`'a`) stay.
fn code_only(source: &str) -> String {
    let chars: Vec<char> = source.chars().collect();
    let mut out = String::with_capacity(source.len());
    let blank = |out: &mut String, c: char| out.push(if c == '\n' { '\n' } else { ' ' });
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        // The end (exclusive) of a comment or literal starting here, if one does.
        let end = match (c, next) {
            ('/', Some('/')) => Some(find(&chars, i, |j| chars[j] == '\n')),
            ('/', Some('*')) => Some(block_comment_end(&chars, i)),
            ('"', _) => Some(string_end(&chars, i + 1)),
            // `'\''`, `'\n'`: the closing quote comes after the escaped character.
            ('\'', Some('\\')) => Some(find(&chars, i + 3, |j| chars[j] == '\'') + 1),
            ('\'', _) if chars.get(i + 2) == Some(&'\'') => Some(i + 3),
            ('r', _) => raw_string_end(&chars, i),
            _ => None,
        };
        match end {
            Some(end) => {
                let end = end.min(chars.len());
                for &c in &chars[i..end] {
                    blank(&mut out, c);
                }
                i = end;
            }
            None => {
                out.push(c);
                i += 1;
            }
        }
    }
    out
}

/// The first index from `from` at which `stop` holds, or the end.
fn find(chars: &[char], from: usize, stop: impl Fn(usize) -> bool) -> usize {
    (from..chars.len())
        .find(|&j| stop(j))
        .unwrap_or(chars.len())
}

/// After the closing quote of a string whose contents start at `from`; `\"` does not close it.
fn string_end(chars: &[char], from: usize) -> usize {
    let mut j = from;
    while j < chars.len() {
        match chars[j] {
            '\\' => j += 2,
            '"' => return j + 1,
            _ => j += 1,
        }
    }
    chars.len()
}

/// After the `*/` that closes the (possibly nested) comment opened at `start`.
fn block_comment_end(chars: &[char], start: usize) -> usize {
    let mut depth = 0;
    let mut j = start;
    while j + 1 < chars.len() {
        match (chars[j], chars[j + 1]) {
            ('/', '*') => {
                depth += 1;
                j += 2;
            }
            ('*', '/') => {
                depth -= 1;
                j += 2;
                if depth == 0 {
                    return j;
                }
            }
            _ => j += 1,
        }
    }
    chars.len()
}

/// If a raw string (`r"..."`, `r#"..."#`, `br"..."`) starts at the `r` at `start`: after its end.
fn raw_string_end(chars: &[char], start: usize) -> Option<usize> {
    let in_word = |j: usize| chars[j].is_alphanumeric() || chars[j] == '_';
    let prefix_ok = start == 0
        || !in_word(start - 1)
        || (chars[start - 1] == 'b' && (start == 1 || !in_word(start - 2)));
    if !prefix_ok {
        return None;
    }
    let hashes = chars[start + 1..].iter().take_while(|&&c| c == '#').count();
    if chars.get(start + 1 + hashes) != Some(&'"') {
        return None;
    }
    let closing: Vec<char> = std::iter::once('"')
        .chain(std::iter::repeat_n('#', hashes))
        .collect();
    let body = start + 2 + hashes;
    let end = (body..chars.len())
        .find(|&j| chars[j..].starts_with(&closing))
        .map_or(chars.len(), |j| j + closing.len());
    Some(end)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn roots(source: &str) -> Vec<String> {
        path_roots(source).into_iter().collect()
    }

    #[test]
    fn a_use_declaration_names_its_crate() {
        assert_eq!(
            roots("use parking_lot::{Mutex, deadlock};"),
            ["parking_lot"]
        );
        assert_eq!(roots("use rayon::prelude::*;"), ["rayon"]);
        assert_eq!(roots("use ::rayon::join;"), ["rayon"]);
        assert_eq!(
            roots("use rayon;\nextern crate tracing;"),
            ["rayon", "tracing"]
        );
    }

    #[test]
    fn a_path_in_an_expression_names_its_crate() {
        let source = "fn main() {\n    tracing_subscriber::fmt().init();\n    \
                      let m = parking_lot::Mutex::new(0);\n    tracing::info!(\"{m:?}\");\n}";
        assert_eq!(
            roots(source),
            ["parking_lot", "tracing", "tracing_subscriber"]
        );
    }

    #[test]
    fn only_the_first_segment_of_a_path_is_a_root() {
        assert_eq!(roots("let x = std::sync::Mutex::new(1);"), ["std"]);
        assert_eq!(roots("let v = Vec::<u8>::new();"), ["Vec"]);
        assert_eq!(
            roots("use crate::rayon::x; use self::a::b;"),
            Vec::<String>::new()
        );
    }

    #[test]
    fn comments_strings_and_characters_name_no_crate() {
        let source = "// parking_lot::Mutex is not poisoned\n\
                      /* rayon::join /* nested */ tracing::info */\n\
                      fn main() {\n    println!(\"parking_lot::Mutex: {}\", ':');\n    \
                      let s = r#\"rayon::scope \"quoted\"\"#;\n    let c = '\\'';\n    \
                      let q = \"a \\\" tracing::x\";\n}\n\
                      fn f<'a>(x: &'a str) -> &'a str { std::hint::black_box(x) }";
        assert_eq!(roots(source), ["std"]);
    }

    #[test]
    fn a_name_that_only_looks_like_a_crate_is_not_one() {
        // `tracing_subscriber::` is not `tracing::`, and a field or a method is no path.
        assert_eq!(roots("tracing_subscriber::fmt()"), ["tracing_subscriber"]);
        assert_eq!(
            roots("let rayon = 1; s.rayon.len(); x: rayon"),
            Vec::<String>::new()
        );
    }
}
