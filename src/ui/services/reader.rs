//! The full file reader (`core::io::file::read`: the file as a JSON tree, the migrations from older
//! versions, the check that names every problem), with its code loaded on demand: a split point of its
//! own (`kinerja_reader`, see `ui::lazy`). The first page reads current, clean data by the direct path
//! alone (`file::read_direct`); this is fetched when stored data needs more (an older version: the app
//! waits for it before it starts, `ui::mount`) and when the public view reads its published files. The
//! pages that import and restore call `file::read` themselves, in their own groups. Once loaded it stays.

use crate::store::{self, FullReader};
use leptos::wasm_split::{wasm_split, SplitLoaderError};
use std::cell::Cell;

thread_local! {
    static LOADED: Cell<Option<FullReader>> = const { Cell::new(None) };
}

#[wasm_split(kinerja_reader, wasm_split_path = ::leptos::wasm_split, fallible)]
fn reader_code() -> Result<FullReader, SplitLoaderError> {
    Ok(crate::core::io::file::read)
}

/// The full reader, loaded if it is not yet (and given to `store` for the stored data).
pub async fn full() -> Result<FullReader, SplitLoaderError> {
    if let Some(read) = LOADED.with(Cell::get) {
        return Ok(read);
    }
    let read = reader_code().await?;
    LOADED.with(|l| l.set(Some(read)));
    store::set_full_reader(read);
    Ok(read)
}
