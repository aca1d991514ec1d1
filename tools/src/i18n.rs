//! The Korean edition: the translation template, the translation's checks and the Korean build.

pub mod check;
pub mod edition;
pub mod glossary;
pub mod not_found;
pub mod parity;
pub mod switch;
pub mod template;
pub mod titles;
pub mod update;

/// The mdBook directives (`{{#include ...}}`, `{{#rustdoc_include ...}}`, ...) in a text, in order.
pub fn directives(text: &str) -> Vec<String> {
    static DIRECTIVE: std::sync::LazyLock<regex::Regex> =
        std::sync::LazyLock::new(|| regex::Regex::new(r"\{\{#[^}]*\}\}").expect("a valid pattern"));
    DIRECTIVE
        .find_iter(text)
        .map(|m| m.as_str().to_owned())
        .collect()
}
