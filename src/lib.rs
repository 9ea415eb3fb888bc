//! Kinerja: Perjanjian Kinerja (performance agreements) of KPU offices, in the browser.
//!
//! - `core`: the pure core (model, file format, rollup, formatting, texts, routes, built-in data); no
//!   Leptos and no browser in it, tested natively.
//! - `store`: the only code that touches localStorage.
//! - `ui`: Leptos components (`ui::pages`) that render the core and dispatch user actions, and the
//!   services they share (`ui::services`: app state, browser wrappers, downloads, public view, offline).

pub mod core;
pub mod store;
pub mod ui;

/// The crate's own source files, for the tests that keep the architecture's rules.
#[cfg(test)]
pub(crate) mod source {
    /// Every `.rs` file below `dir`.
    pub fn rust_files(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
        let mut out = Vec::new();
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                out.extend(rust_files(&path));
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path);
            }
        }
        out
    }
}

#[cfg(test)]
mod clock_rule {
    /// Only `ui::services::clock` reads the clock: every date the app derives from "now" is then the
    /// office's local date (`core::date`), never the UTC date of `toISOString`.
    #[test]
    fn only_the_clock_reads_the_time() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let files = crate::source::rust_files(&root);
        let clock = root.join("ui/services/clock.rs");
        assert!(files.contains(&clock), "the clock is where this test expects it");
        // Spelled in two halves, so that this test does not find itself.
        let words = [("js_sys::", "Date"), ("to_iso", "_string"), ("Date", "::now"), ("SystemTime", "::now")];
        for file in files.iter().filter(|f| **f != clock) {
            let text = std::fs::read_to_string(file).unwrap();
            for word in words.map(|(a, b)| format!("{a}{b}")) {
                assert!(
                    !text.contains(&word),
                    "{} reads the clock ({word}): use ui::services::clock",
                    file.display()
                );
            }
        }
    }
}
