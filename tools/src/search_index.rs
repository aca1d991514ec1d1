//! The search index mdBook writes, with dotted names also found by their parts.
//!
//! mdBook splits text into words at spaces and hyphens only, so `threading.RLock` is indexed as
//! one word and a search for `RLock` misses it. After the build, every indexed word holding a dot
//! is also indexed under each of its parts, for the same sections.

use std::fs;
use std::path::Path;

use serde_json::{Map, Value};

/// The start and end mdBook 0.5 wraps the index's JSON in (`mdbook-html`'s `search.rs`).
const PREFIX: &str = "window.search = Object.assign(window.search, JSON.parse('";
const SUFFIX: &str = "'));";

/// Adds the parts of dotted words to the search index of the HTML book in `dir`.
pub fn index_dotted_parts(dir: &Path) -> Result<(), String> {
    let entries = fs::read_dir(dir).map_err(|e| format!("cannot read {}: {e}", dir.display()))?;
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if !(name.starts_with("searchindex") && name.ends_with(".js")) {
            continue;
        }
        let path = entry.path();
        let text = fs::read_to_string(&path)
            .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        let rewritten = with_dotted_parts(&text).map_err(|e| format!("{}: {e}", path.display()))?;
        fs::write(&path, rewritten).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    }
    Ok(())
}

/// The search index script `script`, with dotted words also indexed by their parts.
pub fn with_dotted_parts(script: &str) -> Result<String, String> {
    let escaped = script
        .trim_end()
        .strip_prefix(PREFIX)
        .and_then(|s| s.strip_suffix(SUFFIX))
        .ok_or("not the search index script mdBook 0.5 writes")?;
    let mut index: Value = serde_json::from_str(&unescape(escaped))
        .map_err(|e| format!("the search index is not JSON: {e}"))?;
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
    let json = serde_json::to_string(&index).map_err(|e| e.to_string())?;
    Ok(format!(
        "{PREFIX}{}{SUFFIX}",
        json.replace('\\', "\\\\").replace('\'', "\\'")
    ))
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
    fn a_script_that_is_not_the_index_is_an_error() {
        assert!(with_dotted_parts("window.search = {};").is_err());
    }
}
