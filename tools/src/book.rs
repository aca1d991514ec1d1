//! The book as mdBook sees it: loading it, expanding its includes with mdBook's own preprocessors,
//! and building its HTML in-process.

use std::fs;
use std::path::{Path, PathBuf};

use mdbook_driver::MDBook;
use mdbook_driver::book::BookItem;
use mdbook_driver::config::Config;
use mdbook_driver::errors::Result as MdResult;
use mdbook_renderer::{RenderContext, Renderer};

use crate::i18n::edition::{ENGLISH, Edition, TRANSLATIONS, Translate, lookup};
use crate::i18n::parity::{CodeBlock, code_blocks};

/// One chapter after mdBook's preprocessors ran: includes expanded, hidden lines kept.
pub struct ExpandedChapter {
    /// Relative to `src/`, e.g. `ch03-creating-threads.md`.
    pub path: PathBuf,
    pub content: String,
}

/// A renderer that renders nothing: it only names the run, so that preprocessors limited to the
/// `html` renderer stay out of the test runs, as they do under `mdbook test`.
struct TestRun;

impl Renderer for TestRun {
    fn name(&self) -> &str {
        "test"
    }

    fn render(&self, _: &RenderContext) -> MdResult<()> {
        Ok(())
    }
}

pub fn load(root: &Path) -> Result<MDBook, String> {
    MDBook::load(root).map_err(|e| format!("mdBook cannot load the book: {e:#}"))
}

/// The book in one edition: the English book as written, or a translation, which mdBook translates
/// through its PO file on the way (see [`crate::i18n::edition`]). `build_dir` replaces book.toml's.
pub fn load_edition(
    root: &Path,
    edition: Edition,
    build_dir: Option<&Path>,
) -> Result<MDBook, String> {
    let mut config = Config::from_disk(root.join("book.toml"))
        .map_err(|e| format!("cannot read book.toml: {e:#}"))?;
    if let Some(dir) = build_dir {
        config.build.build_dir = dir.to_path_buf();
    }
    if edition == ENGLISH {
        return MDBook::load_with_config(root, config)
            .map_err(|e| format!("mdBook cannot load the book: {e:#}"));
    }
    let catalog = edition.catalog(root)?;
    config.book.language = Some(edition.lang.to_owned());
    // The page for a missing address loads its scripts from `site-url`, the English book's by
    // default: under it the edition's own sidebar script is not found.
    let site_url = config
        .get::<String>("output.html.site-url")
        .ok()
        .flatten()
        .unwrap_or_else(|| "/".to_owned());
    config
        .set(
            "output.html.site-url",
            format!("{}/{}/", site_url.trim_end_matches('/'), edition.lang),
        )
        .map_err(|e| format!("cannot set the {} edition's site-url: {e:#}", edition.name))?;
    for text in [&mut config.book.title, &mut config.book.description]
        .into_iter()
        .flatten()
    {
        if let Some(translated) = lookup(&catalog, text) {
            *text = translated.to_owned();
        }
    }
    let mut book = MDBook::load_with_config(root, config)
        .map_err(|e| format!("mdBook cannot load the {} edition: {e:#}", edition.name))?;
    book.with_preprocessor(Translate::new(edition, catalog));
    Ok(book)
}

/// Every chapter with its includes expanded, in SUMMARY order.
pub fn expanded_chapters(root: &Path) -> Result<Vec<ExpandedChapter>, String> {
    expanded_edition(root, ENGLISH)
}

/// Every chapter of one edition, translated and with its includes expanded, in SUMMARY order.
pub fn expanded_edition(root: &Path, edition: Edition) -> Result<Vec<ExpandedChapter>, String> {
    let book = load_edition(root, edition, None)?;
    let (expanded, _) = book
        .preprocess_book(&TestRun)
        .map_err(|e| format!("mdBook's preprocessors failed: {e:#}"))?;
    Ok(expanded
        .iter()
        .filter_map(|item| match item {
            BookItem::Chapter(ch) => Some(ExpandedChapter {
                path: ch.path.clone()?,
                content: ch.content.clone(),
            }),
            _ => None,
        })
        .collect())
}

/// Both editions of the repository's book, built once per process into `target/test-book/` for
/// every test that reads the built pages (the book lint, the browser and the quiz browser tests):
/// they run in one test binary, side by side, and a second build into the same directory would
/// rewrite pages another test is reading.
pub fn built_for_tests() -> Result<&'static Path, String> {
    static BUILT: std::sync::OnceLock<Result<PathBuf, String>> = std::sync::OnceLock::new();
    BUILT
        .get_or_init(|| {
            let root = crate::repo_root();
            build_html(&root, &root.join("target").join("test-book"))
        })
        .as_deref()
        .map_err(Clone::clone)
}

/// Builds the HTML book into `dest`, and each translation into `dest/LANG/`, in-process (no mdbook
/// binary needed), links every page to the same page in the other editions, and returns `dest`.
pub fn build_html(root: &Path, dest: &Path) -> Result<PathBuf, String> {
    // A book without a translation's PO file (a small test book, say) is built in English only;
    // the book's own `po/ko.po` is required by the translation tests.
    let translations: Vec<Edition> = TRANSLATIONS
        .iter()
        .copied()
        .filter(|e| e.po_path(root).is_file())
        .collect();
    let editions: Vec<(Edition, PathBuf)> = std::iter::once((ENGLISH, dest.to_path_buf()))
        .chain(translations.iter().map(|e| (*e, e.build_dir(dest))))
        .collect();
    for (edition, dir) in &editions {
        let book = load_edition(root, *edition, Some(dir))?;
        book.build()
            .map_err(|e| format!("mdBook cannot build the {} book: {e:#}", edition.name))?;
        crate::search_index::index_dotted_parts(dir)?;
        crate::table_code::allow_breaks(dir)?;
        if *edition != ENGLISH {
            crate::search_index::index_unicode_words(dir)?;
            crate::i18n::not_found::localize(root, dir, &edition.catalog(root)?)?;
        }
    }
    crate::i18n::switch::link_editions(dest, &translations)?;
    Ok(dest.to_path_buf())
}

/// Runs the book's doctests in-process, as `mdbook test -L deps` would.
pub fn test(root: &Path, deps: &Path) -> Result<(), String> {
    test_edition(root, deps, ENGLISH)
}

/// Runs one edition's doctests in-process.
pub fn test_edition(root: &Path, deps: &Path, edition: Edition) -> Result<(), String> {
    let mut book = load_edition(root, edition, None)?;
    let deps = deps.to_string_lossy().into_owned();
    book.test(vec![deps.as_str()])
        .map_err(|e| format!("mdbook test failed: {e:#}"))
}

/// Writes the expanded chapters where skeptic reads them and returns their paths.
///
/// skeptic cannot check `compile_fail` blocks (it would try to build them); those are marked
/// `ignore` here and stay checked by rustdoc in the `mdbook test` layer. Each file is written only
/// when its text changed and is then backdated: skeptic asks cargo to rerun the build script when
/// these files change, and a file newer than the last run would make every build dirty.
///
/// Each translation's Rust blocks are checked too. A block identical to one of the English book
/// is the same program, already a test; any other is written to `LANG-CHAPTER.md` and becomes a
/// test of its own (the book lint requires there are none).
pub fn write_for_skeptic(root: &Path, out_dir: &Path) -> Result<Vec<PathBuf>, String> {
    fs::create_dir_all(out_dir).map_err(|e| format!("cannot create {}: {e}", out_dir.display()))?;
    let mut written = Vec::new();
    let english = expanded_chapters(root)?;
    let english_blocks: std::collections::BTreeSet<CodeBlock> = english
        .iter()
        .flat_map(|chapter| code_blocks(&chapter.content))
        .collect();
    for chapter in english {
        let file_name = chapter.path.to_string_lossy().replace(['/', '\\'], "-");
        written.push(write_backdated(&out_dir.join(file_name), &chapter.content)?);
    }
    for edition in TRANSLATIONS {
        for chapter in expanded_edition(root, *edition)? {
            let own: Vec<String> = code_blocks(&chapter.content)
                .into_iter()
                .filter(|block| block.0.starts_with("rust") && !english_blocks.contains(block))
                .map(|(info, code)| format!("```{info}\n{code}```\n"))
                .collect();
            let file_name = format!(
                "{}-{}",
                edition.lang,
                chapter.path.to_string_lossy().replace(['/', '\\'], "-")
            );
            let path = out_dir.join(file_name);
            if own.is_empty() {
                let _ = fs::remove_file(&path);
            } else {
                written.push(write_backdated(&path, &own.join("\n"))?);
            }
        }
    }
    Ok(written)
}

fn write_backdated(path: &Path, content: &str) -> Result<PathBuf, String> {
    let text = content.replace("```rust,compile_fail", "```rust,ignore");
    if fs::read_to_string(path).ok().as_deref() != Some(text.as_str()) {
        fs::write(path, &text).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    }
    filetime::set_file_mtime(path, filetime::FileTime::from_unix_time(1, 0))
        .map_err(|e| format!("cannot backdate {}: {e}", path.display()))?;
    Ok(path.to_path_buf())
}
