//! The built-in dataset (`core::seed`: 131 KB of JSON, 12 KB compressed) with its text loaded on demand:
//! a split point of its own (`kinerja_seed`, see `ui::lazy`). Only a first visit (nothing stored), a
//! browser without storage and starting over after unreadable data need it, so the first page of a
//! returning user does not carry it: `ui::mount` loads it before the app when storage has nothing for it,
//! and starting over loads it first. The pages of Data call `core::seed` themselves, in their own group.
//! Once loaded it stays.

use crate::core::io::file::FileError;
use crate::core::model::Workspace;
use leptos::wasm_split::{wasm_split, SplitLoaderError};
use std::cell::Cell;

/// Reads the built-in dataset (`core::seed::workspace`).
pub type SeedReader = fn() -> Result<Workspace, FileError>;

thread_local! {
    static LOADED: Cell<Option<SeedReader>> = const { Cell::new(None) };
}

#[wasm_split(kinerja_seed, wasm_split_path = ::leptos::wasm_split, fallible)]
fn seed_code() -> Result<SeedReader, SplitLoaderError> {
    Ok(crate::core::seed::workspace)
}

/// Loads the built-in dataset's code, if it is not yet.
pub async fn load() -> Result<(), SplitLoaderError> {
    if LOADED.with(Cell::get).is_none() {
        let read = seed_code().await?;
        LOADED.with(|l| l.set(Some(read)));
    }
    Ok(())
}

/// The built-in dataset once [`load`]ed; an empty workspace before.
pub fn workspace() -> Workspace {
    LOADED.with(Cell::get).and_then(|read| read().ok()).unwrap_or_default()
}
