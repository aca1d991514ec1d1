//! `cargo run -p book-tools --bin dependency-blocks`: rewrites the `[dependencies]` block of every
//! listing that uses a crate (`listings/deps/NAME.toml`, see `tools/src/dependency_blocks.rs`) from
//! its source, its catalog entry and the workspace's pins, and deletes the blocks of listings that
//! no longer use one.

use std::fs;
use std::process::ExitCode;

use book_tools::catalog::Catalog;
use book_tools::dependency_blocks::{self, DEPS_DIR};
use book_tools::repo_root;

fn main() -> ExitCode {
    let root = repo_root();
    let result = Catalog::load(&root)
        .map_err(|e| vec![e])
        .and_then(|catalog| {
            let blocks = dependency_blocks::blocks(&root, &catalog)?;
            let unexplained = dependency_blocks::check_workspace_features(&root, &catalog);
            if !unexplained.is_empty() {
                return Err(unexplained);
            }
            let dir = root.join(DEPS_DIR);
            fs::create_dir_all(&dir).map_err(|e| vec![format!("cannot create {DEPS_DIR}: {e}")])?;
            for stray in dependency_blocks::strays(&root, &blocks) {
                fs::remove_file(root.join(&stray))
                    .map_err(|e| vec![format!("cannot delete {stray}: {e}")])?;
                println!("deleted {stray}");
            }
            for block in &blocks {
                let file = block.file();
                if fs::read_to_string(root.join(&file)).ok().as_ref() == Some(&block.text) {
                    continue;
                }
                fs::write(root.join(&file), &block.text)
                    .map_err(|e| vec![format!("cannot write {file}: {e}")])?;
                println!("wrote {file} ({})", block.crates.join(", "));
            }
            println!(
                "{} listings use crates; their blocks are up to date",
                blocks.len()
            );
            Ok(())
        });
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(problems) => {
            for problem in problems {
                eprintln!("error: {problem}");
            }
            ExitCode::FAILURE
        }
    }
}
