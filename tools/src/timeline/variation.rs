//! How much a listing's output varies: the distinct outputs of many runs, and the machine they ran on.

use std::fs;
use std::time::SystemTime;

use super::DistinctOutput;
use crate::rule::Compiled;

/// Counts runs by output. Two outputs are the same when they are equal once masked values are
/// masked: a different number is not a different order.
#[derive(Default)]
pub struct Tally {
    seen: Vec<(Vec<String>, DistinctOutput)>,
}

impl Tally {
    pub fn add(&mut self, rule: &Compiled, lines: Vec<String>) {
        let key: Vec<String> = lines.iter().map(|l| rule.mask(l)).collect();
        match self.seen.iter_mut().find(|(seen, _)| *seen == key) {
            Some((_, output)) => output.count += 1,
            None => self.seen.push((key, DistinctOutput { count: 1, lines })),
        }
    }

    /// Every distinct output, most frequent first; ties in the order they were first seen.
    pub fn into_orders(self) -> Vec<DistinctOutput> {
        let mut orders: Vec<DistinctOutput> =
            self.seen.into_iter().map(|(_, output)| output).collect();
        orders.sort_by_key(|output| std::cmp::Reverse(output.count));
        orders
    }
}

/// "2-core AMD EPYC": the core count and the CPU model, from /proc/cpuinfo where there is one.
pub fn machine() -> String {
    let cores = std::thread::available_parallelism().map_or(1, usize::from);
    let model = fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|info| {
            info.lines()
                .find(|l| l.starts_with("model name"))
                .and_then(|l| l.split_once(':'))
                .map(|(_, model)| model.split_whitespace().collect::<Vec<_>>().join(" "))
        })
        .unwrap_or_else(|| format!("{} CPU", std::env::consts::ARCH));
    format!("{cores}-core {model}")
}

/// Today's date, `YYYY-MM-DD`, in UTC.
pub fn today() -> String {
    let mut stamp = humantime::format_rfc3339_seconds(SystemTime::now()).to_string();
    stamp.truncate("YYYY-MM-DD".len());
    stamp
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rule::Rule;

    #[test]
    fn today_is_a_date() {
        let date = today();
        assert_eq!(date.len(), 10, "{date}");
        assert!(
            date.starts_with("20") && date.as_bytes()[4] == b'-',
            "{date}"
        );
    }

    #[test]
    fn outputs_differing_only_in_masked_values_count_as_one() {
        let rule: Rule = toml::from_str("masks = [{ pattern = 'in (\\d+) ms' }]").unwrap();
        let compiled = rule.compile().unwrap();
        let mut tally = Tally::default();
        let lines = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        tally.add(&compiled, lines(&["a", "done in 3 ms"]));
        tally.add(&compiled, lines(&["b", "a"]));
        tally.add(&compiled, lines(&["a", "done in 5 ms"]));
        let orders = tally.into_orders();
        assert_eq!(orders.len(), 2);
        assert_eq!(orders[0].count, 2);
        assert_eq!(orders[0].lines, ["a", "done in 3 ms"]);
        assert_eq!(orders[1].count, 1);
    }
}
