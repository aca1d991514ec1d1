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
        !svg.contains(chart::FALLBACK_COLOUR),
        "a variant of Variant::ALL has no style in chart.rs's `style`:\n{svg}"
    );
    for variant in Variant::ALL {
        for words in chart::EDITIONS {
            assert!(
                words
                    .names
                    .iter()
                    .any(|n| n.0 == "rust" && n.1 == variant.name()),
                "{} has no `{}` name in chart.rs",
                variant.name(),
                words.lang
            );
        }
    }
}

/// Every series the chart names, CPython's included, has a style of its own.
#[test]
fn every_named_series_has_a_style() {
    let rows = with_speedups(
        chart::ENGLISH_NAMES
            .iter()
            .flat_map(|(language, variant, _)| {
                (1..=2).map(move |workers| {
                    Row::measured(
                        language,
                        variant,
                        workers,
                        100,
                        1.0 / workers as f64,
                        "CPU",
                        2,
                        "2026-01-02",
                    )
                })
            })
            .collect(),
    );
    let svg = chart::render(&rows);
    assert!(
        !svg.contains(chart::FALLBACK_COLOUR),
        "a series of chart::ENGLISH_NAMES has no style in chart.rs's `style`:\n{svg}"
    );
}

/// A whisker spans the middle half of the speedups of each point with more than one worker, where
/// the CSV has one; the footer then says what whiskers are.
#[test]
fn points_with_a_spread_have_whiskers() {
    let mut rows = rows(&[Variant::NoSharedState, Variant::GlobalLock]);
    let without = chart::render(&rows);
    assert!(!without.contains("whiskers"), "{without}");
    for row in &mut rows {
        row.speedup_iqr = Some((row.speedup - 0.1, row.speedup + 0.1));
    }
    let svg = chart::render(&rows);
    // Two series with two workers each; one worker's speedup is 1 by definition.
    assert_eq!(svg.matches("\" stroke-width=\"1.5\"/>").count(), 2, "{svg}");
    assert!(svg.contains("whiskers span the middle half"), "{svg}");
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

#[test]
fn names_at_the_lines_ends_are_spread_so_that_none_covers_another() {
    // The chapter's case: four lines end within a few pixels of each other, two further down.
    let wanted = [111.0, 176.0, 118.0, 115.0, 112.0, 160.0];
    let gap = 16.0;
    let placed = chart::spread(&wanted, gap);
    let mut sorted = placed.clone();
    sorted.sort_by(f64::total_cmp);
    for pair in sorted.windows(2) {
        assert!(
            pair[1] - pair[0] >= gap - 1e-9,
            "names {pair:?} are closer than {gap}: {placed:?}"
        );
    }
    // Spreading keeps the order of the lines' ends, and a name alone stays where it was wanted.
    let order = |v: &[f64]| {
        let mut o: Vec<usize> = (0..v.len()).collect();
        o.sort_by(|&a, &b| v[a].total_cmp(&v[b]));
        o
    };
    assert_eq!(order(&wanted), order(&placed));
    assert_eq!(chart::spread(&[50.0, 200.0], gap), vec![50.0, 200.0]);
}
