//! The Korean edition's translation as an mdBook preprocessor command, for the `mdbook` CLI: the
//! GitHub workflow runs the README's contributor command, `mdbook test`, on each translated
//! edition with it (the in-process build uses the same [`Translate`] directly).
//!
//! ```console
//! $ cargo build -p book-tools --bin translate-preprocessor
//! $ MDBOOK_BOOK__LANGUAGE=ko MDBOOK_BUILD__USE_DEFAULT_PREPROCESSORS=false \
//!   MDBOOK_PREPROCESSOR__TRANSLATE='{"command": "target/debug/translate-preprocessor"}' \
//!   mdbook test -L "$(cargo run -q -p book-tools --bin doctest-deps)"
//! ```
//!
//! mdBook's own `links` preprocessor must be off (`use-default-preprocessors = false`): the
//! translation expands the includes itself, after translating, and a second expansion would read
//! the `{{#include}}` that Appendix C shows as text.

use std::io;
use std::process::ExitCode;

use book_tools::i18n::edition::{TRANSLATIONS, Translate};
use mdbook_preprocessor::Preprocessor;

fn main() -> ExitCode {
    // `mdbook` first asks whether the renderer is supported: every renderer is.
    if std::env::args().nth(1).as_deref() == Some("supports") {
        return ExitCode::SUCCESS;
    }
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run() -> Result<(), String> {
    let (ctx, book) = mdbook_preprocessor::parse_input(io::stdin())
        .map_err(|e| format!("cannot read mdBook's input: {e:#}"))?;
    let language = ctx.config.book.language.clone().unwrap_or_default();
    let edition = TRANSLATIONS
        .iter()
        .find(|e| e.lang == language)
        .ok_or_else(|| format!("book.language is `{language}`, which no translated edition has"))?;
    let translated = Translate::new(*edition, edition.catalog(&ctx.root)?)
        .run(&ctx, book)
        .map_err(|e| format!("cannot translate the book: {e:#}"))?;
    serde_json::to_writer(io::stdout(), &translated)
        .map_err(|e| format!("cannot write the translated book: {e}"))
}
