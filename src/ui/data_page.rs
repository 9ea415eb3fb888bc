//! Data: export the workspace, restore the embedded dataset, and see how much storage is used.

use super::browser;
use super::common::ConfirmButton;
use super::state::{expect_app, NoticeKind};
use crate::format;
use crate::i18n::{fill, Msg};
use crate::io::file::{self, WriteOptions};
use crate::store::QUOTA_CHARS;
use leptos::prelude::*;

/// Import/export and storage.
#[component]
pub fn DataPage() -> impl IntoView {
    let app = expect_app();
    let export_all = move |_| {
        let now = browser::now_iso();
        let text = app.ws.with_untracked(|ws| {
            file::write(ws, None, &WriteOptions { exported_at: Some(now.clone()), pretty: true, ..Default::default() })
        });
        let name = app.ws.with_untracked(|ws| crate::io::names::workspace_file_name(ws, &now));
        match browser::download(&name, "application/json", &text) {
            Ok(()) => app.notify(NoticeKind::Success, fill(app.t_now(Msg::Exported), &[("file", &name)])),
            Err(e) => app.notify(NoticeKind::Error, format!("{} {e}", app.t_now(Msg::DownloadFailed))),
        }
    };
    let restore = Callback::new(move |_| match crate::seed::workspace() {
        Ok(seed) => {
            app.replace(Msg::RestoreDataset, seed);
            app.notify(NoticeKind::Success, app.t_now(Msg::DatasetRestored).to_string());
        }
        Err(_) => app.notify(NoticeKind::Error, app.t_now(Msg::DatasetBroken).to_string()),
    });
    let usage = move || {
        let lang = app.lang.get();
        match app.used_chars.get() {
            // localStorage counts UTF-16 code units: two bytes each.
            Some(chars) => fill(
                Msg::StorageUsage.text(lang),
                &[
                    ("used", &format::bytes(chars as u64 * 2, lang)),
                    ("quota", &format::bytes(QUOTA_CHARS as u64 * 2, lang)),
                    ("percent", &format::percent(rust_decimal::Decimal::from(chars * 100 / QUOTA_CHARS), lang)),
                ],
            ),
            None => Msg::StorageUnavailable.text(lang).to_string(),
        }
    };
    view! {
        <section class="page data-page" aria-labelledby="data-title">
            <h1 id="data-title">{move || app.t(Msg::DataTitle)}</h1>

            <section aria-labelledby="export-title">
                <h2 id="export-title">{move || app.t(Msg::ExportTitle)}</h2>
                <p>{move || app.t(Msg::ExportHint)}</p>
                <button type="button" id="export-all" class="primary" on:click=export_all>
                    {move || app.t(Msg::ExportAll)}
                </button>
            </section>

            <section aria-labelledby="storage-title">
                <h2 id="storage-title">{move || app.t(Msg::StorageTitle)}</h2>
                <p id="storage-usage">{usage}</p>
            </section>

            <section aria-labelledby="dataset-title">
                <h2 id="dataset-title">{move || app.t(Msg::DatasetTitle)}</h2>
                <p>{move || app.t(Msg::DatasetHint)}</p>
                <ConfirmButton id="restore-dataset" class="danger" label=Msg::RestoreDataset
                    question=Msg::RestoreDatasetQuestion confirm=Msg::RestoreDatasetConfirm on_confirm=restore/>
                <details class="dataset-notes">
                    <summary>{move || app.t(Msg::DatasetNotes)}</summary>
                    <ul>
                        {move || app.ws.with(|ws| ws.notes.lines().map(|l| view! { <li>{l.to_string()}</li> }).collect_view())}
                    </ul>
                </details>
            </section>
        </section>
    }
}
