//! `cargo run -p book-tools --features browser --bin page-weight`: builds the book, loads every page
//! of it and of its Korean edition once in headless Chromium with the cache off, and prints what
//! each first load downloaded.
//! The target is 200 KB per chapter; this measures it, and no test asserts it.

use std::process::ExitCode;

use book_tools::browser::chrome::Chromium;
use book_tools::browser::site::Site;
use book_tools::i18n::edition::TRANSLATIONS;
use book_tools::{browser, repo_root};

const TARGET: u64 = 200_000;

fn main() -> ExitCode {
    let root = repo_root();
    let result = (|| -> Result<String, String> {
        let chromium = browser::chrome::find_chromium()
            .ok_or(format!("Chromium not found: {}", browser::INSTALL_CHROMIUM))?;
        let site = Site::serve(&browser::build_book(&root)?)?;
        let chromium = Chromium::launch(&chromium)?;
        let tab = chromium.page()?;
        let mut loads = Vec::new();
        let pages: Vec<String> = browser::summary_pages(&root)?
            .into_iter()
            .map(|page| page.html)
            .collect();
        // Each page of the English book, then the same page in each translated edition.
        let editions = std::iter::once(String::new())
            .chain(TRANSLATIONS.iter().map(|e| format!("{}/", e.lang)));
        for prefix in editions {
            for page in &pages {
                let page = format!("{prefix}{page}");
                let load = tab.load(&site.url(&page))?;
                loads.push((page, load));
            }
        }
        let mut report = browser::weight_table(&loads);
        let over: Vec<&str> = loads
            .iter()
            .filter(|(_, load)| load.first_load_bytes() > TARGET)
            .map(|(page, _)| page.as_str())
            .collect();
        report.push_str(&format!(
            "largest first load: {} bytes; target {TARGET}; over target: {over:?}\n",
            loads
                .iter()
                .map(|(_, l)| l.first_load_bytes())
                .max()
                .unwrap_or(0)
        ));
        Ok(report)
    })();
    match result {
        Ok(report) => {
            print!("{report}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}
