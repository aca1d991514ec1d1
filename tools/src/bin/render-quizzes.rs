//! `cargo run -p book-tools --bin render-quizzes`: writes each quiz's HTML (`src/quizzes/NAME.html`)
//! from its file in `quizzes/`, and prints how many questions of each kind there are.

use std::fs;
use std::process::ExitCode;

use book_tools::{quiz, repo_root};

fn main() -> ExitCode {
    let root = repo_root();
    let result = quiz::load_all(&root).and_then(|quizzes| {
        let dir = root.join(quiz::HTML_DIR);
        fs::create_dir_all(&dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
        for file in &quizzes {
            let path = file.html_path(&root);
            fs::write(&path, quiz::render::render(file))
                .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
            println!(
                "wrote {}",
                path.strip_prefix(&root).unwrap_or(&path).display()
            );
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
