//! `cargo run -p book-tools --bin render-quizzes`: writes each quiz's HTML (`src/quizzes/NAME.html`)
//! from its file in `quizzes/`, and its translation into each edition (`src/quizzes/LANG/NAME.html`,
//! through `po/LANG.po`), and prints how many questions of each kind there are.

use std::fs;
use std::path::Path;
use std::process::ExitCode;

use book_tools::i18n::edition::TRANSLATIONS;
use book_tools::quiz::render::{Language, render_in};
use book_tools::{quiz, repo_root};

fn write(root: &Path, path: &Path, html: &str) -> Result<(), String> {
    let dir = path.parent().expect("a quiz's HTML lives in a directory");
    fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    fs::write(path, html).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    println!(
        "wrote {}",
        path.strip_prefix(root).unwrap_or(path).display()
    );
    Ok(())
}

fn main() -> ExitCode {
    let root = repo_root();
    let result = quiz::load_all(&root).and_then(|quizzes| {
        for file in &quizzes {
            write(&root, &file.html_path(&root), &quiz::render::render(file))?;
        }
        for edition in TRANSLATIONS {
            let catalog = edition.catalog(&root)?;
            let language = Language::translated(*edition, &catalog);
            for file in &quizzes {
                let path = edition.generated_path(&file.html_path(&root));
                write(&root, &path, &render_in(file, &language)?)?;
            }
        }
        println!("{}", quiz::totals(&quizzes));
        Ok(())
    });
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}
