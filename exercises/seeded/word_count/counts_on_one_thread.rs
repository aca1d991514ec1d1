//! A wrong word count the tests must catch: it counts right, but with
//! `split_whitespace` where `par_split_whitespace` was meant, so every word is
//! counted on the calling thread and rayon's pool does nothing.
//!
//! Caught by `the_words_are_counted_on_rayons_threads`, which says
//! "none of the work ran on rayon's threads".

use std::collections::HashMap;

/// How often each word occurs in `text`. Words are separated by whitespace and
/// counted in lower case ("The" and "the" are one word). The work is spread
/// over rayon's pool of threads.
pub fn word_counts(text: &str) -> HashMap<String, usize> {
    text.split_whitespace()
        .fold(HashMap::new(), |mut counts, word| {
            *counts.entry(word.to_lowercase()).or_insert(0) += 1;
            counts
        })
}
