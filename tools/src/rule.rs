//! Rules: how a fresh run of a listing may differ from its documented run.
//!
//! A rule is exactly as loose as the program's semantics: the order of lines (exact, any order, or the
//! order within each thread), ordering guarantees that hold in every run (happens-before), values that
//! depend on timing (masked, with bounds), lines that repeat a varying number of times, and detached
//! threads that may be cut off anywhere when `main` returns.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::{LazyLock, Mutex};

use regex::Regex;
use serde::Deserialize;

/// The thread tag every listing prints first on a line, e.g. `[worker 1] started`.
pub const DEFAULT_THREAD_TAG: &str = r"^\[(?<thread>[^\]]+)\]";

/// What is put in place of a masked value before lines are compared.
const MASKED: &str = "…";

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Order {
    /// The lines, in this order, every run.
    #[default]
    Exact,
    /// The same lines, in any order.
    Any,
    /// Each thread's lines in the documented order; threads interleave freely. Lines without a
    /// thread tag belong to one group of their own (usually `main`'s).
    PerThread,
}

/// Every line matching `first` comes before every line matching `then`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Before {
    pub first: String,
    pub then: String,
    /// What guarantees it: "join", "the lock", "the event", ...
    pub because: String,
}

/// A value that depends on timing: group 1 of `pattern`, numeric within `min..=max` when bounds are given.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Mask {
    pub pattern: String,
    pub min: Option<f64>,
    pub max: Option<f64>,
}

/// Sections that a lock makes exclusive: between a thread's line matching `enter` and its next line
/// matching `leave`, no line of any thread matches `enter` or `leave`. A line matching both is a
/// section of its own. A section may be left open at the end of the output, by a thread cut off
/// while holding the lock.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Exclusive {
    pub enter: String,
    pub leave: String,
    pub because: String,
}

/// A line that appears a varying number of times, between `min` and `max`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Repeat {
    pub pattern: String,
    pub min: usize,
    pub max: usize,
}

/// A detached thread that `main` may outlive: its lines are a prefix of its sequence, at most `max_lines`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CutOff {
    pub thread: String,
    pub max_lines: usize,
}

/// A listing's rule, as written in the catalog.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rule {
    #[serde(default)]
    pub order: Order,
    /// A regex whose `thread` group names the thread a line comes from.
    #[serde(default)]
    pub thread_tag: Option<String>,
    #[serde(default)]
    pub before: Vec<Before>,
    #[serde(default)]
    pub exclusive: Vec<Exclusive>,
    #[serde(default)]
    pub masks: Vec<Mask>,
    #[serde(default)]
    pub repeats: Vec<Repeat>,
    #[serde(default)]
    pub cut_off: Vec<CutOff>,
    /// The exit status the listing ends with.
    #[serde(default)]
    pub exit: i32,
}

/// A rule with its patterns compiled.
pub struct Compiled<'r> {
    rule: &'r Rule,
    thread_tag: Regex,
    before: Vec<(Regex, Regex, &'r Before)>,
    exclusive: Vec<(Regex, Regex, &'r Exclusive)>,
    masks: Vec<(Regex, &'r Mask)>,
    repeats: Vec<(Regex, &'r Repeat)>,
}

/// Compiles `pattern` once per process. A rule is checked against every run of its listing, some
/// fifty times in a test run, and compiling its patterns each time cost more CPU than the checks;
/// a clone shares the compiled program.
fn regex(pattern: &str) -> Result<Regex, String> {
    static COMPILED: LazyLock<Mutex<HashMap<String, Regex>>> = LazyLock::new(Mutex::default);
    if let Some(re) = COMPILED.lock().expect("never poisoned").get(pattern) {
        return Ok(re.clone());
    }
    let re = Regex::new(pattern).map_err(|e| format!("bad pattern `{pattern}`: {e}"))?;
    COMPILED
        .lock()
        .expect("never poisoned")
        .insert(pattern.to_owned(), re.clone());
    Ok(re)
}

impl Rule {
    pub fn compile(&self) -> Result<Compiled<'_>, String> {
        let thread_tag = regex(self.thread_tag.as_deref().unwrap_or(DEFAULT_THREAD_TAG))?;
        if !thread_tag
            .capture_names()
            .any(|name| name == Some("thread"))
        {
            return Err(format!("thread_tag `{thread_tag}` has no `thread` group"));
        }
        let before = self
            .before
            .iter()
            .map(|b| Ok((regex(&b.first)?, regex(&b.then)?, b)))
            .collect::<Result<_, String>>()?;
        let exclusive = self
            .exclusive
            .iter()
            .map(|x| Ok((regex(&x.enter)?, regex(&x.leave)?, x)))
            .collect::<Result<_, String>>()?;
        let masks = self
            .masks
            .iter()
            .map(|m| {
                let re = regex(&m.pattern)?;
                if re.captures_len() < 2 {
                    return Err(format!("mask `{}` has no group to mask", m.pattern));
                }
                Ok((re, m))
            })
            .collect::<Result<_, String>>()?;
        let repeats = self
            .repeats
            .iter()
            .map(|r| {
                if r.min > r.max {
                    return Err(format!("repeat `{}` has min > max", r.pattern));
                }
                Ok((regex(&r.pattern)?, r))
            })
            .collect::<Result<_, String>>()?;
        Ok(Compiled {
            rule: self,
            thread_tag,
            before,
            exclusive,
            masks,
            repeats,
        })
    }

    /// Whether two correct runs may print different lines or the same lines in another order: anything
    /// beyond exact order with masked values.
    pub fn order_varies(&self) -> bool {
        self.order != Order::Exact
            || !self.before.is_empty()
            || !self.exclusive.is_empty()
            || !self.repeats.is_empty()
            || !self.cut_off.is_empty()
    }

    /// Checks a fresh output against the documented one. Returns every part of the rule it breaks.
    pub fn check(&self, documented: &str, fresh: &str) -> Result<(), Vec<String>> {
        self.compile()
            .map_err(|e| vec![e])?
            .check(documented, fresh)
    }
}

/// One line of output, as it was and with its masked values replaced.
struct Line<'a> {
    raw: &'a str,
    masked: String,
    thread: String,
}

impl Compiled<'_> {
    /// The thread a line names by its tag, or an empty string for an untagged line.
    pub fn thread_of(&self, line: &str) -> String {
        self.thread_tag
            .captures(line)
            .and_then(|caps| caps.name("thread"))
            .map_or_else(String::new, |m| m.as_str().to_owned())
    }

    /// The line with every masked value replaced, so that runs differing only in those compare equal.
    pub fn mask(&self, line: &str) -> String {
        let mut masked = line.to_owned();
        for (re, _) in &self.masks {
            masked = re
                .replace_all(&masked, |caps: &regex::Captures| {
                    let whole = caps.get(0).expect("group 0 always matches");
                    let value = caps.get(1).expect("checked at compile");
                    let start = value.start() - whole.start();
                    let end = value.end() - whole.start();
                    let text = whole.as_str();
                    format!("{}{MASKED}{}", &text[..start], &text[end..])
                })
                .into_owned();
        }
        masked
    }

    fn lines<'a>(&self, text: &'a str) -> Vec<Line<'a>> {
        text.lines()
            .map(|raw| Line {
                raw,
                masked: self.mask(raw),
                thread: self.thread_of(raw),
            })
            .collect()
    }

    fn check_bounds(&self, fresh: &[Line], problems: &mut Vec<String>) {
        for (re, mask) in &self.masks {
            for line in fresh {
                for caps in re.captures_iter(line.raw) {
                    let text = &caps[1];
                    if mask.min.is_none() && mask.max.is_none() {
                        continue;
                    }
                    match text.parse::<f64>() {
                        Ok(value)
                            if mask.min.is_none_or(|min| value >= min)
                                && mask.max.is_none_or(|max| value <= max) => {}
                        Ok(_) => problems.push(format!(
                            "value out of bounds: `{text}` in line `{}` is outside {}..={} (mask `{}`)",
                            line.raw,
                            mask.min.map_or("".into(), |v| v.to_string()),
                            mask.max.map_or("".into(), |v| v.to_string()),
                            mask.pattern
                        )),
                        Err(_) => problems.push(format!(
                            "masked value `{text}` in line `{}` is not a number (mask `{}`)",
                            line.raw, mask.pattern
                        )),
                    }
                }
            }
        }
    }

    fn check_before(&self, documented: &[Line], fresh: &[Line], problems: &mut Vec<String>) {
        for (first, then, before) in &self.before {
            let positions = |lines: &[Line], re: &Regex| -> Vec<usize> {
                (0..lines.len())
                    .filter(|&i| re.is_match(lines[i].raw))
                    .collect()
            };
            for (which, lines) in [("documented", documented), ("fresh", fresh)] {
                let firsts = positions(lines, first);
                let thens = positions(lines, then);
                if firsts.is_empty() || thens.is_empty() {
                    let missing = if firsts.is_empty() {
                        &before.first
                    } else {
                        &before.then
                    };
                    problems.push(format!(
                        "happens-before ({}): no line of the {which} output matches `{missing}`",
                        before.because
                    ));
                    continue;
                }
                let last_first = *firsts.last().expect("not empty");
                let first_then = thens[0];
                if last_first > first_then {
                    problems.push(format!(
                        "happens-before broken in the {which} output ({}): line {} `{}` must come before line {} `{}`",
                        before.because,
                        last_first + 1,
                        lines[last_first].raw,
                        first_then + 1,
                        lines[first_then].raw
                    ));
                }
            }
        }
    }

    fn check_exclusive(&self, documented: &[Line], fresh: &[Line], problems: &mut Vec<String>) {
        for (enter, leave, exclusive) in &self.exclusive {
            for (which, lines) in [("documented", documented), ("fresh", fresh)] {
                let mut holder: Option<(usize, &Line)> = None;
                let mut sections = 0;
                for (i, line) in lines.iter().enumerate() {
                    let entering = enter.is_match(line.raw);
                    let leaving = leave.is_match(line.raw);
                    if !entering && !leaving {
                        continue;
                    }
                    match holder {
                        Some((at, held)) => {
                            if !(leaving && !entering && held.thread == line.thread) {
                                problems.push(format!(
                                    "exclusive sections broken in the {which} output ({}): line {} `{}` comes while line {} `{}` has not been left",
                                    exclusive.because,
                                    i + 1,
                                    line.raw,
                                    at + 1,
                                    held.raw
                                ));
                            }
                            holder = None;
                        }
                        // A line that both enters and leaves is a section of one line.
                        None if entering => {
                            sections += 1;
                            if !leaving {
                                holder = Some((i, line));
                            }
                        }
                        None => problems.push(format!(
                            "exclusive sections broken in the {which} output ({}): line {} `{}` leaves a section never entered",
                            exclusive.because,
                            i + 1,
                            line.raw
                        )),
                    }
                }
                if sections == 0 {
                    problems.push(format!(
                        "exclusive sections ({}): no line of the {which} output matches `{}`",
                        exclusive.because, exclusive.enter
                    ));
                }
            }
        }
    }

    /// Takes out the lines that repeat a varying number of times, checking their counts.
    fn take_repeats<'a>(
        &self,
        documented: &mut Vec<Line<'a>>,
        fresh: &mut Vec<Line<'a>>,
        problems: &mut Vec<String>,
    ) {
        if self.repeats.is_empty() {
            return;
        }
        let doc_slots = self.repeat_slots(documented);
        for ((pattern, group), slots) in self.repeat_slots(fresh) {
            let Some(allowed) = doc_slots.get(&(pattern.clone(), group.clone())) else {
                continue;
            };
            if let Some(slot) = slots.iter().find(|slot| !allowed.contains(slot)) {
                let whose = if group.is_empty() {
                    String::new()
                } else {
                    format!(" of thread `{group}`")
                };
                problems.push(format!(
                    "repeated line out of place: `{pattern}` appears after {slot} other lines{whose}; the documented run has it only after {allowed:?}"
                ));
            }
        }
        for (re, repeat) in &self.repeats {
            for (which, lines) in [("documented", &mut *documented), ("fresh", &mut *fresh)] {
                let count = lines.iter().filter(|l| re.is_match(l.raw)).count();
                if count < repeat.min || count > repeat.max {
                    problems.push(format!(
                        "repeat count out of bounds in the {which} output: `{}` appears {count} times, expected {}..={}",
                        repeat.pattern, repeat.min, repeat.max
                    ));
                }
                lines.retain(|l| !re.is_match(l.raw));
            }
        }
    }

    /// Where repeated lines stand: for each pattern and each group (the line's thread under
    /// per-thread order, the whole output under exact order), the counts of other lines of the group
    /// that come before one of them. A fresh run may repeat a line only where the documented run did.
    fn repeat_slots(&self, lines: &[Line]) -> BTreeMap<(String, String), BTreeSet<usize>> {
        let mut slots: BTreeMap<(String, String), BTreeSet<usize>> = BTreeMap::new();
        if self.rule.order == Order::Any {
            return slots;
        }
        let mut others_before: BTreeMap<String, usize> = BTreeMap::new();
        for line in lines {
            let group = match self.rule.order {
                Order::PerThread => line.thread.clone(),
                _ => String::new(),
            };
            let before = *others_before.get(&group).unwrap_or(&0);
            match self.repeats.iter().find(|(re, _)| re.is_match(line.raw)) {
                Some((_, repeat)) => {
                    slots
                        .entry((repeat.pattern.clone(), group))
                        .or_default()
                        .insert(before);
                }
                None => {
                    others_before.insert(group, before + 1);
                }
            }
        }
        slots
    }

    /// Takes out the lines of threads that may be cut off, checking that each is a prefix of the other.
    fn take_cut_off(
        &self,
        documented: &mut Vec<Line>,
        fresh: &mut Vec<Line>,
        problems: &mut Vec<String>,
    ) {
        for cut in &self.rule.cut_off {
            let of_thread = |lines: &[Line]| -> Vec<String> {
                lines
                    .iter()
                    .filter(|l| l.thread == cut.thread)
                    .map(|l| l.masked.clone())
                    .collect()
            };
            let doc = of_thread(documented);
            let new = of_thread(fresh);
            let (shorter, longer) = if doc.len() <= new.len() {
                (&doc, &new)
            } else {
                (&new, &doc)
            };
            if !longer.starts_with(shorter) {
                problems.push(format!(
                    "thread `{}` may be cut off, but its lines must follow one sequence: documented {doc:?}, fresh {new:?}",
                    cut.thread
                ));
            }
            if new.len() > cut.max_lines {
                problems.push(format!(
                    "thread `{}` printed {} lines, at most {} may come before `main` returns",
                    cut.thread,
                    new.len(),
                    cut.max_lines
                ));
            }
            documented.retain(|l| l.thread != cut.thread);
            fresh.retain(|l| l.thread != cut.thread);
        }
    }

    fn check_order(&self, documented: &[Line], fresh: &[Line], problems: &mut Vec<String>) {
        let masked =
            |lines: &[Line]| -> Vec<String> { lines.iter().map(|l| l.masked.clone()).collect() };
        match self.rule.order {
            Order::Exact => {
                let (doc, new) = (masked(documented), masked(fresh));
                if doc != new {
                    let at = doc.iter().zip(&new).position(|(a, b)| a != b);
                    let at = at.unwrap_or(doc.len().min(new.len()));
                    problems.push(format!(
                        "exact order: the outputs differ from line {} on (documented `{}`, fresh `{}`)",
                        at + 1,
                        doc.get(at).map_or("<end>", String::as_str),
                        new.get(at).map_or("<end>", String::as_str)
                    ));
                }
            }
            Order::Any => {
                let (mut doc, mut new) = (masked(documented), masked(fresh));
                doc.sort();
                new.sort();
                if doc != new {
                    let missing: Vec<_> = multiset_minus(&doc, &new);
                    let extra: Vec<_> = multiset_minus(&new, &doc);
                    problems.push(format!(
                        "any order: the lines differ as a set; missing {missing:?}, extra {extra:?}"
                    ));
                }
            }
            Order::PerThread => {
                let by_thread = |lines: &[Line]| -> BTreeMap<String, Vec<String>> {
                    let mut map: BTreeMap<String, Vec<String>> = BTreeMap::new();
                    for line in lines {
                        map.entry(line.thread.clone())
                            .or_default()
                            .push(line.masked.clone());
                    }
                    map
                };
                let (doc, new) = (by_thread(documented), by_thread(fresh));
                let threads: BTreeSet<_> = doc.keys().chain(new.keys()).collect();
                for thread in threads {
                    let (d, n) = (doc.get(thread), new.get(thread));
                    if d != n {
                        let name = if thread.is_empty() {
                            "lines without a thread tag".to_owned()
                        } else {
                            format!("thread `{thread}`")
                        };
                        problems.push(format!(
                            "per-thread order: {name} differs: documented {:?}, fresh {:?}",
                            d.cloned().unwrap_or_default(),
                            n.cloned().unwrap_or_default()
                        ));
                    }
                }
            }
        }
    }

    /// Checks a fresh output against the documented one. Returns every part of the rule it breaks.
    pub fn check(&self, documented: &str, fresh: &str) -> Result<(), Vec<String>> {
        let mut problems = Vec::new();
        let mut doc = self.lines(documented);
        let mut new = self.lines(fresh);
        self.check_bounds(&new, &mut problems);
        self.check_before(&doc, &new, &mut problems);
        self.check_exclusive(&doc, &new, &mut problems);
        self.take_repeats(&mut doc, &mut new, &mut problems);
        self.take_cut_off(&mut doc, &mut new, &mut problems);
        self.check_order(&doc, &new, &mut problems);
        if problems.is_empty() {
            Ok(())
        } else {
            Err(problems)
        }
    }
}

/// The items of `a` not matched one-for-one in `b` (both sorted).
fn multiset_minus(a: &[String], b: &[String]) -> Vec<String> {
    let mut rest = b.to_vec();
    a.iter()
        .filter(|item| match rest.iter().position(|r| r == *item) {
            Some(i) => {
                rest.remove(i);
                false
            }
            None => true,
        })
        .cloned()
        .collect()
}

#[path = "rule_looseness.rs"]
mod looseness;
pub use looseness::Mutant;

#[cfg(test)]
#[path = "rule_tests.rs"]
mod tests;
