//! How much a listing's output varies: the distinct outputs of many runs, and the machine they ran on.

use std::fs;
use std::time::{SystemTime, UNIX_EPOCH};

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
    let secs = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    civil_date(secs / 86_400)
}

/// The Gregorian date of a day counted from 1970-01-01 (Howard Hinnant's `civil_from_days`).
fn civil_date(days: u64) -> String {
    let z = days as i64 + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rule::Rule;

    #[test]
    fn dates_are_gregorian() {
        assert_eq!(civil_date(0), "1970-01-01");
        assert_eq!(civil_date(11_016), "2000-02-29");
        assert_eq!(civil_date(20_000), "2024-10-04");
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
