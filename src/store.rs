//! The only code that touches localStorage.
//!
//! Typed keys (their `v1` is the version of the key layout, not of the file format); the workspace is
//! stored in the app's own file format, of whatever version wrote it, so one reader with its migrations
//! serves files and storage. Every browser call returns an error value, never panics: storage may be
//! disabled, full, or changed by another tab.
//!
//! gloo-storage reads and writes the small typed values; it is only reached after [`storage`] has
//! checked that localStorage exists (its own accessor throws when it does not).

use crate::core::i18n::Lang;
use crate::core::io::file::{self, FileError, WriteOptions};
use crate::core::model::history::History;
use crate::core::model::Workspace;
use gloo_storage::Storage as _;
use serde::{Deserialize, Serialize};

/// Every key the app uses.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Key {
    /// The workspace, as a Kinerja file (compact JSON).
    Workspace,
    /// `<counter>:<tab id>` of the last write of the workspace, to notice writes by other tabs.
    Revision,
    /// The newest undo steps, with the revision they apply to.
    History,
    /// The chosen interface language.
    Lang,
}

impl Key {
    pub fn name(self) -> &'static str {
        match self {
            Key::Workspace => "kinerja.v1.workspace",
            Key::Revision => "kinerja.v1.revision",
            Key::History => "kinerja.v1.history",
            Key::Lang => "kinerja.lang",
        }
    }

    pub const ALL: [Key; 4] = [Key::Workspace, Key::Revision, Key::History, Key::Lang];
}

/// Approximate localStorage capacity of current browsers (5 MiB of UTF-16 characters, keys included).
pub const QUOTA_CHARS: usize = 5 * 1024 * 1024;

/// Why storage failed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StoreError {
    /// No localStorage (disabled by the browser's settings or a private mode).
    Unavailable,
    /// The browser refused the write: storage is full.
    Full,
    /// Another tab saved since this tab last loaded or saved.
    ChangedElsewhere,
}

/// What was found in storage at start.
#[derive(Clone, Debug, PartialEq)]
pub enum Stored {
    /// Nothing yet: a first visit.
    Nothing,
    /// A workspace and the revision it was saved with.
    Found { workspace: Workspace, revision: String, history: History },
    /// Something that cannot be read; kept untouched so the user can export it.
    Unreadable { raw: String, error: FileError },
}

fn storage() -> Result<web_sys::Storage, StoreError> {
    web_sys::window()
        .ok_or(StoreError::Unavailable)?
        .local_storage()
        .map_err(|_| StoreError::Unavailable)?
        .ok_or(StoreError::Unavailable)
}

/// Reads a raw string.
pub fn get(key: Key) -> Result<Option<String>, StoreError> {
    storage()?.get_item(key.name()).map_err(|_| StoreError::Unavailable)
}

/// Writes a raw string; the old value stays when the write fails.
pub fn set(key: Key, value: &str) -> Result<(), StoreError> {
    storage()?.set_item(key.name(), value).map_err(|_| StoreError::Full)
}

#[derive(Serialize, Deserialize)]
struct StoredHistory {
    revision: String,
    history: History,
}

/// Loads the workspace (synchronously, once at start).
pub fn load() -> Result<Stored, StoreError> {
    let Some(raw) = get(Key::Workspace)? else { return Ok(Stored::Nothing) };
    let revision = get(Key::Revision)?.unwrap_or_default();
    match file::read(&raw) {
        Ok(loaded) => {
            let history = get(Key::History)?
                .and_then(|h| serde_json::from_str::<StoredHistory>(&h).ok())
                .filter(|h| h.revision == revision)
                .map(|h| h.history)
                .unwrap_or_default();
            Ok(Stored::Found { workspace: loaded.workspace, revision, history })
        }
        Err(error) => Ok(Stored::Unreadable { raw, error }),
    }
}

/// The text stored for a workspace.
pub fn serialise(ws: &Workspace) -> String {
    file::write(ws, None, &WriteOptions::default())
}

/// Saves the workspace if nobody else saved since `known_revision`; returns the new revision and the
/// stored size in characters. Nothing changes in storage when it fails.
pub fn save(ws: &Workspace, known_revision: &str, tab: &str) -> Result<(String, usize), StoreError> {
    let current = get(Key::Revision)?.unwrap_or_default();
    if current != known_revision {
        return Err(StoreError::ChangedElsewhere);
    }
    write_workspace(ws, &current, tab)
}

/// Saves regardless of other tabs (after the user chose to keep this tab's data).
pub fn save_over(ws: &Workspace, tab: &str) -> Result<(String, usize), StoreError> {
    let current = get(Key::Revision)?.unwrap_or_default();
    write_workspace(ws, &current, tab)
}

fn write_workspace(ws: &Workspace, current: &str, tab: &str) -> Result<(String, usize), StoreError> {
    let text = serialise(ws);
    let chars = text.encode_utf16().count();
    // localStorage replaces a value atomically: when the browser refuses (full), the old one stays.
    set(Key::Workspace, &text)?;
    let counter: u64 = current.split(':').next().and_then(|n| n.parse().ok()).unwrap_or(0);
    let revision = format!("{}:{tab}", counter + 1);
    // The revision is tiny; if even that fails the workspace is saved and other tabs still see the
    // workspace key change.
    let _ = set(Key::Revision, &revision);
    Ok((revision, chars))
}

/// Keeps the newest undo steps for after a reload; when they do not fit, fewer are kept.
pub fn save_history(history: &History, revision: &str) {
    for n in [10, 3, 1, 0] {
        let kept = StoredHistory { revision: revision.to_string(), history: history.newest(n) };
        let Ok(text) = serde_json::to_string(&kept) else { return };
        if set(Key::History, &text).is_ok() {
            return;
        }
    }
}

/// Characters used by the app's keys (keys and values), as browsers count them against the quota.
pub fn used_chars() -> Result<usize, StoreError> {
    let mut total = 0;
    for key in Key::ALL {
        if let Some(v) = get(key)? {
            total += key.name().len() + v.encode_utf16().count();
        }
    }
    Ok(total)
}

/// The remembered language, if any.
pub fn load_lang() -> Option<Lang> {
    storage().ok()?;
    gloo_storage::LocalStorage::get::<Lang>(Key::Lang.name()).ok()
}

pub fn save_lang(lang: Lang) -> Result<(), StoreError> {
    storage()?;
    gloo_storage::LocalStorage::set(Key::Lang.name(), lang).map_err(|_| StoreError::Full)
}
