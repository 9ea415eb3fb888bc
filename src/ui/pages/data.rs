//! Data: export the workspace, restore the embedded dataset, and see how much storage is used.

use super::import::ImportPanel;
use crate::core::format;
use crate::core::i18n::{fill, Msg};
use crate::store::QUOTA_CHARS;
use crate::ui::common::ConfirmButton;
use crate::ui::services::export;
use crate::ui::services::state::{expect_app, NoticeKind};
use leptos::prelude::*;

/// Import/export and storage.
#[component]
pub fn DataPage() -> impl IntoView {
    let app = expect_app();
    let restore = Callback::new(move |_| match crate::core::seed::workspace() {
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
                    (
                        "percent",
                        &format::percent(rust_decimal::Decimal::from(chars * 100 / QUOTA_CHARS), lang),
                    ),
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
                <p class="toolbar">
                    <button type="button" id="export-all" class="primary" on:click=move |_| export::json(&app, export::What::Everything)>
                        {move || app.t(Msg::ExportAll)}
                    </button>
                    <button type="button" id="export-all-csv" on:click=move |_| export::csv(&app, None)>
                        {move || app.t(Msg::ExportAllCsv)}
                    </button>
                </p>
                <p class="hint">{move || app.t(Msg::CsvHint)}</p>
            </section>

            <ImportPanel/>

            <section aria-labelledby="public-title">
                <h2 id="public-title">{move || app.t(Msg::PublicTitle)}</h2>
                <p>{move || app.t(Msg::PublicHint)}</p>
                <p><a href="#/publik" id="public-link">{move || app.t(Msg::PublicOpen)}</a></p>
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
