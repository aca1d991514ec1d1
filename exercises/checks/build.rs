//! Writes `$OUT_DIR/corpus.rs`: for every exercise (a test file `exercises/tests/NAME.rs`), one
//! module per version of its code, each holding that code as `imp` and a copy of the exercise's
//! tests whose `exercises::NAME` paths point at it.
//!
//! The versions: the starter (`src/NAME.rs`, or git's committed copy once a reader has solved it
//! in place, so that doing an exercise does not change what the suite checks), the reference solution (`solutions/NAME.rs`), and every file in
//! `alternatives/NAME/` and `seeded/NAME/`.
//!
//! `EXERCISE_CHECKS_ONLY=NAME[,NAME...]` limits the corpus to some exercises, to build less while
//! working on one.
//!
//! A wrong solution whose header says "Caught by the compiler" must not compile, and would stop
//! the whole corpus from building: it is left out. `EXERCISE_CHECKS_REJECTED=NAME::WHICH` builds
//! that one instead, alone with its tests, so that tests/exercises.rs can see the compiler refuse
//! it (see `tools/src/exercise_versions.rs`).

use std::env;
use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

fn main() {
    let manifest =
        PathBuf::from(env::var_os("CARGO_MANIFEST_DIR").expect("set by cargo"));
    let exercises = manifest
        .parent()
        .expect("checks/ is inside exercises/")
        .to_path_buf();
    let out = PathBuf::from(env::var_os("OUT_DIR").expect("set by cargo"));
    for dir in ["src", "solutions", "alternatives", "seeded", "tests"] {
        println!("cargo::rerun-if-changed={}", exercises.join(dir).display());
    }
    println!("cargo::rerun-if-env-changed=EXERCISE_CHECKS_ONLY");
    println!("cargo::rerun-if-env-changed=EXERCISE_CHECKS_REJECTED");
    let rejected: Option<(String, String)> =
        env::var("EXERCISE_CHECKS_REJECTED")
            .ok()
            .filter(|s| !s.is_empty())
            .map(|s| {
                let (name, which) = s.split_once("::").unwrap_or_else(|| {
                    panic!("EXERCISE_CHECKS_REJECTED={s}: expected NAME::WHICH")
                });
                (name.to_owned(), which.to_owned())
            });
    let only: Option<Vec<String>> = match &rejected {
        Some((name, _)) => Some(vec![name.clone()]),
        None => env::var("EXERCISE_CHECKS_ONLY")
            .ok()
            .filter(|s| !s.is_empty())
            .map(|s| s.split(',').map(|n| n.trim().to_owned()).collect()),
    };

    let support = exercises.join("tests/support/mod.rs");
    let mut corpus = Tree::default();
    for name in stems(&exercises.join("tests")) {
        if only.as_ref().is_some_and(|only| !only.contains(&name)) {
            continue;
        }
        let tests =
            fs::read_to_string(exercises.join(format!("tests/{name}.rs")))
                .unwrap_or_else(|e| panic!("exercises/tests/{name}.rs: {e}"));
        let mut versions = vec![
            (
                vec!["starter".to_owned(), name.clone()],
                starter(&exercises, &name, &out),
            ),
            (
                vec!["solution".to_owned(), name.clone()],
                exercises.join(format!("solutions/{name}.rs")),
            ),
        ];
        for (kind, dir) in
            [("alternative", "alternatives"), ("seeded", "seeded")]
        {
            let dir = exercises.join(dir).join(&name);
            for which in stems(&dir) {
                let file = dir.join(format!("{which}.rs"));
                versions
                    .push((vec![kind.to_owned(), name.clone(), which], file));
            }
        }
        // Only the one asked for, or every one the compiler accepts.
        versions.retain(|(path, file)| match &rejected {
            Some((_, which)) => {
                path[0] == "seeded" && path.get(2) == Some(which)
            }
            None => !refused_by_the_compiler(file),
        });
        for (path, file) in versions {
            let module = path.join("::");
            let copy = out.join(format!("{}.tests.rs", path.join("__")));
            fs::write(&copy, point_tests_at(&tests, &name, &module, &support))
                .expect("OUT_DIR is writable");
            let body = format!(
                "#[path = {:?}]\npub mod imp;\n#[path = {:?}]\nmod tests;\n",
                file.display().to_string(),
                copy.display().to_string(),
            );
            corpus.insert(&path, &body);
        }
    }
    let mut text = String::new();
    corpus.write(&mut text);
    fs::write(out.join("corpus.rs"), text).expect("OUT_DIR is writable");
}

/// Modules nested by path, each written once however many versions it holds.
#[derive(Default)]
struct Tree {
    children: Vec<(String, Tree)>,
    body: String,
}

impl Tree {
    fn insert(&mut self, path: &[String], body: &str) {
        let Some((first, rest)) = path.split_first() else {
            self.body.push_str(body);
            return;
        };
        let at = match self.children.iter().position(|(n, _)| n == first) {
            Some(at) => at,
            None => {
                self.children.push((first.clone(), Tree::default()));
                self.children.len() - 1
            }
        };
        self.children[at].1.insert(rest, body);
    }

    fn write(&self, out: &mut String) {
        out.push_str(&self.body);
        for (name, child) in &self.children {
            let _ = writeln!(out, "pub mod {name} {{");
            child.write(out);
            out.push_str("}\n");
        }
    }
}

/// Whether a version's `//!` header says that the compiler refuses it.
fn refused_by_the_compiler(file: &Path) -> bool {
    let text = fs::read_to_string(file).unwrap_or_default();
    let header: Vec<&str> = text
        .lines()
        .map_while(|l| l.strip_prefix("//!"))
        .map(str::trim)
        .collect();
    header.join(" ").contains("Caught by the compiler")
}

/// The `.rs` files of `dir`, by stem, sorted; none if `dir` does not exist.
fn stems(dir: &Path) -> Vec<String> {
    let mut found: Vec<String> = fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.is_file() && p.extension().is_some_and(|e| e == "rs"))
        .filter_map(|p| Some(p.file_stem()?.to_str()?.to_owned()))
        .collect();
    found.sort();
    found
}

/// The starter to check: the file itself while it still holds `todo!()`; once a reader has
/// solved it in place (no `todo!()` left), git's committed copy, if there is one.
fn starter(exercises: &Path, name: &str, out: &Path) -> PathBuf {
    let file = exercises.join(format!("src/{name}.rs"));
    if fs::read_to_string(&file).is_ok_and(|text| text.contains("todo!(")) {
        return file;
    }
    let committed = Command::new("git")
        .current_dir(exercises)
        .args(["show", &format!("HEAD:./src/{name}.rs")])
        .output()
        .ok()
        .filter(|o| o.status.success())
        .map(|o| o.stdout);
    match committed {
        Some(text) if fs::read(&file).ok().as_ref() != Some(&text) => {
            let copy = out.join(format!("committed-starter-{name}.rs"));
            fs::write(&copy, text).expect("OUT_DIR is writable");
            copy
        }
        _ => file,
    }
}

/// The exercise's tests, with `exercises::NAME` meaning the version in `module`, the rest of
/// `exercises::` meaning this crate, and `mod support;` found where it lives.
fn point_tests_at(
    tests: &str,
    name: &str,
    module: &str,
    support: &Path,
) -> String {
    let mut text = String::with_capacity(tests.len());
    let mut rest = tests;
    while let Some(at) = rest.find("exercises::") {
        let (before, after) = rest.split_at(at);
        text.push_str(before);
        let word_start = !before
            .chars()
            .next_back()
            .is_some_and(|c| c.is_alphanumeric() || c == '_');
        let after = &after["exercises::".len()..];
        if !word_start {
            text.push_str("exercises::");
            rest = after;
        } else if let Some(tail) =
            after.strip_prefix(name).filter(|t| !t.starts_with('_'))
        {
            let _ = write!(text, "crate::{module}::imp");
            rest = tail;
        } else {
            text.push_str("crate::");
            rest = after;
        }
    }
    text.push_str(rest);
    let declaration = "mod support;";
    assert!(
        text.contains(declaration),
        "exercises/tests/{name}.rs: expected `{declaration}`"
    );
    text.replacen(
        declaration,
        // On one line, so that the copy's line numbers are the test file's.
        &format!("#[path = {:?}] mod support;", support.display().to_string()),
        1,
    )
}
