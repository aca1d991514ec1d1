//! Python counterparts: the CPython programs in `listings/python/` that chapters show, folded,
//! beside the Rust listings they replace. They are run under `python3` and checked by the same
//! rules; `cargo bless` records which CPython version printed each documented output.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

use crate::catalog::{Language, Listing, OUTPUT_DIR};

/// Where Python counterparts live, relative to the repository root.
pub const PYTHON_DIR: &str = "listings/python";

/// The interpreter the captions tell readers to run.
pub const PYTHON: &str = "python3";

/// The command that runs a counterpart as its caption says (`python3 listings/python/NAME.py`),
/// from the repository root, so that a warning names the file by that same relative path. The
/// environment is kept out: `-I` ignores every `PYTHON*` variable (`PYTHONWARNINGS`,
/// `PYTHONUNBUFFERED`, ...) and the user's site-packages, `-u` hands each write to the pipe at
/// once, as a terminal would show it, and `-X utf8` fixes the encoding. `-S` leaves out the `site`
/// module: counterparts use the standard library only, and the `.pth` files of an installation's
/// site-packages run code at every start (one here imports `certifi`, 35 ms of CPU per start),
/// which could also print. A counterpart that imports
/// the PyO3 extension runs under the interpreter of the extension's virtual environment, built first,
/// with `site` (which is what puts the environment's packages on the path);
/// Rust code runs inside it, so Rust's backtrace variables are kept out too, as for a listing binary
/// ([`crate::run::run`]): a panic then prints its message and the one-line note, not a backtrace.
pub fn command(root: &Path, listing: &Listing) -> Result<Command, String> {
    let mut command = if listing.extension {
        Command::new(crate::extension::python(root)?)
    } else {
        let mut command = Command::new(&interpreter()?.executable);
        command.arg("-S");
        command
    };
    command
        .current_dir(root)
        .env_remove("RUST_BACKTRACE")
        .env_remove("RUST_LIB_BACKTRACE")
        .args(["-I", "-u", "-X", "utf8"])
        .arg(listing.source_file());
    Ok(command)
}

/// The `python3` found on the `PATH`, asked once for its version and for the file it runs from.
struct Interpreter {
    /// E.g. `3.11.7`.
    version: String,
    /// `sys.executable`. Counterparts run from this path rather than through `python3`: where
    /// `python3` is a version manager's shim (pyenv's is a shell script), resolving it again costs
    /// some 50 ms of CPU per run, and the output checks start counterparts over a thousand times.
    executable: PathBuf,
}

fn interpreter() -> Result<&'static Interpreter, String> {
    static FOUND: OnceLock<Result<Interpreter, String>> = OnceLock::new();
    FOUND
        .get_or_init(|| {
            let output = Command::new(PYTHON)
                .args([
                    "-I",
                    "-c",
                    "import platform, sys; print(platform.python_version()); print(sys.executable)",
                ])
                .output()
                .map_err(|e| format!("cannot run {PYTHON}: {e}"))?;
            let text = String::from_utf8_lossy(&output.stdout);
            let lines: Vec<&str> = text.lines().collect();
            match (output.status.success(), lines.as_slice()) {
                (true, [version, executable]) if !executable.is_empty() => Ok(Interpreter {
                    version: version.trim().to_owned(),
                    executable: PathBuf::from(executable.trim()),
                }),
                _ => Err(format!(
                    "{PYTHON} failed to report its version and path: {}{}",
                    text,
                    String::from_utf8_lossy(&output.stderr)
                )),
            }
        })
        .as_ref()
        .map_err(Clone::clone)
}

/// The version of `python3` here, e.g. `3.11.7`, or why it cannot be run.
pub fn version() -> Result<String, String> {
    interpreter().map(|found| found.version.clone())
}

/// Whether Python counterparts can be run here: `Ok(true)` if so; `Ok(false)` after saying why
/// they are skipped; an error under CI (`CI=true`), where skipping them would hide a failure.
pub fn available_or_skip() -> Result<bool, String> {
    match version() {
        Ok(_) => Ok(true),
        Err(e) if std::env::var("CI").is_ok_and(|v| v == "true") => Err(format!(
            "CI=true but the Python counterparts cannot be run: {e}; install python3 (see .ci/run)"
        )),
        Err(e) => {
            crate::skip::announce(
                &format!("the Python counterparts in {PYTHON_DIR}/"),
                &format!("{e}; install python3 to check them; under CI=true this is a failure"),
            );
            Ok(false)
        }
    }
}

/// The file, beside the documented output, that holds the CPython version that printed it.
pub fn version_file(listing: &Listing) -> Option<String> {
    (listing.language == Language::Python).then(|| format!("{}.python-version", listing.name))
}

pub fn version_path(root: &Path, listing: &Listing) -> Option<PathBuf> {
    version_file(listing).map(|file| root.join(OUTPUT_DIR).join(file))
}

/// Records, after a bless, which CPython printed the documented output.
pub fn record_version(root: &Path, listing: &Listing) -> Result<(), String> {
    let Some(path) = version_path(root, listing) else {
        return Ok(());
    };
    crate::report::write(&path, &format!("{}\n", version()?))
}

/// `3.11` of `3.11.7`.
fn minor(version: &str) -> &str {
    let end = version
        .match_indices('.')
        .nth(1)
        .map_or(version.len(), |(i, _)| i);
    &version[..end]
}

/// For a failed check of a counterpart blessed under another minor version of CPython: a line
/// that says so, since CPython's messages and behaviour change between minor versions.
pub fn version_note(root: &Path, listing: &Listing) -> Option<String> {
    let path = version_path(root, listing)?;
    let blessed = std::fs::read_to_string(&path).ok()?.trim().to_owned();
    let here = version().ok()?;
    (minor(&blessed) != minor(&here)).then(|| {
        format!(
            "its documented output was printed by CPython {blessed} and this run by CPython \
             {here}: a different minor version may print differently; check it under \
             Python {} or, if the difference is CPython's, re-bless it with `cargo bless {}`",
            minor(&blessed),
            listing.name
        )
    })
}

#[cfg(test)]
mod tests {
    use super::minor;

    #[test]
    fn the_minor_version_drops_the_patch_level() {
        assert_eq!(minor("3.11.7"), "3.11");
        assert_eq!(minor("3.14.0rc1"), "3.14");
        assert_eq!(minor("3.13"), "3.13");
    }
}
