//! Registers the service worker (the app works offline after the first visit) and tells the user when
//! a new version is installed, switching to it only when they choose to reload. After that reload, a page
//! that still runs the version it switched from says so (`update_stuck`) instead of hiding the notice.

use super::persistence::Persistence;
use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

fn container() -> Option<web_sys::ServiceWorkerContainer> {
    let navigator = web_sys::window()?.navigator();
    // Absent on plain http (except localhost) and in some private modes.
    let present = js_sys::Reflect::has(&navigator, &JsValue::from_str("serviceWorker")).unwrap_or(false);
    present.then(|| navigator.service_worker())
}

/// Whether a page is already controlled by a worker (so an installed worker is an update).
fn controlled(c: &web_sys::ServiceWorkerContainer) -> bool {
    c.controller().is_some()
}

/// The session key that holds the version a reload for an update switched from.
const SWITCH_FROM: &str = "kinerja-switch-from";

thread_local! {
    static STUCK: ArcRwSignal<bool> = ArcRwSignal::new(false);
    static READY: ArcRwSignal<bool> = ArcRwSignal::new(false);
}

/// True when a new version of the app is installed and waits for a reload.
pub fn update_ready() -> ArcRwSignal<bool> {
    READY.with(Clone::clone)
}

/// True when the user reloaded for a new version and this page still runs the old one.
pub fn update_stuck() -> ArcRwSignal<bool> {
    STUCK.with(Clone::clone)
}

/// The version this page runs, as the build stamped it into index.html (`.ci/postbuild.mjs`).
pub fn running_version() -> Option<String> {
    let document = web_sys::window()?.document()?;
    document.query_selector("meta[name=kinerja-version]").ok()??.get_attribute("content")
}

fn session() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok()?
}

/// After a reload for an update: did the version change?
fn check_switch() {
    let Some(s) = session() else { return };
    let Ok(Some(from)) = s.get_item(SWITCH_FROM) else { return };
    let _ = s.remove_item(SWITCH_FROM);
    if running_version().as_deref() == Some(from.as_str()) {
        STUCK.with(|stuck| stuck.set(true));
    }
}

/// Registers `sw.js` and watches for updates.
pub fn register() {
    check_switch();
    let Some(c) = container() else { return };
    // After the user asked for the new version: reload once it has taken over.
    let on_change = Closure::<dyn FnMut()>::new(move || {
        if update_ready().get_untracked() {
            if let Some(w) = web_sys::window() {
                let _ = w.location().reload();
            }
        }
    });
    c.set_oncontrollerchange(Some(on_change.as_ref().unchecked_ref()));
    on_change.forget();
    leptos::task::spawn_local(async move {
        let Ok(reg) = JsFuture::from(c.register("sw.js")).await else { return };
        let Ok(reg) = reg.dyn_into::<web_sys::ServiceWorkerRegistration>() else { return };
        if reg.waiting().is_some() && controlled(&c) {
            update_ready().set(true);
        }
        let watched = reg.clone();
        let on_found = Closure::<dyn FnMut()>::new(move || {
            let Some(installing) = watched.installing() else { return };
            let worker = installing.clone();
            let c = c.clone();
            let on_state = Closure::<dyn FnMut()>::new(move || {
                if worker.state() == web_sys::ServiceWorkerState::Installed && controlled(&c) {
                    update_ready().set(true);
                }
            });
            installing.set_onstatechange(Some(on_state.as_ref().unchecked_ref()));
            on_state.forget();
        });
        reg.set_onupdatefound(Some(on_found.as_ref().unchecked_ref()));
        on_found.forget();
    });
}

/// Switches to the installed new version (the page reloads when it has taken over).
pub fn apply_update(saving: Persistence) {
    saving.flush();
    if let (Some(s), Some(v)) = (session(), running_version()) {
        let _ = s.set_item(SWITCH_FROM, &v);
    }
    let Some(c) = container() else { return };
    leptos::task::spawn_local(async move {
        let Ok(reg) = JsFuture::from(c.get_registration()).await else { return };
        let Ok(reg) = reg.dyn_into::<web_sys::ServiceWorkerRegistration>() else { return };
        match reg.waiting() {
            Some(w) => {
                let _ = w.post_message(&JsValue::from_str("skip-waiting"));
            }
            None => {
                if let Some(w) = web_sys::window() {
                    let _ = w.location().reload();
                }
            }
        }
    });
}

/// Shows rescue.js's message (the app cannot start, with its button that loads the current version) for
/// `reason`; nothing without rescue.js.
pub fn show_rescue(reason: &str) {
    let Some(w) = web_sys::window() else { return };
    let rescue = js_sys::Reflect::get(&w, &JsValue::from_str("kinerjaRescue")).ok().filter(|r| r.is_object());
    let show = rescue
        .as_ref()
        .and_then(|r| js_sys::Reflect::get(r, &JsValue::from_str("show")).ok())
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    if let (Some(rescue), Some(show)) = (rescue, show) {
        let _ = show.call1(&rescue, &JsValue::from_str(reason));
    }
}

/// Loads the current version from the site (rescue.js: unregisters the service worker and deletes the app's
/// caches, never localStorage), reporting into the element `status_id`; a plain reload without rescue.js.
pub fn load_current(status_id: &str) {
    let Some(w) = web_sys::window() else { return };
    let rescue = js_sys::Reflect::get(&w, &JsValue::from_str("kinerjaRescue")).ok().filter(|r| r.is_object());
    let load = rescue
        .as_ref()
        .and_then(|r| js_sys::Reflect::get(r, &JsValue::from_str("loadCurrent")).ok())
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    match (rescue, load) {
        (Some(rescue), Some(load)) => {
            let status = w.document().and_then(|d| d.get_element_by_id(status_id));
            let _ = load.call1(&rescue, &status.map(JsValue::from).unwrap_or(JsValue::NULL));
        }
        _ => {
            let _ = w.location().reload();
        }
    }
}
