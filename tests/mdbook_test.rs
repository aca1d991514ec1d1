//! Layer 3: `mdbook test`, in-process: the book's doctests pass, linked against one build of the
//! crates the listings use.

use book_tools::{book, cargo, repo_root};

#[test]
fn the_books_doctests_pass() {
    let root = repo_root();
    let deps = cargo::doctest_deps(&root).unwrap_or_else(|e| panic!("{e}"));
    book::test(&root, &deps).unwrap_or_else(|e| panic!("{e} (rustdoc's report is printed above)"));
}
