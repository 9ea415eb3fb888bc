//! Word downloads (.docx), with their code loaded on demand: the writer (`core::word`) is a split point
//! of its own (`kinerja_word`, see `ui::lazy`), fetched the first time a Word file is asked for, so
//! neither the first page nor the document pages carry it. Once loaded it stays.

use super::export::Downloads;
use super::NoticeKind;
use crate::core::i18n::Msg;
use crate::core::measure::table::Table;
use crate::core::model::Agreement;
use crate::core::word;
use leptos::wasm_split::{wasm_split, SplitLoaderError};
use std::cell::Cell;

/// The writers of the two documents.
#[derive(Clone, Copy)]
pub struct Writers {
    /// The PK with the letterhead's logo (the workspace's data URL), when there is one.
    pub agreement: fn(&Agreement, Option<&str>) -> Vec<u8>,
    pub lkj: fn(&Agreement, &Table) -> Vec<u8>,
}

thread_local! {
    static LOADED: Cell<Option<Writers>> = const { Cell::new(None) };
}

#[wasm_split(kinerja_word, wasm_split_path = ::leptos::wasm_split, fallible)]
fn word_code() -> Result<Writers, SplitLoaderError> {
    Ok(Writers { agreement: word::agreement_docx, lkj: word::lkj_docx })
}

/// Makes the file with `make` and offers it as `name`: at once when the writers are loaded, else
/// after loading them (saying so meanwhile, and saying so if they cannot be loaded; nothing else
/// changes then).
pub fn offer(downloads: Downloads, name: String, make: impl FnOnce(Writers) -> Vec<u8> + 'static) {
    if let Some(writers) = LOADED.with(Cell::get) {
        downloads.offer_bytes(&name, word::MIME, &make(writers));
        return;
    }
    downloads.say(NoticeKind::Info, Msg::WordPreparing);
    leptos::task::spawn_local(async move {
        match word_code().await {
            Ok(writers) => {
                LOADED.with(|l| l.set(Some(writers)));
                downloads.offer_bytes(&name, word::MIME, &make(writers));
            }
            Err(_) => downloads.say(NoticeKind::Error, Msg::WordLoadFailed),
        }
    });
}
