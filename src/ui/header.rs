//! The top bar: app name, navigation, undo/redo, save status and the language switch.

use crate::core::i18n::{Lang, Msg};
use crate::core::route::{Page, Route};
use crate::store::StoreError;
use crate::ui::services::{Document, Drafts, Language, Nav, Persistence, SaveState};
use leptos::prelude::*;

/// The app's header with navigation and tools.
#[component]
pub fn Header() -> impl IntoView {
    let i18n = expect_context::<Language>();
    let nav = expect_context::<Nav>();
    let doc = expect_context::<Document>();
    let public = move || nav.route.with(|r| r.public);
    let href = move |page: Page| Route { public: public(), page }.href();
    let current = move |which: &'static str| {
        nav.route.with(|r| {
            let name = match r.page {
                Page::Home { .. }
                | Page::Agreement { .. }
                | Page::Cascade { .. }
                | Page::Version { .. }
                | Page::Measure { .. }
                | Page::Lkj { .. } => "home",
                Page::Rollup { .. } => "rollup",
                Page::Tree { .. } => "tree",
                Page::Capaian { .. } => "capaian",
                Page::Data | Page::Renstra => "data",
                Page::Monitor { .. } => "monitor",
                Page::NotFound => "",
            };
            (name == which).then_some("page")
        })
    };
    view! {
        <header class="app-header no-print">
            <a class="brand" href=move || href(Page::Home { year: None })>
                <span class="brand-name">"Kinerja"</span>
                <span class="brand-sub">{move || i18n.t(Msg::BrandSub)}</span>
            </a>
            <nav aria-label=move || i18n.t(Msg::NavLabel)>
                <a href=move || href(Page::Home { year: None }) aria-current=move || current("home")>
                    {move || i18n.t(Msg::NavHome)}
                </a>
                <a href=move || href(Page::Rollup { year: None, root: None }) aria-current=move || current("rollup")>
                    {move || i18n.t(Msg::NavRollup)}
                </a>
                <a href=move || href(Page::Capaian { year: None, root: None }) aria-current=move || current("capaian")>
                    {move || i18n.t(Msg::NavCapaian)}
                </a>
                <a href=move || href(Page::Tree { year: None, root: None }) aria-current=move || current("tree") id="nav-tree">
                    {move || i18n.t(Msg::NavTree)}
                </a>
                // In the public view when the published data shows the grid.
                <Show when=move || !public() || doc.ws.with(|ws| ws.settings.monitor_public)>
                    <a href=move || href(Page::Monitor { year: None }) aria-current=move || current("monitor") id="nav-monitor">{move || i18n.t(Msg::NavMonitor)}</a>
                </Show>
                <Show when=move || !public()>
                    <a href="#/data" aria-current=move || current("data")>{move || i18n.t(Msg::NavData)}</a>
                </Show>
            </nav>
            <div class="tools">
                <Show when=move || !public()>
                    <button type="button" id="undo" disabled=move || !doc.history.with(|h| h.can_undo())
                        title=move || step_title(doc, i18n, true) on:click=move |_| doc.undo()>
                        {move || i18n.t(Msg::Undo)}
                    </button>
                    <button type="button" id="redo" disabled=move || !doc.history.with(|h| h.can_redo())
                        title=move || step_title(doc, i18n, false) on:click=move |_| doc.redo()>
                        {move || i18n.t(Msg::Redo)}
                    </button>
                    <SaveStatus/>
                </Show>
                <Show when=public>
                    <span class="badge public-badge">{move || i18n.t(Msg::PublicBadge)}</span>
                </Show>
                <LangSwitch/>
            </div>
            // On Beranda the page itself says it in full.
            <Show when=move || !public() && !nav.route.with(|r| matches!(r.page, Page::Home { .. }))>
                <crate::ui::reminder::BackupReminder short=true id="reminder-header"/>
            </Show>
        </header>
    }
}

/// The undo (or redo) button's title: what it would undo, when the step says.
fn step_title(doc: Document, i18n: Language, undo: bool) -> String {
    let lang = i18n.lang.get();
    let label = doc.history.with(|h| if undo { h.undo_label() } else { h.redo_label() });
    match (label, undo) {
        (Some(m), true) => crate::core::i18n::fill(Msg::UndoWhat.text(lang), &[("what", m.text(lang))]),
        (Some(m), false) => crate::core::i18n::fill(Msg::RedoWhat.text(lang), &[("what", m.text(lang))]),
        (None, true) => Msg::UndoHint.text(lang).to_string(),
        (None, false) => Msg::RedoHint.text(lang).to_string(),
    }
}

/// "Tersimpan" / "Menyimpan…" / "Tidak tersimpan: <reason>".
#[component]
fn SaveStatus() -> impl IntoView {
    let i18n = expect_context::<Language>();
    let saving = expect_context::<Persistence>();
    let unsaved = expect_context::<Drafts>();
    // Input that could not be saved is never covered by "Tersimpan".
    let has_drafts = move || unsaved.drafts.with(|d| !d.is_empty());
    view! {
        <span id="save-status" role="status"
            title=move || has_drafts().then(|| i18n.t(Msg::SaveDraftsHint))
            class=move || match saving.save_state() {
                _ if has_drafts() => "save-state failed",
                SaveState::Failed(_) => "save-state failed",
                SaveState::Pending => "save-state pending",
                _ => "save-state",
            }>
            {move || {
                if has_drafts() {
                    return i18n.t(Msg::SaveDraftsShort);
                }
                let msg = match saving.save_state() {
                    SaveState::Saved | SaveState::ReadOnly => Msg::SaveSaved,
                    SaveState::Pending => Msg::SavePending,
                    SaveState::Failed(StoreError::Full) => Msg::SaveFailedFullShort,
                    SaveState::Failed(StoreError::Unavailable) => Msg::SaveFailedUnavailableShort,
                    SaveState::Failed(StoreError::ChangedElsewhere) => Msg::SaveFailedElsewhereShort,
                };
                i18n.t(msg)
            }}
        </span>
    }
}

/// Two buttons, ID and EN; the choice is remembered.
#[component]
fn LangSwitch() -> impl IntoView {
    let i18n = expect_context::<Language>();
    view! {
        <div class="lang-switch" role="group" aria-label=move || i18n.t(Msg::LangSwitchLabel)>
            {Lang::ALL
                .into_iter()
                .map(|lang| {
                    view! {
                        <button type="button" lang=lang.code() id=format!("lang-{}", lang.code())
                            aria-pressed=move || (i18n.lang.get() == lang).to_string()
                            title=lang.native_name()
                            on:click=move |_| i18n.set_lang(lang)>
                            {lang.code().to_uppercase()}
                        </button>
                    }
                })
                .collect_view()}
        </div>
    }
}
