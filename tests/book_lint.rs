//! Layer 4: the catalog, the listings, the chapters and the built HTML agree with each other.

use book_tools::catalog::Catalog;
use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use book_tools::{book, dependency_blocks, lint, repo_root};

/// Both editions, built once for every check that reads the HTML.
static BUILT: LazyLock<PathBuf> =
    LazyLock::new(|| book::built_for_tests().map_or_else(|e| panic!("{e}"), Path::to_path_buf));

fn assert_none(what: &str, problems: Vec<String>) {
    assert!(
        problems.is_empty(),
        "{what}:\n  - {}",
        problems.join("\n  - ")
    );
}

#[test]
fn every_listing_is_catalogued_shown_and_documented() {
    let root = repo_root();
    let catalog = Catalog::load(&root).unwrap_or_else(|e| panic!("{e}"));
    assert_none(
        "catalog, listings and chapters disagree",
        lint::check_catalog(&root, &catalog),
    );
}

#[test]
fn every_chapter_is_in_the_summary() {
    assert_none(
        "SUMMARY.md and src/ disagree",
        lint::check_summary(&repo_root()),
    );
}

#[test]
fn every_compile_fail_block_fails_with_its_error_code() {
    assert_none(
        "compile_fail blocks",
        lint::check_compile_fail_codes(&repo_root()),
    );
}

#[test]
fn every_include_resolves() {
    assert_none("broken includes", lint::check_includes(&repo_root()));
}

#[test]
fn every_code_block_names_its_language() {
    assert_none("untagged code blocks", lint::check_fences(&repo_root()));
}

#[test]
fn listing_crates_are_pinned_to_the_versions_the_playground_provides() {
    assert_none(
        "listing crates and the Rust playground disagree",
        book_tools::playground::check_pins(&repo_root()),
    );
}

#[test]
fn every_listing_that_uses_a_crate_has_its_dependency_block_up_to_date() {
    let root = repo_root();
    let catalog = Catalog::load(&root).unwrap_or_else(|e| panic!("{e}"));
    assert_none(
        "[dependencies] blocks and the workspace disagree",
        dependency_blocks::check_up_to_date(&root, &catalog),
    );
}

#[test]
fn every_listing_that_uses_a_crate_is_shown_with_its_dependency_block() {
    let root = repo_root();
    let catalog = Catalog::load(&root).unwrap_or_else(|e| panic!("{e}"));
    assert_none(
        "listings shown without their [dependencies] blocks",
        dependency_blocks::check_shown(&root, &catalog),
    );
}

#[test]
fn the_introduction_names_every_crate_the_listings_use_with_its_version() {
    let root = repo_root();
    let catalog = Catalog::load(&root).unwrap_or_else(|e| panic!("{e}"));
    assert_none(
        "the introduction and the listings' crates disagree",
        dependency_blocks::check_introduction(&root, &catalog),
    );
}

#[test]
fn every_internal_link_resolves_in_the_built_html() {
    assert_none(
        "broken links in the built book",
        lint::check_html_links(&BUILT),
    );
}

#[test]
fn every_edition_shows_the_code_blocks_and_ids_of_the_english_book() {
    let root = repo_root();
    for edition in book_tools::i18n::edition::TRANSLATIONS {
        let problems =
            book_tools::i18n::parity::check(&root, *edition).unwrap_or_else(|e| panic!("{e}"));
        assert_none(
            &format!("the {} edition differs from the English book", edition.name),
            problems,
        );
    }
}

#[test]
fn every_code_block_language_is_highlighted() {
    assert_none(
        "code blocks highlight.js cannot colour",
        lint::check_fence_highlighting(&repo_root()),
    );
}

#[test]
fn theme_files_derived_from_mdbook_are_up_to_date() {
    assert_none(
        "theme files derived from mdBook",
        book_tools::theme::check(&repo_root()),
    );
}

#[test]
fn every_numbered_chapter_has_its_quiz_and_an_exercise() {
    assert_none(
        "chapters, quizzes and exercises disagree",
        book_tools::course::check(&repo_root()),
    );
}

#[test]
fn every_listing_and_code_block_line_fits_the_column() {
    assert_none(
        "lines wider than the column at 1280 px",
        lint::check_line_width(&repo_root()),
    );
}

#[test]
fn no_page_shows_markdown_unrendered() {
    assert_none(
        "Markdown printed as typed (mdBook leaves it alone inside an HTML block: write HTML there)",
        book_tools::markdown_leaks::check(&BUILT),
    );
}

#[test]
fn the_sidebar_numbers_chapters_only() {
    assert_none("sidebar numbers", lint::check_sidebar_numbers(&BUILT));
}

#[test]
fn every_edition_has_a_working_page_for_missing_addresses() {
    assert_none("404 pages", book_tools::i18n::not_found::check(&BUILT));
}

#[test]
fn every_page_of_a_translation_is_titled_in_its_language() {
    assert_none(
        "page titles left in English",
        book_tools::i18n::titles::check(&BUILT),
    );
}
