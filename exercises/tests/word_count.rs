//! `cargo test -p exercises --test word_count`

mod support;

use std::collections::HashMap;

use exercises::word_count::word_counts;

fn counts(pairs: &[(&str, usize)]) -> HashMap<String, usize> {
    pairs.iter().map(|&(w, n)| (w.to_owned(), n)).collect()
}

#[test]
fn counts_words_whatever_their_case_and_spacing() {
    let got = support::within("a short text", || {
        word_counts("The cat and\tthe  hat\nand THE bat")
    });
    assert_eq!(
        got,
        counts(&[("the", 3), ("cat", 1), ("and", 2), ("hat", 1), ("bat", 1)])
    );
}

#[test]
fn an_empty_text_has_no_words() {
    assert!(support::within("no text", || word_counts("  \n ")).is_empty());
}

#[test]
fn a_long_text_is_counted_as_one_thread_would_count_it() {
    // Words of many lengths, so that wherever the text is split among threads, words straddle
    // the places a careless split would cut.
    let words = [
        "lock",
        "event",
        "thread",
        "condition",
        "a",
        "barrier",
        "Queue",
    ];
    let text: String = (0..20_000)
        .map(|i| words[(i * 7 + i / 3) % words.len()])
        .collect::<Vec<_>>()
        .join(" ");
    let mut expected = HashMap::new();
    for word in text.split_whitespace() {
        *expected.entry(word.to_lowercase()).or_insert(0) += 1;
    }
    for _ in 0..support::ROUNDS / 20 {
        let text = text.clone();
        let got = support::within("twenty thousand words", move || {
            word_counts(&text)
        });
        assert_eq!(
            got, expected,
            "the counts differ from a count on one thread"
        );
    }
}
