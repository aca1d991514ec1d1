//! Builds the `listings` crate, or a test binary, with a nested cargo and reports what it produced.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use serde::Deserialize;

#[derive(Deserialize)]
struct Message {
    reason: String,
    #[serde(default)]
    target: Option<Target>,
    #[serde(default)]
    filenames: Vec<PathBuf>,
    #[serde(default)]
    executable: Option<PathBuf>,
}

#[derive(Deserialize)]
struct Target {
    name: String,
    kind: Vec<String>,
}

fn cargo() -> Command {
    Command::new(std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()))
}

/// Runs `cargo build -p listings` with `extra` arguments and returns its artifact messages.
fn build(root: &Path, extra: &[&str]) -> Result<Vec<Message>, String> {
    let mut args = vec!["build", "-p", "listings", "--bins"];
    args.extend_from_slice(extra);
    artifacts(root, &args)
}

/// Runs cargo with `args` (a command that builds) and returns its artifact messages.
fn artifacts(root: &Path, args: &[&str]) -> Result<Vec<Message>, String> {
    let output = cargo()
        .current_dir(root)
        .args(&args[..1])
        .args(["--quiet", "--locked"])
        .args(["--message-format", "json-render-diagnostics"])
        .args(&args[1..])
        .stderr(Stdio::inherit())
        .output()
        .map_err(|e| format!("cannot run cargo: {e}"))?;
    if !output.status.success() {
        return Err(format!(
            "`cargo {}` failed; its errors are printed above",
            args.join(" ")
        ));
    }
    Ok(String::from_utf8_lossy(&output.stdout)
        .lines()
        .filter_map(|line| serde_json::from_str::<Message>(line).ok())
        .filter(|m| m.reason == "compiler-artifact")
        .collect())
}

/// Builds every listing and returns each binary's path by listing name.
pub fn build_listings(root: &Path) -> Result<BTreeMap<String, PathBuf>, String> {
    Ok(build(root, &[])?
        .into_iter()
        .filter_map(|m| {
            let target = m.target?;
            let exe = m.executable?;
            target
                .kind
                .iter()
                .any(|k| k == "bin")
                .then_some((target.name, exe))
        })
        .collect())
}

/// Builds the integration test `test` of `package` (with `features`, comma-separated, if any) and
/// returns its binary.
pub fn build_test(
    root: &Path,
    package: &str,
    test: &str,
    features: &str,
) -> Result<PathBuf, String> {
    let mut args = vec!["test", "--no-run", "-p", package, "--test", test];
    if !features.is_empty() {
        args.extend(["--features", features]);
    }
    artifacts(root, &args)?
        .into_iter()
        .find(|m| m.target.as_ref().is_some_and(|t| t.name == test))
        .and_then(|m| m.executable)
        .ok_or_else(|| format!("`cargo {}` built no test binary", args.join(" ")))
}

/// Runs `cargo check` on the integration test `test` of `package`, in `target_dir` and with the
/// environment variables `env` set, and returns whether it passed and what it printed on standard
/// error: rustc's diagnostics, uncoloured.
pub fn check_test(
    root: &Path,
    package: &str,
    test: &str,
    target_dir: &Path,
    env: &[(&str, &str)],
) -> Result<(bool, String), String> {
    let output = cargo()
        .current_dir(root)
        .args(["check", "--quiet", "--locked", "--color", "never"])
        .args(["-p", package, "--test", test, "--target-dir"])
        .arg(target_dir)
        .envs(env.iter().copied())
        .output()
        .map_err(|e| format!("cannot run cargo: {e}"))?;
    Ok((
        output.status.success(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    ))
}

/// Makes the directory that `mdbook test -L DIR` needs: exactly one build of every crate the listings
/// link, so that rustdoc finds no second candidate for any `extern crate` (error E0464). The listings
/// are built as the output checks build them, in the workspace's target directory, which holds
/// other builds of the same crates too; only the artifacts cargo reports for this build are linked
/// into `target/doctest/deps-for-mdbook`.
pub fn doctest_deps(root: &Path) -> Result<PathBuf, String> {
    let messages = build(root, &[])?;
    let deps = root.join("target").join("doctest").join("deps-for-mdbook");
    if deps.exists() {
        fs::remove_dir_all(&deps).map_err(|e| format!("cannot clear {}: {e}", deps.display()))?;
    }
    fs::create_dir_all(&deps).map_err(|e| format!("cannot create {}: {e}", deps.display()))?;
    for file in messages.iter().flat_map(|m| &m.filenames) {
        let keep = matches!(
            file.extension().and_then(|e| e.to_str()),
            Some("rlib" | "so" | "dylib" | "dll")
        );
        if !keep {
            continue;
        }
        let name = file.file_name().expect("artifact has a file name");
        fs::hard_link(file, deps.join(name))
            .or_else(|_| fs::copy(file, deps.join(name)).map(drop))
            .map_err(|e| format!("cannot link {}: {e}", file.display()))?;
    }
    Ok(deps)
}
