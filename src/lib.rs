//! Kinerja: Perjanjian Kinerja (performance agreements) of KPU offices, in the browser.
//!
//! - `core`: the pure core (model, file format, rollup, formatting, texts, routes, built-in data); no
//!   Leptos and no browser in it, tested natively.
//! - `store`: the only code that touches localStorage.
//! - `ui`: Leptos components (`ui::pages`) that render the core and dispatch user actions, and the
//!   services they share (`ui::services`: the state as contexts of one job each, browser wrappers, downloads,
//!   public view, offline).

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

#[cfg(test)]
mod element_rule {
    /// Only `core::model::element::ElementId` spells an editable element's id: the DOM id, the key of
    /// its unsaved input and undo group, and the target of `?fokus=` links are then one format.
    #[test]
    fn only_element_id_builds_element_ids() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let ui = root.join("ui");
        let files: Vec<_> =
            crate::source::rust_files(&root).into_iter().filter(|f| f.starts_with(&ui)).collect();
        assert!(files.len() > 10, "the UI is where this test expects it");
        // Built in pieces, so that this test does not find itself.
        let format = format!("{}!(\"", "format");
        let built = ["pk-", "obj-", "ind-", "budget-", "m-", "band-", "due-"].map(|p| format!("{format}{p}"));
        let spelled =
            ["add-objective", "add-budget-line", "pk-year", "pk-parent"].map(|id| format!("\"{id}\""));
        for file in files {
            let text: String =
                std::fs::read_to_string(&file).unwrap().chars().filter(|c| !c.is_whitespace()).collect();
            for word in built.iter().chain(&spelled) {
                assert!(
                    !text.contains(word.as_str()),
                    "{} spells an element id ({word}): use ElementId",
                    file.display()
                );
            }
        }
    }
}

#[cfg(test)]
mod state_rules {
    use std::path::{Path, PathBuf};

    fn src() -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
    }

    /// Each file's text without whitespace (so that a call split over lines is still found).
    fn squeezed(file: &Path) -> String {
        std::fs::read_to_string(file).unwrap().chars().filter(|c| !c.is_whitespace()).collect()
    }

    /// Only `ui::services::document` writes the workspace signal: every change goes through `Document`
    /// (undo, the refusal of changes to signed PKs, saving), the public view's swap included.
    #[test]
    fn only_the_document_writes_the_workspace() {
        let root = src();
        let files = crate::source::rust_files(&root.join("ui"));
        let document = root.join("ui/services/document.rs");
        assert!(files.contains(&document), "the document is where this test expects it");
        // Spelled in two halves, so that this test does not find itself.
        let writes = [
            "set(",
            "update(",
            "write(",
            "notify(",
            "try_set(",
            "try_update(",
            "maybe_update(",
            "set_untracked(",
        ]
        .map(|w| format!(".ws.{w}"));
        let signals = ["RwSignal", "WriteSignal"].map(|s| format!("{s}<Work{}>", "space"));
        for file in files.iter().filter(|f| **f != document) {
            let text = squeezed(file);
            for word in writes.iter().chain(&signals) {
                assert!(
                    !text.contains(word.as_str()),
                    "{} writes the workspace ({word}): go through ui::services::Document",
                    file.display()
                );
            }
        }
        let text = squeezed(&document);
        assert_eq!(text.matches(".signal.set(").count(), 1, "the document writes the workspace in one place");
    }

    /// Only `ui::services::copies` calls `store`'s functions for copies and restore points: when a point
    /// is kept, dropped or read back (and the record of copies) lives in one place, beside the reminder.
    #[test]
    fn only_the_backup_service_keeps_copies() {
        let root = src();
        let files = crate::source::rust_files(&root);
        let copies = root.join("ui/services/copies.rs");
        assert!(files.contains(&copies), "the backup service is where this test expects it");
        let calls = ["keep_point(", "drop_point(", "point_text(", "points(", "load_copies(", "save_copies("]
            .map(|f| format!("{}::{f}", "store"));
        let store = [root.join("store.rs"), root.join("store/copies.rs")];
        for file in files.iter().filter(|f| **f != copies && !store.contains(f)) {
            let text = squeezed(file);
            for call in &calls {
                assert!(
                    !text.contains(call.as_str()),
                    "{} calls {call}: go through ui::services::Backup",
                    file.display()
                );
            }
        }
    }

    /// Only `ui::services::persistence` calls `store`'s functions that read or write the workspace and its
    /// undo steps: saving (and its status, other tabs, unreadable data) lives in one place.
    #[test]
    fn only_persistence_loads_and_saves() {
        let root = src();
        let files = crate::source::rust_files(&root);
        let persistence = root.join("ui/services/persistence.rs");
        let store = root.join("store.rs");
        assert!(files.contains(&persistence), "persistence is where this test expects it");
        let calls = ["load(", "save(", "save_ready(", "save_over(", "save_history(", "set(", "get("]
            .map(|f| format!("{}::{f}", "store"));
        for file in files.iter().filter(|f| **f != persistence && **f != store) {
            let text = squeezed(file);
            for call in &calls {
                assert!(
                    !text.contains(call.as_str()),
                    "{} calls {call}: saving goes through ui::services::Persistence",
                    file.display()
                );
            }
            // Nor imported by name, to be called without the `store::` in front.
            for import in text.split(&format!("use{}::{}::", "crate", "store")).skip(1) {
                let names = import.split(';').next().unwrap_or_default();
                for name in ["load", "save", "save_ready", "save_over", "save_history", "set", "get"] {
                    let named = names
                        .trim_matches(|c| c == '{' || c == '}')
                        .split(',')
                        .any(|n| n == name || n.starts_with(&format!("{name}as")));
                    assert!(
                        !named,
                        "{} imports store::{name}: saving goes through Persistence",
                        file.display()
                    );
                }
            }
        }
    }
}
