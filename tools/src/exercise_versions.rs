//! Every version of every exercise, and what the exercise's tests must say about it.
//!
//! An exercise `NAME` has its tests in `exercises/tests/NAME.rs` and these versions of its code:
//!
//! - the **starter** `exercises/src/NAME.rs`, which must fail its tests;
//! - the **reference solution** `exercises/solutions/NAME.rs`, which must pass them;
//! - **alternatives** `exercises/alternatives/NAME/WHICH.rs`: other correct designs, which must pass
//!   them too, so that the tests check the property asked for and not the reference's shape;
//! - **wrong solutions** `exercises/seeded/NAME/WHICH.rs`: mistakes learners make, each of which
//!   must be caught by the test its header names, with the message it names. The header says, in
//!   its first `//!` paragraph, what is wrong, and then:
//!
//!   ```text
//!   //! Caught by `TEST`, which says "PART OF THE MESSAGE".
//!   ```
//!
//!   `TEST` is the test's path inside the test file; one under `model::` is a loom model, run with
//!   the feature `loom`. A mistake the compiler refuses (a type that is not `Send`, say) is caught
//!   before any test runs; its header names the error code and part of rustc's `error[...]` line:
//!
//!   ```text
//!   //! Caught by the compiler, with error E0277, which says "PART OF THE ERROR LINE".
//!   ```
//!
//! The PyO3 extension's exercises (`extension/`, see [`extension_versions`]) have their versions
//! laid out the same way and their tests in Python, `extension/tests/test_NAME.py`, whose test
//! methods the headers name in the same form.
//!
//! The crate `exercises/checks` compiles every version with the exercise's tests into one test
//! binary, `corpus`, where version `seeded::NAME::WHICH` has its tests under
//! `seeded::NAME::WHICH::tests::`. A version the compiler must refuse would stop that build, so it
//! is left out of `corpus` and built alone, with its tests, by `cargo check` with
//! `EXERCISE_CHECKS_REJECTED=NAME::WHICH` set (see [`REJECTED_ENV`]).

use std::fmt;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use regex::Regex;

use crate::course;

static CAUGHT_BY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"Caught by `([a-z0-9_:]+)`, which says "([^"]+)""#).expect("valid")
});
static REJECTED_BY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"Caught by the compiler, with error (E\d{4}), which says "([^"]+)""#)
        .expect("valid")
});

/// Set to `NAME::WHICH`, it makes `exercises/checks` build the wrong solution
/// `exercises/seeded/NAME/WHICH.rs`, which the compiler must refuse, alone with its tests; unset,
/// the corpus leaves every such solution out.
pub const REJECTED_ENV: &str = "EXERCISE_CHECKS_REJECTED";

/// Which of an exercise's versions this is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Kind {
    Starter,
    Solution,
    Alternative,
    Seeded,
}

/// What the tests must say about a version.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Expect {
    /// Every test passes (a reference or alternative solution).
    Pass,
    /// At least one test fails (a starter).
    Fail,
    /// This test fails, and its message contains `says`.
    CaughtBy { test: String, says: String },
    /// The version does not compile with its tests: rustc reports error `code` on a line that
    /// contains `says`.
    RejectedByCompiler { code: String, says: String },
}

/// One version of one exercise.
#[derive(Debug, Clone)]
pub struct Version {
    pub exercise: String,
    pub kind: Kind,
    /// The alternative's or wrong solution's name (its file's stem).
    pub which: Option<String>,
    /// Relative to the repository root.
    pub file: PathBuf,
    pub expect: Expect,
    /// For a wrong solution, the mistake, as its header says it.
    pub mistake: String,
}

impl Version {
    /// The module of `corpus` that holds this version and its tests.
    pub fn module(&self) -> String {
        let kind = match self.kind {
            Kind::Starter => "starter",
            Kind::Solution => "solution",
            Kind::Alternative => "alternative",
            Kind::Seeded => "seeded",
        };
        match &self.which {
            Some(which) => format!("{kind}::{}::{which}", self.exercise),
            None => format!("{kind}::{}", self.exercise),
        }
    }

    /// The prefix of every test of this version in `corpus`.
    pub fn tests(&self) -> String {
        format!("{}::tests::", self.module())
    }
}

impl fmt::Display for Version {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let what = match self.kind {
            Kind::Starter => "the starter",
            Kind::Solution => "the reference solution",
            Kind::Alternative => "the alternative solution",
            Kind::Seeded => "the wrong solution",
        };
        write!(
            f,
            "exercise `{}`: {what} {}",
            self.exercise,
            self.file.display()
        )
    }
}

/// The text of the `//!` lines at the top of `text`, joined into paragraphs.
fn header(text: &str) -> Vec<String> {
    let mut paragraphs = vec![String::new()];
    for line in text.lines() {
        let Some(line) = line.strip_prefix("//!") else {
            break;
        };
        let line = line.trim();
        if line.is_empty() {
            paragraphs.push(String::new());
        } else {
            let last = paragraphs.last_mut().expect("never empty");
            if !last.is_empty() {
                last.push(' ');
            }
            last.push_str(line);
        }
    }
    paragraphs.retain(|p| !p.is_empty());
    paragraphs
}

/// Every version of every exercise of the `exercises` crate, or what is wrong with the files.
pub fn versions(root: &Path) -> Result<Vec<Version>, Vec<String>> {
    versions_in(root, "exercises", &course::exercises(root))
}

/// Every version of every exercise of the PyO3 extension (`extension/`), laid out as in
/// `exercises/`: `src/NAME.rs`, `solutions/NAME.rs`, `alternatives/NAME/`, `seeded/NAME/`. Its
/// tests are Python's, `extension/tests/test_NAME.py`.
pub fn extension_versions(root: &Path) -> Result<Vec<Version>, Vec<String>> {
    versions_in(root, "extension", &course::extension_exercises(root))
}

/// The versions of `exercises`, whose files are in the crate directory `dir`.
fn versions_in(root: &Path, dir: &str, exercises: &[String]) -> Result<Vec<Version>, Vec<String>> {
    let mut versions = Vec::new();
    let mut problems = Vec::new();
    for exercise in exercises {
        let version = |kind, which: Option<String>, file: String, expect| Version {
            exercise: exercise.clone(),
            kind,
            which,
            file: PathBuf::from(file),
            expect,
            mistake: String::new(),
        };
        versions.push(version(
            Kind::Starter,
            None,
            format!("{dir}/src/{exercise}.rs"),
            Expect::Fail,
        ));
        versions.push(version(
            Kind::Solution,
            None,
            format!("{dir}/solutions/{exercise}.rs"),
            Expect::Pass,
        ));
        let alternatives = root.join(dir).join("alternatives").join(exercise);
        for which in course::stems(&alternatives, "rs") {
            let file = format!("{dir}/alternatives/{exercise}/{which}.rs");
            versions.push(version(Kind::Alternative, Some(which), file, Expect::Pass));
        }
        for which in course::stems(&root.join(dir).join("seeded").join(exercise), "rs") {
            let file = format!("{dir}/seeded/{exercise}/{which}.rs");
            let text = fs::read_to_string(root.join(&file)).unwrap_or_default();
            let header = header(&text);
            let caught = header.iter().find_map(|p| CAUGHT_BY.captures(p));
            let rejected = header.iter().find_map(|p| REJECTED_BY.captures(p));
            let expect = match (caught, rejected) {
                (Some(caught), None) => Expect::CaughtBy {
                    test: caught[1].to_owned(),
                    says: caught[2].to_owned(),
                },
                (None, Some(rejected)) => Expect::RejectedByCompiler {
                    code: rejected[1].to_owned(),
                    says: rejected[2].to_owned(),
                },
                _ => {
                    problems.push(format!(
                        "{file}: its header must say, once, which test catches it: \
                         //! Caught by `TEST`, which says \"PART OF THE MESSAGE\". \
                         (or, for a mistake the compiler refuses: //! Caught by the compiler, \
                         with error EXXXX, which says \"PART OF THE ERROR LINE\".)"
                    ));
                    continue;
                }
            };
            let mut v = version(Kind::Seeded, Some(which), file, expect);
            v.mistake = header.first().cloned().unwrap_or_default();
            versions.push(v);
        }
    }
    if problems.is_empty() {
        Ok(versions)
    } else {
        Err(problems)
    }
}

/// Whether a version is one the compiler must refuse, built alone rather than in the corpus.
pub fn is_rejected(version: &Version) -> bool {
    matches!(version.expect, Expect::RejectedByCompiler { .. })
}

/// Judges a version that the compiler must refuse from the build of it with its tests: whether
/// the build succeeded, and what the compiler printed on standard error.
pub fn judge_build(version: &Version, built: bool, stderr: &str) -> Result<(), String> {
    let Expect::RejectedByCompiler { code, says } = &version.expect else {
        return Err(format!(
            "{version}: its header does not say the compiler refuses it"
        ));
    };
    let error_line = format!("error[{code}]: ");
    let errors: Vec<&str> = stderr.lines().filter(|l| l.starts_with("error")).collect();
    if built {
        Err(format!(
            "{version} compiles with its tests: the compiler does not catch it. The mistake it \
             holds: {}",
            version.mistake
        ))
    } else if !errors.iter().any(|l| l.starts_with(&error_line)) {
        Err(format!(
            "{version} does not compile, but not with error {code}:\n{}",
            indent(stderr)
        ))
    } else if !errors
        .iter()
        .any(|l| l.starts_with(&error_line) && l.contains(says.as_str()))
    {
        Err(format!(
            "{version} fails with error {code}, but no `{error_line}...` line says what its \
             header promises (\"{says}\"):\n{}",
            indent(stderr)
        ))
    } else {
        Ok(())
    }
}

/// Whether a test path names a loom model.
pub fn is_model(test: &str) -> bool {
    test.starts_with("model::")
}

/// What one test run of a version reported: each test's full name and whether it passed, and the
/// whole output, for the messages.
#[derive(Debug, Default)]
pub struct Report {
    pub results: Vec<(String, bool)>,
    pub output: String,
}

impl Report {
    /// Reads libtest's output: a line `test NAME ... ok` or `test NAME ... FAILED` per test.
    pub fn parse(output: String) -> Report {
        let results = output
            .lines()
            .filter_map(|line| {
                let rest = line.strip_prefix("test ")?;
                let (name, result) = rest.rsplit_once(" ... ")?;
                match result {
                    "ok" => Some((name.to_owned(), true)),
                    "FAILED" => Some((name.to_owned(), false)),
                    _ => None,
                }
            })
            .collect();
        Report { results, output }
    }

    /// Reads the output of Python's `unittest` run with `verbosity=2`: a line
    /// `NAME (MODULE.CLASS.NAME) ... ok` (or `FAIL`, or `ERROR`) per test, recorded as the test
    /// `{prefix}NAME`, so that [`judge`] reads it as it reads libtest's. A test method must have
    /// no docstring, which would move the result to a line of its own.
    pub fn parse_unittest(output: String, prefix: &str) -> Report {
        let results = output
            .lines()
            .filter_map(|line| {
                let (test, result) = line.rsplit_once(" ... ")?;
                let (name, _) = test.split_once(" (")?;
                let ok = match result {
                    "ok" => true,
                    "FAIL" | "ERROR" => false,
                    _ => return None,
                };
                Some((format!("{prefix}{name}"), ok))
            })
            .collect();
        Report { results, output }
    }

    fn failed(&self) -> Vec<&str> {
        self.results
            .iter()
            .filter(|(_, ok)| !ok)
            .map(|(n, _)| n.as_str())
            .collect()
    }
}

/// Judges what the tests said about a version against what they must say. `report` holds the run
/// of the version's tests that `expect` concerns: all of them, or only the one a wrong solution
/// names.
pub fn judge(version: &Version, report: &Report) -> Result<(), String> {
    let shown = || indent(&report.output);
    if report.results.is_empty() {
        return Err(format!(
            "{version}: no test ran (is `{}` in the corpus?):\n{}",
            version.tests(),
            shown()
        ));
    }
    let failed = report.failed();
    match &version.expect {
        Expect::Pass if failed.is_empty() => Ok(()),
        Expect::Pass => Err(format!(
            "{version} fails {}:\n{}",
            failed.join(", "),
            shown()
        )),
        Expect::Fail if !failed.is_empty() => Ok(()),
        Expect::Fail => Err(format!(
            "{version} passes its tests: they leave its work untested"
        )),
        Expect::RejectedByCompiler { .. } => Err(format!(
            "{version} must not compile, yet its tests ran: build it alone and judge it with \
             `judge_build`"
        )),
        Expect::CaughtBy { test, says } => {
            let name = format!("{}{test}", version.tests());
            if !failed.contains(&name.as_str()) {
                Err(format!(
                    "{version} is not caught: its test `{test}` passed. The mistake it holds: {}",
                    version.mistake
                ))
            } else if !report.output.contains(says.as_str()) {
                Err(format!(
                    "{version} is caught by `{test}`, but not with the message its header \
                     promises (\"{says}\"):\n{}",
                    shown()
                ))
            } else {
                Ok(())
            }
        }
    }
}

fn indent(text: &str) -> String {
    text.lines().map(|l| format!("    {l}\n")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seeded() -> Version {
        Version {
            exercise: "latch".into(),
            kind: Kind::Seeded,
            which: Some("notify_one".into()),
            file: "exercises/seeded/latch/notify_one.rs".into(),
            expect: Expect::CaughtBy {
                test: "every_waiter_wakes".into(),
                says: "never woken".into(),
            },
            mistake: "wakes one waiter".into(),
        }
    }

    const NAME: &str = "seeded::latch::notify_one::tests::every_waiter_wakes";

    #[test]
    fn a_header_names_the_test_and_message_across_wrapped_lines() {
        let text = "//! Wrong: wakes one.\n//!\n//! Caught by `model::x`, which\n//! says \"a waiter\".\nuse x;\n";
        let header = header(text);
        assert_eq!(header[0], "Wrong: wakes one.");
        let caught = CAUGHT_BY.captures(&header[1]).expect("matches");
        assert_eq!((&caught[1], &caught[2]), ("model::x", "a waiter"));
    }

    #[test]
    fn a_wrong_solution_is_caught_only_by_its_test_with_its_message() {
        let v = seeded();
        let run = |line: &str, output: &str| judge(&v, &Report::parse(format!("{line}\n{output}")));
        assert!(
            run(
                &format!("test {NAME} ... FAILED"),
                "a waiter was never woken"
            )
            .is_ok()
        );
        let passed = run(&format!("test {NAME} ... ok"), "").unwrap_err();
        assert!(passed.contains("is not caught"), "{passed}");
        let other = run(&format!("test {NAME} ... FAILED"), "index out of bounds").unwrap_err();
        assert!(other.contains("not with the message"), "{other}");
        let none = run("running 0 tests", "").unwrap_err();
        assert!(none.contains("no test ran"), "{none}");
    }

    #[test]
    fn a_header_may_name_the_compiler_its_error_and_its_message() {
        let text = "//! Wrong: an `Rc`.\n//!\n//! Caught by the compiler, with error E0277, which\n//! says \"`Rc<u8>` cannot be sent\".\nuse x;\n";
        let header = header(text);
        let rejected = REJECTED_BY.captures(&header[1]).expect("matches");
        assert_eq!(
            (&rejected[1], &rejected[2]),
            ("E0277", "`Rc<u8>` cannot be sent")
        );
        assert!(CAUGHT_BY.captures(&header[1]).is_none());
    }

    #[test]
    fn a_wrong_solution_the_compiler_must_refuse_is_judged_by_its_error_line() {
        let mut v = seeded();
        v.expect = Expect::RejectedByCompiler {
            code: "E0277".into(),
            says: "`Rc<u8>` cannot be sent between threads safely".into(),
        };
        let refused =
            "error[E0277]: `Rc<u8>` cannot be sent between threads safely\n  --> a.rs:1:1\n";
        assert!(judge_build(&v, false, refused).is_ok());
        let built = judge_build(&v, true, "").unwrap_err();
        assert!(built.contains("the compiler does not catch it"), "{built}");
        let other_code = judge_build(&v, false, "error[E0382]: use of moved value\n").unwrap_err();
        assert!(other_code.contains("not with error E0277"), "{other_code}");
        let other_line = "error[E0277]: `Cell<u8>` cannot be shared between threads safely\n  = note: `Rc<u8>` cannot be sent between threads safely\n";
        let other_line = judge_build(&v, false, other_line).unwrap_err();
        assert!(
            other_line.contains("no `error[E0277]: ...` line says"),
            "{other_line}"
        );
        let ran = judge(&v, &Report::parse(format!("test {NAME} ... ok\n"))).unwrap_err();
        assert!(ran.contains("must not compile"), "{ran}");
    }

    #[test]
    fn unittest_results_are_read_as_libtest_results_under_a_prefix() {
        let output = "test_a (__main__.T.test_a) ... ok\n\
                      test_b (__main__.T) ... FAIL\n\
                      test_c (__main__.T.test_c) ... ERROR\n\
                      test_d (__main__.T.test_d) ... skipped 'no'\n\
                      AssertionError: x ... y\n";
        let report = Report::parse_unittest(output.into(), "p::");
        let expected = [
            ("p::test_a", true),
            ("p::test_b", false),
            ("p::test_c", false),
        ];
        let results: Vec<(&str, bool)> = report
            .results
            .iter()
            .map(|(name, ok)| (name.as_str(), *ok))
            .collect();
        assert_eq!(results, expected);
    }

    #[test]
    fn a_solution_must_pass_every_test_and_a_starter_fail_one() {
        let mut v = seeded();
        v.expect = Expect::Pass;
        let report = Report::parse(format!("test {NAME} ... ok\ntest b ... FAILED\n"));
        assert!(judge(&v, &report).is_err());
        v.expect = Expect::Fail;
        assert!(judge(&v, &report).is_ok());
        let all_ok = Report::parse(format!("test {NAME} ... ok\n"));
        assert!(judge(&v, &all_ok).unwrap_err().contains("untested"));
    }
}
