//! The pure core: the domain model, the file format and its checks, the rollup, formatting, the words
//! (`text`), routes and the built-in data. Plain Rust with no browser and no Leptos in it (a test below
//! keeps it so), tested natively with `cargo test`; `ui` renders it and `store` saves it.

pub mod backup;
pub mod date;
#[cfg(test)]
mod floors;
pub mod format;
pub mod html;
pub mod i18n;
pub mod io;
pub mod measure;
pub mod model;
pub mod monitor;
pub mod rollup;
pub mod route;
pub mod seed;
pub mod steps;
pub mod text;
pub mod tree_chart;
pub mod typed;
pub mod word;

#[cfg(test)]
mod boundary {
    /// The core may not use the browser or the UI framework: that is what makes it testable natively
    /// and reusable by the file tools.
    #[test]
    fn core_has_no_web_code() {
        let files =
            crate::source::rust_files(&std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/core"));
        assert!(files.len() > 20, "found the core's files");
        for file in files {
            let text = std::fs::read_to_string(&file).unwrap();
            // Spelled in two halves, so that this test does not find itself.
            let words = [
                ("lep", "tos"),
                ("web", "_sys"),
                ("wasm", "_bindgen"),
                ("js", "_sys"),
                ("gl", "oo"),
                ("crate::", "ui"),
                ("crate::", "store"),
            ];
            for web in words.map(|(a, b)| format!("{a}{b}")) {
                let used =
                    text.lines().filter(|l| !l.trim_start().starts_with("//")).any(|l| l.contains(&web));
                assert!(!used, "{} uses {web}", file.display());
            }
        }
    }
}
