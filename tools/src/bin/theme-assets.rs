//! `cargo run -p book-tools --bin theme-assets`: rewrites the theme files derived from the pinned
//! mdBook release and the book's patches (see `tools/src/theme.rs`).

use std::fs;
use std::process::ExitCode;

use book_tools::{repo_root, theme};

fn main() -> ExitCode {
    let root = repo_root();
    let result = theme::derive(&root).and_then(|derived| {
        for (path, text) in derived {
            let path_buf = root.join(path);
            if let Some(dir) = path_buf.parent() {
                fs::create_dir_all(dir)
                    .map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
            }
            fs::write(root.join(path), &text).map_err(|e| format!("cannot write {path}: {e}"))?;
            println!("wrote {path} ({} bytes)", text.len());
        }
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
