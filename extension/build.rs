//! Chooses the version of chapter 19's exercise that `src/lib.rs` compiles: the starter
//! `src/sum_after_gate.rs`, which readers edit, unless `HOTLOOP_EXERCISE` names another file, relative
//! to this directory (`solutions/sum_after_gate.rs`, `seeded/sum_after_gate/NAME.rs`), as the book's check
//! does to build every version of the exercise. A `#[path]` cannot come from an environment
//! variable, so the module's declaration is written to a file that `src/lib.rs` includes.

use std::env;
use std::fs;
use std::path::PathBuf;

fn main() {
    println!("cargo::rerun-if-env-changed=HOTLOOP_EXERCISE");
    println!("cargo::rustc-check-cfg=cfg(hotloop_exercise)");
    let Some(file) = env::var_os("HOTLOOP_EXERCISE").filter(|f| !f.is_empty())
    else {
        return;
    };
    let manifest =
        PathBuf::from(env::var_os("CARGO_MANIFEST_DIR").expect("set by cargo"));
    let file = manifest.join(file);
    assert!(
        file.is_file(),
        "HOTLOOP_EXERCISE names {}, which is not a file",
        file.display()
    );
    let out = PathBuf::from(env::var_os("OUT_DIR").expect("set by cargo"));
    let declaration = format!(
        "#[path = {:?}]\nmod sum_after_gate;\n",
        file.display().to_string()
    );
    fs::write(out.join("sum_after_gate.rs"), declaration)
        .expect("OUT_DIR is writable");
    println!("cargo::rustc-cfg=hotloop_exercise");
}
