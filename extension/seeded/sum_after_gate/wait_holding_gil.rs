//! A wrong solution the test must catch: it lets go of the GIL for the sum, the slow part, but
//! waits for the gate while holding it, so the Python thread that would open the gate never runs.
//!
//! Caught by `test_waits_with_the_gil_released`, which says "the GIL was held while waiting".

use pyo3::prelude::*;

use crate::gate::Gate;

#[pyfunction]
pub fn sum_after_gate(py: Python<'_>, gate: &Bound<'_, Gate>, start: u64, stop: u64) -> u64 {
    gate.get().wait();
    py.detach(|| {
        (start..stop).fold(0_u64, |total, seed| {
            total.wrapping_add(gil_bench::step(seed))
        })
    })
}
