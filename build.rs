//! Expands the book's chapters with mdBook's own preprocessors and hands them to skeptic, which
//! turns every Rust block into a test (tests/skeptic.rs).

use std::path::PathBuf;

fn main() {
    let root = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("set by cargo"));
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("set by cargo")).join("book");
    for watched in ["book.toml", "src", "listings/src"] {
        println!("cargo:rerun-if-changed={watched}");
    }
    let chapters = match book_tools::book::write_for_skeptic(&root, &out) {
        Ok(chapters) => chapters,
        Err(e) => panic!("cannot expand the book for skeptic: {e}"),
    };
    skeptic::generate_doc_tests(&chapters);
}
