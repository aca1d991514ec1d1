//! A copied or moved checkout checks and blesses its own files: the repository root comes from the
//! directory a command runs in, never from the one it was built in. The copy holds the sources only;
//! it is checked and blessed by the binaries already built here, as a copy with its `target/` would be.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use book_tools::catalog::Catalog;
use book_tools::repo_root;

/// Copies the repository's files, without `target/` and `.git`, into `to`.
fn copy_tree(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap_or_else(|e| panic!("{}: {e}", to.display()));
    for entry in fs::read_dir(from).unwrap_or_else(|e| panic!("{}: {e}", from.display())) {
        let entry = entry.expect("a readable directory entry");
        let name = entry.file_name();
        if name == "target" || name == ".git" {
            continue;
        }
        let (source, dest) = (entry.path(), to.join(&name));
        if entry.file_type().expect("a file type").is_dir() {
            copy_tree(&source, &dest);
        } else {
            fs::copy(&source, &dest).unwrap_or_else(|e| panic!("{}: {e}", source.display()));
        }
    }
}

fn fresh_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("{name}-{}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    dir
}

#[test]
fn a_copied_checkout_checks_and_blesses_its_own_files() {
    let original = repo_root();
    let copy = fresh_dir("movable-checkout");
    copy_tree(&original, &copy);
    let catalog = Catalog::load(&original).unwrap_or_else(|e| panic!("{e}"));
    let listing = catalog
        .listings
        .iter()
        .find(|l| l.timeline.is_some())
        .expect("a listing with a timeline");

    // Blessing in the copy (from one of its subdirectories) redraws the copy's picture only.
    let picture = listing.picture_path(&original);
    let relative = picture
        .strip_prefix(&original)
        .expect("inside the repository");
    let before = fs::read_to_string(&picture).expect("the picture is committed");
    fs::write(copy.join(relative), "stale\n").expect("the copy is writable");
    let status = Command::new(env!("CARGO_BIN_EXE_bless"))
        .args(["--pictures-only", &listing.name])
        .current_dir(copy.join("listings"))
        .status()
        .expect("the bless binary runs");
    assert!(
        status.success(),
        "`cargo bless --pictures-only` failed in the copy"
    );
    assert_eq!(
        fs::read_to_string(copy.join(relative)).expect("redrawn"),
        before,
        "bless in the copy did not redraw the copy's {}",
        relative.display()
    );
    assert_eq!(
        fs::read_to_string(&picture).expect("still there"),
        before,
        "bless in the copy wrote the original's {}",
        relative.display()
    );

    // Checks in the copy read the copy: a catalog broken there only fails there.
    let catalog_path = copy.join(book_tools::catalog::CATALOG_PATH);
    let mut text = fs::read_to_string(&catalog_path).expect("the copy's catalog");
    text.push_str("\n[[listing]]\nname = \"ch01-01-round-robin\"\n");
    fs::write(&catalog_path, text).expect("the copy is writable");
    std::env::set_current_dir(copy.join("src")).expect("the copy exists");
    let root = repo_root();
    assert_eq!(
        root,
        copy,
        "repo_root() in the copy found {}",
        root.display()
    );
    assert!(
        Catalog::load(&root).is_err(),
        "the broken catalog of the copy was not the one checked"
    );
    assert!(Catalog::load(&original).is_ok());
    let _ = fs::remove_dir_all(&copy);
}
