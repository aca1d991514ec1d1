//! A wrong configuration cell the tests must catch: it checks whether the value is there, then
//! loads and sets it, so threads that check at the same time all load it.
//!
//! Caught by `threads_asking_at_once_load_it_once_and_see_the_same_config`,
//! which says "the configuration was loaded more than once".

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

    /// Returns the configuration, calling `load` only if it has not been loaded yet. When several
    /// threads call `get` at once, `load` still runs once: the others wait for it and all of them
    /// get the same configuration.
    pub fn get(&self, load: impl FnOnce() -> Config) -> &Config {
        if self.config.get().is_none() {
            // The first `set` wins; the loads of the others are thrown away, but they ran.
            let _ = self.config.set(load());
        }
        self.config.get().expect("set above")
    }
}

impl Default for Settings {
    fn default() -> Settings {
        Settings::new()
    }
}
