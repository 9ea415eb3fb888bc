//! The only code that touches localStorage.
//!
//! Typed keys (their `v1`/`v2` is the version of the key layout, not of the file format). The workspace
//! is stored in the app's own file format, of whatever version wrote it, so one reader with its
//! migrations serves files and storage; since layout v2 it is kept in pieces (`core::io::stored`): an
//! index and one key per agreement, each packed (`core::io::pack`, about a tenth of the JSON's
//! characters), so that years of PKs fit the browser's quota and saving after an edit writes only
//! the agreements that changed. Layout v1 (one key of plain JSON) is read and rewritten as v2 on the
//! first save. Every browser call returns an error value, never panics: storage may be disabled,
//! full, or changed by another tab.
//!
//! gloo-storage reads and writes the small typed values; it is only reached after [`storage`] has
//! checked that localStorage exists (its own accessor throws when it does not).

use crate::core::i18n::Lang;
use crate::core::io::file::{self, FileError, MAX_FILE_BYTES};
use crate::core::io::{pack, stored};
use crate::core::model::history::History;
use crate::core::model::{Agreement, AgreementId, Workspace};
use gloo_storage::Storage as _;
use serde::{Deserialize, Serialize};
use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use std::sync::Arc;

mod copies;
pub use copies::{drop_point, keep_point, load_copies, point_text, points, save_copies, PointError};

/// Every fixed key the app uses (agreements have their own, [`agreement_key`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Key {
    /// The workspace's index: its agreements' ids and the file without them (packed).
    Workspace,
    /// Layout v1: the whole workspace as one Kinerja file (compact JSON); read, then replaced.
    OldWorkspace,
    /// `<counter>:<tab id>` of the last write of the workspace, to notice writes by other tabs.
    Revision,
    /// The newest undo steps, with the revision they apply to.
    History,
    /// The chosen interface language.
    Lang,
    /// When the workspace was last copied outside the browser (`core::backup::Copies`).
    Copies,
    /// The list of restore points (each one's data has a key of its own).
    Points,
}

impl Key {
    pub fn name(self) -> &'static str {
        match self {
            Key::Workspace => "kinerja.v2.workspace",
            Key::OldWorkspace => "kinerja.v1.workspace",
            Key::Revision => "kinerja.v1.revision",
            Key::History => "kinerja.v1.history",
            Key::Lang => "kinerja.lang",
            Key::Copies => "kinerja.v1.copies",
            Key::Points => "kinerja.v1.points",
        }
    }
}

/// The prefix of the agreements' keys.
const AGREEMENT_PREFIX: &str = "kinerja.v2.pk.";

/// The key of one agreement's piece.
pub fn agreement_key(id: &AgreementId) -> String {
    format!("{AGREEMENT_PREFIX}{id}")
}

/// Approximate localStorage capacity of current browsers (5 MiB of UTF-16 characters, keys included).
pub const QUOTA_CHARS: usize = 5 * 1024 * 1024;

/// The characters the workspace takes in storage (its index and pieces), as last read or written.
fn workspace_chars() -> Option<usize> {
    SAVED.with(|s| {
        s.borrow().as_ref().map(|s| s.index_chars + s.pieces.values().map(|(_, size)| size).sum::<usize>())
    })
}

/// The characters the agreement `id` takes in storage, key included, as last read or written.
pub fn stored_chars(id: &AgreementId) -> Option<usize> {
    SAVED.with(|s| s.borrow().as_ref().and_then(|s| s.pieces.get(id).map(|(_, size)| *size)))
}

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
// Read once at start and taken apart at once: the workspace's size in place costs nothing.
#[allow(clippy::large_enum_variant)]
#[derive(Clone, Debug, PartialEq)]
pub enum Stored {
    /// Nothing yet: a first visit.
    Nothing,
    /// A workspace and the revision it was saved with; `upgrade`: stored in an older layout or format
    /// version, to be saved again in the current one.
    Found { workspace: Workspace, revision: String, history: History, upgrade: bool },
    /// Something that cannot be read; kept untouched so the user can export it.
    Unreadable { raw: String, error: FileError },
    /// Stored data the direct path does not read (an older format version, or a problem to name): it
    /// needs the full reader, which is loaded on demand; [`set_full_reader`], then [`load`] again.
    NeedsFullReader,
}

/// The full reader of a file ([`file::read`]: migrations, the check that names every problem), whose
/// code is loaded on demand (`ui::services::reader`). Until it is set, [`load`] reads current, clean data
/// only (the direct path, [`file::read_direct`]) and says [`Stored::NeedsFullReader`] for the rest.
pub type FullReader = fn(&str) -> Result<file::Loaded, FileError>;

thread_local! {
    static FULL_READER: std::cell::Cell<Option<FullReader>> = const { std::cell::Cell::new(None) };
}

/// Lets [`load`] read any stored data, older versions included.
pub fn set_full_reader(read: FullReader) {
    FULL_READER.with(|r| r.set(Some(read)));
}

fn storage() -> Result<web_sys::Storage, StoreError> {
    web_sys::window()
        .ok_or(StoreError::Unavailable)?
        .local_storage()
        .map_err(|_| StoreError::Unavailable)?
        .ok_or(StoreError::Unavailable)
}

fn get_raw(storage: &web_sys::Storage, name: &str) -> Result<Option<String>, StoreError> {
    storage.get_item(name).map_err(|_| StoreError::Unavailable)
}

/// Reads a raw string.
pub fn get(key: Key) -> Result<Option<String>, StoreError> {
    get_raw(&storage()?, key.name())
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

/// What this tab last read or wrote of the workspace: each agreement as stored (the same allocation
/// as in the workspace while unchanged: edits copy on write) with the characters its key takes, and
/// the index (unpacked) with the characters its key takes. `None` when unknown: the next save writes
/// every piece.
struct Saved {
    pieces: HashMap<AgreementId, (Arc<Agreement>, usize)>,
    index: String,
    index_chars: usize,
}

thread_local! {
    static SAVED: RefCell<Option<Saved>> = const { RefCell::new(None) };
}

fn forget() {
    SAVED.with(|s| *s.borrow_mut() = None);
}

/// What could not be read of a stored workspace: the best readable text and how many pieces failed.
type Damage = (String, usize);

/// A stored workspace read back: the pieces put together as one file, each piece's size, and the
/// index unpacked.
struct Pieces {
    text: String,
    sizes: Vec<usize>,
    index: String,
}

/// The pieces of a stored workspace; `Err` with the best readable text when a piece is missing or
/// damaged (a damaged piece appears as its stored text).
fn read_pieces(storage: &web_sys::Storage, packed_index: &str) -> Result<Result<Pieces, Damage>, StoreError> {
    let index = pack::unpack(packed_index, MAX_FILE_BYTES);
    let Some((index, parsed)) = index.and_then(|t| stored::read_index(&t).map(|p| (t, p))) else {
        return Ok(Err((packed_index.to_string(), 1)));
    };
    let (mut parts, mut sizes, mut damaged) = (Vec::new(), Vec::new(), 0);
    for id in &parsed.ids {
        let key = agreement_key(id);
        let raw = get_raw(storage, &key)?.unwrap_or_default();
        sizes.push(entry_chars(&key, &raw));
        match pack::unpack(&raw, MAX_FILE_BYTES) {
            Some(text) => parts.push(text),
            None => {
                damaged += 1;
                parts.push(serde_json::Value::String(raw).to_string());
            }
        }
    }
    let text = stored::assemble(&parsed.head, &parts);
    match text {
        Some(text) if damaged == 0 => Ok(Ok(Pieces { text, sizes, index })),
        Some(text) => Ok(Err((text, damaged))),
        None => Ok(Err((parsed.head, 1))),
    }
}

/// Loads the workspace (synchronously, at start and when another tab saved).
pub fn load() -> Result<Stored, StoreError> {
    forget();
    let storage = storage()?;
    let revision = get_raw(&storage, Key::Revision.name())?.unwrap_or_default();
    let (text, pieces) = match get_raw(&storage, Key::Workspace.name())? {
        Some(packed) => match read_pieces(&storage, &packed)? {
            Ok(Pieces { text, sizes, index }) => {
                let index_chars = entry_chars(Key::Workspace.name(), &packed);
                (text, Some((index, index_chars, sizes)))
            }
            Err((raw, pieces)) => {
                return Ok(Stored::Unreadable { raw, error: FileError::Damaged { pieces } })
            }
        },
        None => match get_raw(&storage, Key::OldWorkspace.name())? {
            Some(raw) => (raw, None),
            None => return Ok(Stored::Nothing),
        },
    };
    let read = match file::read_direct(&text) {
        Some(loaded) => Ok(loaded),
        None => match FULL_READER.with(std::cell::Cell::get) {
            Some(read) => read(&text),
            None => return Ok(Stored::NeedsFullReader),
        },
    };
    match read {
        Ok(loaded) => {
            // Pieces of an older format version are all rewritten by the next save.
            let current = pieces.filter(|_| loaded.meta.version == file::VERSION);
            let upgrade = current.is_none();
            if let Some((index, index_chars, sizes)) = current {
                let pieces = loaded.workspace.agreements.iter().zip(sizes);
                let pieces = pieces.map(|(a, size)| (a.id.clone(), (a.clone(), size))).collect();
                SAVED.with(|s| *s.borrow_mut() = Some(Saved { pieces, index, index_chars }));
            }
            let history = get_raw(&storage, Key::History.name())?
                .and_then(|h| serde_json::from_str::<StoredHistory>(&h).ok())
                .filter(|h| h.revision == revision)
                .map(|h| h.history)
                .unwrap_or_default();
            Ok(Stored::Found { workspace: loaded.workspace, revision, history, upgrade })
        }
        Err(error) => Ok(Stored::Unreadable { raw: text, error }),
    }
}

/// Saves the workspace if nobody else saved since `known_revision`; returns the new revision and the
/// characters the workspace takes in storage. Nothing changes in storage when it fails.
pub fn save(ws: &Workspace, known_revision: &str, tab: &str) -> Result<(String, usize), StoreError> {
    save_ready(ws, known_revision, tab, &stored::Ready::new())
}

/// [`save`] with pieces already packed (`stored::Ready`).
pub fn save_ready(
    ws: &Workspace,
    known_revision: &str,
    tab: &str,
    ready: &stored::Ready,
) -> Result<(String, usize), StoreError> {
    let current = get(Key::Revision)?.unwrap_or_default();
    if current != known_revision {
        return Err(StoreError::ChangedElsewhere);
    }
    making_room(|| write_workspace(ws, &current, tab, ready))
}

/// Runs a save; when storage is full, drops restore points, oldest first, and tries again: the workspace
/// always comes before its restore points.
fn making_room<T>(mut save: impl FnMut() -> Result<T, StoreError>) -> Result<T, StoreError> {
    loop {
        match save() {
            Err(StoreError::Full) if copies::drop_oldest() => continue,
            other => return other,
        }
    }
}

/// Saves regardless of other tabs (after the user chose to keep this tab's data): every piece.
pub fn save_over(ws: &Workspace, tab: &str) -> Result<(String, usize), StoreError> {
    forget();
    let current = get(Key::Revision)?.unwrap_or_default();
    making_room(|| write_workspace(ws, &current, tab, &stored::Ready::new()))
}

/// Writes the agreements that changed since the last save (all of them when that is unknown), then
/// the index when it changed; when the browser refuses any write, the pieces already written get their
/// old text back. Pieces in `ready` are written as they are packed there.
fn write_workspace(
    ws: &Workspace,
    current: &str,
    tab: &str,
    ready: &stored::Ready,
) -> Result<(String, usize), StoreError> {
    let storage = storage()?;
    let saved = SAVED.with(|s| s.borrow_mut().take());
    let mut written: Vec<(String, Option<String>)> = Vec::new();
    let mut pieces = HashMap::with_capacity(ws.agreements.len());
    // Writes one entry, remembering its old text; gives the characters it takes.
    let mut write = |key: String, value: &str| -> Result<usize, StoreError> {
        let old = get_raw(&storage, &key)?;
        storage.set_item(&key, value).map_err(|_| StoreError::Full)?;
        let chars = entry_chars(&key, value);
        written.push((key, old));
        Ok(chars)
    };
    let index = stored::index(ws);
    let outcome = (|| {
        for a in &ws.agreements {
            let known = saved.as_ref().and_then(|s| s.pieces.get(&a.id));
            if let Some((stored, size)) = known.filter(|(stored, _)| Arc::ptr_eq(stored, a)) {
                pieces.insert(a.id.clone(), (stored.clone(), *size));
                continue;
            }
            let key = agreement_key(&a.id);
            let size = match ready.get(&a.id).filter(|(packed_from, _)| Arc::ptr_eq(packed_from, a)) {
                Some((_, packed)) => write(key, packed)?,
                None => write(key, &stored::packed(a))?,
            };
            pieces.insert(a.id.clone(), (a.clone(), size));
        }
        match saved.as_ref().filter(|s| s.index == index) {
            Some(s) => Ok(s.index_chars),
            None => write(Key::Workspace.name().to_string(), &pack::pack(&index)),
        }
    })();
    let index_chars = match outcome {
        Ok(chars) => chars,
        Err(e) => {
            for (key, old) in written.into_iter().rev() {
                let _ = match old {
                    Some(old) => storage.set_item(&key, &old),
                    None => storage.remove_item(&key),
                };
            }
            SAVED.with(|s| *s.borrow_mut() = saved);
            return Err(e);
        }
    };
    // What the index does not list: the pieces of removed agreements, and the layout before v2.
    match &saved {
        Some(saved) => {
            for id in saved.pieces.keys().filter(|id| !pieces.contains_key(*id)) {
                let _ = storage.remove_item(&agreement_key(id));
            }
        }
        None => {
            let kept: HashSet<String> = ws.agreements.iter().map(|a| agreement_key(&a.id)).collect();
            for key in all_keys(&storage) {
                if key.starts_with(AGREEMENT_PREFIX) && !kept.contains(&key) {
                    let _ = storage.remove_item(&key);
                }
            }
            let _ = storage.remove_item(Key::OldWorkspace.name());
        }
    }
    let chars = index_chars + pieces.values().map(|(_, size)| size).sum::<usize>();
    SAVED.with(|s| *s.borrow_mut() = Some(Saved { pieces, index, index_chars }));
    let counter: u64 = current.split(':').next().and_then(|n| n.parse().ok()).unwrap_or(0);
    let revision = format!("{}:{tab}", counter + 1);
    // The revision is tiny; if even that fails the workspace is saved and other tabs still see the
    // workspace key change.
    let _ = set(Key::Revision, &revision);
    Ok((revision, chars))
}

fn all_keys(storage: &web_sys::Storage) -> Vec<String> {
    let n = storage.length().unwrap_or(0);
    (0..n).filter_map(|i| storage.key(i).ok().flatten()).collect()
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

/// The characters one localStorage entry takes against the quota: its key and its value in UTF-16 (the
/// app's keys are ASCII).
fn entry_chars(key: &str, value: &str) -> usize {
    key.len() + value.encode_utf16().count()
}

/// Characters used by the app's keys (keys and values), as browsers count them against the quota: the
/// workspace's pieces as last read or written, the other keys as they are now.
pub fn used_chars() -> Result<usize, StoreError> {
    let storage = storage()?;
    let known = workspace_chars();
    let mut total = 0;
    let keys: Vec<String> = match known {
        Some(pieces) => {
            total += pieces;
            let mut keys: Vec<String> = [Key::OldWorkspace, Key::Revision, Key::History, Key::Lang]
                .map(|k| k.name().to_string())
                .to_vec();
            keys.extend(copies::point_keys());
            keys
        }
        None => all_keys(&storage).into_iter().filter(|k| k.starts_with("kinerja.")).collect(),
    };
    for key in keys {
        if let Some(v) = get_raw(&storage, &key)? {
            total += entry_chars(&key, &v);
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
