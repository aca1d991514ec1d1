//! Expands the book's chapters with mdBook's own preprocessors and hands them to skeptic, which
//! turns every Rust block into a test (tests/skeptic.rs).

use std::path::PathBuf;

fn main() {
    let root = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("set by cargo"));
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("set by cargo")).join("book");
    for watched in ["book.toml", "src", "listings/src", "po"] {
        println!("cargo:rerun-if-changed={watched}");
    }
    let chapters = match book_tools::book::write_for_skeptic(&root, &out) {
        Ok(chapters) => chapters,
        Err(e) => panic!("cannot expand the book for skeptic: {e}"),
    };
    skeptic::generate_doc_tests(&chapters);
    guard_generated_tests(&out.with_file_name("skeptic-tests.rs"));
}

/// Makes the generated tests call tests/skeptic.rs's `run_test` and `compile_test`, which add the
/// watchdog's time limit and use the repository the tests run in.
fn guard_generated_tests(path: &std::path::Path) {
    let text = std::fs::read_to_string(path).expect("skeptic wrote its tests");
    let guarded = text
        .replace("skeptic::rt::run_test(", "run_test(")
        .replace("skeptic::rt::compile_test(", "compile_test(");
    assert!(
        guarded.contains("run_test("),
        "skeptic's generated tests no longer call `skeptic::rt::run_test`: update build.rs"
    );
    std::fs::write(path, guarded).expect("the generated tests are writable");
}
