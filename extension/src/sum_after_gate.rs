//! Chapter 19's exercise: a Rust function that waits for something only another Python thread
//! can do. Run its test with `python extension/tests/test_sum_after_gate.py` (the chapter says how).

use pyo3::prelude::*;

use crate::gate::Gate;

/// Waits until `gate` is open, then returns the wrapping sum of `gil_bench::step(seed)` for every
/// seed in `start..stop` (none if `start >= stop`): what `hotloop.sum_steps_releasing_gil` returns.
///
/// Another Python thread opens the gate, and calling `gate.open()` takes the GIL.
#[pyfunction]
pub fn sum_after_gate(
    py: Python<'_>,
    gate: &Bound<'_, Gate>,
    start: u64,
    stop: u64,
) -> u64 {
    todo!(
        "wait for the gate, then add up the steps, letting other Python threads run meanwhile"
    )
}
