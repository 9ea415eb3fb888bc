//! Notices (saved, failed, undone, ...) and the banner for changes made in another tab.

use crate::core::i18n::{fill, Msg};
use crate::ui::services::offline;
use crate::ui::services::{Language, NoticeKind, Notices, Persistence};
use leptos::prelude::*;

/// The live region where notices appear, and the other-tab conflict banner.
#[component]
pub fn NoticeArea() -> impl IntoView {
    let i18n = expect_context::<Language>();
    let notices = expect_context::<Notices>();
    let saving = expect_context::<Persistence>();
    let stuck = offline::update_stuck();
    let ready = offline::update_ready();
    let running = offline::running_version().unwrap_or_default();
    view! {
        <div class="notices no-print" role="status" aria-live="polite">
            <Show when=move || stuck.get()>
                <div class="notice error update" role="alert" id="update-stuck">
                    <span class="notice-text">
                        {let running = running.clone(); move || fill(i18n.t(Msg::UpdateStuck), &[("version", &running)])}
                    </span>
                    <button type="button" id="update-load-current" class="primary" on:click=move |_| offline::load_current("update-status")>
                        {move || i18n.t(Msg::UpdateLoadCurrent)}
                    </button>
                    <span id="update-status"></span>
                </div>
            </Show>
            <Show when=move || ready.get()>
                <div class="notice info update" role="alert" id="update-ready">
                    <span class="notice-text">{move || i18n.t(Msg::UpdateReady)}</span>
                    <button type="button" id="update-reload" class="primary" on:click=move |_| offline::apply_update(saving)>
                        {move || i18n.t(Msg::UpdateReload)}
                    </button>
                </div>
            </Show>
            <Show when=move || saving.conflict()>
                <div class="notice error conflict" role="alert">
                    <strong>{move || i18n.t(Msg::ConflictTitle)}</strong>
                    " "
                    <span>{move || i18n.t(Msg::ConflictBody)}</span>
                    <span class="actions">
                        <button type="button" id="conflict-load" on:click=move |_| {
                            saving.reload_from_storage();
                        }>{move || i18n.t(Msg::ConflictLoadTheirs)}</button>
                        <button type="button" id="conflict-keep" on:click=move |_| saving.save_over()>
                            {move || i18n.t(Msg::ConflictKeepMine)}
                        </button>
                    </span>
                </div>
            </Show>
            <For each=move || notices.list.get() key=|n| n.id let:notice>
                <div class=move || match notice.kind {
                    NoticeKind::Info => "notice info",
                    NoticeKind::Success => "notice success",
                    NoticeKind::Error => "notice error",
                }>
                    <span class="notice-text">{notice.text.clone()}</span>
                    <button type="button" class="dismiss" on:click=move |_| notices.dismiss(notice.id)
                        aria-label=move || i18n.t(Msg::Dismiss)>"×"</button>
                </div>
            </For>
        </div>
    }
}
