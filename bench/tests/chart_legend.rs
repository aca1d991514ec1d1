//! The chart names every variant the benchmark runs, and draws only the series the CSV holds, so a
//! variant added to the benchmark leaves the committed chart valid until it is measured.

use gil_bench::{Variant, chart, results::Row, results::with_speedups};

fn rows(variants: &[Variant]) -> Vec<Row> {
    let rows = variants
        .iter()
        .flat_map(|v| {
            (1..=2).map(move |workers| {
                let seconds = 1.0 / workers as f64;
                Row::measured(
                    "rust",
                    v.name(),
                    workers,
                    100,
                    seconds,
                    "CPU",
                    2,
                    "2026-01-02",
                )
            })
        })
        .collect();
    with_speedups(rows)
}

#[test]
fn every_variant_has_a_label_in_the_legend() {
    let svg = chart::render(&rows(&Variant::ALL));
    assert!(
        !svg.contains(">other:"),
        "a variant of Variant::ALL has no label in chart.rs's `style`:\n{svg}"
    );
}

#[test]
fn a_variant_missing_from_the_csv_is_left_out_of_the_chart() {
    let measured: Vec<Variant> = Variant::ALL
        .into_iter()
        .filter(|v| *v != Variant::ShortLock)
        .collect();
    let svg = chart::render(&rows(&measured));
    assert!(!svg.contains("short section"), "{svg}");
    assert_eq!(svg.matches("<polyline").count(), measured.len());
}
