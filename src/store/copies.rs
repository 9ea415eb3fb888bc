//! What storage keeps about copies of the workspace: when it was last copied outside the browser, and the
//! restore points (the whole workspace as a packed Kinerja file, each in a key of its own, listed in one
//! small key). A restore point is only made when it fits in the room `core::backup::room` leaves, and a save
//! of the workspace that finds storage full drops restore points (oldest first) before it gives up, so a
//! point never pushes the workspace out.

use super::{entry_chars, get_raw, storage, used_chars, Key, StoreError, QUOTA_CHARS};
use crate::core::backup::{self, Copies, Point};
use crate::core::io::file::{self, WriteOptions, MAX_FILE_BYTES};
use crate::core::io::pack;
use crate::core::model::Workspace;

/// The prefix of the restore points' keys.
pub(super) const POINT_PREFIX: &str = "kinerja.v1.point.";

fn point_key(id: i64) -> String {
    format!("{POINT_PREFIX}{id}")
}

/// What the app remembers about copies; the default when nothing (or nothing readable) is stored.
pub fn load_copies() -> Copies {
    storage()
        .ok()
        .and_then(|s| get_raw(&s, Key::Copies.name()).ok().flatten())
        .and_then(|t| serde_json::from_str(&t).ok())
        .unwrap_or_default()
}

pub fn save_copies(copies: &Copies) -> Result<(), StoreError> {
    let text = serde_json::to_string(copies).map_err(|_| StoreError::Full)?;
    storage()?.set_item(Key::Copies.name(), &text).map_err(|_| StoreError::Full)
}

/// The restore points, oldest first (none when storage cannot be read).
pub fn points() -> Vec<Point> {
    storage()
        .ok()
        .and_then(|s| get_raw(&s, Key::Points.name()).ok().flatten())
        .and_then(|t| serde_json::from_str::<Vec<Point>>(&t).ok())
        .unwrap_or_default()
}

fn write_list(storage: &web_sys::Storage, list: &[Point]) -> Result<(), StoreError> {
    let text = serde_json::to_string(list).map_err(|_| StoreError::Full)?;
    storage.set_item(Key::Points.name(), &text).map_err(|_| StoreError::Full)
}

/// Why no restore point was made, or one cannot be read back.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PointError {
    Store(StoreError),
    /// Larger than the room storage can spare for it (the workspace comes first).
    NoRoom {
        chars: usize,
        room: usize,
    },
    /// Its data is missing or damaged.
    Damaged,
}

/// Keeps the workspace as a restore point (`meta` without its size), dropping the oldest points to make
/// room; nothing is dropped when it cannot fit.
pub fn keep_point(ws: &Workspace, mut meta: Point) -> Result<Point, PointError> {
    let storage = storage().map_err(PointError::Store)?;
    let list = points();
    let kept: usize = list.iter().map(|p| p.chars).sum();
    let used = used_chars().map_err(PointError::Store)?;
    let workspace = super::workspace_chars().unwrap_or(used);
    let room = backup::room(QUOTA_CHARS, workspace, used.saturating_sub(workspace).saturating_sub(kept));
    // The whole file packs to at least about half of its pieces packed one by one: a workspace that cannot
    // fit even so is not packed at all (seconds for a national workspace).
    if workspace / 2 > room {
        return Err(PointError::NoRoom { chars: workspace / 2, room });
    }
    let packed = pack::pack(&file::write(ws, None, &WriteOptions::default()));
    let key = point_key(meta.id);
    meta.chars = entry_chars(&key, &packed);
    let drop =
        backup::make_room(&list, meta.chars, room).ok_or(PointError::NoRoom { chars: meta.chars, room })?;
    for id in &drop {
        let _ = storage.remove_item(&point_key(*id));
    }
    let mut list: Vec<Point> = list.into_iter().filter(|p| !drop.contains(&p.id)).collect();
    write_list(&storage, &list).map_err(PointError::Store)?;
    storage.set_item(&key, &packed).map_err(|_| PointError::Store(StoreError::Full))?;
    list.push(meta.clone());
    if let Err(e) = write_list(&storage, &list) {
        let _ = storage.remove_item(&key);
        return Err(PointError::Store(e));
    }
    Ok(meta)
}

/// A restore point's data as a Kinerja file (read like an import).
pub fn point_text(id: i64) -> Result<String, PointError> {
    let storage = storage().map_err(PointError::Store)?;
    let raw = get_raw(&storage, &point_key(id)).map_err(PointError::Store)?.ok_or(PointError::Damaged)?;
    pack::unpack(&raw, MAX_FILE_BYTES).ok_or(PointError::Damaged)
}

/// Removes one restore point.
pub fn drop_point(id: i64) {
    if let Ok(storage) = storage() {
        let list: Vec<Point> = points().into_iter().filter(|p| p.id != id).collect();
        let _ = storage.remove_item(&point_key(id));
        let _ = write_list(&storage, &list);
    }
}

/// Drops the oldest restore point to give the workspace room; `false` when there is none left.
pub(super) fn drop_oldest() -> bool {
    match points().first() {
        Some(p) => {
            drop_point(p.id);
            true
        }
        None => false,
    }
}

/// The characters the restore points' keys take (for the storage figure on Data).
pub(super) fn point_keys() -> Vec<String> {
    let mut keys: Vec<String> = points().iter().map(|p| point_key(p.id)).collect();
    keys.push(Key::Points.name().to_string());
    keys.push(Key::Copies.name().to_string());
    keys
}
