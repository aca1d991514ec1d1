//! Headless Chromium through the DevTools protocol: loads a page, records every request it made and
//! every error it logged, and answers questions about its DOM.

use std::collections::BTreeMap;
use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use headless_chrome::protocol::cdp::Emulation;
use headless_chrome::protocol::cdp::Log::LogEntryLevel;
use headless_chrome::protocol::cdp::Network;
use headless_chrome::protocol::cdp::Page as PageDomain;
use headless_chrome::protocol::cdp::Page::CaptureScreenshotFormatOption;
use headless_chrome::protocol::cdp::Runtime::ConsoleAPICalledEventTypeOption;
use headless_chrome::protocol::cdp::types::Event;
use headless_chrome::{Browser, LaunchOptions, Tab};
use serde::de::DeserializeOwned;

/// Where Chromium is: `$CHROMIUM` if set, else the usual Debian and Ubuntu paths.
///
/// Chromium's headless shell (Debian's `chromium-headless-shell`) comes first: it is the same
/// Blink, with the same layout, styles and scripts, but without the desktop browser around it,
/// and the browser tests use about a third less CPU in it. The binary is named, not Debian's
/// `/usr/bin` wrapper script, so that stopping the browser stops Chromium itself.
pub fn find_chromium() -> Option<PathBuf> {
    if let Some(path) = std::env::var_os("CHROMIUM") {
        return Some(PathBuf::from(path));
    }
    [
        "/usr/lib/chromium/chromium-headless-shell",
        "/usr/bin/chromium",
        "/usr/bin/chromium-browser",
        "/usr/bin/google-chrome",
    ]
    .into_iter()
    .map(PathBuf::from)
    .find(|p| p.exists())
}

/// How long one page may take to load. Pages load in well under a second; the margin is for a
/// loaded machine or a single core, so that no test depends on the machine being idle.
const LOAD_TIMEOUT: Duration = Duration::from_secs(60);

pub struct Chromium {
    browser: Browser,
}

impl Chromium {
    pub fn launch(path: &Path) -> Result<Chromium, String> {
        let args: Vec<&OsStr> = [
            "--disable-gpu",
            "--disable-quic",
            "--disable-component-update",
            "--no-default-browser-check",
            "--hide-scrollbars",
            "--lang=en-US",
        ]
        .iter()
        .map(OsStr::new)
        .collect();
        let options = LaunchOptions::default_builder()
            .path(Some(path.to_path_buf()))
            .headless(true)
            // The sandbox needs user namespaces, which containers and CI runners often lack.
            .sandbox(false)
            .window_size(Some((1280, 900)))
            .idle_browser_timeout(Duration::from_secs(600))
            .args(args)
            .build()
            .map_err(|e| format!("bad Chromium options: {e}"))?;
        let browser = Browser::new(options)
            .map_err(|e| format!("cannot start Chromium at {}: {e:#}", path.display()))?;
        Ok(Chromium { browser })
    }

    /// A fresh tab that records what its pages request and log, with the cache off so that every
    /// load is a first load.
    pub fn page(&self) -> Result<Page, String> {
        let tab = self
            .browser
            .new_tab()
            .map_err(|e| format!("cannot open a tab: {e:#}"))?;
        Self::watch(tab)
    }

    /// A fresh tab, as [`Chromium::page`], in a browser context of its own: its `localStorage`
    /// (where mdBook keeps the theme) is shared with no other tab, so a theme switched in it shows
    /// in no page another tab loads.
    pub fn isolated_page(&self) -> Result<Page, String> {
        let tab = self
            .browser
            .new_context()
            .and_then(|context| context.new_tab())
            .map_err(|e| format!("cannot open a tab in a context of its own: {e:#}"))?;
        Self::watch(tab)
    }

    /// Does each of `jobs` in one of `tabs` tabs, each in a browser context of its own
    /// ([`Chromium::isolated_page`]), a tab taking the next job as soon as it is done with one,
    /// and returns the results in the order of `jobs`.
    pub fn in_tabs<J: Sync, R: Send>(
        &self,
        tabs: usize,
        jobs: &[J],
        work: impl Fn(&Page, &J) -> R + Sync,
    ) -> Vec<R> {
        let next = Mutex::new(jobs.iter().enumerate());
        let done = Mutex::new(Vec::with_capacity(jobs.len()));
        thread::scope(|scope| {
            for _ in 0..tabs.min(jobs.len()) {
                scope.spawn(|| {
                    let tab = self.isolated_page().unwrap_or_else(|e| panic!("{e}"));
                    loop {
                        let Some((i, job)) = next.lock().expect("no job panics holding it").next()
                        else {
                            break;
                        };
                        let result = work(&tab, job);
                        done.lock()
                            .expect("no job panics holding it")
                            .push((i, result));
                    }
                });
            }
        });
        let mut done = done.into_inner().expect("every tab is done");
        done.sort_by_key(|(i, _)| *i);
        done.into_iter().map(|(_, result)| result).collect()
    }

    fn watch(tab: Arc<Tab>) -> Result<Page, String> {
        tab.set_default_timeout(LOAD_TIMEOUT);
        let log = Arc::new(Mutex::new(Recorder::default()));
        let recorder = Arc::clone(&log);
        tab.add_event_listener(Arc::new(move |event: &Event| {
            recorder
                .lock()
                .expect("recorder never panics")
                .record(event);
        }))
        .map_err(|e| format!("cannot listen to the tab: {e:#}"))?;
        tab.call_method(Network::Enable {
            max_total_buffer_size: None,
            max_resource_buffer_size: None,
            max_post_data_size: None,
            report_direct_socket_traffic: None,
            enable_durable_messages: None,
        })
        .map_err(|e| format!("cannot watch the network: {e:#}"))?;
        tab.call_method(Network::SetCacheDisabled {
            cache_disabled: true,
        })
        .map_err(|e| format!("cannot disable the cache: {e:#}"))?;
        tab.enable_runtime()
            .and_then(|t| t.enable_log())
            .map_err(|e| format!("cannot watch the console: {e:#}"))?;
        // Tabs of a headless browser never have the window's focus; without this, focusing an
        // element would fire no focus events, and keyboard use could not be tested.
        tab.call_method(Emulation::SetFocusEmulationEnabled { enabled: true })
            .map_err(|e| format!("cannot emulate focus: {e:#}"))?;
        Ok(Page { tab, log })
    }
}

/// One request a page made, and how it ended.
#[derive(Debug, Clone, Default)]
pub struct Request {
    pub url: String,
    /// What the browser fetched it as: `Document`, `Stylesheet`, `Script`, `Font`, `Image`, ...
    pub kind: String,
    pub status: Option<u32>,
    /// Bytes received, headers included, as the browser counts them.
    pub bytes: u64,
    pub failure: Option<String>,
    pub done: bool,
}

/// What happened while a page loaded.
#[derive(Debug, Clone, Default)]
pub struct Load {
    pub url: String,
    pub requests: Vec<Request>,
    pub errors: Vec<String>,
}

impl Load {
    /// Requests that went anywhere but `origin` (`data:` URLs stay inside the page).
    pub fn foreign(&self, origin: &str) -> Vec<&Request> {
        self.requests
            .iter()
            .filter(|r| !r.url.starts_with(&format!("{origin}/")) && !r.url.starts_with("data:"))
            .collect()
    }

    /// Requests that failed or were answered with an error status.
    pub fn failed(&self) -> Vec<&Request> {
        self.requests
            .iter()
            .filter(|r| r.failure.is_some() || r.status.is_some_and(|s| s >= 400))
            .collect()
    }

    /// Everything the page downloaded.
    pub fn bytes(&self) -> u64 {
        self.requests.iter().map(|r| r.bytes).sum()
    }

    /// What a first load weighs by the book's measure: HTML, style sheets, scripts and fonts, the
    /// things a reader waits for before the page is usable. Images load beside the text.
    pub fn first_load_bytes(&self) -> u64 {
        self.requests
            .iter()
            .filter(|r| {
                matches!(
                    r.kind.as_str(),
                    "Document" | "Stylesheet" | "Script" | "Font"
                )
            })
            .map(|r| r.bytes)
            .sum()
    }
}

#[derive(Default)]
struct Recorder {
    requests: BTreeMap<String, Request>,
    order: Vec<String>,
    errors: Vec<String>,
}

impl Recorder {
    fn record(&mut self, event: &Event) {
        match event {
            Event::NetworkRequestWillBeSent(e) => {
                let id = e.params.request_id.clone();
                if !self.requests.contains_key(&id) {
                    self.order.push(id.clone());
                }
                self.requests.insert(
                    id,
                    Request {
                        url: e.params.request.url.clone(),
                        kind: e
                            .params
                            .Type
                            .as_ref()
                            .map(|t| format!("{t:?}"))
                            .unwrap_or_default(),
                        ..Request::default()
                    },
                );
            }
            Event::NetworkResponseReceived(e) => {
                if let Some(r) = self.requests.get_mut(&e.params.request_id) {
                    r.status = Some(e.params.response.status);
                }
            }
            Event::NetworkLoadingFinished(e) => {
                if let Some(r) = self.requests.get_mut(&e.params.request_id) {
                    r.bytes = e.params.encoded_data_length as u64;
                    r.done = true;
                }
            }
            Event::NetworkLoadingFailed(e) => {
                if let Some(r) = self.requests.get_mut(&e.params.request_id) {
                    r.failure = Some(e.params.error_text.clone());
                    r.done = true;
                }
            }
            Event::RuntimeConsoleAPICalled(e)
                if matches!(e.params.Type, ConsoleAPICalledEventTypeOption::Error) =>
            {
                let text: Vec<String> = e
                    .params
                    .args
                    .iter()
                    .map(|a| {
                        a.value
                            .as_ref()
                            .map(|v| v.to_string())
                            .or_else(|| a.description.clone())
                            .unwrap_or_default()
                    })
                    .collect();
                self.errors
                    .push(format!("console.error: {}", text.join(" ")));
            }
            Event::RuntimeExceptionThrown(e) => {
                let details = &e.params.exception_details;
                let description = details
                    .exception
                    .as_ref()
                    .and_then(|x| x.description.clone())
                    .unwrap_or_else(|| details.text.clone());
                self.errors.push(format!(
                    "uncaught exception at line {}: {description}",
                    details.line_number + 1
                ));
            }
            Event::LogEntryAdded(e) if matches!(e.params.entry.level, LogEntryLevel::Error) => {
                let entry = &e.params.entry;
                self.errors.push(format!(
                    "log: {}{}",
                    entry.text,
                    entry
                        .url
                        .as_ref()
                        .map(|u| format!(" ({u})"))
                        .unwrap_or_default()
                ));
            }
            _ => {}
        }
    }

    fn take(&mut self, url: &str) -> Load {
        let requests = self
            .order
            .drain(..)
            .filter_map(|id| self.requests.remove(&id))
            .collect();
        self.requests.clear();
        Load {
            url: url.to_owned(),
            requests,
            errors: std::mem::take(&mut self.errors),
        }
    }

    fn pending(&self) -> Vec<String> {
        self.requests
            .values()
            .filter(|r| !r.done)
            .map(|r| r.url.clone())
            .collect()
    }

    fn in_flight(&self) -> usize {
        self.requests.values().filter(|r| !r.done).count()
    }
}

/// A tab, and what it recorded since its last load.
pub struct Page {
    tab: Arc<Tab>,
    log: Arc<Mutex<Recorder>>,
}

impl Page {
    fn log(&self) -> std::sync::MutexGuard<'_, Recorder> {
        self.log.lock().expect("recorder never panics")
    }

    /// Loads `url` and waits until it and everything it requested have finished loading.
    ///
    /// The wait asks the page itself whether the new document is complete. (headless_chrome's own
    /// `wait_until_navigated` sets its flag after `Page.navigate` returns, so a page served fast
    /// enough to finish first leaves it waiting for ever.)
    pub fn load(&self, url: &str) -> Result<Load, String> {
        self.log().take(url);
        let navigation = self
            .tab
            .call_method(PageDomain::Navigate {
                url: url.to_owned(),
                referrer: None,
                transition_Type: None,
                frame_id: None,
                referrer_policy: None,
            })
            .map_err(|e| format!("{url} did not load: {e:#}"))?;
        if let Some(error) = navigation.error_text {
            return Err(format!("{url} did not load: {error}"));
        }
        let deadline = Instant::now() + LOAD_TIMEOUT;
        loop {
            // Until the new document exists, the old one answers, or none does (an error).
            let state: Option<(String, String)> = self
                .eval("return [location.href, document.readyState];")
                .ok();
            match state {
                Some((href, ready)) if href == url && ready == "complete" => break,
                _ if Instant::now() > deadline => {
                    let pending = self.log().pending();
                    return Err(format!(
                        "{url} did not load within {LOAD_TIMEOUT:?} (state {state:?}; \
                         requests unfinished: {pending:?})"
                    ));
                }
                _ => thread::sleep(Duration::from_millis(20)),
            }
        }
        self.settle(url)?;
        Ok(self.log().take(url))
    }

    /// Waits until no request is in flight; a page's scripts may start requests after its load
    /// event (the search index, for example, loads when search opens).
    pub fn settle(&self, url: &str) -> Result<(), String> {
        let deadline = Instant::now() + LOAD_TIMEOUT;
        // Two quiet polls in a row: a script may start a request right after one finishes.
        let mut quiet = 0;
        while quiet < 2 {
            if Instant::now() > deadline {
                return Err(format!(
                    "{url}: requests still in flight after {LOAD_TIMEOUT:?}"
                ));
            }
            let busy = self.log().in_flight() > 0;
            quiet = if busy { 0 } else { quiet + 1 };
            thread::sleep(Duration::from_millis(50));
        }
        Ok(())
    }

    /// What was recorded since the last load (events after it, such as opening search).
    pub fn take_log(&self) -> Load {
        let url = self.tab.get_url();
        self.log().take(&url)
    }

    /// Runs `expression` in the page and decodes its value, which must be JSON-serialisable.
    pub fn eval<T: DeserializeOwned>(&self, expression: &str) -> Result<T, String> {
        self.eval_wrapped(&format!("JSON.stringify((() => {{ {expression} }})())"))
    }

    /// Evaluates `wrapped`, an expression whose value (or promised value) is a JSON string.
    fn eval_wrapped<T: DeserializeOwned>(&self, wrapped: &str) -> Result<T, String> {
        let remote = self
            .tab
            .evaluate(wrapped, true)
            .map_err(|e| format!("script failed on {}: {e:#}", self.tab.get_url()))?;
        // A script that throws gives the error object, which has a description and no value.
        let value = remote.value.ok_or_else(|| {
            format!(
                "script returned nothing on {}: {}",
                self.tab.get_url(),
                remote
                    .description
                    .as_deref()
                    .unwrap_or("no error description")
            )
        })?;
        let json = value.as_str().unwrap_or("null");
        serde_json::from_str(json).map_err(|e| format!("unexpected script result {json}: {e}"))
    }

    /// Runs `body`, the body of an async function, in the page, awaits it and decodes its value.
    pub fn eval_async<T: DeserializeOwned>(&self, body: &str) -> Result<T, String> {
        self.eval_wrapped(&format!(
            "(async () => JSON.stringify(await (async () => {{ {body} }})()))()"
        ))
    }

    /// Runs a whole script in the page, such as a library that defines globals.
    pub fn run_script(&self, script: &str) -> Result<(), String> {
        self.tab
            .evaluate(script, false)
            .map(drop)
            .map_err(|e| format!("script failed on {}: {e:#}", self.tab.get_url()))
    }

    /// Waits until `expression` (a JavaScript boolean expression) holds.
    pub fn wait_for(&self, what: &str, expression: &str) -> Result<(), String> {
        let deadline = Instant::now() + LOAD_TIMEOUT;
        loop {
            if self.eval::<bool>(&format!("return Boolean({expression});"))? {
                return Ok(());
            }
            if Instant::now() > deadline {
                return Err(format!(
                    "{}: {what} did not happen within {LOAD_TIMEOUT:?}",
                    self.tab.get_url()
                ));
            }
            thread::sleep(Duration::from_millis(50));
        }
    }

    /// Types `text` into the focused element, key by key, as a reader would.
    pub fn type_text(&self, text: &str) -> Result<(), String> {
        self.tab
            .type_str(text)
            .map(drop)
            .map_err(|e| format!("cannot type: {e:#}"))
    }

    pub fn press_key(&self, key: &str) -> Result<(), String> {
        self.tab
            .press_key(key)
            .map(drop)
            .map_err(|e| format!("cannot press {key}: {e:#}"))
    }

    /// Presses `key` with Shift held, as Shift+Tab moves focus backwards.
    pub fn press_shifted(&self, key: &str) -> Result<(), String> {
        self.tab
            .press_key_with_modifiers(
                key,
                Some(&[headless_chrome::browser::tab::ModifierKey::Shift]),
            )
            .map(drop)
            .map_err(|e| format!("cannot press Shift+{key}: {e:#}"))
    }

    /// Moves the mouse over the centre of the first element matching `selector`.
    pub fn hover(&self, selector: &str) -> Result<(), String> {
        self.tab
            .find_element(selector)
            .and_then(|e| e.move_mouse_over().map(drop))
            .map_err(|e| format!("cannot hover {selector}: {e:#}"))
    }

    pub fn click(&self, selector: &str) -> Result<(), String> {
        self.tab
            .find_element(selector)
            .and_then(|e| e.click().map(drop))
            .map_err(|e| format!("cannot click {selector}: {e:#}"))
    }

    /// Lays the page out as a screen `width` CSS pixels wide (`mobile` also turns on the phone
    /// viewport rules) and `height` tall.
    pub fn set_viewport(&self, width: u32, height: u32, mobile: bool) -> Result<(), String> {
        self.tab
            .call_method(Emulation::SetDeviceMetricsOverride {
                width,
                height,
                device_scale_factor: 1.0,
                mobile,
                scale: None,
                screen_width: None,
                screen_height: None,
                position_x: None,
                position_y: None,
                dont_set_visible_size: None,
                screen_orientation: None,
                viewport: None,
                display_feature: None,
                device_posture: None,
            })
            .map(drop)
            .map_err(|e| format!("cannot set the viewport: {e:#}"))
    }

    /// Turns JavaScript off or on for the next loads.
    pub fn set_javascript(&self, enabled: bool) -> Result<(), String> {
        self.tab
            .call_method(Emulation::SetScriptExecutionDisabled { value: !enabled })
            .map(drop)
            .map_err(|e| format!("cannot switch JavaScript: {e:#}"))
    }

    /// Writes a JPEG of the screen with the first element matching `selector` in its middle.
    pub fn screenshot_at(&self, selector: &str, path: &Path) -> Result<(), String> {
        let found: bool = self.eval(&format!(
            "const el = document.querySelector({selector:?});
             if (el) el.scrollIntoView({{block: 'center'}});
             return !!el;"
        ))?;
        if !found {
            return Err(format!("no {selector} to take a screenshot of"));
        }
        let image = self.capture()?;
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir)
                .map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
        }
        std::fs::write(path, image).map_err(|e| format!("cannot write {}: {e}", path.display()))
    }

    /// A JPEG of the tab as shown (a full page as PNG takes Chromium several times longer to
    /// encode). Chromium draws only the tab in front, and a tab behind others can wait minutes for
    /// a frame, so the tab is brought to the front first; one screenshot is taken at a time, so
    /// that tabs reading pages in parallel do not push each other back.
    fn capture(&self) -> Result<Vec<u8>, String> {
        static ONE_AT_A_TIME: Mutex<()> = Mutex::new(());
        let _front = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
        self.tab
            .bring_to_front()
            .map_err(|e| format!("cannot bring the tab to the front: {e:#}"))?;
        self.tab
            .capture_screenshot(CaptureScreenshotFormatOption::Jpeg, Some(80), None, true)
            .map_err(|e| format!("cannot take a screenshot: {e:#}"))
    }

    /// Writes a JPEG of the whole page, at most `max_height` pixels of it, to `path`.
    pub fn screenshot(&self, path: &Path, width: u32, mobile: bool) -> Result<(), String> {
        const MAX_HEIGHT: u32 = 12_000;
        let height: u32 = self.eval("return document.documentElement.scrollHeight;")?;
        self.set_viewport(width, height.clamp(600, MAX_HEIGHT), mobile)?;
        let image = self.capture()?;
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir)
                .map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
        }
        std::fs::write(path, image).map_err(|e| format!("cannot write {}: {e}", path.display()))
    }
}
