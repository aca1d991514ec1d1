//! Checking one run of a listing against its documented output, and blessing a new one.

use std::fs;
use std::path::Path;

use similar::TextDiff;

use crate::catalog::Listing;
use crate::run::Run;

/// Compares a run with the listing's documented output under its rule. On failure the message names
/// the listing, its chapter, every rule broken, and shows a diff.
pub fn check(root: &Path, listing: &Listing, run: &Run) -> Result<(), String> {
    let mut problems = Vec::new();
    let documented_path = listing.output_path(root);
    let documented = match fs::read_to_string(&documented_path) {
        Ok(text) => Some(text),
        Err(e) => {
            problems.push(format!(
                "documented output {} is missing ({e}); run `cargo bless {}`",
                documented_path.display(),
                listing.name
            ));
            None
        }
    };
    let documented_stderr = match listing.stderr_path(root) {
        Some(path) => match fs::read_to_string(&path) {
            Ok(text) => text,
            Err(e) => {
                problems.push(format!(
                    "documented stderr {} is missing ({e})",
                    path.display()
                ));
                String::new()
            }
        },
        None => String::new(),
    };
    compare(
        listing,
        documented.as_deref(),
        &documented_stderr,
        run,
        problems,
    )
    .map_err(|message| with_python_version_note(root, listing, message))
}

/// A failed Python counterpart blessed under another minor version of CPython says so first.
fn with_python_version_note(root: &Path, listing: &Listing, message: String) -> String {
    match (
        crate::python::version_note(root, listing),
        message.split_once('\n'),
    ) {
        (Some(note), Some((first, rest))) => format!("{first}\n  - {note}\n{rest}"),
        _ => message,
    }
}

/// Compares a run with a documented run that is not on disk yet: the run `cargo bless` is about to
/// write, against which it checks the other runs it records.
pub fn check_against(listing: &Listing, documented: &Run, run: &Run) -> Result<(), String> {
    compare(
        listing,
        Some(&documented.stdout_text()),
        &documented.stderr,
        run,
        Vec::new(),
    )
}

fn compare(
    listing: &Listing,
    documented: Option<&str>,
    documented_stderr: &str,
    run: &Run,
    mut problems: Vec<String>,
) -> Result<(), String> {
    let fresh = run.stdout_text();
    if run.timed_out {
        problems.insert(
            0,
            format!(
                "hung: killed after {:.1} s; it printed what is shown as fresh below",
                run.elapsed.as_secs_f64()
            ),
        );
    } else if run.exit != Some(listing.rule.exit) {
        problems.insert(
            0,
            match run.exit {
                Some(code) => format!("exit status {code}, expected {}", listing.rule.exit),
                None => "killed by a signal".to_owned(),
            },
        );
    }
    if let Some(documented) = documented
        && let Err(broken) = listing.rule.check(documented, &fresh)
    {
        problems.extend(broken);
    }
    // Standard error is written by one thread at a time in every listing that uses it, so only the
    // rule's masks apply to it, never a looser order.
    let stderr_rule = crate::rule::Rule {
        masks: listing.rule.masks.clone(),
        ..Default::default()
    };
    if let Err(broken) = stderr_rule.check(documented_stderr, &run.stderr) {
        problems.extend(broken.into_iter().map(|p| format!("stderr: {p}")));
    }

    if problems.is_empty() {
        return Ok(());
    }
    let mut message = format!("{} does not print what the book shows:\n", listing.label());
    for problem in &problems {
        message.push_str(&format!("  - {problem}\n"));
    }
    message.push_str(&diff(
        "documented stdout",
        "fresh stdout",
        documented.unwrap_or(""),
        &fresh,
    ));
    if documented_stderr != run.stderr {
        message.push_str(&diff(
            "documented stderr",
            "fresh stderr",
            documented_stderr,
            &run.stderr,
        ));
    }
    message.push_str(&format!(
        "If the new output is right, run `cargo bless {}`; if the rule is too strict, fix it in {}.\n",
        listing.name,
        crate::catalog::CATALOG_PATH
    ));
    Err(message)
}

/// A unified diff of two outputs, or a note that they are identical as text.
pub fn diff(old_name: &str, new_name: &str, old: &str, new: &str) -> String {
    if old == new {
        return format!("({old_name} and {new_name} are identical as text)\n");
    }
    TextDiff::from_lines(old, new)
        .unified_diff()
        .header(old_name, new_name)
        .to_string()
}

/// Writes a run as the listing's documented output, once [`validate`] accepts it.
pub fn bless(root: &Path, listing: &Listing, run: &Run) -> Result<(), String> {
    validate(listing, run)?;
    match (listing.stderr_path(root), run.stderr.is_empty()) {
        (Some(path), _) => write(&path, &run.stderr)?,
        (None, true) => {}
        (None, false) => {
            return Err(format!(
                "{} wrote to stderr but the catalog documents no stderr file; nothing written:\n{}",
                listing.label(),
                run.stderr
            ));
        }
    }
    write(&listing.output_path(root), &run.stdout_text())
}

/// A run may be documented only if it ended as the catalog says and satisfies its own rule, so that a
/// rule whose patterns match nothing is caught at once.
pub fn validate(listing: &Listing, run: &Run) -> Result<(), String> {
    if run.timed_out {
        return Err(format!("{} hung; nothing written", listing.label()));
    }
    if run.exit != Some(listing.rule.exit) {
        return Err(format!(
            "{} ended with {:?}, the catalog expects exit status {}; nothing written\nstderr:\n{}",
            listing.label(),
            run.exit,
            listing.rule.exit,
            run.stderr
        ));
    }
    let stdout = run.stdout_text();
    if let Err(problems) = listing.rule.check(&stdout, &stdout) {
        return Err(format!(
            "{}: the run does not satisfy its own rule; nothing written:\n  - {}",
            listing.label(),
            problems.join("\n  - ")
        ));
    }
    looseness(listing, &stdout).map_err(|e| format!("{e}nothing written\n"))
}

/// Whether the listing's rule earns its looseness against a documented output: no part of it checks
/// nothing, and it rejects every mutant of the output (see [`crate::rule::Rule::accepted_mutants`]).
pub fn looseness(listing: &Listing, documented: &str) -> Result<(), String> {
    let vacuous = listing.rule.vacuous_parts(documented);
    let accepted = listing.rule.accepted_mutants(documented);
    if vacuous.is_empty() && accepted.is_empty() {
        return Ok(());
    }
    let mut message = format!(
        "{}: its rule in {} is looser than the listing:\n",
        listing.label(),
        crate::catalog::CATALOG_PATH
    );
    for problem in vacuous {
        message.push_str(&format!("  - {problem}\n"));
    }
    for mutant in accepted {
        message.push_str(&format!(
            "  - it accepts a mutant ({}) of documented line {}: `{}`\n",
            mutant.kind, mutant.line, mutant.becomes
        ));
    }
    Err(message)
}

pub fn write(path: &Path, text: &str) -> Result<(), String> {
    if let Some(dir) = path.parent() {
        fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    }
    fs::write(path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))
}
