//! The words a timeline is drawn with, in each edition. Bar labels come from the listing catalog
//! and are translated through the edition's PO file; the rest is here. `{name}` marks what is
//! filled in.

use polib::catalog::Catalog;

use crate::i18n::edition::{ENGLISH, Edition, KOREAN, lookup};

pub struct Words {
    pub run_label: &'static str,
    pub exited_at: &'static str,
    pub exit: &'static str,
    pub until_exit: &'static str,
    pub until: &'static str,
    pub span_title: &'static str,
    pub gap: &'static str,
    pub legend_line: &'static str,
    pub legend_exit: &'static str,
    pub caption: &'static str,
    pub variation: &'static str,
    /// The machine of the variation runs, from the recording's `2-core MODEL`.
    pub machine: &'static str,
    pub same_every_run: &'static str,
    pub different_ways: &'static str,
}

const ENGLISH_WORDS: Words = Words {
    run_label: "Run {number} of {total}: {lines} lines in {ms} ms",
    exited_at: "the process exited at {ms} ms",
    exit: "exit",
    until_exit: "until the process exited",
    until: "to {ms} ms",
    span_title: "{label}: from {from} ms {until}",
    gap: "{ms} ms in which nothing was printed, drawn short",
    legend_line: "a line, on its thread's lane",
    legend_exit: "the process exits (a bar still open then is dashed)",
    caption: r#"Run <span class="timeline-run-number">1</span> of {total}: {legend}."#,
    variation: " In {runs} runs on a {machine} ({date}), ",
    machine: "{cores}-core {model}",
    same_every_run: "every run printed the same lines in the same order.",
    different_ways: "the output came out {n} different ways.",
};

const KOREAN_WORDS: Words = Words {
    run_label: "실행 {number}/{total}: {ms} ms 동안 {lines}줄",
    exited_at: "프로세스가 {ms} ms에 끝남",
    exit: "종료",
    until_exit: "프로세스가 끝날 때까지",
    until: "{ms} ms까지",
    span_title: "{label}: {from} ms부터 {until}",
    gap: "아무것도 출력되지 않은 {ms} ms, 짧게 줄여 그림",
    legend_line: "출력 한 줄, 그 줄을 출력한 스레드의 레인 위",
    legend_exit: "프로세스 종료 (그때 아직 열려 있던 막대는 점선)",
    caption: r#"실행 <span class="timeline-run-number">1</span>/{total}: {legend}."#,
    variation: " {date}에 {machine}로 {runs}번 실행했을 때, ",
    machine: "{model} 코어 {cores}개",
    same_every_run: "모든 실행이 같은 줄을 같은 순서로 출력했습니다.",
    different_ways: "출력은 {n}가지로 나왔습니다.",
};

/// How a timeline reads in one edition.
pub struct Language<'a> {
    pub edition: Edition,
    pub words: &'static Words,
    catalog: Option<&'a Catalog>,
}

impl Language<'_> {
    pub const ENGLISH: Language<'static> = Language {
        edition: ENGLISH,
        words: &ENGLISH_WORDS,
        catalog: None,
    };

    pub fn translated(edition: Edition, catalog: &Catalog) -> Language<'_> {
        assert_eq!(
            edition, KOREAN,
            "timelines are written in English and Korean only"
        );
        Language {
            edition,
            words: &KOREAN_WORDS,
            catalog: Some(catalog),
        }
    }

    /// A bar's label in this edition. A label without a translation stays English; the
    /// translation's tests report it.
    pub fn label(&self, label: &str) -> String {
        self.catalog
            .and_then(|c| lookup(c, label))
            .unwrap_or(label)
            .to_owned()
    }

    /// Where this edition's timeline files are, relative to a chapter.
    pub fn dir(&self) -> String {
        if self.edition == ENGLISH {
            "timelines/".to_owned()
        } else {
            format!("timelines/{}/", self.edition.lang)
        }
    }
}

impl Language<'_> {
    /// The machine a recording names (`2-core AMD EPYC`, as `variation::machine` wrote it), in this
    /// edition's words; a name of another form is given as it is.
    pub fn machine(&self, recorded: &str) -> String {
        match recorded.split_once("-core ") {
            Some((cores, model))
                if !cores.is_empty() && cores.bytes().all(|b| b.is_ascii_digit()) =>
            {
                fill(self.words.machine, &[("cores", cores), ("model", model)])
            }
            _ => recorded.to_owned(),
        }
    }
}

/// `template` with each `{name}` replaced by its value.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    values
        .iter()
        .fold(template.to_owned(), |text, (name, value)| {
            text.replace(&format!("{{{name}}}"), value)
        })
}
