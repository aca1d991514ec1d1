//! Runs one listing binary with a timeout, recording when each line of standard output arrived.

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use wait_timeout::ChildExt;

use crate::catalog::{Language, Listing};

/// How long a listing may run before it is killed and reported as hung. Listings finish in about
/// two seconds at most; the margin is for a loaded machine or a single core.
pub const TIMEOUT: Duration = Duration::from_secs(30);

/// One line of standard output and when it arrived, counted from the start of the run.
#[derive(Debug, Clone)]
pub struct TimedLine {
    pub at: Duration,
    pub text: String,
}

/// What one run of a listing printed and how it ended.
#[derive(Debug)]
pub struct Run {
    pub stdout: Vec<TimedLine>,
    pub stderr: String,
    /// The exit code, or `None` if the process was killed (by the timeout or a signal).
    pub exit: Option<i32>,
    pub timed_out: bool,
    pub elapsed: Duration,
}

impl Run {
    /// Standard output as text, every line ending in a newline.
    pub fn stdout_text(&self) -> String {
        self.stdout
            .iter()
            .map(|l| format!("{}\n", l.text))
            .collect()
    }
}

/// Runs `exe` with a clean, predictable environment: no backtraces, no colours, no log filters
/// inherited from the caller's shell.
pub fn run(exe: &Path, timeout: Duration) -> std::io::Result<Run> {
    let mut command = Command::new(exe);
    command
        .env_remove("RUST_BACKTRACE")
        .env_remove("RUST_LIB_BACKTRACE")
        .env_remove("RUST_LOG")
        .env("NO_COLOR", "1");
    run_command(command, timeout)
}

/// Runs a listing as the book says to: its binary from `exes`, or `python3` for a Python
/// counterpart.
pub fn run_listing(
    root: &Path,
    listing: &Listing,
    exes: &BTreeMap<String, PathBuf>,
) -> Result<Run, String> {
    let ran = match listing.language {
        Language::Rust => {
            let exe = exes.get(&listing.name).ok_or_else(|| {
                format!(
                    "{} has no binary: is it in listings/src/bin?",
                    listing.label()
                )
            })?;
            run(exe, TIMEOUT).map_err(|e| e.to_string())
        }
        Language::Python => crate::python::command(root, listing)
            .and_then(|command| run_command(command, TIMEOUT).map_err(|e| e.to_string())),
    };
    ran.map_err(|e| format!("cannot run {}: {e}", listing.label()))
}

/// Runs a prepared command with a timeout, its output piped and recorded line by line.
pub fn run_command(mut command: Command, timeout: Duration) -> std::io::Result<Run> {
    let started = Instant::now();
    let mut child = command
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()?;

    // Lines are collected as they arrive, so a hung listing still shows what it printed so far.
    let stdout_lines = Arc::new(Mutex::new(Vec::new()));
    let stdout = child.stdout.take().expect("stdout is piped");
    let stdout_reader = {
        let lines = Arc::clone(&stdout_lines);
        thread::spawn(move || {
            for line in BufReader::new(stdout).lines() {
                let Ok(text) = line else { break };
                let at = started.elapsed();
                lines
                    .lock()
                    .expect("reader never panics")
                    .push(TimedLine { at, text });
            }
        })
    };
    let mut stderr = child.stderr.take().expect("stderr is piped");
    let stderr_reader = thread::spawn(move || {
        let mut bytes = Vec::new();
        let _ = stderr.read_to_end(&mut bytes);
        String::from_utf8_lossy(&bytes).into_owned()
    });

    let (exit, timed_out) = match child.wait_timeout(timeout)? {
        Some(status) => (status.code(), false),
        None => {
            child.kill()?;
            child.wait()?;
            (None, true)
        }
    };
    let elapsed = started.elapsed();
    stdout_reader.join().expect("stdout reader never panics");
    let stderr = stderr_reader.join().expect("stderr reader never panics");
    let stdout = std::mem::take(&mut *stdout_lines.lock().expect("reader finished"));
    Ok(Run {
        stdout,
        stderr,
        exit,
        timed_out,
        elapsed,
    })
}
