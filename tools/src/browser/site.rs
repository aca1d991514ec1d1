//! The built book served on localhost, as a reader's browser would fetch it from a web host.

use std::fs;
use std::path::{Component, Path, PathBuf};
use std::sync::Arc;
use std::thread;

use tiny_http::{Header, Response, Server};

/// A static file server for one directory, on a free port of 127.0.0.1. It stops when dropped.
pub struct Site {
    base: String,
    server: Arc<Server>,
}

impl Site {
    pub fn serve(dir: &Path) -> Result<Site, String> {
        let server = Server::http("127.0.0.1:0")
            .map_err(|e| format!("cannot start a local web server: {e}"))?;
        let port = server
            .server_addr()
            .to_ip()
            .expect("bound to an IP address")
            .port();
        let server = Arc::new(server);
        let dir = dir.to_path_buf();
        let serving = Arc::clone(&server);
        thread::spawn(move || {
            // `incoming_requests` ends when the server is unblocked on drop.
            for request in serving.incoming_requests() {
                let response = respond(&dir, request.url());
                let _ = request.respond(response);
            }
        });
        Ok(Site {
            base: format!("http://127.0.0.1:{port}"),
            server,
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
        self.server.unblock();
    }
}

fn respond(dir: &Path, url: &str) -> Response<std::io::Cursor<Vec<u8>>> {
    let path = url.split(['?', '#']).next().unwrap_or_default();
    let Some(file) = resolve(dir, path) else {
        return Response::from_string("not found").with_status_code(404);
    };
    match fs::read(&file) {
        Ok(bytes) => {
            let header =
                Header::from_bytes("Content-Type", content_type(&file)).expect("a valid header");
            Response::from_data(bytes).with_header(header)
        }
        Err(_) => Response::from_string("not found").with_status_code(404),
    }
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
