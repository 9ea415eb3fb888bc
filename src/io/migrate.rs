//! Upgrades of older file versions to the current one, applied to the raw JSON before validation
//! (the idea of Excalidraw's `restore()`: every file, old or new, passes one function).
//!
//! To change the format: bump `file::VERSION`, add a step here that turns version N-1 into N, and add
//! a test with a real version N-1 file. Version 1 is the first published version, so there is no step yet.

use serde_json::{Map, Value};

/// Brings `root` (a file of version `from`) up to the current version, step by step.
pub fn upgrade(root: &mut Map<String, Value>, from: u64) {
    let mut version = from;
    while version < super::file::VERSION {
        // Each arm turns `version` into `version + 1`.
        #[allow(clippy::match_single_binding)]
        match version {
            _ => {}
        }
        version += 1;
    }
    root.insert("version".into(), Value::from(super::file::VERSION));
}
