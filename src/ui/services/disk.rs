//! The browser's side of keeping copies outside localStorage: a file on disk chosen once (the File System
//! Access API of Chrome and Edge; its handle kept in IndexedDB so the same file is written after a reload),
//! and asking the browser to keep the site's storage (`navigator.storage.persist()`). Every call gives an
//! error value, never panics; the caller says it to the user.

use js_sys::{Object, Promise, Reflect};
use wasm_bindgen::{closure::Closure, JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    FileSystemFileHandle, FileSystemWritableFileStream, IdbDatabase, IdbRequest, IdbTransactionMode,
};

/// The file name offered when choosing where to autosave.
pub const SUGGESTED_NAME: &str = "kinerja-simpan-otomatis.json";
const DB: &str = "kinerja-disk";
const STORE: &str = "handles";
const KEY: &str = "autosave";

/// Why a file could not be chosen or written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DiskError {
    /// The browser has no File System Access API (Firefox, Safari, most phones).
    Unsupported,
    /// The user closed the file dialog.
    Cancelled,
    /// Writing to the file is not allowed (any more): it needs the user's permission again.
    NoPermission,
    /// The file was deleted, moved or is locked by another program.
    Gone,
    /// Anything else, in the browser's words.
    Other(String),
}

fn window() -> Option<web_sys::Window> {
    web_sys::window()
}

/// Whether this browser can write a chosen file.
pub fn supported() -> bool {
    window().is_some_and(|w| Reflect::has(&w, &JsValue::from_str("showSaveFilePicker")).unwrap_or(false))
}

/// Calls `target[name](args…)` and awaits the promise it returns.
async fn call(target: &JsValue, name: &str, args: &[JsValue]) -> Result<JsValue, JsValue> {
    let f = Reflect::get(target, &JsValue::from_str(name))?.dyn_into::<js_sys::Function>()?;
    let array: js_sys::Array = args.iter().collect();
    let promise = f.apply(target, &array)?.dyn_into::<Promise>()?;
    JsFuture::from(promise).await
}

fn error_of(e: &JsValue) -> DiskError {
    let name =
        Reflect::get(e, &JsValue::from_str("name")).ok().and_then(|n| n.as_string()).unwrap_or_default();
    match name.as_str() {
        "AbortError" => DiskError::Cancelled,
        "NotAllowedError" | "SecurityError" => DiskError::NoPermission,
        "NotFoundError" | "NoModificationAllowedError" | "InvalidStateError" => DiskError::Gone,
        _ => DiskError::Other(
            Reflect::get(e, &JsValue::from_str("message")).ok().and_then(|m| m.as_string()).unwrap_or(name),
        ),
    }
}

fn set(o: &Object, key: &str, value: &JsValue) {
    let _ = Reflect::set(o, &JsValue::from_str(key), value);
}

/// Asks the user where to autosave (must run in a click).
pub async fn choose() -> Result<FileSystemFileHandle, DiskError> {
    let w = window().ok_or(DiskError::Unsupported)?;
    if !supported() {
        return Err(DiskError::Unsupported);
    }
    let accept = Object::new();
    set(&accept, "application/json", &js_sys::Array::of1(&JsValue::from_str(".json")));
    let kind = Object::new();
    set(&kind, "description", &JsValue::from_str("Kinerja (JSON)"));
    set(&kind, "accept", &accept);
    let options = Object::new();
    set(&options, "suggestedName", &JsValue::from_str(SUGGESTED_NAME));
    set(&options, "types", &js_sys::Array::of1(&kind));
    let handle = call(&w, "showSaveFilePicker", &[options.into()]).await.map_err(|e| error_of(&e))?;
    handle.dyn_into::<FileSystemFileHandle>().map_err(|_| DiskError::Other("no file".into()))
}

/// The file's name as the user chose it.
pub fn name(handle: &FileSystemFileHandle) -> String {
    handle.name()
}

/// Whether writing is allowed; with `ask`, asks the user when it is not (must run in a click).
pub async fn allowed(handle: &FileSystemFileHandle, ask: bool) -> bool {
    let mode = Object::new();
    set(&mode, "mode", &JsValue::from_str("readwrite"));
    let state = |v: Result<JsValue, JsValue>| v.ok().and_then(|s| s.as_string()).unwrap_or_default();
    if state(call(handle, "queryPermission", &[mode.clone().into()]).await) == "granted" {
        return true;
    }
    ask && state(call(handle, "requestPermission", &[mode.into()]).await) == "granted"
}

/// Replaces the file's content with `text`: written whole, or not at all (the browser writes to a
/// temporary file and swaps it in at `close`).
pub async fn write(handle: &FileSystemFileHandle, text: &str) -> Result<(), DiskError> {
    if !allowed(handle, false).await {
        return Err(DiskError::NoPermission);
    }
    let stream = JsFuture::from(handle.create_writable()).await.map_err(|e| error_of(&e))?;
    let stream: FileSystemWritableFileStream = stream.unchecked_into();
    let written = match stream.write_with_str(text) {
        Ok(p) => JsFuture::from(p).await,
        Err(e) => Err(e),
    };
    if let Err(e) = written {
        let _ = JsFuture::from(stream.abort()).await;
        return Err(error_of(&e));
    }
    JsFuture::from(stream.close()).await.map(|_| ()).map_err(|e| error_of(&e))
}

/// Waits for an IndexedDB request.
async fn done(request: &IdbRequest) -> Result<JsValue, JsValue> {
    let promise = Promise::new(&mut |resolve, reject| {
        let ok = Closure::once_into_js(move |e: web_sys::Event| {
            let value =
                e.target().and_then(|t| t.dyn_into::<IdbRequest>().ok()).and_then(|r| r.result().ok());
            let _ = resolve.call1(&JsValue::NULL, &value.unwrap_or(JsValue::UNDEFINED));
        });
        let failed = Closure::once_into_js(move |e: web_sys::Event| {
            let _ = reject.call1(&JsValue::NULL, &e);
        });
        request.set_onsuccess(Some(ok.unchecked_ref()));
        request.set_onerror(Some(failed.unchecked_ref()));
    });
    JsFuture::from(promise).await
}

async fn database() -> Result<IdbDatabase, JsValue> {
    let factory = window().ok_or(JsValue::NULL)?.indexed_db()?.ok_or(JsValue::NULL)?;
    let open = factory.open_with_u32(DB, 1)?;
    let upgrade = Closure::once_into_js(move |e: web_sys::Event| {
        let db = e.target().and_then(|t| t.dyn_into::<IdbRequest>().ok()).and_then(|r| r.result().ok());
        if let Some(db) = db.and_then(|d| d.dyn_into::<IdbDatabase>().ok()) {
            let _ = db.create_object_store(STORE);
        }
    });
    open.set_onupgradeneeded(Some(upgrade.unchecked_ref()));
    done(&open).await?.dyn_into::<IdbDatabase>().map_err(|_| JsValue::NULL)
}

/// Keeps the chosen file (`None`: forgets it) for after a reload.
pub async fn remember(handle: Option<&FileSystemFileHandle>) -> Result<(), DiskError> {
    let run = async {
        let db = database().await?;
        let store =
            db.transaction_with_str_and_mode(STORE, IdbTransactionMode::Readwrite)?.object_store(STORE)?;
        let request = match handle {
            Some(h) => store.put_with_key(h, &JsValue::from_str(KEY))?,
            None => store.delete(&JsValue::from_str(KEY))?,
        };
        done(&request).await.map(|_| ())
    };
    run.await.map_err(|e| error_of(&e))
}

/// The file chosen before, if any.
pub async fn recall() -> Option<FileSystemFileHandle> {
    if !supported() {
        return None;
    }
    let db = database().await.ok()?;
    let store = db.transaction_with_str(STORE).ok()?.object_store(STORE).ok()?;
    let value = done(&store.get(&JsValue::from_str(KEY)).ok()?).await.ok()?;
    value.dyn_into::<FileSystemFileHandle>().ok()
}

/// Whether the browser keeps the site's storage under pressure: `None` when it cannot say.
pub async fn persisted() -> Option<bool> {
    let storage = window()?.navigator().storage();
    JsFuture::from(storage.persisted().ok()?).await.ok()?.as_bool()
}

/// Asks the browser to keep the site's storage; whether it agreed.
pub async fn persist() -> Option<bool> {
    let storage = window()?.navigator().storage();
    JsFuture::from(storage.persist().ok()?).await.ok()?.as_bool()
}
