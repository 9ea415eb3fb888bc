//! Shown at start when the stored data cannot be read: nothing is discarded until the user decides.

use crate::core::i18n::Msg;
use crate::core::text::file_error;
use crate::ui::common::ConfirmButton;
use crate::ui::services::state::{expect_app, NoticeKind};
use crate::ui::services::{browser, clock};
use leptos::prelude::*;

/// Explains the problem, offers the raw text as a download, and starting fresh after confirmation.
#[component]
pub fn RecoveryPage() -> impl IntoView {
    let app = expect_app();
    let reason = move || {
        app.recovery.with(|r| r.as_ref().map(|r| file_error(&r.error, app.lang.get())).unwrap_or_default())
    };
    let download = move |_| {
        let raw = app.recovery.with_untracked(|r| r.as_ref().map(|r| r.raw.clone()).unwrap_or_default());
        let name = format!("kinerja-data-tersimpan-{}.txt", clock::today().iso());
        if let Err(e) = browser::download(&name, "text/plain;charset=utf-8", &raw) {
            app.notify_keyed(
                "download",
                NoticeKind::Error,
                format!("{} {e}", app.t_now(Msg::DownloadFailed)),
            );
        }
    };
    view! {
        <section class="page narrow recovery" aria-labelledby="recovery-title">
            <h1 id="recovery-title">{move || app.t(Msg::RecoveryTitle)}</h1>
            <p>{move || app.t(Msg::RecoveryBody)}</p>
            <p class="problem" id="recovery-reason">{reason}</p>
            <p>
                <button type="button" id="recovery-download" class="primary" on:click=download>
                    {move || app.t(Msg::RecoveryDownload)}
                </button>
            </p>
            <p>{move || app.t(Msg::RecoveryFreshHint)}</p>
            <ConfirmButton id="recovery-fresh" class="danger" label=Msg::RecoveryFresh
                question=Msg::RecoveryFreshQuestion confirm=Msg::RecoveryFreshConfirm
                on_confirm=Callback::new(move |_| app.start_fresh())/>
        </section>
    }
}
