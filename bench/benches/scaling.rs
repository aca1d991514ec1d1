//! `cargo bench -p gil-bench`: throughput of the five variants with 1, 2, … threads, up to the
//! cores this process may use. `cargo run -p gil-bench --bin chart` turns the results into the
//! chart of the GIL chapter.

use criterion::{
    BenchmarkId, Criterion, SamplingMode, Throughput, criterion_group, criterion_main,
};
use gil_bench::{TOTAL_STEPS, Variant, max_threads};

fn scaling(c: &mut Criterion) {
    let mut group = c.benchmark_group("gil-scaling");
    // One run takes milliseconds, so flat sampling: every sample times the same number of runs.
    group
        .sampling_mode(SamplingMode::Flat)
        .sample_size(30)
        .throughput(Throughput::Elements(TOTAL_STEPS));
    for variant in Variant::ALL {
        for threads in 1..=max_threads() {
            group.bench_with_input(
                BenchmarkId::new(variant.name(), threads),
                &threads,
                |b, &threads| b.iter(|| variant.run(TOTAL_STEPS, threads)),
            );
        }
    }
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().without_plots();
    targets = scaling
}
criterion_main!(benches);
