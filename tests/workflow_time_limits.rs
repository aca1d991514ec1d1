//! Every job of every GitHub workflow has a time limit (`timeout-minutes`): without one a hung test
//! holds its runner for GitHub's default of six hours. actionlint and zizmor do not check this.

use std::fs;
use std::path::Path;

use yaml_rust2::{Yaml, YamlLoader};

/// What is wrong with the time limits of one workflow file, one line per job.
fn problems(file: &Path, text: &str) -> Vec<String> {
    let name = file.display();
    let docs = match YamlLoader::load_from_str(text) {
        Ok(docs) => docs,
        Err(e) => return vec![format!("{name}: not valid YAML: {e}")],
    };
    let Some(jobs) = docs.first().and_then(|doc| doc["jobs"].as_hash()) else {
        return vec![format!("{name}: has no `jobs:` mapping")];
    };
    let mut problems = Vec::new();
    for (job, body) in jobs {
        let job = job.as_str().unwrap_or("?");
        match (&body["timeout-minutes"], &body["uses"]) {
            (Yaml::Integer(minutes), _) if *minutes > 0 => {}
            // A call of a workflow in this repository: its jobs carry their own limits, checked
            // in its own file (GitHub allows no `timeout-minutes` on the calling job).
            (Yaml::BadValue, Yaml::String(called))
                if called.starts_with("$/") || called.starts_with("./") => {}
            (Yaml::BadValue, Yaml::String(called)) => problems.push(format!(
                "{name}: job `{job}` calls `{called}`, whose time limits cannot be checked here"
            )),
            (Yaml::BadValue, _) => problems.push(format!(
                "{name}: job `{job}` has no `timeout-minutes`; give it a time limit in minutes"
            )),
            (other, _) => problems.push(format!(
                "{name}: job `{job}` has `timeout-minutes: {other:?}`, not a positive number of minutes"
            )),
        }
    }
    problems
}

#[test]
fn every_job_of_every_workflow_has_a_time_limit() {
    let root = book_tools::repo_root();
    let dir = root.join(".github").join("workflows");
    let mut files: Vec<_> = fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|e| e == "yml" || e == "yaml"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no workflow in {}", dir.display());
    let mut all = Vec::new();
    for file in &files {
        let text = fs::read_to_string(file)
            .unwrap_or_else(|e| panic!("cannot read {}: {e}", file.display()));
        let relative = file.strip_prefix(&root).unwrap_or(file);
        all.extend(problems(relative, &text));
    }
    assert!(all.is_empty(), "\n{}\n", all.join("\n"));
}

#[test]
fn a_job_without_a_time_limit_is_named_with_its_workflow() {
    let text = "on: push\njobs:\n  limited:\n    timeout-minutes: 5\n    runs-on: x\n  \
                open-ended:\n    runs-on: x\n";
    assert_eq!(
        problems(Path::new("w.yml"), text),
        ["w.yml: job `open-ended` has no `timeout-minutes`; give it a time limit in minutes"]
    );
}
