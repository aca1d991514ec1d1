//! Rules must earn their looseness: a rule is checked against its documented output for parts that
//! check nothing (a mask or a repeat that takes whole lines or every line, two masks that split one
//! value), and every mutant of a documented line that the rule does not mask must be rejected.

use std::ops::Range;
use std::sync::OnceLock;

use regex::Regex;

use super::{Compiled, Order, Rule};

/// A word (a run of letters) or a number (a run of digits).
fn token_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| Regex::new(r"\p{L}+|\d+").expect("a valid pattern"))
}

/// One way of breaking a documented output.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mutant {
    /// "change a word", "change a number", "drop the line", "duplicate the line", "swap two lines".
    pub kind: &'static str,
    /// The 1-based documented line it changes.
    pub line: usize,
    /// What the line became (or, for a swap, the line it was swapped with).
    pub becomes: String,
    pub text: String,
}

impl Rule {
    /// Parts of the rule that check nothing in `documented`: masks whose value is a whole line (or all
    /// of it after the thread tag), masks or repeats that match every line, masks that overlap on
    /// one line. Empty when the rule is sound.
    pub fn vacuous_parts(&self, documented: &str) -> Vec<String> {
        match self.compile() {
            Ok(compiled) => compiled.vacuous_parts(documented),
            Err(e) => vec![e],
        }
    }

    /// The mutants of `documented` that the rule accepts. Empty when it rejects them all.
    pub fn accepted_mutants(&self, documented: &str) -> Vec<Mutant> {
        let Ok(compiled) = self.compile() else {
            return Vec::new();
        };
        compiled
            .mutants(documented)
            .into_iter()
            .filter(|m| compiled.check(documented, &m.text).is_ok())
            .collect()
    }
}

fn lines(text: &str) -> Vec<&str> {
    text.lines().collect()
}

fn join(lines: &[String]) -> String {
    lines.iter().map(|l| format!("{l}\n")).collect()
}

impl Compiled<'_> {
    /// Where each mask matches `line`: the mask's index, the whole match, and the value it hides.
    fn mask_matches(&self, line: &str) -> Vec<(usize, Range<usize>, Range<usize>)> {
        let mut found = Vec::new();
        for (i, (re, _)) in self.masks.iter().enumerate() {
            for caps in re.captures_iter(line) {
                let whole = caps.get(0).expect("group 0 always matches").range();
                if let Some(value) = caps.get(1) {
                    found.push((i, whole, value.range()));
                }
            }
        }
        found
    }

    fn vacuous_parts(&self, documented: &str) -> Vec<String> {
        let lines = lines(documented);
        let mut problems = Vec::new();
        let mut lines_matched = vec![0; self.masks.len()];
        for (n, line) in lines.iter().enumerate() {
            let tag_end = self.thread_tag.find(line).map_or(0, |m| m.end());
            let after_tag = line[tag_end..].trim();
            let matches = self.mask_matches(line);
            for (i, whole, value) in &matches {
                let hidden = line[value.clone()].trim();
                if !hidden.is_empty() && (hidden == line.trim() || hidden == after_tag) {
                    problems.push(format!(
                        "mask `{}` hides all of line {} `{line}`: it checks nothing there; mask only the value that varies",
                        self.masks[*i].1.pattern,
                        n + 1
                    ));
                }
                for (j, other, _) in &matches {
                    if j > i && whole.start < other.end && other.start < whole.end {
                        problems.push(format!(
                            "masks `{}` and `{}` overlap in line {} `{line}`: together they accept every combination of the values they hide; write one mask whose group lists the combinations that can occur",
                            self.masks[*i].1.pattern,
                            self.masks[*j].1.pattern,
                            n + 1
                        ));
                    }
                }
            }
            let mut hit: Vec<usize> = matches.iter().map(|(i, _, _)| *i).collect();
            hit.dedup();
            for i in hit {
                lines_matched[i] += 1;
            }
        }
        for (i, (_, mask)) in self.masks.iter().enumerate() {
            if lines.len() > 1 && lines_matched[i] == lines.len() {
                problems.push(format!(
                    "mask `{}` matches every line of the documented output: mask only the values that vary",
                    mask.pattern
                ));
            }
        }
        for (re, repeat) in &self.repeats {
            if !lines.is_empty() && lines.iter().all(|l| re.is_match(l)) {
                problems.push(format!(
                    "repeat `{}` matches every line of the documented output: it would accept any number of any line",
                    repeat.pattern
                ));
            }
        }
        problems.dedup();
        problems
    }

    /// Whether a documented line may legitimately be dropped or repeated: it repeats a varying
    /// number of times, or belongs to a thread that may be cut off.
    fn may_come_and_go(&self, line: &str) -> bool {
        self.repeats.iter().any(|(re, _)| re.is_match(line))
            || self
                .rule
                .cut_off
                .iter()
                .any(|cut| self.thread_of(line) == cut.thread)
    }

    /// Every mutant of `documented`: each unmasked word and number of each line changed, each line
    /// dropped and duplicated (unless it may come and go), and each two lines the rule orders swapped.
    pub fn mutants(&self, documented: &str) -> Vec<Mutant> {
        let lines: Vec<String> = lines(documented).into_iter().map(str::to_owned).collect();
        let mut mutants = Vec::new();
        let with = |n: usize, replacement: &[String]| -> String {
            let mut copy = lines.clone();
            copy.splice(n..=n, replacement.iter().cloned());
            join(&copy)
        };
        for (n, line) in lines.iter().enumerate() {
            let hidden: Vec<Range<usize>> = self
                .mask_matches(line)
                .into_iter()
                .map(|(_, _, value)| value)
                .collect();
            for token in token_re().find_iter(line) {
                let range = token.range();
                if hidden
                    .iter()
                    .any(|h| h.start < range.end && range.start < h.end)
                {
                    continue;
                }
                let is_number = token.as_str().starts_with(|c: char| c.is_ascii_digit());
                let changed = if is_number {
                    token
                        .as_str()
                        .parse::<u128>()
                        .map_or(1, |v| v.wrapping_add(1))
                        .to_string()
                } else {
                    format!("{}x", token.as_str())
                };
                let becomes = format!("{}{changed}{}", &line[..range.start], &line[range.end..]);
                mutants.push(Mutant {
                    kind: if is_number {
                        "change a number"
                    } else {
                        "change a word"
                    },
                    line: n + 1,
                    text: with(n, std::slice::from_ref(&becomes)),
                    becomes,
                });
            }
            if !self.may_come_and_go(line) {
                mutants.push(Mutant {
                    kind: "drop the line",
                    line: n + 1,
                    becomes: String::new(),
                    text: with(n, &[]),
                });
                mutants.push(Mutant {
                    kind: "duplicate the line",
                    line: n + 1,
                    becomes: format!("{line} (twice)"),
                    text: with(n, &[line.clone(), line.clone()]),
                });
            }
        }
        for (a, b) in self.ordered_pairs(&lines) {
            let mut copy = lines.clone();
            copy.swap(a, b);
            mutants.push(Mutant {
                kind: "swap two lines",
                line: a + 1,
                becomes: format!("swapped with line {} `{}`", b + 1, lines[b]),
                text: join(&copy),
            });
        }
        mutants
    }

    /// Pairs of lines (by index) whose order the rule fixes and whose masked texts differ: neighbours
    /// under exact order, a thread's consecutive lines under per-thread order, and the lines each
    /// `before` orders.
    fn ordered_pairs(&self, lines: &[String]) -> Vec<(usize, usize)> {
        let masked: Vec<String> = lines.iter().map(|l| self.mask(l)).collect();
        let counted = |i: usize| !self.may_come_and_go(&lines[i]);
        let mut pairs = Vec::new();
        match self.rule.order {
            Order::Exact => {
                let kept: Vec<usize> = (0..lines.len()).filter(|&i| counted(i)).collect();
                pairs.extend(kept.windows(2).map(|w| (w[0], w[1])));
            }
            Order::PerThread => {
                let mut last: std::collections::BTreeMap<String, usize> = Default::default();
                for i in (0..lines.len()).filter(|&i| counted(i)) {
                    if let Some(prev) = last.insert(self.thread_of(&lines[i]), i) {
                        pairs.push((prev, i));
                    }
                }
            }
            Order::Any => {}
        }
        for (first, then, _) in &self.before {
            let last_first = (0..lines.len()).rev().find(|&i| first.is_match(&lines[i]));
            let first_then = (0..lines.len()).find(|&i| then.is_match(&lines[i]));
            if let (Some(a), Some(b)) = (last_first, first_then)
                && a < b
            {
                pairs.push((a, b));
            }
        }
        pairs.retain(|&(a, b)| masked[a] != masked[b]);
        pairs.sort_unstable();
        pairs.dedup();
        pairs
    }
}
