//! `hotloop`: the GIL chapter's workload (bench/src/workload.rs), callable
//! from Python.
//!
//! `sum_steps_holding_gil` keeps the GIL for the whole computation, as a naive
//! extension does; `sum_steps_releasing_gil` lets go of it with
//! `Python::detach`, so that other Python threads run meanwhile. Both add the
//! same steps with wrapping addition, like every variant of the benchmark.
//!
//! The submodule `hotloop.exercise` holds chapter 19's exercise (see
//! [`exercise_module`]).

mod gate;

// The exercise readers edit. The book's check compiles its other versions (the
// reference solution, the wrong ones) in its place when `HOTLOOP_EXERCISE`
// names one: see build.rs.
#[cfg(not(hotloop_exercise))]
// The starter's parameters are unused until the reader writes its body.
#[allow(unused_variables)]
mod sum_after_gate;
#[cfg(hotloop_exercise)]
include!(concat!(env!("OUT_DIR"), "/sum_after_gate.rs"));

// ANCHOR: functions
use std::ops::Range;

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;

/// The wrapping sum of the steps seeded by `start..stop`, computed while
/// holding the GIL.
#[pyfunction]
fn sum_steps_holding_gil(start: u64, stop: u64) -> PyResult<u64> {
    Ok(sum_steps(seeds(start, stop)?))
}

/// The same sum, computed with the GIL released: the closure gets plain
/// integers and no Python object, which `detach`'s `Send` bound checks at
/// compile time.
#[pyfunction]
fn sum_steps_releasing_gil(
    py: Python<'_>,
    start: u64,
    stop: u64,
) -> PyResult<u64> {
    let seeds = seeds(start, stop)?;
    Ok(py.detach(|| sum_steps(seeds)))
}

/// The `(start, stop)` seeds of each of `workers` even shares of `0..total`,
/// as the benchmark splits them. Zero workers is a caller's mistake that Rust
/// reports by panicking, which Python receives as
/// `pyo3_runtime.PanicException`.
#[pyfunction]
fn shares(total: u64, workers: usize) -> Vec<(u64, u64)> {
    assert!(workers > 0, "cannot split {total} steps over zero workers");
    (0..workers)
        .map(|index| {
            let share = gil_bench::workload::share(total, workers, index);
            (share.start, share.end)
        })
        .collect()
}

/// A bad range is the caller's error to handle, so it is a `ValueError`, not
/// a panic.
fn seeds(start: u64, stop: u64) -> PyResult<Range<u64>> {
    if start > stop {
        return Err(PyValueError::new_err(format!(
            "start ({start}) is after stop ({stop})"
        )));
    }
    Ok(start..stop)
}

fn sum_steps(seeds: Range<u64>) -> u64 {
    seeds.fold(0, |total, seed| total.wrapping_add(gil_bench::step(seed)))
}
// ANCHOR_END: functions

/// `hotloop.exercise`: chapter 19's exercise, `sum_after_gate`, and the `Gate`
/// it waits for.
#[pymodule(name = "exercise", submodule)]
mod exercise_module {
    #[pymodule_export]
    use crate::gate::Gate;
    #[pymodule_export]
    use crate::sum_after_gate::sum_after_gate;
}

// ANCHOR: module
#[pymodule]
mod hotloop {
    #[pymodule_export]
    use super::exercise_module;
    #[pymodule_export]
    use super::{shares, sum_steps_holding_gil, sum_steps_releasing_gil};
}
// ANCHOR_END: module
