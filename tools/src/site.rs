//! The built book served on localhost, as a reader's browser would fetch it from a web host; for
//! `cargo serve-book` also with live reload.

use std::fs;
use std::io::{BufRead, BufReader, Write};
use std::net::{Shutdown, TcpListener, TcpStream};
use std::path::{Component, Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::thread;

/// A static file server for one directory, on a free port of 127.0.0.1. It stops when dropped.
///
/// It speaks just enough HTTP/1.1 for a browser reading static files: `GET` only, one request per
/// connection (`Connection: close`). Closing every connection keeps each response independent of
/// the others, so a page's many parallel requests can never wait on each other.
pub struct Site {
    base: String,
    stopped: Arc<AtomicBool>,
}

/// Where a live-reloading page asks which build of the book the server has.
pub const BUILD_PATH: &str = "/__serve-book/build";

/// The number of the book's latest build, shared by the server and whoever rebuilds the book.
///
/// A served page learns the number it was built with and asks [`BUILD_PATH`] every second; when the
/// number differs, the book was rebuilt and the page reloads itself.
#[derive(Clone, Default)]
pub struct Builds(Arc<AtomicU64>);

impl Builds {
    pub fn latest(&self) -> u64 {
        self.0.load(Ordering::SeqCst)
    }

    /// Records a finished build: every page served before it reloads.
    pub fn finished(&self) {
        self.0.fetch_add(1, Ordering::SeqCst);
    }
}

impl Site {
    /// Serves `dir` on a free port, exactly as the files are.
    pub fn serve(dir: &Path) -> Result<Site, String> {
        let listener = TcpListener::bind("127.0.0.1:0")
            .map_err(|e| format!("cannot start a local web server: {e}"))?;
        Site::serve_on(listener, dir, None)
    }

    /// Serves `dir` through `listener`; with `live`, every HTML page carries a script that reloads
    /// it after the next build. The files themselves are never changed.
    pub fn serve_on(
        listener: TcpListener,
        dir: &Path,
        live: Option<Builds>,
    ) -> Result<Site, String> {
        let port = listener
            .local_addr()
            .map_err(|e| format!("the local web server has no address: {e}"))?
            .port();
        let stopped = Arc::new(AtomicBool::new(false));
        let stop = Arc::clone(&stopped);
        let dir = dir.to_path_buf();
        thread::spawn(move || {
            for stream in listener.incoming() {
                if stop.load(Ordering::SeqCst) {
                    break;
                }
                let Ok(stream) = stream else { continue };
                let dir = dir.clone();
                let live = live.clone();
                thread::spawn(move || {
                    let _ = answer(&dir, live.as_ref(), stream);
                });
            }
        });
        Ok(Site {
            base: format!("http://127.0.0.1:{port}"),
            stopped,
        })
    }

    /// `http://127.0.0.1:PORT`, the origin every request of a page should go to.
    pub fn origin(&self) -> &str {
        &self.base
    }

    /// The address of `page`, a path relative to the book's root such as `ch07-locks.html`.
    pub fn url(&self, page: &str) -> String {
        format!("{}/{}", self.base, page.trim_start_matches('/'))
    }
}

impl Drop for Site {
    fn drop(&mut self) {
        self.stopped.store(true, Ordering::SeqCst);
        // Wakes the accepting thread so that it sees the flag and ends.
        let _ = TcpStream::connect(self.base.trim_start_matches("http://"));
    }
}

/// Reads one request from `stream` and answers it.
fn answer(dir: &Path, live: Option<&Builds>, mut stream: TcpStream) -> std::io::Result<()> {
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut request_line = String::new();
    reader.read_line(&mut request_line)?;
    // The headers are read to their end so that the client is not cut off mid-request.
    let mut header = String::new();
    while reader.read_line(&mut header)? > 2 {
        header.clear();
    }
    let mut parts = request_line.split_whitespace();
    let (method, target) = (
        parts.next().unwrap_or_default(),
        parts.next().unwrap_or("/"),
    );
    let path = target.split(['?', '#']).next().unwrap_or_default();
    let found = match (method, live) {
        ("GET" | "HEAD", Some(builds)) if path == BUILD_PATH => {
            Some(("text/plain", builds.latest().to_string().into_bytes()))
        }
        ("GET" | "HEAD", _) => resolve(dir, path).and_then(|file| {
            let bytes = fs::read(&file).ok()?;
            let content_type = content_type(&file);
            match live {
                Some(builds) if content_type.starts_with("text/html") => {
                    Some((content_type, with_reload_script(bytes, builds.latest())))
                }
                _ => Some((content_type, bytes)),
            }
        }),
        _ => None,
    };
    let (status, content_type, body) = match found {
        Some((content_type, bytes)) => ("200 OK", content_type, bytes),
        None => ("404 Not Found", "text/plain", b"not found".to_vec()),
    };
    write!(
        stream,
        "HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    )?;
    if method != "HEAD" {
        stream.write_all(&body)?;
    }
    stream.flush()?;
    stream.shutdown(Shutdown::Both)
}

/// `page` with a script before `</body>` that reloads it once the server has a build newer than
/// `build`. Errors are ignored: while the server restarts, the page waits for it.
fn with_reload_script(page: Vec<u8>, build: u64) -> Vec<u8> {
    let script = format!(
        "<script>(() => {{ const check = () => fetch(\"{BUILD_PATH}\", {{ cache: \"no-store\" }})\
         .then((r) => r.text()).then((b) => {{ if (b !== \"{build}\") location.reload(); }})\
         .catch(() => {{}}).finally(() => setTimeout(check, 1000)); setTimeout(check, 1000); }})();\
         </script>"
    );
    let mut page = String::from_utf8_lossy(&page).into_owned();
    let at = page.rfind("</body>").unwrap_or(page.len());
    page.insert_str(at, &script);
    page.into_bytes()
}

/// The file a request path names inside `dir`; `None` for paths that would leave it.
fn resolve(dir: &Path, path: &str) -> Option<PathBuf> {
    let relative = Path::new(path.trim_start_matches('/'));
    if relative
        .components()
        .any(|c| !matches!(c, Component::Normal(_)))
    {
        return None;
    }
    let file = dir.join(relative);
    if file.is_dir() {
        Some(file.join("index.html"))
    } else {
        Some(file)
    }
}

fn content_type(file: &Path) -> &'static str {
    match file.extension().and_then(|e| e.to_str()) {
        Some("html") => "text/html; charset=utf-8",
        Some("css") => "text/css; charset=utf-8",
        Some("js") => "text/javascript; charset=utf-8",
        Some("json") => "application/json",
        Some("svg") => "image/svg+xml",
        Some("png") => "image/png",
        Some("woff2") => "font/woff2",
        Some("csv") => "text/csv; charset=utf-8",
        _ => "text/plain; charset=utf-8",
    }
}
