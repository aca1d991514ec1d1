//! A wrong word count the tests must catch: it cuts the text into pieces of a
//! fixed number of bytes for the threads, and a word that straddles a cut is
//! counted as two pieces of words.
//!
//! Caught by `a_long_text_is_counted_as_one_thread_would_count_it`, which says
//! "the counts differ from a count on one thread".

use std::collections::HashMap;

use rayon::prelude::*;

/// How often each word occurs in `text`. Words are separated by whitespace and
/// counted in lower case ("The" and "the" are one word). The work is spread
/// over rayon's pool of threads.
pub fn word_counts(text: &str) -> HashMap<String, usize> {
    text.as_bytes()
        .par_chunks(64)
        .map(|chunk| {
            let mut counts = HashMap::new();
            for word in String::from_utf8_lossy(chunk).split_whitespace() {
                *counts.entry(word.to_lowercase()).or_insert(0) += 1;
            }
            counts
        })
        .reduce(HashMap::new, |mut into, from| {
            for (word, n) in from {
                *into.entry(word).or_insert(0) += n;
            }
            into
        })
}
