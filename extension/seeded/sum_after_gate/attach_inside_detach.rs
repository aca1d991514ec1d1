//! A wrong solution the test must catch: refused a `Bound` inside `detach`, it sends a `Py<Gate>`
//! in, which may cross threads, and takes the GIL back with `Python::attach` to reach the gate,
//! so it waits holding the GIL after all.
//!
//! Caught by `test_waits_with_the_gil_released`, which says "the GIL was held while waiting".

use pyo3::prelude::*;

use crate::gate::Gate;

#[pyfunction]
pub fn sum_after_gate(py: Python<'_>, gate: &Bound<'_, Gate>, start: u64, stop: u64) -> u64 {
    let gate: Py<Gate> = gate.clone().unbind();
    py.detach(move || {
        Python::attach(|py| gate.bind(py).get().wait());
        (start..stop).fold(0_u64, |total, seed| {
            total.wrapping_add(gil_bench::step(seed))
        })
    })
}
