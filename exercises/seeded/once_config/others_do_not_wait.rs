//! A wrong configuration cell the tests must catch: the first thread to ask
//! raises a flag and loads; the others see the flag and take the configuration
//! at once, assuming the load has finished. It may not have: they find nothing
//! and panic. `OnceLock::get_or_init` makes the others wait.
//!
//! Caught by `threads_asking_at_once_load_it_once_and_see_the_same_config`,
//! which says "did `get` return before the configuration was loaded?".

use std::sync::OnceLock;
use std::sync::atomic::{AtomicBool, Ordering};

#[derive(Debug, PartialEq)]
pub struct Config {
    pub workers: usize,
    pub name: String,
}

pub struct Settings {
    loading: AtomicBool,
    config: OnceLock<Config>,
}

impl Settings {
    pub const fn new() -> Settings {
        Settings {
            loading: AtomicBool::new(false),
            config: OnceLock::new(),
        }
    }

    pub fn get(&self, load: impl FnOnce() -> Config) -> &Config {
        if !self.loading.swap(true, Ordering::SeqCst) {
            let _ = self.config.set(load());
        }
        self.config.get().expect("the first thread has loaded it")
    }
}

impl Default for Settings {
    fn default() -> Settings {
        Settings::new()
    }
}
