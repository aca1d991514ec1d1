//! `cargo serve-book`'s server: it serves the built book with a live-reload script, rebuilds when a
//! source changes (the build number the pages ask for moves on) and names `--port` when its port is
//! taken. It runs on a small book of its own, so that the test does not write into the repository.

use std::fs;
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::thread;
use std::time::Duration;

use book_tools::serve::{self, LiveBook};
use book_tools::site::BUILD_PATH;

/// A book of one chapter in a fresh directory under `target/`.
fn small_book(name: &str) -> PathBuf {
    let root = book_tools::repo_root()
        .join("target")
        .join("serve-book-test")
        .join(name);
    let _ = fs::remove_dir_all(&root);
    fs::create_dir_all(root.join("src")).unwrap();
    fs::write(root.join("book.toml"), "[book]\ntitle = \"Served\"\n").unwrap();
    fs::write(
        root.join("src/SUMMARY.md"),
        "# Summary\n\n[Intro](intro.md)\n",
    )
    .unwrap();
    fs::write(root.join("src/intro.md"), "# Intro\n\nfirst words\n").unwrap();
    root
}

/// The body of `GET path`, or the status line when it is not 200.
fn get(book: &LiveBook, path: &str) -> Result<String, String> {
    let address = book.url();
    let host = address.trim_start_matches("http://").trim_end_matches('/');
    let mut stream = TcpStream::connect(host).map_err(|e| format!("cannot connect: {e}"))?;
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut response = String::new();
    stream.read_to_string(&mut response).unwrap();
    let (head, body) = response.split_once("\r\n\r\n").unwrap_or((&response, ""));
    match head.lines().next() {
        Some(status) if status.contains(" 200 ") => Ok(body.to_owned()),
        status => Err(format!("GET {path} answered {status:?}")),
    }
}

fn start(root: &Path) -> LiveBook {
    let listener = serve::bind(0).unwrap();
    LiveBook::start(root, &root.join("book"), listener, |_| {}).unwrap()
}

#[test]
fn the_served_book_has_its_index_page_with_a_reload_script() {
    let root = small_book("index");
    let book = start(&root);
    let index = get(&book, "/").unwrap();
    assert!(index.contains("first words"), "index.html:\n{index}");
    assert!(
        index.contains(BUILD_PATH),
        "index.html has no live-reload script:\n{index}"
    );
    assert_eq!(get(&book, BUILD_PATH).unwrap(), "1");
    // The file on disk is the published build, without the script.
    let on_disk = fs::read_to_string(root.join("book/index.html")).unwrap();
    assert!(!on_disk.contains(BUILD_PATH));
}

#[test]
fn a_changed_chapter_is_rebuilt_and_the_build_number_moves_on() {
    let root = small_book("reload");
    let book = start(&root);
    assert_eq!(get(&book, BUILD_PATH).unwrap(), "1");
    fs::write(root.join("src/intro.md"), "# Intro\n\nsecond words\n").unwrap();
    // Waits for the watcher and the rebuild; the bound only stops a test that would hang.
    let mut waited = 0;
    while book.builds() < 2 {
        assert!(
            waited < 600,
            "src/intro.md changed but the book was not rebuilt within 60 s"
        );
        thread::sleep(Duration::from_millis(100));
        waited += 1;
    }
    assert_eq!(get(&book, BUILD_PATH).unwrap(), "2");
    let page = get(&book, "/intro.html").unwrap();
    assert!(page.contains("second words"), "intro.html:\n{page}");
}

#[test]
fn a_busy_port_is_reported_with_the_flag_that_picks_another() {
    let taken = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = taken.local_addr().unwrap().port();
    let error = serve::bind(port).unwrap_err();
    assert!(
        error.contains(&format!("port {port} is already in use")) && error.contains("--port"),
        "{error}"
    );
}
