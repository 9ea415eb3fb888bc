//! The interface: components that render the workspace and dispatch user actions to the contexts of
//! `services` (the document, saving, notices, drafts, the language and the route).

mod batches;
mod charts;
mod common;
mod header;
mod host;
mod lazy;
mod notices;
mod pages;
mod reminder;
pub mod services;
mod widgets;

use crate::core::i18n::Msg;
use crate::core::route::Page;
use leptos::ev;
use leptos::prelude::*;
use pages::{home, recovery};
use services::NoticeKind;
use services::{browser, offline, published};

/// The whole app: state, routing by URL hash, header, the current page and notices.
#[component]
pub fn App() -> impl IntoView {
    let services::Contexts { language: i18n, nav, notices, doc, saving, drafts: unsaved, .. } =
        services::provide_contexts();
    let public = published::provide_public(doc, saving, i18n);

    if doc.read_only() {
        public.enter();
    }
    offline::register();
    window_event_listener(ev::hashchange, move |_| {
        doc.seal();
        let next = browser::route();
        match (doc.read_only(), next.public) {
            (false, true) => public.enter(),
            (true, false) => public.leave(),
            _ => {}
        }
        nav.route.set(next);
        notices.page_changed();
        // A link that names a field (`?fokus=`) is handled by its page; any other page starts at the top,
        // with focus on its heading, once it is drawn.
        if crate::core::route::focus_of(&browser::hash()).is_none() {
            request_animation_frame(|| browser::focus_page_heading("main"));
        }
    });
    // Save what is pending when the page is hidden or closed (reload, tab switch, navigation away).
    window_event_listener(ev::pagehide, move |_| saving.flush());
    window_event_listener(ev::visibilitychange, move |_| saving.flush());
    // Input that could not be saved would be lost with the page: let the browser ask first.
    window_event_listener(ev::beforeunload, move |e: web_sys::BeforeUnloadEvent| {
        if unsaved.drafts.with_untracked(|d| !d.is_empty()) {
            e.prevent_default();
            e.set_return_value(i18n.t_now(Msg::LeaveWithDrafts));
        }
    });
    // Another tab saved: pick its data up, unless this tab has changes of its own.
    window_event_listener(ev::storage, move |e: web_sys::StorageEvent| {
        if doc.read_only() || e.key().as_deref() != Some(crate::store::Key::Revision.name()) {
            return;
        }
        if e.new_value().unwrap_or_default() == saving.known_revision() {
            return;
        }
        if saving.has_unsaved() {
            saving.set_conflict();
        } else if saving.reload_from_storage() {
            notices.notify_global(NoticeKind::Info, i18n.t_now(Msg::ReloadedFromOtherTab).to_string());
        }
    });
    // Keyboard shortcuts for undo and redo, except while typing in a text field (the field's own undo).
    window_event_listener(ev::keydown, move |e: web_sys::KeyboardEvent| {
        if doc.read_only() || !(e.ctrl_key() || e.meta_key()) || common::typing_in_field(&e) {
            return;
        }
        match (e.key().to_lowercase().as_str(), e.shift_key()) {
            ("z", false) => {
                e.prevent_default();
                doc.undo();
            }
            ("z", true) | ("y", false) => {
                e.prevent_default();
                doc.redo();
            }
            _ => {}
        }
    });
    // A file dropped outside the import area would make the browser open it in place of the app.
    window_event_listener(ev::dragover, move |e: web_sys::DragEvent| e.prevent_default());
    window_event_listener(ev::drop, move |e: web_sys::DragEvent| {
        e.prevent_default();
        if !doc.read_only() {
            notices.notify(NoticeKind::Info, i18n.t_now(Msg::DropOnDataPage).to_string());
        }
    });
    Effect::new(move |_| {
        let lang = i18n.lang.get();
        browser::set_document_lang(lang.code(), Msg::DocumentTitle.text(lang));
    });

    // The page of the route, drawn again on every change of the route (a link that names a field is
    // handled by its page when it is drawn); the page before is taken down in steps (host.rs).
    let main = NodeRef::<leptos::html::Main>::new();
    host::host(
        main,
        move || {
            nav.route.track();
            saving.recovery.with(Option::is_some);
            public.published.with(published::Published::is_ready);
        },
        move || {
            if saving.recovery.with(Option::is_some) {
                return view! { <recovery::RecoveryPage/> }.into_any();
            }
            // The public view waits for the published files before showing any page of them.
            if nav.route.with(|r| r.public) && !public.published.with(published::Published::is_ready) {
                return view! { <section class="page narrow"><published::PublishedInfo/></section> }
                    .into_any();
            }
            let page = nav.route.get().page;
            match page {
                Page::Home { year } => view! { <home::HomePage year/> }.into_any(),
                page => lazy::page(page, doc.read_only()),
            }
        },
    );

    view! {
        <a class="skip-link" href="#main" on:click=move |e| {
            e.prevent_default();
            browser::focus("main");
        }>{move || i18n.t(Msg::SkipToContent)}</a>
        <header::Header/>
        <notices::NoticeArea/>
        <main id="main" tabindex="-1" node_ref=main></main>
        <footer class="app-footer no-print">
            <p>{move || i18n.t(if nav.route.with(|r| r.public) { Msg::PublicFooter } else { Msg::FooterText })}</p>
        </footer>
    }
}

/// Starts the app in the page's `<body>`: at once when storage holds current, clean data; after loading
/// what it needs first otherwise (`Needs`): the full file reader when it holds more (an older version),
/// so that the app starts with the user's data whatever version stored it, and the built-in dataset when
/// it holds nothing. Code that cannot be loaded shows rescue.js's message, and nothing stored is touched.
pub fn mount() {
    use services::persistence::{read_at_start, Needs};
    console_error_panic_hook::set_once();
    let needs = read_at_start();
    if needs == Needs::Nothing {
        leptos::mount::mount_to_body(App);
        return;
    }
    wasm_bindgen_futures::spawn_local(async move {
        let mut needs = needs;
        while needs != Needs::Nothing {
            let loaded = match needs {
                Needs::Reader => services::reader::full().await.map(drop),
                _ => services::seed::load().await,
            };
            if let Err(e) = loaded {
                return services::offline::show_rescue(&format!(
                    "a part of the app could not be loaded: {e:?}"
                ));
            }
            needs = if needs == Needs::Reader { read_at_start() } else { Needs::Nothing };
        }
        leptos::mount::mount_to_body(App);
    });
}
