//! `cargo run -p gil-bench --bin chart`: collects the Rust results from `target/criterion/` into
//! `bench/results/rust.csv`, merges them with `bench/results/python.csv`, and writes the chart of
//! the GIL chapter, `src/img/gil-scaling.svg`, and the CSV it is drawn from beside it.
//!
//! With `--svg-only`, it only redraws the SVG from the committed CSV.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use gil_bench::{chart, collect, results};

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("the bench crate is inside the workspace")
        .to_path_buf()
}

fn read(path: &Path) -> Result<String, String> {
    fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))
}

fn write(path: &Path, text: &str) -> Result<(), String> {
    fs::write(path, text).map_err(|e| format!("{}: {e}", path.display()))?;
    println!("wrote {}", path.display());
    Ok(())
}

fn run(svg_only: bool) -> Result<(), String> {
    let root = workspace();
    let csv_path = root.join("src/img/gil-scaling.csv");
    if !svg_only {
        let rust = collect::rust_rows(&collect::criterion_home(&root))?;
        let rust_csv = results::to_csv(&rust);
        write(&root.join("bench/results/rust.csv"), &rust_csv)?;
        let python_path = root.join("bench/results/python.csv");
        let python = results::from_csv(&read(&python_path)?)
            .map_err(|e| format!("{}: {e}", python_path.display()))?;
        let merged: Vec<_> = rust.into_iter().chain(python).collect();
        write(&csv_path, &results::to_csv(&merged))?;
    }
    let rows =
        results::from_csv(&read(&csv_path)?).map_err(|e| format!("{}: {e}", csv_path.display()))?;
    write(&root.join("src/img/gil-scaling.svg"), &chart::render(&rows))
}

fn main() -> ExitCode {
    let svg_only = std::env::args().any(|a| a == "--svg-only");
    match run(svg_only) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("chart: {e}");
            ExitCode::FAILURE
        }
    }
}
