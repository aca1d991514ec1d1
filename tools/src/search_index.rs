//! The search index mdBook writes, with dotted names also found by their parts, and in a translated
//! edition its own words indexed.
//!
//! mdBook splits text into words at spaces and hyphens only, so `threading.RLock` is indexed as
//! one word and a search for `RLock` misses it. After the build, every indexed word holding a dot
//! is also indexed under each of its parts, for the same sections. Korean words, which mdBook's
//! English pipeline drops, are added too (see [`index_unicode_words`]).

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

use serde_json::{Map, Value};

/// The start and end mdBook 0.5 wraps the index's JSON in (`mdbook-html`'s `search.rs`).
const PREFIX: &str = "window.search = Object.assign(window.search, JSON.parse('";
const SUFFIX: &str = "'));";

/// Adds the parts of dotted words to the search index of the HTML book in `dir`.
pub fn index_dotted_parts(dir: &Path) -> Result<(), String> {
    rewrite_indexes(dir, with_dotted_parts)
}

/// Rewrites every search index script of the HTML book in `dir` with `change`.
fn rewrite_indexes(dir: &Path, change: fn(&str) -> Result<String, String>) -> Result<(), String> {
    let entries = fs::read_dir(dir).map_err(|e| format!("cannot read {}: {e}", dir.display()))?;
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if !(name.starts_with("searchindex") && name.ends_with(".js")) {
            continue;
        }
        let path = entry.path();
        let text = fs::read_to_string(&path)
            .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        let rewritten = change(&text).map_err(|e| format!("{}: {e}", path.display()))?;
        fs::write(&path, rewritten).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    }
    Ok(())
}

/// The index in a search index script.
fn parse(script: &str) -> Result<Value, String> {
    let escaped = script
        .trim_end()
        .strip_prefix(PREFIX)
        .and_then(|s| s.strip_suffix(SUFFIX))
        .ok_or("not the search index script mdBook 0.5 writes")?;
    serde_json::from_str(&unescape(escaped))
        .map_err(|e| format!("the search index is not JSON: {e}"))
}

/// The search index script of an index, escaped as mdBook escapes it.
fn serialize(index: &Value) -> String {
    let json = index.to_string();
    format!(
        "{PREFIX}{}{SUFFIX}",
        json.replace('\\', "\\\\").replace('\'', "\\'")
    )
}

/// The search index script `script`, with dotted words also indexed by their parts.
pub fn with_dotted_parts(script: &str) -> Result<String, String> {
    let mut index = parse(script)?;
    let fields = index
        .pointer_mut("/index/index")
        .and_then(Value::as_object_mut)
        .ok_or("the search index has no index of fields")?;
    for field in fields.values_mut() {
        let Some(root) = field.get_mut("root").and_then(Value::as_object_mut) else {
            continue;
        };
        let mut words = Vec::new();
        collect(root, &mut String::new(), &mut words);
        for (word, docs) in words {
            for part in word.split('.').filter(|p| p.len() > 1 && *p != word) {
                add(root, part, &docs);
            }
        }
    }
    Ok(serialize(&index))
}

/// Makes the words of a language mdBook's search cannot index findable in the index of the HTML
/// book in `dir` (a translated edition's).
///
/// mdBook indexes with elasticlunr's English pipeline, whose trimmer keeps only ASCII letters and
/// digits: a Korean word is trimmed to nothing and never indexed, and the page-side trimmer erases
/// a Korean query the same way. So each stored section's words that hold other letters are indexed
/// here, with the term frequency elasticlunr gives (the square root of the count) and the field
/// lengths that weigh them, and the query pipeline drops the trimmer. With mdBook's prefix search a
/// query then finds a word with its particles attached: 스레드 finds 스레드를 and 스레드가.
pub fn index_unicode_words(dir: &Path) -> Result<(), String> {
    rewrite_indexes(dir, with_unicode_words)
}

/// The search index script `script`, with its non-ASCII words indexed (see
/// [`index_unicode_words`]).
pub fn with_unicode_words(script: &str) -> Result<String, String> {
    let mut index = parse(script)?;
    let docs: Vec<(String, Map<String, Value>)> = index
        .pointer("/index/documentStore/docs")
        .and_then(Value::as_object)
        .ok_or("the search index stores no sections")?
        .iter()
        .filter_map(|(r, d)| Some((r.clone(), d.as_object()?.clone())))
        .collect();
    let fields: Vec<String> = index
        .pointer("/index/index")
        .and_then(Value::as_object)
        .ok_or("the search index has no index of fields")?
        .keys()
        .cloned()
        .collect();
    for field in &fields {
        for (doc, stored) in &docs {
            let text = stored.get(field).and_then(Value::as_str).unwrap_or("");
            let mut counts: BTreeMap<String, usize> = BTreeMap::new();
            for word in unicode_words(text) {
                *counts.entry(word).or_insert(0) += 1;
            }
            if counts.is_empty() {
                continue;
            }
            let added: usize = counts.values().sum();
            let root = index
                .pointer_mut(&format!("/index/index/{field}/root"))
                .and_then(Value::as_object_mut)
                .ok_or("a field of the search index has no root")?;
            for (word, count) in &counts {
                let mut tf = Map::new();
                tf.insert(
                    doc.clone(),
                    serde_json::json!({ "tf": (*count as f64).sqrt() }),
                );
                add(root, word, &tf);
            }
            if let Some(length) =
                index.pointer_mut(&format!("/index/documentStore/docInfo/{doc}/{field}"))
            {
                *length = Value::from(length.as_u64().unwrap_or(0) + added as u64);
            }
        }
    }
    if let Some(pipeline) = index
        .pointer_mut("/index/pipeline")
        .and_then(Value::as_array_mut)
    {
        pipeline.retain(|step| step != "trimmer");
    }
    Ok(serialize(&index))
}

/// The words of `text` that hold a non-ASCII letter, as mdBook splits and lowercases them, trimmed
/// of anything but letters, digits and `_` at either end.
fn unicode_words(text: &str) -> Vec<String> {
    text.split(|c: char| c.is_whitespace() || c == '-')
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric() && c != '_')
                .to_lowercase()
        })
        .filter(|w| w.chars().any(|c| c.is_alphabetic() && !c.is_ascii()))
        .collect()
}

/// Undoes mdBook's escaping of the JSON into a single-quoted string: `\\` and `\'`.
fn unescape(escaped: &str) -> String {
    let mut out = String::with_capacity(escaped.len());
    let mut chars = escaped.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            out.extend(chars.next());
        } else {
            out.push(c);
        }
    }
    out
}

/// Every word under `node` that holds a dot, with the sections it is in. The index is a trie: each
/// node maps a character to the next node, `docs` to the sections of the word ending there.
fn collect(
    node: &Map<String, Value>,
    word: &mut String,
    out: &mut Vec<(String, Map<String, Value>)>,
) {
    if word.contains('.')
        && let Some(docs) = node.get("docs").and_then(Value::as_object)
        && !docs.is_empty()
    {
        out.push((word.clone(), docs.clone()));
    }
    for (key, child) in node {
        if key == "docs" || key == "df" {
            continue;
        }
        if let Some(child) = child.as_object() {
            word.push_str(key);
            collect(child, word, out);
            word.truncate(word.len() - key.len());
        }
    }
}

/// Indexes `word` for `docs` too, keeping what it already has.
fn add(root: &mut Map<String, Value>, word: &str, docs: &Map<String, Value>) {
    let mut node = root;
    for c in word.chars() {
        node = node
            .entry(c.to_string())
            .or_insert_with(|| serde_json::json!({ "df": 0 }))
            .as_object_mut()
            .expect("trie nodes are objects");
    }
    let mine = node
        .entry("docs")
        .or_insert_with(|| Value::Object(Map::new()))
        .as_object_mut()
        .expect("docs is an object");
    for (doc, tf) in docs {
        mine.entry(doc.clone()).or_insert_with(|| tf.clone());
    }
    let df = mine.len();
    node.insert("df".to_owned(), Value::from(df));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn index_of(script: &str) -> Value {
        let escaped = script
            .strip_prefix(PREFIX)
            .unwrap()
            .strip_suffix(SUFFIX)
            .unwrap();
        serde_json::from_str(&unescape(escaped)).unwrap()
    }

    #[test]
    fn a_dotted_word_is_found_by_each_part() {
        // The trie of one word, `ab.cd`, in section 3; the quote checks the escaping.
        let json = r#"{"doc":"it's","index":{"index":{"body":{"root":{"df":0,"a":{"df":0,"b":{"df":0,".":{"df":0,"c":{"df":0,"d":{"df":1,"docs":{"3":{"tf":1.0}}}}}}}}}}}}"#;
        let script = format!("{PREFIX}{}{SUFFIX}", json.replace('\'', "\\'"));
        let index = index_of(&with_dotted_parts(&script).expect("rewritten"));
        let root = &index["index"]["index"]["body"]["root"];
        assert_eq!(root["c"]["d"]["docs"]["3"]["tf"], 1.0);
        assert_eq!(root["c"]["d"]["df"], 1);
        assert_eq!(root["a"]["b"]["docs"]["3"]["tf"], 1.0);
        assert_eq!(index["doc"], "it's");
    }

    #[test]
    fn korean_words_are_indexed_with_their_particles_and_the_trimmer_goes() {
        let json = r#"{"index":{"pipeline":["trimmer","stemmer"],"documentStore":{"docs":{"4":{"body":"스레드를 띄우고, 스레드가 끝납니다. Mutex를"}},"docInfo":{"4":{"body":1}}},"index":{"body":{"root":{"df":0}}}}}"#;
        let script = format!("{PREFIX}{json}{SUFFIX}");
        let index = index_of(&with_unicode_words(&script).expect("rewritten"));
        let root = &index["index"]["index"]["body"]["root"];
        assert_eq!(root["스"]["레"]["드"]["를"]["docs"]["4"]["tf"], 1.0);
        assert_eq!(root["m"]["u"]["t"]["e"]["x"]["를"]["docs"]["4"]["tf"], 1.0);
        assert_eq!(index["index"]["documentStore"]["docInfo"]["4"]["body"], 6);
        assert_eq!(index["index"]["pipeline"], serde_json::json!(["stemmer"]));
    }

    #[test]
    fn a_script_that_is_not_the_index_is_an_error() {
        assert!(with_dotted_parts("window.search = {};").is_err());
    }
}
