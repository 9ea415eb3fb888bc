//! Registers the service worker (the app works offline after the first visit) and tells the user when
//! a new version is installed, switching to it only when they choose to reload.

use super::state::App;
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

/// Registers `sw.js` and watches for updates.
pub fn register(app: App) {
    let Some(c) = container() else { return };
    // After the user asked for the new version: reload once it has taken over.
    let on_change = Closure::<dyn FnMut()>::new(move || {
        if app.update_ready.get_untracked() {
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
            app.update_ready.set(true);
        }
        let watched = reg.clone();
        let on_found = Closure::<dyn FnMut()>::new(move || {
            let Some(installing) = watched.installing() else { return };
            let worker = installing.clone();
            let c = c.clone();
            let on_state = Closure::<dyn FnMut()>::new(move || {
                if worker.state() == web_sys::ServiceWorkerState::Installed && controlled(&c) {
                    app.update_ready.set(true);
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
pub fn apply_update(app: App) {
    app.flush();
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
