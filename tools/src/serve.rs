//! `cargo serve-book`: the book built in-process (the same build as the published one), served on
//! 127.0.0.1, rebuilt when its sources change, and reloaded in the reader's browser.

use std::io::ErrorKind;
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, RecvTimeoutError};
use std::thread;
use std::time::{Duration, Instant};

use notify::{EventKind, RecommendedWatcher, RecursiveMode, Watcher};

use crate::book;
use crate::site::{Builds, Site};

/// What the book is built from: a change to any of these rebuilds it.
const SOURCES: [&str; 5] = ["book.toml", "src", "theme", "listings", "po"];

/// How long the sources must stay unchanged before a rebuild starts, so that an editor's save (or
/// `cargo bless` writing many files) gives one rebuild, not one per file.
const QUIET: Duration = Duration::from_millis(200);

/// Takes the port on 127.0.0.1, or says which flag picks another one.
pub fn bind(port: u16) -> Result<TcpListener, String> {
    TcpListener::bind(("127.0.0.1", port)).map_err(|e| match e.kind() {
        ErrorKind::AddrInUse => format!(
            "port {port} is already in use (another `cargo serve-book`?); \
             pick another one with `cargo serve-book --port {}`",
            port.wrapping_add(1).max(1024)
        ),
        _ => format!("cannot listen on 127.0.0.1:{port}: {e}"),
    })
}

/// The running server. It serves and rebuilds until the process ends.
pub struct LiveBook {
    site: Site,
    builds: Builds,
    // Dropping the watcher would stop the rebuilds.
    _watcher: RecommendedWatcher,
}

impl LiveBook {
    /// Builds the book of `root` into `dest`, serves `dest` through `listener` and rebuilds on every
    /// change to the book's sources. `say` receives one line per build, for the terminal.
    pub fn start(
        root: &Path,
        dest: &Path,
        listener: TcpListener,
        say: fn(&str),
    ) -> Result<LiveBook, String> {
        say("building the book...");
        build(root, dest, say)?;
        let builds = Builds::default();
        builds.finished();
        let site = Site::serve_on(listener, dest, Some(builds.clone()))?;

        let (changes, changed) = mpsc::channel();
        let mut watcher =
            notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
                // Reads (and errors, which come with no path) never change the book.
                if event.is_ok_and(|e| !matches!(e.kind, EventKind::Access(_))) {
                    let _ = changes.send(());
                }
            })
            .map_err(|e| format!("cannot watch the book's files: {e}"))?;
        for source in SOURCES.map(|s| root.join(s)) {
            if source.exists() {
                watcher
                    .watch(&source, RecursiveMode::Recursive)
                    .map_err(|e| format!("cannot watch {}: {e}", source.display()))?;
            }
        }

        let (root, dest, rebuilt) = (root.to_path_buf(), dest.to_path_buf(), builds.clone());
        thread::spawn(move || {
            while changed.recv().is_ok() {
                // Waits for the burst of changes to end.
                loop {
                    match changed.recv_timeout(QUIET) {
                        Ok(()) => continue,
                        Err(RecvTimeoutError::Timeout) => break,
                        Err(RecvTimeoutError::Disconnected) => return,
                    }
                }
                say("a source changed: rebuilding...");
                match build(&root, &dest, say) {
                    Ok(()) => rebuilt.finished(),
                    Err(e) => say(&format!(
                        "error: {e}\n(the page reloads after the next good build)"
                    )),
                }
            }
        });
        Ok(LiveBook {
            site,
            builds,
            _watcher: watcher,
        })
    }

    /// `http://127.0.0.1:PORT/`.
    pub fn url(&self) -> String {
        self.site.url("")
    }

    /// The number of the latest good build, counting from 1.
    pub fn builds(&self) -> u64 {
        self.builds.latest()
    }
}

fn build(root: &Path, dest: &Path, say: fn(&str)) -> Result<(), String> {
    let started = Instant::now();
    let built: PathBuf = book::build_html(root, dest)?;
    say(&format!(
        "built the book in {} ({:.1} s)",
        built.display(),
        started.elapsed().as_secs_f64()
    ));
    Ok(())
}
