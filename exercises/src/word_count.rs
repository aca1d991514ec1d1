//! Chapter 13: count words in parallel with rayon.

use std::collections::HashMap;

/// How often each word occurs in `text`. Words are separated by whitespace and
/// counted in lower case ("The" and "the" are one word). The work is spread
/// over rayon's pool of threads.
pub fn word_counts(text: &str) -> HashMap<String, usize> {
    todo!("count each piece of the text in parallel, then merge the counts")
}
