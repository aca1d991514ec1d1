//! The PyO3 extension's exercises (`extension/`, chapter 19): every reference solution passes its
//! Python test, every starter as committed fails it, and every wrong solution is caught by the
//! test and message its header names, or refused by the compiler with the error it names (see
//! `tools/src/exercise_versions.rs`).
//!
//! Each version is compiled by `cargo build -p hotloop` with `HOTLOOP_EXERCISE` naming its file
//! (see `extension/build.rs`), in a target directory of its own, and the library is copied, as
//! `hotloop.abi3.so`, into a directory of its own that the test's interpreter finds through
//! `PYTHONPATH`. Measured on two cores, that is cheaper than `maturin develop` into a virtual
//! environment per version: once PyO3 is built, a version builds in under a second, where maturin
//! adds about 3 s to each build and a virtual environment 5 s to each version.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::thread;
use std::time::Duration;

use book_tools::exercise_versions::{self, Expect, Kind, Report, Version};
use book_tools::{extension, repo_root, run};

/// Far longer than a version's tests take: each stops a hung check after ten seconds, and there
/// are two checks.
const TIMEOUT: Duration = Duration::from_secs(90);

/// Everything this check writes, under `target/`.
const WORK_DIR: &str = "target/python-exercise";

/// How a version came out of its build: a directory holding its `hotloop.abi3.so`, or the
/// compiler's refusal, with what it printed.
enum Built {
    Module(PathBuf),
    Refused(String),
}

/// Builds `version` of the extension; `Err` if the build could not run at all.
fn build(root: &Path, version: &Version) -> Result<Built, String> {
    let work = root.join(WORK_DIR);
    let target = work.join("cargo");
    let file = source(root, version)?;
    // A debug build: the tests add up only a few thousand steps.
    let output = Command::new(std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()))
        .current_dir(root)
        .args(["build", "--quiet", "--locked", "--color", "never", "-p"])
        .arg("hotloop")
        .arg("--target-dir")
        .arg(&target)
        .env("HOTLOOP_EXERCISE", &file)
        // As maturin does: an extension module must not link libpython.
        .env("PYO3_BUILD_EXTENSION_MODULE", "1")
        .output()
        .map_err(|e| format!("cannot run cargo: {e}"))?;
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    if !output.status.success() {
        return Ok(Built::Refused(stderr));
    }
    let dir = work
        .join("versions")
        .join(version.module().replace("::", "-"));
    fs::create_dir_all(&dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    let library = target.join("debug/libhotloop.so");
    fs::copy(&library, dir.join("hotloop.abi3.so"))
        .map_err(|e| format!("cannot copy {}: {e}", library.display()))?;
    Ok(Built::Module(dir))
}

/// The file to build for `version`: its own, except for a starter a reader has solved in place
/// (no `todo!()` left), for which git's committed copy is checked instead, as for the exercises
/// of the `exercises` crate.
fn source(root: &Path, version: &Version) -> Result<PathBuf, String> {
    let file = root.join(&version.file);
    let text = fs::read_to_string(&file).map_err(|e| format!("{}: {e}", file.display()))?;
    if version.kind != Kind::Starter || text.contains("todo!(") {
        return Ok(file);
    }
    let committed = Command::new("git")
        .current_dir(root)
        .args(["show", &format!("HEAD:{}", version.file.display())])
        .output()
        .ok()
        .filter(|o| o.status.success());
    let Some(committed) = committed else {
        return Ok(file);
    };
    eprintln!(
        "note: {} holds no `todo!()`: solved in place, so the suite checks the starter as \
         committed instead",
        version.file.display()
    );
    let copy = root
        .join(WORK_DIR)
        .join(format!("committed-starter-{}.rs", version.exercise));
    fs::create_dir_all(copy.parent().expect("in WORK_DIR"))
        .and_then(|()| fs::write(&copy, committed.stdout))
        .map_err(|e| format!("cannot write {}: {e}", copy.display()))?;
    Ok(copy)
}

/// Runs the exercise's Python test with the module built in `dir`, ahead of any `hotloop` the
/// interpreter's environment holds.
fn run_tests(root: &Path, python: &Path, version: &Version, dir: &Path) -> Report {
    let mut command = Command::new(python);
    command
        .current_dir(root)
        .arg("-u")
        .arg(format!("extension/tests/test_{}.py", version.exercise))
        .env("PYTHONPATH", dir)
        .env_remove("RUST_BACKTRACE");
    let ran = run::run_command(command, TIMEOUT).expect("the interpreter runs");
    let mut output = ran.stdout_text();
    output.push_str(&ran.stderr);
    if ran.timed_out {
        output.push_str(&format!(
            "(stopped: still running after {} s, so a check hung past its own time limit)\n",
            TIMEOUT.as_secs()
        ));
    }
    let mut report = Report::parse_unittest(output, &version.tests());
    if ran.timed_out {
        report.results.push((
            format!("{}(the tests did not finish)", version.tests()),
            false,
        ));
    }
    report
}

/// What is wrong with `version`, judged by its build and then by its tests.
fn judge(root: &Path, python: &Path, version: &Version, built: Built) -> Option<String> {
    match built {
        Built::Refused(stderr) if exercise_versions::is_rejected(version) => {
            exercise_versions::judge_build(version, false, &stderr).err()
        }
        Built::Refused(stderr) => Some(format!("{version} does not compile:\n{stderr}")),
        Built::Module(_) if exercise_versions::is_rejected(version) => {
            exercise_versions::judge_build(version, true, "").err()
        }
        Built::Module(dir) => {
            let report = run_tests(root, python, version, &dir);
            exercise_versions::judge(version, &report).err()
        }
    }
}

fn versions(root: &Path) -> Vec<Version> {
    exercise_versions::extension_versions(root)
        .unwrap_or_else(|problems| panic!("{}", problems.join("\n")))
}

#[test]
fn every_python_exercise_solution_passes_every_starter_fails_and_every_wrong_one_is_caught() {
    let root = repo_root();
    let python = match extension::available_or_skip(&root) {
        Ok(Some(python)) => python,
        Ok(None) => return,
        Err(e) => panic!("{e}"),
    };
    let (root, python) = (&root, &python);
    let problems: Vec<String> = thread::scope(|s| {
        // One build at a time, as they share a target directory (and so PyO3's build); each
        // version's tests start as soon as it is built, beside the next build. The wrong
        // solutions a test catches go first: a caught deadlock takes longest, spent waiting.
        let mut versions = versions(root);
        versions.sort_by_key(|v| !matches!(v.expect, Expect::CaughtBy { .. }));
        let judging: Vec<_> = versions
            .into_iter()
            .map(|v| {
                let built = build(root, &v).unwrap_or_else(|e| panic!("{e}"));
                s.spawn(move || judge(root, python, &v, built))
            })
            .collect();
        judging
            .into_iter()
            .filter_map(|j| j.join().expect("judging never panics"))
            .collect()
    });
    assert!(problems.is_empty(), "{}", problems.join("\n\n"));
}

#[test]
fn there_are_at_least_two_wrong_solutions_for_every_python_exercise() {
    let root = repo_root();
    let versions = versions(&root);
    let problems: Vec<String> = book_tools::course::extension_exercises(&root)
        .into_iter()
        .filter(|e| {
            let seeded = versions.iter().filter(|v| v.kind == Kind::Seeded);
            seeded.filter(|v| v.exercise == *e).count() < 2
        })
        .map(|e| {
            format!("exercise `{e}` has fewer than two wrong solutions in extension/seeded/{e}/")
        })
        .collect();
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
