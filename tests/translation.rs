//! The Korean edition cannot fall behind the English book: the template is what the English book
//! holds, and every message of it is translated (not empty, not fuzzy, not left in English), and
//! faithful to its code, links, anchors, tags, directives and emphasis (see
//! `tools/src/i18n/check.rs`); and every concept is written as the glossary writes it (see
//! `tools/src/i18n/glossary.rs`).

use book_tools::i18n::check::check;
use book_tools::i18n::edition::{KOREAN, TRANSLATIONS};
use book_tools::i18n::glossary::{GLOSSARY, Glossary, READABLE};
use book_tools::i18n::template::{self, TEMPLATE};
use book_tools::repo_root;

#[test]
fn the_template_holds_every_message_of_the_english_book() {
    let root = repo_root();
    let extracted = template::extract(&root).unwrap_or_else(|e| panic!("{e}"));
    let committed = polib::po_file::parse(&root.join(TEMPLATE))
        .unwrap_or_else(|e| panic!("cannot read {TEMPLATE}: {e}"));
    let listed = |catalog: &polib::catalog::Catalog| -> Vec<(String, String)> {
        catalog
            .messages()
            .map(|m| (m.source().to_owned(), m.msgid().to_owned()))
            .collect()
    };
    let (want, have) = (listed(&extracted), listed(&committed));
    let missing: Vec<_> = want.iter().filter(|m| !have.contains(m)).collect();
    let stale: Vec<_> = have.iter().filter(|m| !want.contains(m)).collect();
    assert!(
        missing.is_empty() && stale.is_empty(),
        "{TEMPLATE} is not what the English book holds; run `cargo run -p book-tools --bin update-translations`, then translate what it reports.\nnew or changed in the book ({}):\n{}\nno longer in the book ({}):\n{}",
        missing.len(),
        shown(&missing),
        stale.len(),
        shown(&stale)
    );
}

fn shown(messages: &[&(String, String)]) -> String {
    messages
        .iter()
        .take(20)
        .map(|(source, msgid)| {
            let start: String = msgid.chars().take(70).collect();
            format!(
                "  {}: {start}",
                source.split_whitespace().next().unwrap_or("?")
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn every_message_is_translated_faithfully_in_every_edition() {
    let root = repo_root();
    let template = polib::po_file::parse(&root.join(TEMPLATE))
        .unwrap_or_else(|e| panic!("cannot read {TEMPLATE}: {e}"));
    for edition in TRANSLATIONS {
        let po = format!("po/{}.po", edition.lang);
        let translation = edition.catalog(&root).unwrap_or_else(|e| panic!("{e}"));
        let problems = check(&template, &translation, &po);
        assert!(
            problems.is_empty(),
            "{po}: {} problem(s) with the {} translation:\n{}",
            problems.len(),
            edition.name,
            problems
                .iter()
                .map(|p| format!("  {p}"))
                .collect::<Vec<_>>()
                .join("\n")
        );
    }
}

#[test]
fn every_concept_is_written_the_way_the_glossary_writes_it() {
    let root = repo_root();
    let glossary = Glossary::load(&root).unwrap_or_else(|e| panic!("{e}"));
    let translation = KOREAN.catalog(&root).unwrap_or_else(|e| panic!("{e}"));
    let problems = glossary.check(&translation);
    assert!(
        problems.is_empty(),
        "po/{}.po: {} message(s) use a variant {GLOSSARY} does not use:\n{}",
        KOREAN.lang,
        problems.len(),
        problems
            .iter()
            .map(|p| format!("  {p}"))
            .collect::<Vec<_>>()
            .join("\n")
    );
}

#[test]
fn the_readable_glossary_shows_the_glossary_the_tests_read() {
    let root = repo_root();
    let glossary = Glossary::load(&root).unwrap_or_else(|e| panic!("{e}"));
    let readable = std::fs::read_to_string(root.join(READABLE))
        .unwrap_or_else(|e| panic!("cannot read {READABLE}: {e}"));
    if let Some(difference) = glossary.readable_differs(&readable) {
        panic!("{difference}");
    }
}
