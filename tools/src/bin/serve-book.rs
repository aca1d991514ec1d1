//! `cargo serve-book [--port N] [--open]`: builds the book into `book/` in-process, with the same
//! mdBook crates as the published build, serves it on http://127.0.0.1:3000 and rebuilds it on
//! every change; open pages reload themselves.

use std::process::{Command, ExitCode};
use std::thread;

use book_tools::serve::{self, LiveBook};

const USAGE: &str = "usage: cargo serve-book [--port N] [--open]";

struct Options {
    port: u16,
    open: bool,
}

fn options() -> Result<Options, String> {
    let mut options = Options {
        port: 3000,
        open: false,
    };
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let port = match arg.as_str() {
            "-o" | "--open" => {
                options.open = true;
                continue;
            }
            "-p" | "--port" => args.next(),
            _ => match arg.strip_prefix("--port=") {
                Some(port) => Some(port.to_owned()),
                None => return Err(format!("unknown argument `{arg}`\n{USAGE}")),
            },
        };
        options.port = port
            .and_then(|p| p.parse().ok())
            .ok_or_else(|| format!("--port needs a port number\n{USAGE}"))?;
    }
    Ok(options)
}

/// Opens `url` in the system's browser.
fn open(url: &str) {
    let mut command = if cfg!(target_os = "windows") {
        let mut c = Command::new("cmd");
        c.args(["/C", "start", ""]);
        c
    } else if cfg!(target_os = "macos") {
        Command::new("open")
    } else {
        Command::new("xdg-open")
    };
    if !command.arg(url).status().is_ok_and(|s| s.success()) {
        eprintln!("could not open a browser: open {url} yourself");
    }
}

fn say(line: &str) {
    eprintln!("{line}");
}

fn main() -> ExitCode {
    let started = match options().and_then(|options| {
        // The port is taken before the build, so that a busy one is reported at once.
        let listener = serve::bind(options.port)?;
        let root = book_tools::repo_root();
        let book = LiveBook::start(&root, &root.join("book"), listener, say)?;
        Ok((book, options.open))
    }) {
        Ok(started) => started,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::FAILURE;
        }
    };
    let (book, open_it) = started;
    eprintln!(
        "serving the book on {} and its Korean edition on {}ko/ (Ctrl-C stops); both are rebuilt \
         when book.toml, src/, theme/, listings/ or po/ change, and open pages reload",
        book.url(),
        book.url()
    );
    if open_it {
        open(&book.url());
    }
    loop {
        thread::park();
    }
}
