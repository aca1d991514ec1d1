//! A wrong solution the compiler must refuse: the closure given to `detach` uses the `Bound`
//! handle of the gate, a Python object, which may be touched only while holding the GIL that
//! `detach` has just let go of.
//!
//! Caught by the compiler, with error E0277, which says
//! "`*mut pyo3::Python<'static>` cannot be shared between threads
//! safely".

use pyo3::prelude::*;

use crate::gate::Gate;

#[pyfunction]
pub fn sum_after_gate(py: Python<'_>, gate: &Bound<'_, Gate>, start: u64, stop: u64) -> u64 {
    py.detach(|| {
        gate.get().wait();
        (start..stop).fold(0_u64, |total, seed| {
            total.wrapping_add(gil_bench::step(seed))
        })
    })
}
