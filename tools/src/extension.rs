//! The PyO3 extension (`extension/`, Python module `hotloop`), built the way chapter 19 tells
//! readers to: maturin, pinned, installed from PyPI into a virtual environment, which then runs
//! the Python listings that import `hotloop` and the benchmark's "CPython calling Rust" variants.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::OnceLock;

/// The maturin release the chapter names; `extension/pyproject.toml` requires the same.
pub const MATURIN: &str = "1.16.0";
/// The virtual environment, relative to the repository root.
pub const VENV_DIR: &str = "target/python-extension/venv";
/// Cargo's target directory for maturin's builds: apart from `target/`, so that a build of the
/// extension inside the tests never waits for cargo's lock on the directory the tests run from.
const CARGO_TARGET_DIR: &str = "target/python-extension/cargo";

/// The virtual environment's interpreter, with `hotloop` freshly built and installed into it, or
/// why that failed. Built once per process; a second call returns the first one's answer.
pub fn python(root: &Path) -> Result<PathBuf, String> {
    static BUILT: OnceLock<Result<PathBuf, String>> = OnceLock::new();
    BUILT.get_or_init(|| build(root)).clone()
}

/// The interpreter of [`python`], or `None` after saying why the extension cannot be built here
/// (no `python3`, or one without the `venv` module, as Debian ships it without `python3-venv`);
/// an error under CI (`CI=true`), and whenever a build that could run fails.
pub fn available_or_skip(root: &Path) -> Result<Option<PathBuf>, String> {
    if let Err(e) = venv_module() {
        if std::env::var("CI").is_ok_and(|v| v == "true") {
            return Err(format!(
                "CI=true but the PyO3 extension cannot be built: {e} (see .ci/run)"
            ));
        }
        crate::skip::announce(
            "the PyO3 extension `hotloop` and the listings and benchmark variants that use it",
            &format!("{e}; under CI=true this is a failure"),
        );
        return Ok(None);
    }
    python(root).map(Some)
}

/// Whether `python3` can make a virtual environment with pip in it.
fn venv_module() -> Result<(), String> {
    let output = Command::new(crate::python::PYTHON)
        .args(["-I", "-c", "import venv, ensurepip"])
        .output()
        .map_err(|e| format!("cannot run {}: {e}", crate::python::PYTHON))?;
    if output.status.success() {
        Ok(())
    } else {
        Err(format!(
            "{} has no `venv` module with pip (on Debian and Ubuntu: apt install python3-venv)",
            crate::python::PYTHON
        ))
    }
}

fn build(root: &Path) -> Result<PathBuf, String> {
    let venv = root.join(VENV_DIR);
    let python = venv.join("bin/python");
    if !python.exists() {
        run(Command::new(crate::python::PYTHON)
            .args(["-m", "venv"])
            .arg(&venv))
        .map_err(|e| format!("{e}; the extension needs Python 3 with its `venv` module"))?;
    }
    let maturin = venv.join("bin/maturin");
    if installed_maturin(&maturin).is_none_or(|version| version != MATURIN) {
        run(Command::new(&python).args([
            "-m",
            "pip",
            "install",
            "--quiet",
            "--disable-pip-version-check",
            "--only-binary=:all:",
            &format!("maturin=={MATURIN}"),
        ]))?;
    }
    // `--release`: the benchmark times it, and the listings' timelines show how long a call takes.
    run(Command::new(&maturin)
        .current_dir(root)
        .args([
            "develop",
            "--release",
            "--quiet",
            "-m",
            "extension/Cargo.toml",
        ])
        .env("VIRTUAL_ENV", &venv)
        .env("CARGO_TARGET_DIR", root.join(CARGO_TARGET_DIR))
        .env_remove("CARGO_TERM_PROGRESS_WHEN"))?;
    Ok(python)
}

/// The version `maturin --version` reports (`maturin 1.16.0`), if it runs.
fn installed_maturin(maturin: &Path) -> Option<String> {
    let output = Command::new(maturin).arg("--version").output().ok()?;
    let text = String::from_utf8(output.stdout).ok()?;
    text.trim().strip_prefix("maturin ").map(str::to_owned)
}

/// Runs a build step; on failure, the error names the command and carries what it printed.
fn run(command: &mut Command) -> Result<Output, String> {
    let shown = format!("{command:?}");
    let output = command
        .output()
        .map_err(|e| format!("cannot run {shown}: {e}"))?;
    if output.status.success() {
        return Ok(output);
    }
    Err(format!(
        "{shown} failed ({}):\n{}{}",
        output.status,
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    ))
}
