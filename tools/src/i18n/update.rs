//! `cargo run -p book-tools --bin update-translations`: extracts the template from the English
//! book and brings every translation's PO file up to it, as gettext's `msgmerge` would: a message
//! whose English is unchanged keeps its translation; a changed one gets the translation of the
//! message it most resembles, marked fuzzy for a translator to check (the tests fail until the flag
//! is removed); a new one is left untranslated; and a message the book no longer has is dropped.

use std::path::Path;

use polib::catalog::Catalog;
use polib::message::{Message, MessageMutView};

use super::edition::{Edition, TRANSLATIONS};
use super::template::{self, TEMPLATE, new_catalog};

/// What an update did to one translation.
pub struct Updated {
    pub edition: Edition,
    pub kept: usize,
    pub fuzzy: usize,
    pub untranslated: usize,
    pub dropped: usize,
}

/// How alike a changed message must be to an old one for its translation to be offered (fuzzy).
const FUZZY_RATIO: f32 = 0.7;

/// Writes `po/messages.pot` and updates every `po/LANG.po`.
pub fn update(root: &Path) -> Result<Vec<Updated>, String> {
    let template = template::extract(root)?;
    write(&template, &root.join(TEMPLATE))?;
    let mut report = Vec::new();
    for edition in TRANSLATIONS {
        let path = edition.po_path(root);
        let old = if path.is_file() {
            edition.catalog(root)?
        } else {
            new_catalog(edition.lang)
        };
        let (merged, updated) = merge(&template, &old, *edition);
        write(&merged, &path)?;
        report.push(updated);
    }
    Ok(report)
}

/// The translation `old` brought up to `template`.
pub fn merge(template: &Catalog, old: &Catalog, edition: Edition) -> (Catalog, Updated) {
    let mut merged = new_catalog(edition.lang);
    merged.metadata.po_revision_date = old.metadata.po_revision_date.clone();
    merged.metadata.last_translator = old.metadata.last_translator.clone();
    merged.metadata.language_team = old.metadata.language_team.clone();
    let mut updated = Updated {
        edition,
        kept: 0,
        fuzzy: 0,
        untranslated: 0,
        dropped: 0,
    };
    // Translations of messages the book no longer has: a changed message may find its old self.
    let gone: Vec<(&str, &str, &str)> = old
        .messages()
        .filter(|m| m.is_translated() && template.find_message(None, m.msgid(), None).is_none())
        .map(|m| (m.source(), m.msgid(), m.msgstr().unwrap_or_default()))
        .collect();
    for message in template.messages() {
        let mut new = Message::build_singular()
            .with_source(message.source().to_owned())
            .with_msgid(message.msgid().to_owned())
            .done();
        match old
            .find_message(None, message.msgid(), None)
            .filter(|m| m.is_translated())
        {
            Some(known) => {
                new.set_msgstr(known.msgstr().unwrap_or_default().to_owned())
                    .expect("a singular message");
                *new.flags_mut() = known.flags().clone();
                new.comments_mut().clone_from(&known.comments().to_owned());
                updated.kept += 1;
            }
            None => match resembling(&gone, message.source(), message.msgid()) {
                Some(msgstr) => {
                    new.set_msgstr(msgstr.to_owned())
                        .expect("a singular message");
                    new.flags_mut().add_flag("fuzzy");
                    updated.fuzzy += 1;
                }
                None => updated.untranslated += 1,
            },
        }
        merged.append_or_update(new);
    }
    updated.dropped = gone.len();
    (merged, updated)
}

/// The translation of the old message from the same file that most resembles `msgid`, if one is
/// alike enough.
fn resembling<'a>(gone: &[(&str, &str, &'a str)], source: &str, msgid: &str) -> Option<&'a str> {
    let file = |s: &str| s.split(':').next().unwrap_or("").to_owned();
    gone.iter()
        .filter(|(old_source, _, _)| file(old_source) == file(source))
        .map(|(_, old_msgid, msgstr)| {
            let ratio = similar::TextDiff::from_chars(*old_msgid, msgid).ratio();
            (ratio, *msgstr)
        })
        .filter(|(ratio, _)| *ratio >= FUZZY_RATIO)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, msgstr)| msgstr)
}

fn write(catalog: &Catalog, path: &Path) -> Result<(), String> {
    polib::po_file::write(catalog, path)
        .map_err(|e| format!("cannot write {}: {e}", path.display()))
}
