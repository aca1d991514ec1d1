//! Prepares the directory that a plain `mdbook test` needs and prints it:
//! `mdbook test -L "$(cargo run -q -p book-tools --bin doctest-deps)"`.

use std::process::ExitCode;

fn main() -> ExitCode {
    match book_tools::cargo::doctest_deps(&book_tools::repo_root()) {
        Ok(dir) => {
            println!("{}", dir.display());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}
