//! Builds the HTML book into `book/` in-process, with the mdBook version the tests use.

use std::process::ExitCode;

fn main() -> ExitCode {
    let root = book_tools::repo_root();
    match book_tools::book::build_html(&root, &root.join("book")) {
        Ok(dir) => {
            println!("built the book in {}", dir.display());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}
