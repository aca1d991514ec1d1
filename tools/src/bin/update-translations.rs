//! Extracts the English book's messages into `po/messages.pot` and brings every translation
//! (`po/LANG.po`) up to it. Run it after changing the English book, then translate what it reports.

use std::process::ExitCode;

fn main() -> ExitCode {
    let root = book_tools::repo_root();
    match book_tools::i18n::update::update(&root) {
        Ok(report) => {
            for updated in report {
                println!(
                    "po/{}.po: {} translations kept, {} changed messages given their old translation \
                     (fuzzy: check each, then remove the flag), {} messages to translate, {} \
                     translations dropped",
                    updated.edition.lang,
                    updated.kept,
                    updated.fuzzy,
                    updated.untranslated,
                    updated.dropped
                );
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}
