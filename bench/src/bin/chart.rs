//! `cargo run -p gil-bench --bin chart`: collects the Rust results from `target/criterion/` into
//! `bench/results/rust.csv`, merges them with `bench/results/python.csv`, and writes the chart of
//! the GIL chapter, `src/img/gil-scaling.svg`, the CSV it is drawn from, and the chart's summary,
//! the table of figures, the sentences naming the machine and the sentence comparing CPython's
//! throughput with Rust's, which the chapter includes (all beside the SVG).
//!
//! With `--svg-only`, it only redraws the SVG and those texts from the committed CSV.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use gil_bench::{chart, collect, figures, results};

/// The repository the command runs in, not the one it was built in.
fn workspace() -> Result<PathBuf, String> {
    let here = std::env::current_dir().map_err(|e| format!("no current directory: {e}"))?;
    results::repo_root(&here)
        .ok_or_else(|| format!("{} is not inside the book's repository", here.display()))
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
    let root = workspace()?;
    let csv_path = root.join("src/img/gil-scaling.csv");
    if !svg_only {
        let rust = collect::rust_rows(&collect::criterion_home(&root))?;
        let rust_csv = results::to_csv(&rust);
        write(&root.join("bench/results/rust.csv"), &rust_csv)?;
        let python_path = root.join("bench/results/python.csv");
        let python = results::from_csv(&read(&python_path)?)
            .map_err(|e| format!("{}: {e}", python_path.display()))?;
        let merged = results::merge(rust, python);
        write(&csv_path, &results::to_csv(&merged))?;
    }
    let rows =
        results::from_csv(&read(&csv_path)?).map_err(|e| format!("{}: {e}", csv_path.display()))?;
    write(&root.join(figures::CHART_PATH), &chart::render(&rows))?;
    write(&root.join(figures::FIGURE_PATH), &figures::figure(&rows))?;
    write(&root.join(figures::MACHINE_PATH), &figures::machine(&rows))?;
    write(&root.join(figures::GAP_PATH), &figures::gap(&rows))?;
    write(
        &root.join(figures::CALLING_RUST_PATH),
        &figures::calling_rust(&rows),
    )?;
    write(&root.join(figures::TABLE_PATH), &figures::table(&rows))
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
