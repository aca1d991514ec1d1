//! Each rule accepts the outputs its program may legally print and rejects every other kind of change.

use super::*;

fn rule(toml_text: &str) -> Rule {
    toml::from_str(toml_text).expect("test rule parses")
}

fn accepts(rule: &Rule, documented: &str, fresh: &str) {
    if let Err(problems) = rule.check(documented, fresh) {
        panic!("should accept:\n{fresh}\nbut reported {problems:#?}");
    }
}

fn rejects(rule: &Rule, documented: &str, fresh: &str, expected: &str) {
    match rule.check(documented, fresh) {
        Ok(()) => panic!("should reject:\n{fresh}"),
        Err(problems) => assert!(
            problems.iter().any(|p| p.contains(expected)),
            "expected a problem mentioning `{expected}`, got {problems:#?}"
        ),
    }
}

const THREE: &str = "start\n[a] one\n[b] one\n[a] two\n[b] two\nend\n";

#[test]
fn exact_accepts_only_the_same_lines_in_the_same_order() {
    let exact = rule("");
    accepts(&exact, THREE, THREE);
    rejects(
        &exact,
        THREE,
        &THREE.replace("[a] two", "[a] too"),
        "exact order",
    );
    rejects(
        &exact,
        THREE,
        &THREE.replace("[b] two\n", ""),
        "exact order",
    );
    rejects(&exact, THREE, &format!("{THREE}extra\n"), "exact order");
    rejects(
        &exact,
        THREE,
        "start\n[b] one\n[a] one\n[a] two\n[b] two\nend\n",
        "exact order",
    );
}

#[test]
fn any_order_accepts_permutations_but_not_other_lines() {
    let any = rule(r#"order = "any""#);
    accepts(
        &any,
        THREE,
        "end\n[b] two\n[a] one\nstart\n[a] two\n[b] one\n",
    );
    rejects(&any, THREE, &THREE.replace("one", "uno"), "any order");
    rejects(
        &any,
        THREE,
        &THREE.replace("start\n", ""),
        "missing [\"start\"]",
    );
    rejects(
        &any,
        THREE,
        &format!("{THREE}[a] one\n"),
        "extra [\"[a] one\"]",
    );
}

#[test]
fn per_thread_accepts_interleavings_that_keep_each_threads_order() {
    let per_thread = rule(r#"order = "per-thread""#);
    accepts(&per_thread, THREE, THREE);
    accepts(
        &per_thread,
        THREE,
        "[b] one\nstart\n[b] two\n[a] one\nend\n[a] two\n",
    );
    rejects(
        &per_thread,
        THREE,
        "start\n[a] two\n[b] one\n[a] one\n[b] two\nend\n",
        "thread `a`",
    );
    rejects(
        &per_thread,
        THREE,
        &THREE.replace("[b] one", "[b] once"),
        "thread `b`",
    );
    rejects(
        &per_thread,
        THREE,
        &THREE.replace("[a] two\n", ""),
        "thread `a`",
    );
    rejects(
        &per_thread,
        THREE,
        &format!("{THREE}[c] new\n"),
        "thread `c`",
    );
    rejects(
        &per_thread,
        THREE,
        "end\n[a] one\n[b] one\n[a] two\n[b] two\nstart\n",
        "without a thread tag",
    );
}

#[test]
fn a_custom_thread_tag_names_the_thread() {
    let tagged = rule(
        r#"
        order = "per-thread"
        thread_tag = '^(?<thread>\w+):'
        "#,
    );
    accepts(&tagged, "a: 1\nb: 1\na: 2\n", "b: 1\na: 1\na: 2\n");
    rejects(
        &tagged,
        "a: 1\nb: 1\na: 2\n",
        "a: 2\nb: 1\na: 1\n",
        "thread `a`",
    );
    assert!(rule(r#"thread_tag = '^\w+'"#).compile().is_err());
}

#[test]
fn happens_before_holds_in_every_accepted_run() {
    let joined = rule(
        r#"
        order = "per-thread"
        [[before]]
        first = '^\[a\] two'
        then = '^end'
        because = "main joins a"
        "#,
    );
    accepts(
        &joined,
        THREE,
        "[b] one\nstart\n[a] one\n[a] two\nend\n[b] two\n",
    );
    rejects(
        &joined,
        THREE,
        "start\n[a] one\n[b] one\nend\n[a] two\n[b] two\n",
        "happens-before broken in the fresh output (main joins a)",
    );
    let unmatched = rule(
        r#"
        [[before]]
        first = '^never'
        then = '^end'
        because = "nothing"
        "#,
    );
    rejects(&unmatched, THREE, THREE, "matches `^never`");
}

#[test]
fn masked_values_may_change_within_their_bounds() {
    let doc = "[a] took 12 ms\nattempts: 5, grabs: 3\n";
    let timed = rule(
        r#"
        order = "per-thread"
        [[masks]]
        pattern = 'took (\d+) ms'
        min = 0
        max = 500
        [[masks]]
        pattern = 'attempts: (\d+)'
        min = 3
        max = 8
        "#,
    );
    accepts(&timed, doc, "[a] took 480 ms\nattempts: 3, grabs: 3\n");
    rejects(
        &timed,
        doc,
        "[a] took 900 ms\nattempts: 5, grabs: 3\n",
        "out of bounds",
    );
    rejects(
        &timed,
        doc,
        "[a] took 12 ms\nattempts: 2, grabs: 3\n",
        "`2`",
    );
    rejects(
        &timed,
        doc,
        "[a] took 12 ms\nattempts: 5, grabs: 4\n",
        "differs",
    );
    rejects(
        &timed,
        doc,
        "[a] took 12 ms\nattempts: x, grabs: 3\n",
        "differs",
    );
    rejects(
        &timed,
        doc,
        "[a] spent 12 ms\nattempts: 5, grabs: 3\n",
        "differs",
    );
}

#[test]
fn a_mask_without_bounds_accepts_any_text() {
    let ids = rule(
        r#"
        [[masks]]
        pattern = 'ThreadId\((\d+)\)'
        "#,
    );
    accepts(&ids, "id ThreadId(2)\n", "id ThreadId(17)\n");
    rejects(&ids, "id ThreadId(2)\n", "id ThreadID(17)\n", "exact order");
}

#[test]
fn repeated_lines_are_counted_within_bounds() {
    let doc = "[w] waiting\n[w] waiting\n[m] set\n[w] woke\n";
    let polling = rule(
        r#"
        order = "per-thread"
        [[repeats]]
        pattern = '^\[w\] waiting$'
        min = 1
        max = 3
        [[before]]
        first = '^\[m\] set'
        then = '^\[w\] woke'
        because = "the event"
        "#,
    );
    accepts(&polling, doc, "[w] waiting\n[m] set\n[w] woke\n");
    accepts(
        &polling,
        doc,
        "[w] waiting\n[w] waiting\n[w] waiting\n[m] set\n[w] woke\n",
    );
    rejects(&polling, doc, "[m] set\n[w] woke\n", "appears 0 times");
    rejects(
        &polling,
        doc,
        "[w] waiting\n[w] waiting\n[w] waiting\n[w] waiting\n[m] set\n[w] woke\n",
        "appears 4 times",
    );
    rejects(
        &polling,
        doc,
        "[w] waiting\n[w] woke\n[m] set\n",
        "happens-before broken",
    );
    rejects(
        &polling,
        doc,
        "[w] waiting\n[m] set\n[w] woke\n[w] waiting\n",
        "repeated line out of place",
    );
}

#[test]
fn zero_repeats_are_accepted_when_the_bounds_allow_them() {
    let doc = "[w] waiting\n[w] woke\n";
    let polling = rule(
        r#"
        order = "per-thread"
        [[repeats]]
        pattern = 'waiting$'
        min = 0
        max = 3
        "#,
    );
    accepts(&polling, doc, "[w] woke\n");
    rejects(&polling, doc, "[w] woke\n[w] waiting\n", "out of place");
}

#[test]
fn a_cut_off_thread_may_stop_anywhere_in_its_sequence() {
    let doc = "[d] start\n[d] step 1\nmain returns\n";
    let detached = rule(
        r#"
        order = "per-thread"
        [[cut_off]]
        thread = "d"
        max_lines = 3
        "#,
    );
    accepts(&detached, doc, "main returns\n");
    accepts(&detached, doc, "[d] start\nmain returns\n");
    accepts(
        &detached,
        doc,
        "[d] start\n[d] step 1\n[d] step 2\nmain returns\n",
    );
    rejects(&detached, doc, "[d] step 1\nmain returns\n", "one sequence");
    rejects(
        &detached,
        doc,
        "[d] start\n[d] stop 1\nmain returns\n",
        "one sequence",
    );
    rejects(
        &detached,
        doc,
        "[d] start\n[d] step 1\n[d] step 2\n[d] done\nmain returns\n",
        "at most 3",
    );
    rejects(&detached, doc, "[d] start\n", "without a thread tag");
}

#[test]
fn a_rule_reports_every_problem_at_once() {
    let strict = rule(
        r#"
        [[masks]]
        pattern = 'took (\d+) ms'
        max = 10
        "#,
    );
    let problems = strict
        .check("took 1 ms\nok\n", "took 99 ms\nnot ok\n")
        .unwrap_err();
    assert_eq!(problems.len(), 2, "{problems:#?}");
}

#[test]
fn exclusive_sections_never_overlap() {
    let doc = "[a] grab\n[a] release\n[b] try\n[b] grab\n[b] release\n[a] grab\n";
    let locked = rule(
        r#"
        order = "per-thread"
        [[exclusive]]
        enter = 'grab$'
        leave = 'release$'
        because = "the lock"
        [[cut_off]]
        thread = "a"
        max_lines = 10
        "#,
    );
    accepts(
        &locked,
        doc,
        "[b] try\n[a] grab\n[a] release\n[b] grab\n[b] release\n",
    );
    accepts(
        &locked,
        doc,
        "[b] try\n[b] grab\n[b] release\n[a] grab\n[a] release\n[a] grab\n",
    );
    rejects(
        &locked,
        doc,
        "[a] grab\n[b] try\n[b] grab\n[a] release\n[b] release\n",
        "line 3 `[b] grab` comes while line 1 `[a] grab` has not been left",
    );
    rejects(
        &locked,
        doc,
        "[b] try\n[a] grab\n[b] release\n[a] release\n[b] grab\n",
        "exclusive sections broken",
    );
    rejects(&locked, doc, "[b] try\n[b] release\n", "never entered");
}

#[test]
fn a_line_that_enters_and_leaves_is_a_section_of_its_own() {
    let doc = "[x] set\n[r] hold\n[r] inner\n[r] done\n[y] set\n";
    let reentrant = rule(
        r#"
        order = "per-thread"
        [[exclusive]]
        enter = '^\[(r\] hold|x\] set|y\] set)'
        leave = '^\[(r\] done|x\] set|y\] set)'
        because = "the lock"
        "#,
    );
    accepts(
        &reentrant,
        doc,
        "[y] set\n[x] set\n[r] hold\n[r] inner\n[r] done\n",
    );
    rejects(
        &reentrant,
        doc,
        "[x] set\n[r] hold\n[y] set\n[r] inner\n[r] done\n",
        "line 3 `[y] set` comes while line 2 `[r] hold` has not been left",
    );
}

fn vacuous(rule: &Rule, documented: &str, expected: &str) {
    let problems = rule.vacuous_parts(documented);
    assert!(
        problems.iter().any(|p| p.contains(expected)),
        "expected a problem mentioning `{expected}`, got {problems:#?}"
    );
}

#[test]
fn a_mask_that_hides_whole_lines_or_every_line_is_refused() {
    let whole = rule("[[masks]]\npattern = '^(.*)$'\n");
    vacuous(&whole, THREE, "hides all of line 1 `start`");
    vacuous(&whole, THREE, "matches every line");
    let after_tag = rule("[[masks]]\npattern = '^\\[a\\] (.*)$'\n");
    vacuous(&after_tag, THREE, "hides all of line 2 `[a] one`");
    let sound = rule("[[masks]]\npattern = 'took (\\d+) ms'\n");
    assert_eq!(
        sound.vacuous_parts("[a] took 5 ms\nend\n"),
        Vec::<String>::new()
    );
}

#[test]
fn a_repeat_that_matches_every_line_is_refused() {
    let every = rule("[[repeats]]\npattern = '.'\nmin = 0\nmax = 100\n");
    vacuous(&every, THREE, "repeat `.` matches every line");
    let sound = rule("[[repeats]]\npattern = '^\\[a\\]'\nmin = 0\nmax = 3\n");
    assert_eq!(sound.vacuous_parts(THREE), Vec::<String>::new());
}

#[test]
fn masks_that_overlap_on_one_line_are_refused() {
    let split =
        rule("[[masks]]\npattern = 'reversed (\\d) ->'\n\n[[masks]]\npattern = '-> (\\d)$'\n");
    vacuous(&split, "[r] reversed 1 -> 0\n", "overlap in line 1");
    let one = rule("[[masks]]\npattern = 'reversed (0 -> 1|1 -> 0)$'\n");
    assert_eq!(
        one.vacuous_parts("[r] reversed 1 -> 0\n"),
        Vec::<String>::new()
    );
    rejects(
        &one,
        "[r] reversed 1 -> 0\n",
        "[r] reversed 1 -> 1\n",
        "exact order",
    );
    accepts(&one, "[r] reversed 1 -> 0\n", "[r] reversed 0 -> 1\n");
}

fn kinds(mutants: &[Mutant]) -> Vec<(&'static str, usize)> {
    mutants.iter().map(|m| (m.kind, m.line)).collect()
}

#[test]
fn every_rule_kind_rejects_all_mutants_of_its_documented_output() {
    for rule_text in [
        "",
        "order = 'any'",
        "order = 'per-thread'",
        "order = 'per-thread'\n[[before]]\nfirst = '^\\[a\\] two'\nthen = '^end'\nbecause = 'join'\n",
        "order = 'per-thread'\n[[masks]]\npattern = '\\] (one)$'\n",
    ] {
        let r = rule(rule_text);
        let mutants = r.compile().unwrap().mutants(THREE);
        assert!(
            mutants.len() > 10,
            "{rule_text}: only {} mutants",
            mutants.len()
        );
        assert_eq!(kinds(&r.accepted_mutants(THREE)), [], "rule {rule_text:?}");
    }
}

#[test]
fn mutants_cover_words_numbers_drops_duplicates_and_ordered_swaps() {
    let r = rule("");
    let mutants = r.compile().unwrap().mutants("[a] took 5 ms\n[a] done\n");
    let has = |kind: &str, line: usize| mutants.iter().any(|m| m.kind == kind && m.line == line);
    assert!(has("change a number", 1));
    assert!(has("change a word", 2));
    assert!(has("drop the line", 2));
    assert!(has("duplicate the line", 1));
    assert!(has("swap two lines", 1));
    // Masked values are not mutated; lines that may repeat are not dropped or duplicated.
    let masked = rule(
        "[[masks]]\npattern = 'took (\\d+) ms'\n[[repeats]]\npattern = 'done'\nmin = 1\nmax = 2\n",
    );
    let mutants = masked
        .compile()
        .unwrap()
        .mutants("[a] took 5 ms\n[a] done\n");
    assert!(!mutants.iter().any(|m| m.kind == "change a number"));
    assert!(
        !mutants
            .iter()
            .any(|m| m.line == 2 && m.kind == "drop the line")
    );
}

#[test]
fn a_repeat_wider_than_its_line_is_caught_by_the_mutants_it_accepts() {
    // The repeat takes every `[a]` line out of the comparison, whatever it says.
    let wide = rule("[[repeats]]\npattern = '^\\[a\\]'\nmin = 0\nmax = 5\n");
    let accepted = kinds(&wide.accepted_mutants(THREE));
    assert!(accepted.contains(&("change a word", 2)), "{accepted:?}");
    let exact = rule("[[repeats]]\npattern = '^\\[a\\] (one|two)$'\nmin = 0\nmax = 5\n");
    assert_eq!(kinds(&exact.accepted_mutants(THREE)), []);
}
