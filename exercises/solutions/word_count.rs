//! Chapter 13: count words in parallel with rayon.

use std::collections::HashMap;

use rayon::prelude::*;

/// How often each word occurs in `text`. Words are separated by whitespace and
/// counted in lower case ("The" and "the" are one word). The work is spread
/// over rayon's pool of threads.
pub fn word_counts(text: &str) -> HashMap<String, usize> {
    text.par_split_whitespace()
        // Each of rayon's pieces of work counts into a map of its own, with no
        // lock...
        .fold(HashMap::new, |mut counts, word| {
            *counts.entry(word.to_lowercase()).or_insert(0) += 1;
            counts
        })
        // ...and the maps are merged two by two.
        .reduce(HashMap::new, merge)
}

fn merge(
    mut into: HashMap<String, usize>,
    from: HashMap<String, usize>,
) -> HashMap<String, usize> {
    for (word, n) in from {
        *into.entry(word).or_insert(0) += n;
    }
    into
}
