//! Notices (saved, failed, undone, ...) and the banner for changes made in another tab.

use crate::core::i18n::{fill, Msg};
use crate::ui::services::offline;
use crate::ui::services::state::{expect_app, NoticeKind};
use leptos::prelude::*;

/// The live region where notices appear, and the other-tab conflict banner.
#[component]
pub fn Notices() -> impl IntoView {
    let app = expect_app();
    let stuck = offline::update_stuck();
    let running = offline::running_version().unwrap_or_default();
    view! {
        <div class="notices no-print" role="status" aria-live="polite">
            <Show when=move || stuck.get()>
                <div class="notice error update" role="alert" id="update-stuck">
                    <span class="notice-text">
                        {let running = running.clone(); move || fill(app.t(Msg::UpdateStuck), &[("version", &running)])}
                    </span>
                    <button type="button" id="update-load-current" class="primary" on:click=move |_| offline::load_current("update-status")>
                        {move || app.t(Msg::UpdateLoadCurrent)}
                    </button>
                    <span id="update-status"></span>
                </div>
            </Show>
            <Show when=move || app.update_ready.get()>
                <div class="notice info update" role="alert" id="update-ready">
                    <span class="notice-text">{move || app.t(Msg::UpdateReady)}</span>
                    <button type="button" id="update-reload" class="primary" on:click=move |_| offline::apply_update(app)>
                        {move || app.t(Msg::UpdateReload)}
                    </button>
                </div>
            </Show>
            <Show when=move || app.conflict.get()>
                <div class="notice error conflict" role="alert">
                    <strong>{move || app.t(Msg::ConflictTitle)}</strong>
                    " "
                    <span>{move || app.t(Msg::ConflictBody)}</span>
                    <span class="actions">
                        <button type="button" id="conflict-load" on:click=move |_| {
                            app.reload_from_storage();
                        }>{move || app.t(Msg::ConflictLoadTheirs)}</button>
                        <button type="button" id="conflict-keep" on:click=move |_| app.save_over()>
                            {move || app.t(Msg::ConflictKeepMine)}
                        </button>
                    </span>
                </div>
            </Show>
            <For each=move || app.notices.get() key=|n| n.id let:notice>
                <div class=move || match notice.kind {
                    NoticeKind::Info => "notice info",
                    NoticeKind::Success => "notice success",
                    NoticeKind::Error => "notice error",
                }>
                    <span class="notice-text">{notice.text.clone()}</span>
                    <button type="button" class="dismiss" on:click=move |_| app.dismiss(notice.id)
                        aria-label=move || app.t(Msg::Dismiss)>"×"</button>
                </div>
            </For>
        </div>
    }
}
