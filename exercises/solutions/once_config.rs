//! Chapter 9: a configuration loaded once, on first use, however many threads
//! ask at once.

use std::sync::OnceLock;

/// The settings a program reads from its configuration.
#[derive(Debug, PartialEq)]
pub struct Config {
    pub workers: usize,
    pub name: String,
}

/// Holds the configuration once it has been loaded.
pub struct Settings {
    config: OnceLock<Config>,
}

impl Settings {
    pub const fn new() -> Settings {
        Settings {
            config: OnceLock::new(),
        }
    }

    /// Returns the configuration, calling `load` only if it has not been loaded
    /// yet. When several threads call `get` at once, `load` still runs once:
    /// the others wait for it and all of them get the same configuration.
    pub fn get(&self, load: impl FnOnce() -> Config) -> &Config {
        // `get_or_init` runs `load` in one thread; the others block until it
        // has returned.
        self.config.get_or_init(load)
    }
}

impl Default for Settings {
    fn default() -> Settings {
        Settings::new()
    }
}
