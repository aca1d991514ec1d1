//! A wrong word count the tests must catch: it merges the counts of two pieces
//! of the text with `extend`, which replaces a word's count with the other
//! piece's count instead of adding the two.
//!
//! Caught by `a_long_text_is_counted_as_one_thread_would_count_it`, which says
//! "the counts differ from a count on one thread".

use std::collections::HashMap;

use rayon::prelude::*;

/// How often each word occurs in `text`. Words are separated by whitespace and
/// counted in lower case ("The" and "the" are one word). The work is spread
/// over rayon's pool of threads.
pub fn word_counts(text: &str) -> HashMap<String, usize> {
    text.par_split_whitespace()
        .fold(HashMap::new, |mut counts, word| {
            *counts.entry(word.to_lowercase()).or_insert(0) += 1;
            counts
        })
        .reduce(HashMap::new, |mut into, from| {
            into.extend(from);
            into
        })
}
