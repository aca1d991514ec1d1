//! The gate of chapter 19's exercise: Python threads open it, Rust code waits for it.

use std::sync::{Condvar, Mutex, MutexGuard, PoisonError};

use pyo3::prelude::*;

/// A gate that starts closed and, once opened, stays open: `threading.Event` without `clear`.
/// Python calls `open()`; Rust code blocks in [`Gate::wait`] until someone has. `waiting` counts
/// the threads blocked in `wait`, so that a test can tell a thread is waiting before it opens.
///
/// `frozen`: the class is never borrowed mutably from Python, so Rust may read it through a
/// shared `&Gate` without the GIL, from any thread; the `Mutex` inside makes that safe.
#[pyclass(frozen, module = "hotloop.exercise")]
#[derive(Default)]
pub struct Gate {
    state: Mutex<State>,
    opened: Condvar,
}

#[derive(Default)]
struct State {
    open: bool,
    waiting: usize,
}

#[pymethods]
impl Gate {
    #[new]
    fn new() -> Self {
        Self::default()
    }

    /// Opens the gate and wakes every thread waiting for it.
    fn open(&self) {
        self.state().open = true;
        self.opened.notify_all();
    }

    /// Whether the gate has been opened.
    #[getter]
    fn is_open(&self) -> bool {
        self.state().open
    }

    /// How many threads are blocked in [`Gate::wait`] now.
    #[getter]
    fn waiting(&self) -> usize {
        self.state().waiting
    }
}

impl Gate {
    /// Blocks the calling thread until the gate is open. It holds whatever the caller holds while
    /// it waits: called with the GIL, it keeps every other Python thread out until it returns.
    pub fn wait(&self) {
        let mut state = self.state();
        state.waiting += 1;
        while !state.open {
            state = self
                .opened
                .wait(state)
                .unwrap_or_else(PoisonError::into_inner);
        }
        state.waiting -= 1;
    }

    /// The lock is held only to read or change two fields, which no panic leaves half-changed, so
    /// a poisoned lock holds a sound state.
    fn state(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }
}
