//! Shown at start when the stored data cannot be read: nothing is discarded until the user decides.

use crate::core::i18n::Msg;
use crate::core::text::file_error;
use crate::ui::common::ConfirmButton;
use crate::ui::services::{browser, clock};
use crate::ui::services::{Language, NoticeKind, Notices, Persistence};
use leptos::prelude::*;

/// Explains the problem, offers the raw text as a download, and starting fresh after confirmation.
#[component]
pub fn RecoveryPage() -> impl IntoView {
    let i18n = expect_context::<Language>();
    let notices = expect_context::<Notices>();
    let saving = expect_context::<Persistence>();
    let reason = move || {
        saving
            .recovery
            .with(|r| r.as_ref().map(|r| file_error(&r.error, i18n.lang.get())).unwrap_or_default())
    };
    let download = move |_| {
        let raw = saving.recovery.with_untracked(|r| r.as_ref().map(|r| r.raw.clone()).unwrap_or_default());
        let name = format!("kinerja-data-tersimpan-{}.txt", clock::today().iso());
        if let Err(e) = browser::download(&name, "text/plain;charset=utf-8", &raw) {
            notices.notify_keyed(
                "download",
                NoticeKind::Error,
                format!("{} {e}", i18n.t_now(Msg::DownloadFailed)),
            );
        }
    };
    view! {
        <section class="page narrow recovery" aria-labelledby="recovery-title">
            <h1 id="recovery-title">{move || i18n.t(Msg::RecoveryTitle)}</h1>
            <p>{move || i18n.t(Msg::RecoveryBody)}</p>
            <p class="problem" id="recovery-reason">{reason}</p>
            <p>
                <button type="button" id="recovery-download" class="primary" on:click=download>
                    {move || i18n.t(Msg::RecoveryDownload)}
                </button>
            </p>
            <p>{move || i18n.t(Msg::RecoveryFreshHint)}</p>
            <ConfirmButton id="recovery-fresh" class="danger" label=Msg::RecoveryFresh
                question=Msg::RecoveryFreshQuestion confirm=Msg::RecoveryFreshConfirm
                on_confirm=Callback::new(move |_| saving.start_fresh())/>
        </section>
    }
}
