//! Loom models of chapter 16, in `tests/`: a lost wake-up and a `Relaxed`
//! publication that loom must find, and the corrected versions it must pass.
//! `cargo test -p loom-models` runs them; so does `cargo test --workspace`.

use loom::model::Builder;

/// Runs `model` in every interleaving loom can produce. Every bound is set
/// here: loom otherwise reads them from `LOOM_*` environment variables, and a
/// variable left set in a shell must not let a model that has to find a bug
/// explore less and miss it. The models are small, so they need no bound on
/// preemptions and still finish in a fraction of a second.
pub fn explore(model: impl Fn() + Sync + Send + 'static) {
    let mut builder = Builder::new();
    builder.preemption_bound = None;
    builder.max_permutations = None;
    builder.max_duration = None;
    builder.max_branches = 1_000;
    builder.checkpoint_file = None;
    builder.check(model);
}
