//! Another right word count, slower than the reference: rayon's threads count
//! into one map behind a mutex, so they take turns at every word.

use std::collections::HashMap;
use std::sync::Mutex;

use rayon::prelude::*;

/// How often each word occurs in `text`. Words are separated by whitespace and
/// counted in lower case ("The" and "the" are one word). The work is spread
/// over rayon's pool of threads.
pub fn word_counts(text: &str) -> HashMap<String, usize> {
    let counts = Mutex::new(HashMap::new());
    text.par_split_whitespace().for_each(|word| {
        let word = word.to_lowercase();
        *counts.lock().unwrap().entry(word).or_insert(0) += 1;
    });
    counts.into_inner().unwrap()
}
