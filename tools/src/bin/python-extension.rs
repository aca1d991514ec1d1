//! `cargo run -p book-tools --bin python-extension`: builds the PyO3 extension `hotloop` into its
//! virtual environment under `target/` and prints that environment's interpreter, for
//! `bench/measure.sh` and for trying the chapter 19 listings by hand.

use std::process::ExitCode;

fn main() -> ExitCode {
    let root = book_tools::repo_root();
    match book_tools::extension::python(&root) {
        Ok(python) => {
            println!("{}", python.display());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}
