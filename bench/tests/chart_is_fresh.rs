//! The committed chart is the one the committed CSV draws, so that the two never disagree.

use std::fs;
use std::path::Path;

use gil_bench::{chart, results};

#[test]
fn committed_svg_is_drawn_from_committed_csv() {
    let img = Path::new(env!("CARGO_MANIFEST_DIR")).join("../src/img");
    let csv = fs::read_to_string(img.join("gil-scaling.csv")).expect("src/img/gil-scaling.csv");
    let svg = fs::read_to_string(img.join("gil-scaling.svg")).expect("src/img/gil-scaling.svg");
    let rows = results::from_csv(&csv).unwrap_or_else(|e| panic!("src/img/gil-scaling.csv: {e}"));
    assert!(
        chart::render(&rows) == svg,
        "src/img/gil-scaling.svg is stale: regenerate it from the CSV with \
         `cargo run -p gil-bench --bin chart -- --svg-only`"
    );
}
