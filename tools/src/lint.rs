//! Book lint: the catalog, the listings, the chapters and the built HTML agree with each other.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Component, Path, PathBuf};
use std::sync::LazyLock;

use pulldown_cmark::{CodeBlockKind, Event, Parser, Tag};
use regex::Regex;

use crate::catalog::{BIN_DIR, Catalog, Language, OUTPUT_DIR};
use crate::python::{self, PYTHON_DIR};

static INCLUDE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\{\{#(include|rustdoc_include|playground)\s+([^}\s:]+)(?::([^}\s]+))?\s*\}\}")
        .expect("valid")
});

/// One `{{#include ...}}`-style link in a chapter.
#[derive(Debug, Clone)]
pub struct Include {
    /// The chapter, relative to `src/`.
    pub chapter: PathBuf,
    pub line: usize,
    pub path: String,
    pub anchor: Option<String>,
    /// The included file, resolved against the chapter's directory.
    pub target: PathBuf,
}

/// Every Markdown file under `src/`, relative to it, sorted.
pub fn chapters(root: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut dirs = vec![root.join("src")];
    while let Some(dir) = dirs.pop() {
        for entry in fs::read_dir(&dir).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "md") {
                found.push(
                    path.strip_prefix(root.join("src"))
                        .expect("under src")
                        .to_path_buf(),
                );
            }
        }
    }
    found.sort();
    found
}

/// Every include of every chapter, in the order they appear.
pub fn includes(root: &Path) -> Vec<Include> {
    let mut all = Vec::new();
    for chapter in chapters(root) {
        let file = root.join("src").join(&chapter);
        let text = fs::read_to_string(&file).unwrap_or_default();
        let dir = file
            .parent()
            .expect("chapter is in a directory")
            .to_path_buf();
        for (number, line) in text.lines().enumerate() {
            for caps in INCLUDE.captures_iter(line) {
                all.push(Include {
                    chapter: chapter.clone(),
                    line: number + 1,
                    path: caps[2].to_owned(),
                    anchor: caps.get(3).map(|m| m.as_str().to_owned()),
                    target: normalize(&dir.join(&caps[2])),
                });
            }
        }
    }
    all
}

/// Resolves `..` and `.` without touching the file system, so that missing files compare too.
fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for part in path.components() {
        match part {
            Component::ParentDir => {
                out.pop();
            }
            Component::CurDir => {}
            other => out.push(other),
        }
    }
    out
}

/// Every chapter file is in `SUMMARY.md`, and every file `SUMMARY.md` names exists.
pub fn check_summary(root: &Path) -> Vec<String> {
    let summary = fs::read_to_string(root.join("src/SUMMARY.md")).unwrap_or_default();
    let link = Regex::new(r"\]\(([^)#]+\.md)\)").expect("valid");
    let listed: BTreeSet<PathBuf> = link
        .captures_iter(&summary)
        .map(|c| PathBuf::from(&c[1]))
        .collect();
    let mut problems = Vec::new();
    for chapter in chapters(root) {
        // mdBook renders 404.md by itself, as the page for a missing address.
        let own_page = chapter == Path::new("SUMMARY.md") || chapter == Path::new("404.md");
        if !own_page && !listed.contains(&chapter) {
            problems.push(format!(
                "src/{} is not in src/SUMMARY.md",
                chapter.display()
            ));
        }
    }
    for chapter in &listed {
        if !root.join("src").join(chapter).exists() {
            problems.push(format!(
                "src/SUMMARY.md names src/{}, which does not exist",
                chapter.display()
            ));
        }
    }
    problems
}

/// Every include names a file that exists and, where it names an anchor, a file that has it.
pub fn check_includes(root: &Path) -> Vec<String> {
    let mut problems = Vec::new();
    for include in includes(root) {
        let at = format!("src/{}:{}", include.chapter.display(), include.line);
        let Ok(text) = fs::read_to_string(&include.target) else {
            problems.push(format!(
                "{at}: included file `{}` does not exist",
                include.path
            ));
            continue;
        };
        let Some(anchor) = &include.anchor else {
            continue;
        };
        let is_line_range = anchor.chars().all(|c| c.is_ascii_digit() || c == ':');
        if is_line_range {
            continue;
        }
        let start = format!("ANCHOR: {anchor}");
        let end = format!("ANCHOR_END: {anchor}");
        let has = |marker: &str| text.lines().any(|l| l.trim_end().ends_with(marker));
        if !has(&start) || !has(&end) {
            problems.push(format!(
                "{at}: `{}` has no anchor `{anchor}` (needs `// {start}` and `// {end}`)",
                include.path
            ));
        }
    }
    problems
}

static EXTERN_CRATE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"extern crate (\w+)").expect("valid"));

/// Every fenced code block names its language (rustdoc tests an untagged fence as Rust), and a Rust
/// block is marked `noplayground` exactly when it uses a crate the playground lacks
/// (`listings/playground-crates.toml`): then its Run button could not build it, and otherwise
/// the mark would hide a button that works.
pub fn check_fences(root: &Path) -> Vec<String> {
    let playground = match crate::playground::crates(root) {
        Ok(crates) => crates,
        Err(e) => return vec![e],
    };
    let mut problems = Vec::new();
    for chapter in chapters(root) {
        let text = fs::read_to_string(root.join("src").join(&chapter)).unwrap_or_default();
        for (event, range) in Parser::new(&text).into_offset_iter() {
            if let Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(info))) = &event
                && info.starts_with("rust")
            {
                let block = &text[range.clone()];
                let missing: Vec<&str> = EXTERN_CRATE
                    .captures_iter(block)
                    .map(|c| c.get(1).expect("group 1").as_str())
                    .filter(|krate| !crate::playground::provides(&playground, krate))
                    .collect();
                let marked = info.split(',').any(|word| word.trim() == "noplayground");
                let at = format!(
                    "src/{}:{}",
                    chapter.display(),
                    text[..range.start].lines().count() + 1
                );
                if !missing.is_empty() && !marked {
                    problems.push(format!(
                        "{at}: uses `{}`, which the Rust playground lacks \
                         (listings/playground-crates.toml): mark it ```rust,noplayground",
                        missing.join("`, `")
                    ));
                } else if missing.is_empty() && marked {
                    problems.push(format!(
                        "{at}: marked `noplayground`, but every crate it uses is on the Rust \
                         playground (listings/playground-crates.toml): drop the mark so that \
                         it gets its Run button"
                    ));
                }
            }
            if let Event::Start(Tag::CodeBlock(kind)) = event {
                let untagged = match kind {
                    CodeBlockKind::Fenced(info) => info.trim().is_empty(),
                    CodeBlockKind::Indented => true,
                };
                if untagged {
                    let line = text[..range.start].lines().count() + 1;
                    problems.push(format!(
                        "src/{}:{line}: code block without a language (write ```text, ```rust, ...)",
                        chapter.display()
                    ));
                }
            }
        }
    }
    problems
}

/// Every code block's language is one the book's slimmed highlight.js knows, so no block loses
/// its highlighting silently when a new language appears in the book.
pub fn check_fence_highlighting(root: &Path) -> Vec<String> {
    let highlight_js =
        fs::read_to_string(root.join(crate::theme::HIGHLIGHT_JS)).unwrap_or_default();
    let known = crate::theme::highlight_names(&highlight_js);
    let mut problems = Vec::new();
    for chapter in chapters(root) {
        let text = fs::read_to_string(root.join("src").join(&chapter)).unwrap_or_default();
        for (event, range) in Parser::new(&text).into_offset_iter() {
            let Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(info))) = &event else {
                continue;
            };
            let language = info.split(',').next().unwrap_or_default().trim();
            if !language.is_empty() && !known.contains(language) {
                let line = text[..range.start].lines().count() + 1;
                problems.push(format!(
                    "src/{}:{line}: highlight.js has no `{language}`: add it to HIGHLIGHT_LANGUAGES in tools/src/theme.rs",
                    chapter.display()
                ));
            }
        }
    }
    problems
}

/// A `compile_fail` block of a chapter (`compile_fail,EXXXX` when rustc gives the error a code),
/// with the part of rustc's message the book shows under it, if it shows one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CompileFailBlock {
    /// The line of its opening fence, counting from 1.
    pub line: usize,
    /// The error code of its fence, e.g. `E0277`; `None` for an error rustc gives no code.
    pub code: Option<String>,
    /// The program as rustc reads it: hidden `# ` lines included.
    pub source: String,
    /// A `text` block right after it (nothing in between) is rustc's message, cut down to the
    /// lines the reader needs: the line of its opening fence, and its text.
    pub message: Option<(usize, String)>,
}

/// Every `compile_fail` block of a chapter's Markdown, in order.
pub fn compile_fail_blocks(text: &str) -> Vec<CompileFailBlock> {
    let line_of = |offset: usize| text[..offset].lines().count() + 1;
    let mut blocks: Vec<CompileFailBlock> = Vec::new();
    // Where the text of the event being read goes: a block's source or its message.
    let mut reading: Option<(usize, bool)> = None;
    // The index of the block that just ended: a `text` block right after it is its message.
    let mut just_ended: Option<usize> = None;
    for (event, range) in Parser::new(text).into_offset_iter() {
        let after = just_ended.take();
        match event {
            Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(info))) => {
                let words: Vec<&str> = info.split(',').map(str::trim).collect();
                if words.contains(&"compile_fail") {
                    let code = words.iter().find(|w| w.len() == 5 && w.starts_with('E'));
                    blocks.push(CompileFailBlock {
                        line: line_of(range.start),
                        code: code.map(|c| (*c).to_owned()),
                        source: String::new(),
                        message: None,
                    });
                    reading = Some((blocks.len() - 1, false));
                } else if let Some(index) = after.filter(|_| words.first() == Some(&"text")) {
                    blocks[index].message = Some((line_of(range.start), String::new()));
                    reading = Some((index, true));
                }
            }
            Event::Text(body) => match reading {
                Some((index, false)) => blocks[index].source.push_str(&body),
                Some((index, true)) => {
                    if let Some((_, message)) = &mut blocks[index].message {
                        message.push_str(&body);
                    }
                }
                None => {}
            },
            Event::End(pulldown_cmark::TagEnd::CodeBlock) => {
                if let Some((index, false)) = reading {
                    just_ended = Some(index);
                }
                reading = None;
            }
            _ => {}
        }
    }
    blocks
}

/// What is wrong with one `compile_fail` block of `chapter` (relative to `src/`), given what rustc
/// printed on standard error when it compiled the block: it must fail with its fence's error code,
/// and every line of the message shown under it must be a line rustc printed (leading and trailing
/// spaces aside), the first being the `error[EXXXX]: ...` line itself.
pub fn compile_fail_problems(chapter: &str, block: &CompileFailBlock, stderr: &str) -> Vec<String> {
    let at = |line: usize| format!("src/{chapter}:{line}");
    let said = || indent(stderr);
    let printed: Vec<&str> = stderr.lines().map(str::trim).collect();
    let (error_line, expected) = match &block.code {
        Some(code) => (format!("error[{code}]: "), code.clone()),
        None => ("error: ".to_owned(), "an error".to_owned()),
    };
    if !printed.iter().any(|l| l.starts_with(&error_line)) {
        return vec![format!(
            "{}: this compile_fail block should fail with {expected}; rustc said:\n{}",
            at(block.line),
            said()
        )];
    }
    let Some((fence, message)) = &block.message else {
        // Without a code, only the message says why the block fails: it must be shown.
        return match block.code {
            Some(_) => Vec::new(),
            None => vec![format!(
                "{}: this compile_fail block has no error code (rustc gives its error none), so \
                 a `text` block right under it must show rustc's `error: ...` line",
                at(block.line)
            )],
        };
    };
    let mut problems = Vec::new();
    let shown: Vec<(usize, &str)> = message
        .lines()
        .enumerate()
        .map(|(i, l)| (fence + 1 + i, l.trim()))
        .filter(|(_, l)| !l.is_empty())
        .collect();
    match shown.first() {
        None => problems.push(format!(
            "{}: the text block under the compile_fail block at line {} is empty: show rustc's \
             `{error_line}...` line there, or remove the block",
            at(*fence),
            block.line
        )),
        Some((line, first)) if !first.starts_with(&error_line) => problems.push(format!(
            "{}: the message under the compile_fail block at line {} must begin with rustc's \
             `{error_line}...` line; it begins with `{first}`",
            at(*line),
            block.line
        )),
        Some(_) => {}
    }
    // The lines shown are read in order, so rustc must print them in that order.
    let mut next = 0;
    for (line, text) in shown {
        if let Some(found) = printed[next..].iter().position(|l| *l == text) {
            next += found + 1;
            continue;
        }
        let what = if printed.contains(&text) {
            "rustc prints that line before the one shown above it"
        } else {
            "rustc prints no such line"
        };
        problems.push(format!(
            "{}: the message under the compile_fail block at line {} shows `{text}`, but \
             {what}; rustc said:\n{}",
            at(line),
            block.line,
            said()
        ));
    }
    problems
}

fn indent(text: &str) -> String {
    text.lines().map(|l| format!("    {l}\n")).collect()
}

/// Every `compile_fail,EXXXX` block fails with that error, and the lines of rustc's message shown
/// under it (a `text` block right after it) are lines rustc prints. A `compile_fail` block with no
/// code (rustc gives some errors none, such as a future that is not `Send`) must show its
/// `error: ...` line that way. rustdoc checks the code only on nightly toolchains; on stable it only
/// checks that the block does not compile.
pub fn check_compile_fail_codes(root: &Path) -> Vec<String> {
    static SCRATCH: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let mut problems = Vec::new();
    // One directory per call: tests may run this on two roots at once.
    let n = SCRATCH.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let scratch = std::env::temp_dir().join(format!("compile-fail-{}-{n}", std::process::id()));
    let _ = fs::create_dir_all(&scratch);
    let mut deps: Option<Result<PathBuf, String>> = None;
    for chapter in chapters(root) {
        let text = fs::read_to_string(root.join("src").join(&chapter)).unwrap_or_default();
        for block in compile_fail_blocks(&text) {
            let file = scratch.join("block.rs");
            // rustdoc's hidden lines: `# ` starts one, and a lone `#` is an empty one.
            let visible: String = block
                .source
                .lines()
                .map(|l| {
                    l.strip_prefix("# ")
                        .unwrap_or(if l == "#" { "" } else { l })
                })
                .map(|l| format!("{l}\n"))
                .collect();
            let _ = fs::write(&file, visible);
            let mut rustc = std::process::Command::new("rustc");
            rustc
                .args(["--edition", "2024", "--crate-type", "bin"])
                .args(["--emit", "metadata", "--color", "never"])
                .arg("--out-dir")
                .arg(&scratch)
                .arg(&file);
            // A block that uses a crate names it with a hidden `extern crate` line, as `mdbook
            // test` needs: link it from the same single build of each crate.
            if block.source.contains("extern crate ") {
                match deps.get_or_insert_with(|| crate::cargo::doctest_deps(root)) {
                    Ok(dir) => {
                        rustc.arg("-L").arg(dir);
                    }
                    Err(e) => problems.push(format!(
                        "src/{}:{}: cannot build the crates this block uses: {e}",
                        chapter.display(),
                        block.line
                    )),
                }
            }
            let output = rustc.output();
            let stderr = output
                .map(|o| String::from_utf8_lossy(&o.stderr).into_owned())
                .unwrap_or_else(|e| format!("cannot run rustc: {e}"));
            problems.extend(compile_fail_problems(
                &chapter.display().to_string(),
                &block,
                &stderr,
            ));
        }
    }
    let _ = fs::remove_dir_all(&scratch);
    problems
}

/// Listings, catalog, chapters and documented outputs agree:
/// every listing is catalogued and shown by its chapter, every output file belongs to a listing and
/// is shown right under it.
/// The names, without extension, of the files of `dir` that end in `.extension`.
fn file_stems(dir: &Path, extension: &str) -> BTreeSet<String> {
    fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|e| {
            let path = e.path();
            if path.extension()? != extension {
                return None;
            }
            Some(path.file_stem()?.to_string_lossy().into_owned())
        })
        .collect()
}

/// Every listing has its `[[bin]]` entry in `listings/Cargo.toml`, with `test = false`: with
/// `autobins = false` a file without one is never built, and `cargo test --workspace` would build
/// a listing without `test = false` a second time, with the test harness, to run no test.
fn check_bin_entries(root: &Path) -> Vec<String> {
    #[derive(serde::Deserialize)]
    struct Manifest {
        #[serde(default)]
        bin: Vec<Bin>,
    }
    #[derive(serde::Deserialize)]
    struct Bin {
        name: String,
        path: Option<String>,
        test: Option<bool>,
    }
    let manifest_path = root.join("listings").join("Cargo.toml");
    let manifest: Manifest = match fs::read_to_string(&manifest_path)
        .map_err(|e| e.to_string())
        .and_then(|text| toml::from_str(&text).map_err(|e| e.to_string()))
    {
        Ok(manifest) => manifest,
        Err(e) => return vec![format!("cannot read listings/Cargo.toml: {e}")],
    };
    let files = file_stems(&root.join(BIN_DIR), "rs");
    let mut problems = Vec::new();
    for name in &files {
        let expected = format!("src/bin/{name}.rs");
        match manifest.bin.iter().find(|b| &b.name == name) {
            None => problems.push(format!(
                "listing `{name}` has no [[bin]] entry in listings/Cargo.toml: add \
                 `[[bin]]`, `name = \"{name}\"`, `path = \"{expected}\"`, `test = false`"
            )),
            Some(bin) if bin.path.as_deref() != Some(expected.as_str()) => problems.push(format!(
                "listings/Cargo.toml: [[bin]] `{name}` has path {:?}, not \"{expected}\"",
                bin.path
            )),
            Some(bin) if bin.test != Some(false) => problems.push(format!(
                "listings/Cargo.toml: [[bin]] `{name}` lacks `test = false`"
            )),
            Some(_) => {}
        }
    }
    for bin in &manifest.bin {
        if !files.contains(&bin.name) {
            problems.push(format!(
                "listings/Cargo.toml: [[bin]] `{}` has no file {BIN_DIR}/{}.rs",
                bin.name, bin.name
            ));
        }
    }
    problems
}

pub fn check_catalog(root: &Path, catalog: &Catalog) -> Vec<String> {
    let mut problems = Vec::new();
    for (language, dir, extension) in [
        (Language::Rust, BIN_DIR, "rs"),
        (Language::Python, PYTHON_DIR, "py"),
    ] {
        let programs = file_stems(&root.join(dir), extension);
        let catalogued: BTreeSet<String> = catalog
            .listings
            .iter()
            .filter(|l| l.language == language)
            .map(|l| l.name.clone())
            .collect();
        for name in programs.difference(&catalogued) {
            problems.push(format!(
                "listing `{name}` ({dir}/{name}.{extension}) is not in the catalog (listings/catalog.toml)"
            ));
        }
        for name in catalogued.difference(&programs) {
            problems.push(format!(
                "catalog entry `{name}` has no program {dir}/{name}.{extension}"
            ));
        }
    }

    problems.extend(check_bin_entries(root));

    let includes = includes(root);
    let bin_dir = root.join(BIN_DIR);
    let python_dir = root.join(PYTHON_DIR);
    let output_dir = root.join(OUTPUT_DIR);
    let mut documented_files = BTreeSet::new();
    for listing in &catalog.listings {
        documented_files.insert(listing.output.clone());
        documented_files.extend(listing.stderr.clone());
        documented_files.extend(python::version_file(listing));
        if let Some(path) = python::version_path(root, listing)
            && !path.exists()
        {
            problems.push(format!(
                "{}: no record of the CPython version that printed its output ({}); run `cargo bless {}`",
                listing.label(),
                path.strip_prefix(root).unwrap_or(&path).display(),
                listing.name
            ));
        }
        if !listing.chapter_path(root).exists() {
            problems.push(format!(
                "{}: chapter src/{} does not exist",
                listing.label(),
                listing.chapter
            ));
            continue;
        }
        let in_chapter: Vec<&Include> = includes
            .iter()
            .filter(|i| i.chapter == Path::new(&listing.chapter))
            .collect();
        let source = listing.source_path(root);
        let Some(shown_at) = in_chapter.iter().position(|i| i.target == source) else {
            let elsewhere: Vec<String> = includes
                .iter()
                .filter(|i| i.target == source)
                .map(|i| format!("src/{}", i.chapter.display()))
                .collect();
            problems.push(format!(
                "{} is not shown by its chapter (shown by: {elsewhere:?})",
                listing.label()
            ));
            continue;
        };
        if let Some(problem) = check_caption(root, listing, in_chapter[shown_at]) {
            problems.push(problem);
        }
        // The documented output goes after the listing and before the chapter's next listing.
        let next_listing = in_chapter[shown_at + 1..]
            .iter()
            .position(|i| i.target.starts_with(&bin_dir) || i.target.starts_with(&python_dir))
            .map_or(in_chapter.len(), |p| shown_at + 1 + p);
        let under = &in_chapter[shown_at + 1..next_listing];
        let mut outputs = vec![listing.output_path(root)];
        outputs.extend(listing.stderr_path(root));
        for output in outputs {
            if !output.exists() {
                problems.push(format!(
                    "{}: documented output {} is missing; run `cargo bless {}`",
                    listing.label(),
                    output.display(),
                    listing.name
                ));
            }
            if !under.iter().any(|i| i.target == output) {
                problems.push(format!(
                    "{}: its output {} is not included under it",
                    listing.label(),
                    output.strip_prefix(root).unwrap_or(&output).display()
                ));
            }
        }
    }
    for entry in fs::read_dir(&output_dir).into_iter().flatten().flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if !documented_files.contains(&name) {
            problems.push(format!(
                "{OUTPUT_DIR}/{name} belongs to no listing in the catalog"
            ));
        }
    }
    problems
}

/// The listing's caption stands right above it and names its file and the command that runs it.
fn check_caption(
    root: &Path,
    listing: &crate::catalog::Listing,
    shown: &Include,
) -> Option<String> {
    let text = fs::read_to_string(root.join("src").join(&shown.chapter)).unwrap_or_default();
    let before: Vec<&str> = text.lines().take(shown.line - 1).collect();
    let fence = before.iter().rposition(|l| l.starts_with("```"))?;
    let caption_end = before[..fence].iter().rposition(|l| !l.trim().is_empty());
    let caption_start = before[..fence]
        .iter()
        .rposition(|l| l.starts_with("<p class=\"caption\""));
    let (Some(start), Some(end)) = (caption_start, caption_end) else {
        return Some(format!("{}: no caption above the listing", listing.label()));
    };
    let caption = before[start..=end].join(" ");
    let file = format!("<code>{}</code>", listing.source_file());
    let command = format!("<code>{}</code>", listing.run_command());
    // A Python counterpart is numbered after the Rust listing it replaces.
    let (id, word) = match listing.language {
        Language::Rust => ("listing", "Listing"),
        Language::Python => ("python", "Python"),
    };
    let numbered =
        Regex::new(&format!(r#"id="{id}-(\d+)-(\d+)".*{word} (\d+)-(\d+):"#)).expect("valid");
    let consistent = numbered
        .captures(&caption)
        .is_some_and(|c| c[1] == c[3] && c[2] == c[4]);
    if !caption.ends_with("</p>")
        || !caption.contains(&file)
        || !caption.contains(&command)
        || !consistent
    {
        return Some(format!(
            "{}: the caption above it must be `<p class=\"caption\" id=\"{id}-N-M\">` with `{word} N-M:`, {file} and {command}; found `{caption}`",
            listing.label()
        ));
    }
    // A Python counterpart is folded, so that the page is no longer for readers who skip it; a
    // program that calls the extension is its chapter's subject, and is not.
    let opened = before[..start]
        .iter()
        .rposition(|l| l.starts_with("<details"));
    let closed = before[..start]
        .iter()
        .rposition(|l| l.starts_with("</details>"));
    if listing.folded() && opened <= closed {
        return Some(format!(
            "{}: a Python counterpart goes inside a `<details class=\"python\">` block",
            listing.label()
        ));
    }
    if listing.language == Language::Python && !listing.folded() && opened > closed {
        return Some(format!(
            "{}: a program that calls the extension is its chapter's subject: show it outside any `<details>` block",
            listing.label()
        ));
    }
    None
}

static HREF: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#"\s(?:href|src)="([^"]*)""#).expect("valid"));
static ID: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#"\s(?:id|name)="([^"]*)""#).expect("valid"));

/// Every HTML page under `dir`, in its subdirectories too (a translation's book), sorted.
pub fn html_pages(dir: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut dirs = vec![dir.to_path_buf()];
    while let Some(dir) = dirs.pop() {
        for entry in fs::read_dir(&dir).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "html") {
                found.push(path);
            }
        }
    }
    found.sort();
    found
}

/// Every internal link and `#fragment` in the built HTML resolves.
pub fn check_html_links(html_dir: &Path) -> Vec<String> {
    let pages: BTreeMap<PathBuf, String> = html_pages(html_dir)
        .into_iter()
        .map(|path| {
            let text = fs::read_to_string(&path).unwrap_or_default();
            (path, text)
        })
        .collect();
    // Each page's ids, read once: a long page (print.html) is the target of hundreds of links.
    let ids: BTreeMap<&PathBuf, BTreeSet<&str>> = pages
        .iter()
        .map(|(path, text)| {
            let ids = ID
                .captures_iter(text)
                .filter_map(|c| c.get(1))
                .map(|m| m.as_str())
                .collect();
            (path, ids)
        })
        .collect();
    let mut problems = Vec::new();
    for (page, text) in &pages {
        // mdBook's 404 page links relative to the site root, wherever it is served from.
        if page.file_name().is_some_and(|n| n == "404.html") {
            continue;
        }
        let page_name = page.strip_prefix(html_dir).unwrap_or(page).display();
        for caps in HREF.captures_iter(text) {
            let link = caps[1].replace("&amp;", "&");
            let external = link.contains("://")
                || link.starts_with("//")
                || link.starts_with("mailto:")
                || link.starts_with("javascript:")
                || link.starts_with("data:");
            if external || link.is_empty() {
                continue;
            }
            let (file, fragment) = match link.split_once('#') {
                Some((file, fragment)) => (file, Some(fragment)),
                None => (link.as_str(), None),
            };
            let file = file.split('?').next().unwrap_or_default();
            let target = if file.is_empty() {
                page.clone()
            } else {
                normalize(&page.parent().expect("page in a dir").join(file))
            };
            let target = if target.is_dir() {
                target.join("index.html")
            } else {
                target
            };
            if !target.exists() {
                problems.push(format!(
                    "{page_name}: link `{link}` points to a missing file"
                ));
                continue;
            }
            if let Some(fragment) = fragment.filter(|f| !f.is_empty())
                && !ids.get(&target).is_some_and(|ids| ids.contains(fragment))
            {
                problems.push(format!(
                    "{page_name}: link `{link}` points to a missing #{fragment}"
                ));
            }
        }
    }
    problems
}

static NUMBERED_ENTRY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"<a href="([^"]*)"[^>]*><strong aria-hidden="true">([^<]*)</strong>"#)
        .expect("valid")
});

/// The sidebar (`toc.html` of the book in `html_dir` and of each translation under it) numbers
/// chapters only: an appendix numbered "14." reads as a fourteenth chapter.
pub fn check_sidebar_numbers(html_dir: &Path) -> Vec<String> {
    let mut problems = Vec::new();
    let tocs = std::iter::once(html_dir.join("toc.html")).chain(
        crate::i18n::edition::TRANSLATIONS
            .iter()
            .map(|e| e.build_dir(html_dir).join("toc.html")),
    );
    for toc in tocs {
        let Ok(html) = fs::read_to_string(&toc) else {
            problems.push(format!("{}: missing", toc.display()));
            continue;
        };
        for entry in NUMBERED_ENTRY.captures_iter(&html) {
            if !entry[1].starts_with("ch") {
                problems.push(format!(
                    "{}: `{}` is numbered {} in the sidebar, like a chapter",
                    toc.strip_prefix(html_dir).unwrap_or(&toc).display(),
                    &entry[1],
                    &entry[2]
                ));
            }
        }
    }
    problems
}

/// The widest line a listing or a code block may have: what fits the content column at
/// 1280 px without scrolling sideways.
pub const MAX_CODE_LINE: usize = 80;

/// Every line of every listing (`listings/src/bin/*.rs`, `listings/python/*.py`) and of every
/// code block in the chapters, files they include among them, fits the column: at most
/// [`MAX_CODE_LINE`] characters (not bytes).
///
/// One exemption: a recorded output (`listings/output/*`) included in a `text` block. It is what
/// the program really printed and cannot be rewrapped by hand; the book's theme wraps output blocks
/// instead, with a hanging indent on each continued line (`theme/listings.css`), and the browser
/// test `no_code_block_or_table_is_wider_than_its_column_at_desktop_width` checks that they
/// fit.
pub fn check_line_width(root: &Path) -> Vec<String> {
    let mut problems = Vec::new();
    let too_long = |at: String, line: &str, problems: &mut Vec<String>| {
        let width = line.chars().count();
        if width > MAX_CODE_LINE {
            problems.push(format!(
                "{at}: {width} characters, more than {MAX_CODE_LINE} (the column at 1280 px)"
            ));
        }
    };
    // Every file is checked once: listings here, files only chapters include below.
    let mut included: BTreeSet<PathBuf> = BTreeSet::new();
    for (dir, extension) in [(BIN_DIR, "rs"), (PYTHON_DIR, "py")] {
        let mut files: Vec<PathBuf> = fs::read_dir(root.join(dir))
            .into_iter()
            .flatten()
            .flatten()
            .map(|entry| entry.path())
            .filter(|path| path.extension().is_some_and(|e| e == extension))
            .collect();
        files.sort();
        for file in files {
            let name = file.file_name().expect("a file").to_string_lossy();
            included.insert(Path::new(dir).join(&*name));
            let text = fs::read_to_string(&file).unwrap_or_default();
            for (index, line) in text.lines().enumerate() {
                too_long(format!("{dir}/{name}:{}", index + 1), line, &mut problems);
            }
        }
    }
    for chapter in chapters(root) {
        let text = fs::read_to_string(root.join("src").join(&chapter)).unwrap_or_default();
        let mut block_start = None;
        let mut output_block = false;
        for (event, range) in Parser::new(&text).into_offset_iter() {
            match event {
                Event::Start(Tag::CodeBlock(kind)) => {
                    block_start = Some(range.start);
                    output_block = matches!(
                        kind,
                        CodeBlockKind::Fenced(info) if info.trim() == "text"
                    );
                }
                Event::Text(code) if block_start.is_some() => {
                    let first = text[..range.start].lines().count().max(1);
                    // A text event starts at its own line; count from there.
                    let first = if text[..range.start].ends_with('\n') {
                        first + 1
                    } else {
                        first
                    };
                    for (index, line) in code.lines().enumerate() {
                        let at = format!("src/{}:{}", chapter.display(), first + index);
                        too_long(at, line, &mut problems);
                        // An included file's lines are the block's lines too.
                        for include in INCLUDE.captures_iter(line) {
                            let dir = Path::new("src").join(&chapter);
                            let file = normalize(&dir.parent().expect("in src").join(&include[2]));
                            // Recorded output in an output block wraps in the browser instead.
                            if output_block && file.starts_with(OUTPUT_DIR) {
                                continue;
                            }
                            if !included.insert(file.clone()) {
                                continue;
                            }
                            let text = fs::read_to_string(root.join(&file)).unwrap_or_default();
                            for (index, line) in text.lines().enumerate() {
                                if !line.contains("ANCHOR") {
                                    let at = format!("{}:{}", file.display(), index + 1);
                                    too_long(at, line, &mut problems);
                                }
                            }
                        }
                    }
                }
                Event::End(_) if block_start.is_some() => block_start = None,
                _ => {}
            }
        }
    }
    problems
}

#[cfg(test)]
mod compile_fail_tests {
    use super::*;

    const CHAPTER: &str = "\
# A chapter

```rust,compile_fail,E0277
use std::rc::Rc;
# fn main() {
let one = Rc::new(1);
std::thread::spawn(move || drop(one));
# }
```

```text
error[E0277]: `Rc<i32>` cannot be sent between threads safely
```

```rust,compile_fail,E0499
fn main() {}
```

Some prose, so the next block is not its message.

```text
error[E0499]: anything
```
";

    const RUSTC_SAID: &str = "\
error[E0277]: `Rc<i32>` cannot be sent between threads safely
 --> block.rs:3:20
  |
  = help: within `{closure@block.rs:3:20: 3:27}`, the trait `Send` is not implemented for `Rc<i32>`
";

    #[test]
    fn a_text_block_right_after_a_compile_fail_block_is_its_message() {
        let blocks = compile_fail_blocks(CHAPTER);
        assert_eq!(blocks.len(), 2);
        assert_eq!(
            (blocks[0].line, blocks[0].code.as_deref()),
            (3, Some("E0277"))
        );
        assert!(blocks[0].source.contains("# fn main() {"));
        let (line, message) = blocks[0].message.as_ref().expect("shown");
        assert_eq!(*line, 11);
        assert_eq!(
            message.trim(),
            "error[E0277]: `Rc<i32>` cannot be sent between threads safely"
        );
        assert_eq!(blocks[1].message, None, "prose stands between them");
    }

    #[test]
    fn a_shown_message_must_be_lines_rustc_printed() {
        let block = &compile_fail_blocks(CHAPTER)[0];
        assert_eq!(
            compile_fail_problems("ch.md", block, RUSTC_SAID),
            Vec::<String>::new()
        );

        let mut indented = block.clone();
        indented.message = Some((10, "error[E0277]: `Rc<i32>` cannot be sent between threads safely\n  = help: within `{closure@block.rs:3:20: 3:27}`, the trait `Send` is not implemented for `Rc<i32>`\n".into()));
        assert_eq!(
            compile_fail_problems("ch.md", &indented, RUSTC_SAID),
            Vec::<String>::new()
        );

        let mut wrong = block.clone();
        wrong.message = Some((
            10,
            "error[E0277]: `Rc<i32>` cannot be shared between threads safely\n".into(),
        ));
        let problems = compile_fail_problems("ch.md", &wrong, RUSTC_SAID);
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(
            problems[0].starts_with("src/ch.md:11: the message under the compile_fail block at line 3 shows `error[E0277]: `Rc<i32>` cannot be shared between threads safely`, but rustc prints no such line"),
            "{}",
            problems[0]
        );

        let mut out_of_order = block.clone();
        out_of_order.message = Some((
            10,
            "error[E0277]: `Rc<i32>` cannot be sent between threads safely\n\
             = help: within `{closure@block.rs:3:20: 3:27}`, the trait `Send` is not \
             implemented for `Rc<i32>`\n\
             --> block.rs:3:20\n"
                .into(),
        ));
        let problems = compile_fail_problems("ch.md", &out_of_order, RUSTC_SAID);
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(
            problems[0].starts_with("src/ch.md:13: the message under the compile_fail block at line 3 shows `--> block.rs:3:20`, but rustc prints that line before the one shown above it"),
            "{}",
            problems[0]
        );

        let mut not_the_error = block.clone();
        not_the_error.message = Some((10, "  |\n".into()));
        let problems = compile_fail_problems("ch.md", &not_the_error, RUSTC_SAID);
        assert!(
            problems[0].contains("must begin with rustc's `error[E0277]: ...` line"),
            "{problems:?}"
        );

        let mut empty = block.clone();
        empty.message = Some((10, "\n".into()));
        let problems = compile_fail_problems("ch.md", &empty, RUSTC_SAID);
        assert!(problems[0].contains("is empty"), "{problems:?}");
    }

    #[test]
    fn a_block_that_fails_with_another_code_is_reported_with_its_line() {
        let mut block = compile_fail_blocks(CHAPTER)[0].clone();
        block.code = Some("E0373".into());
        let problems = compile_fail_problems("ch.md", &block, RUSTC_SAID);
        assert_eq!(problems.len(), 1);
        assert!(
            problems[0].starts_with("src/ch.md:3: this compile_fail block should fail with E0373"),
            "{}",
            problems[0]
        );
    }

    #[test]
    fn a_block_without_a_code_must_show_the_error_rustc_prints() {
        const UNCODED: &str = "\
```rust,compile_fail
fn main() {}
```

```text
error: future cannot be sent between threads safely
```
";
        const SAID: &str = "\
error: future cannot be sent between threads safely
 --> block.rs:6:5
";
        let block = &compile_fail_blocks(UNCODED)[0];
        assert_eq!(block.code, None);
        assert_eq!(
            compile_fail_problems("ch.md", block, SAID),
            Vec::<String>::new()
        );

        let problems = compile_fail_problems("ch.md", block, "");
        assert!(
            problems[0]
                .starts_with("src/ch.md:1: this compile_fail block should fail with an error"),
            "{problems:?}"
        );

        let mut unshown = block.clone();
        unshown.message = None;
        let problems = compile_fail_problems("ch.md", &unshown, SAID);
        assert!(
            problems[0].contains("must show rustc's `error: ...` line"),
            "{problems:?}"
        );

        let mut other = block.clone();
        other.message = Some((
            5,
            "error: future cannot be shared between threads safely\n".into(),
        ));
        let problems = compile_fail_problems("ch.md", &other, SAID);
        assert!(
            problems[0].contains("rustc prints no such line"),
            "{problems:?}"
        );
    }

    /// The whole check, with the real rustc, on a book of one chapter whose message is wrong.
    #[test]
    fn the_check_names_the_chapter_and_line_of_a_message_rustc_does_not_print() {
        let root = std::env::temp_dir().join(format!("compile-fail-book-{}", std::process::id()));
        fs::create_dir_all(root.join("src")).expect("temp dir");
        // The first block only, its message changed: the second block compiles.
        let first = &CHAPTER[..CHAPTER.find("```rust,compile_fail,E0499").expect("there")];
        let chapter = first.replace("cannot be sent between", "cannot be moved between");
        fs::write(root.join("src/ch99-test.md"), chapter).expect("temp dir");
        let problems = check_compile_fail_codes(&root);
        let _ = fs::remove_dir_all(&root);
        assert_eq!(problems.len(), 1, "{problems:#?}");
        assert!(
            problems[0].starts_with("src/ch99-test.md:12: the message under the compile_fail block at line 3 shows `error[E0277]: `Rc<i32>` cannot be moved between threads safely`, but rustc prints no such line; rustc said:\n    error[E0277]: `Rc<i32>` cannot be sent between threads safely\n"),
            "{}",
            problems[0]
        );
    }
}
