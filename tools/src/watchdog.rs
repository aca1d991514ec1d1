//! A time limit for programs that a harness we do not control starts: skeptic runs each Rust block of
//! the book, rustdoc each doctest, and neither gives up on a program that never ends.
//!
//! The watchdog looks at this process's descendants every half second and kills every program that
//! has run longer than [`run::TIMEOUT`], has started no program of its own, and is not a build tool (cargo, rustc, rustdoc, the linker:
//! whatever lives in the toolchain's or the system's directories). The harness then fails that one
//! test as it fails any program that was killed, and the watchdog writes on standard error what it
//! killed: the binary, and for a doctest the chapter and line rustdoc gives it. It reads `/proc`, so it
//! works on Linux only; elsewhere [`Watchdog::start`] says so once and guards nothing.
//!
//! [`run::TIMEOUT`]: crate::run::TIMEOUT

use std::collections::BTreeMap;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::{Mutex, OnceLock};
use std::thread;
use std::time::{Duration, Instant};

/// How often the process tree is looked at.
const POLL: Duration = Duration::from_millis(500);

/// What the watchdog killed, in the order it did.
static KILLED: Mutex<Vec<String>> = Mutex::new(Vec::new());

/// A running watchdog; there is at most one per process.
pub struct Watchdog;

impl Watchdog {
    /// Starts the process's watchdog with `limit` the first time; later calls return the same one.
    pub fn start(limit: Duration) -> &'static Watchdog {
        static ONE: OnceLock<Watchdog> = OnceLock::new();
        ONE.get_or_init(|| {
            if Path::new("/proc/self/stat").exists() {
                let trusted = toolchain_dirs();
                thread::Builder::new()
                    .name("watchdog".into())
                    .spawn(move || watch(limit, &trusted))
                    .expect("the watchdog thread starts");
            } else {
                say("watchdog: no /proc on this system, so programs run without a time limit");
            }
            Watchdog
        })
    }

    /// Every program killed so far, described as in the message written when it was killed.
    pub fn killed(&self) -> Vec<String> {
        KILLED.lock().expect("never poisoned").clone()
    }
}

/// Writes straight to standard error: libtest captures `eprintln!` per test, and this message
/// belongs to whichever test started the program, not to the one that started the watchdog.
fn say(message: &str) {
    let _ = writeln!(std::io::stderr(), "{message}");
}

/// Directories whose programs are build tools, never killed: the Rust toolchain's and the system's.
fn toolchain_dirs() -> Vec<PathBuf> {
    let mut dirs: Vec<PathBuf> = ["/usr", "/bin", "/lib", "/sbin", "/opt", "/etc", "/nix"]
        .iter()
        .map(PathBuf::from)
        .collect();
    let rustc = std::env::var_os("RUSTC").unwrap_or_else(|| "rustc".into());
    if let Ok(out) = Command::new(rustc).args(["--print", "sysroot"]).output() {
        dirs.push(PathBuf::from(String::from_utf8_lossy(&out.stdout).trim()));
    }
    for var in ["CARGO_HOME", "RUSTUP_HOME"] {
        if let Some(dir) = std::env::var_os(var) {
            dirs.push(dir.into());
        }
    }
    if let Some(home) = std::env::var_os("HOME") {
        dirs.push(Path::new(&home).join(".cargo"));
        dirs.push(Path::new(&home).join(".rustup"));
    }
    dirs
}

/// One process of the tree: its parent and its executable.
struct Proc {
    parent: u32,
    exe: Option<PathBuf>,
}

fn processes() -> BTreeMap<u32, Proc> {
    let Ok(entries) = fs::read_dir("/proc") else {
        return BTreeMap::new();
    };
    entries
        .filter_map(|entry| {
            let pid: u32 = entry.ok()?.file_name().to_str()?.parse().ok()?;
            let stat = fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
            // The command name, in parentheses, may hold spaces: fields count from its end.
            let after_name = &stat[stat.rfind(')')? + 2..];
            let parent = after_name.split(' ').nth(1)?.parse().ok()?;
            let exe = fs::read_link(format!("/proc/{pid}/exe")).ok();
            Some((pid, Proc { parent, exe }))
        })
        .collect()
}

/// The processes below `root`.
fn descendants(all: &BTreeMap<u32, Proc>, root: u32) -> Vec<u32> {
    let mut found = vec![root];
    let mut i = 0;
    while i < found.len() {
        let parent = found[i];
        found.extend(
            all.iter()
                .filter(|(_, p)| p.parent == parent)
                .map(|(&pid, _)| pid),
        );
        i += 1;
    }
    found.remove(0);
    found
}

/// For a doctest, the chapter file and line rustdoc tells it it comes from.
fn doctest_origin(pid: u32) -> Option<String> {
    let environ = fs::read(format!("/proc/{pid}/environ")).ok()?;
    let mut path = None;
    let mut line = None;
    for var in environ.split(|&b| b == 0) {
        let var = String::from_utf8_lossy(var);
        if let Some(v) = var.strip_prefix("UNSTABLE_RUSTDOC_TEST_PATH=") {
            path = Some(v.to_owned());
        } else if let Some(v) = var.strip_prefix("UNSTABLE_RUSTDOC_TEST_LINE=") {
            line = Some(v.to_owned());
        }
    }
    Some(format!("doctest {} line {}", path?, line?))
}

/// The arguments a program was started with, if it was given any.
fn arguments(pid: u32) -> Option<String> {
    let cmdline = fs::read(format!("/proc/{pid}/cmdline")).ok()?;
    let args: Vec<String> = cmdline
        .split(|&b| b == 0)
        .skip(1)
        .filter(|a| !a.is_empty())
        .map(|a| String::from_utf8_lossy(a).into_owned())
        .collect();
    (!args.is_empty()).then(|| format!("run with {args:?}"))
}

fn watch(limit: Duration, trusted: &[PathBuf]) {
    let me = std::process::id();
    // When each guarded program was first seen; a program is as old as the watchdog has known it.
    let mut seen: BTreeMap<(u32, PathBuf), Instant> = BTreeMap::new();
    loop {
        let all = processes();
        let now = Instant::now();
        let mut alive = BTreeMap::new();
        for pid in descendants(&all, me) {
            let Some(exe) = all[&pid].exe.clone() else {
                continue;
            };
            // Only a program that started none of its own is killed: a doctest runner that starts
            // one process per doctest lives on and reports which doctest was killed.
            if all.values().any(|p| p.parent == pid) {
                continue;
            }
            if trusted.iter().any(|dir| exe.starts_with(dir)) {
                continue;
            }
            let key = (pid, exe);
            let since = seen.get(&key).copied().unwrap_or(now);
            if now.duration_since(since) > limit {
                let what = doctest_origin(pid).or_else(|| arguments(pid)).map_or_else(
                    || format!("`{}`", key.1.display()),
                    |o| format!("{o} (`{}`)", key.1.display()),
                );
                let killed = Command::new("kill")
                    .args(["-KILL", &pid.to_string()])
                    .status()
                    .is_ok_and(|s| s.success());
                if killed {
                    let message = format!(
                        "watchdog: killed {what}, process {pid}: it ran longer than {} s",
                        limit.as_secs()
                    );
                    say(&message);
                    KILLED.lock().expect("never poisoned").push(message);
                }
                continue;
            }
            alive.insert(key, since);
        }
        seen = alive;
        thread::sleep(POLL);
    }
}
