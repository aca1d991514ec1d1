//! Chapter 19's exercise, solved: the wait and the sum run with the GIL
//! released.

use pyo3::prelude::*;

use crate::gate::Gate;

/// Waits until `gate` is open, then returns the wrapping sum of
/// `gil_bench::step(seed)` for every seed in `start..stop` (none if
/// `start >= stop`): what `hotloop.sum_steps_releasing_gil` returns.
///
/// Another Python thread opens the gate, and calling `gate.open()` takes the
/// GIL.
#[pyfunction]
pub fn sum_after_gate(
    py: Python<'_>,
    gate: &Bound<'_, Gate>,
    start: u64,
    stop: u64,
) -> u64 {
    // A `&Gate` borrows Rust data only, which a frozen class may lend to any
    // thread: the closure may use it. The `Bound` handle may be used only
    // with the GIL held, so the closure could not take it.
    let gate: &Gate = gate.get();
    py.detach(|| {
        gate.wait();
        (start..stop).fold(0_u64, |total, seed| {
            total.wrapping_add(gil_bench::step(seed))
        })
    })
}
