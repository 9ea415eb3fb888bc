//! Data: export the workspace, copies outside the browser and restore points, publishing, restore the
//! embedded dataset, and see how much storage is used (and whether the browser keeps it).

use super::import::ImportPanel;
use crate::core::backup::Occasion;
use crate::core::format;
use crate::core::i18n::{fill, Msg};
use crate::store::QUOTA_CHARS;
use crate::ui::common::ConfirmButton;
use crate::ui::services::export;
use crate::ui::services::{Backup, Document, Language, NoticeKind, Notices, Persistence};
use leptos::prelude::*;

/// Import/export and storage.
#[component]
pub fn DataPage() -> impl IntoView {
    let i18n = expect_context::<Language>();
    let notices = expect_context::<Notices>();
    let doc = expect_context::<Document>();
    let saving = expect_context::<Persistence>();
    let downloads = crate::ui::services::export::Downloads::here();
    let backup = expect_context::<Backup>();
    let restore = Callback::new(move |_| match crate::core::seed::workspace() {
        Ok(seed) => {
            backup.keep_now(Occasion::BuiltIn, "");
            doc.replace(Msg::RestoreDataset, seed);
            notices.notify(NoticeKind::Success, i18n.t_now(Msg::DatasetRestored).to_string());
        }
        Err(_) => notices.notify(NoticeKind::Error, i18n.t_now(Msg::DatasetBroken).to_string()),
    });
    let usage = move || {
        let lang = i18n.lang.get();
        match saving.used_chars() {
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
    let persisted = move || {
        i18n.t(match backup.persisted() {
            Some(true) => Msg::PersistGranted,
            Some(false) => Msg::PersistDenied,
            None => Msg::PersistUnknown,
        })
    };
    // The version running in this page (after an update, the one the user reloaded for).
    let version = crate::ui::services::offline::running_version().unwrap_or_default();
    view! {
        <section class="page data-page" aria-labelledby="data-title">
            <h1 id="data-title">{move || i18n.t(Msg::DataTitle)}</h1>

            <section aria-labelledby="export-title">
                <h2 id="export-title">{move || i18n.t(Msg::ExportTitle)}</h2>
                <p>{move || i18n.t(Msg::ExportHint)}</p>
                <p class="toolbar">
                    <button type="button" id="export-all" class="primary" on:click=move |_| downloads.json(export::What::Everything)>
                        {move || i18n.t(Msg::ExportAll)}
                    </button>
                    <button type="button" id="export-all-csv" on:click=move |_| downloads.csv(None)>
                        {move || i18n.t(Msg::ExportAllCsv)}
                    </button>
                </p>
                <p class="hint">{move || i18n.t(Msg::CsvHint)}</p>
            </section>

            <crate::ui::pages::backup::BackupPanel/>

            <ImportPanel/>

            <crate::ui::pages::backup::PointsPanel/>

            <crate::ui::pages::letterhead::LetterheadPanel/>

            <section aria-labelledby="renstra-link-title">
                <h2 id="renstra-link-title">{move || i18n.t(Msg::RenstraTitle)}</h2>
                <p>{move || i18n.t(Msg::RenstraHint)}</p>
                <p><a href="#/renstra" id="renstra-link">{move || i18n.t(Msg::RenstraOpen)}</a></p>
            </section>

            <MeasureSettingsPanel/>
            <crate::ui::pages::calendar::CalendarPanel/>
            <crate::ui::pages::offices::OfficesPanel/>

            <section aria-labelledby="public-title">
                <h2 id="public-title">{move || i18n.t(Msg::PublicTitle)}</h2>
                <p>{move || i18n.t(Msg::PublicHint)}</p>
                <p><a href="#/publik" id="public-link">{move || i18n.t(Msg::PublicOpen)}</a></p>
            </section>

            <crate::ui::pages::publish::PublishPanel/>

            <section aria-labelledby="storage-title">
                <h2 id="storage-title">{move || i18n.t(Msg::StorageTitle)}</h2>
                <p id="storage-usage">{usage}</p>
                <p id="storage-persist">{persisted}</p>
                <p id="app-version">{move || fill(i18n.t(Msg::AppVersion), &[("version", &version)])}</p>
            </section>

            <section aria-labelledby="dataset-title">
                <h2 id="dataset-title">{move || i18n.t(Msg::DatasetTitle)}</h2>
                <p>{move || i18n.t(Msg::DatasetHint)}</p>
                <ConfirmButton id="restore-dataset" class="danger" label=Msg::RestoreDataset
                    question=Msg::RestoreDatasetQuestion confirm=Msg::RestoreDatasetConfirm on_confirm=restore/>
                <details class="dataset-notes">
                    <summary>{move || i18n.t(Msg::DatasetNotes)}</summary>
                    <ul>
                        {move || doc.ws.with(|ws| ws.notes.lines().map(|l| view! { <li>{l.to_string()}</li> }).collect_view())}
                    </ul>
                </details>
            </section>
        </section>
    }
}

/// Capping (applied the same on screen, in print and in CSV) and the predikat bands.
#[component]
fn MeasureSettingsPanel() -> impl IntoView {
    use crate::core::measure::Cap;
    let i18n = expect_context::<Language>();
    let notices = expect_context::<Notices>();
    let doc = expect_context::<Document>();
    let value = move || match doc.ws.with(|ws| ws.settings.cap) {
        Cap::None => "none",
        Cap::At100 => "at100",
        Cap::At120 => "at120",
    };
    let on_change = move |e: leptos::ev::Event| {
        let cap = match event_target_value(&e).as_str() {
            "at100" => Cap::At100,
            "at120" => Cap::At120,
            _ => Cap::None,
        };
        if doc.change(Msg::MeasureSettingsTitle, None, |ws| ws.set_cap(cap)) {
            notices.notify(NoticeKind::Success, i18n.t_now(Msg::SettingsChanged).to_string());
        }
    };
    let count = Memo::new(move |_| doc.ws.with(|ws| ws.settings.bands.len()));
    view! {
        <section aria-labelledby="measure-settings-title">
            <h2 id="measure-settings-title">{move || i18n.t(Msg::MeasureSettingsTitle)}</h2>
            <p>{move || i18n.t(Msg::MeasureSettingsHint)}</p>
            <div class="field">
                <label for="cap-setting">{move || i18n.t(Msg::CapLabel)}</label>
                <select id="cap-setting" prop:value=value on:change=on_change>
                    <option value="none">{move || i18n.t(Msg::CapNone)}</option>
                    <option value="at100">{move || i18n.t(Msg::Cap100)}</option>
                    <option value="at120">{move || i18n.t(Msg::Cap120)}</option>
                </select>
            </div>
            <h3>{move || i18n.t(Msg::BandsLabel)}</h3>
            <p class="hint">{move || i18n.t(Msg::BandsHint)}</p>
            <ol class="bands" id="bands">
                <For each=move || 0..count.get() key=|i| *i let:index>
                    <BandRow index/>
                </For>
            </ol>
            <p class="toolbar">
                <button type="button" id="add-band" on:click=move |_| {
                    let label = i18n.t_now(Msg::NewBand).to_string();
                    doc.change(Msg::MeasureSettingsTitle, None, |ws| ws.add_band(&label));
                }>{move || i18n.t(Msg::AddBand)}</button>
                <button type="button" id="reset-bands" on:click=move |_| {
                    if doc.change(Msg::MeasureSettingsTitle, None, |ws| ws.reset_bands()) {
                        notices.notify(NoticeKind::Success, i18n.t_now(Msg::SettingsChanged).to_string());
                    }
                }>{move || i18n.t(Msg::ResetBands)}</button>
            </p>
        </section>
    }
}

/// One predikat band: its name and its lower bound, "more than" or "at least".
#[component]
fn BandRow(index: usize) -> impl IntoView {
    use crate::ui::widgets::TextField;
    let i18n = expect_context::<Language>();
    let doc = expect_context::<Document>();
    let band = Memo::new(move |_| doc.ws.with(|ws| ws.settings.bands.get(index).cloned()));
    // A bound that is not a number is kept as typed, with a message, and not saved. The typed text is
    // shown only while the stored bound is still the one it was typed over: once the bound changes (it
    // was saved, or *Kembalikan predikat* restored it) the field shows the stored bound.
    let typed = RwSignal::new(None::<(String, rust_decimal::Decimal)>);
    let stored_min = move || band.with(|b| b.as_ref().map(|b| b.min));
    let current = move || typed.get().filter(|(_, over)| Some(*over) == stored_min()).map(|(t, _)| t);
    let min_text = Signal::derive(move || {
        current().unwrap_or_else(|| {
            band.with(|b| b.as_ref().map(|b| format::number(b.min, i18n.lang.get())).unwrap_or_default())
        })
    });
    let problem = Memo::new(move |_| {
        doc.ws.with(|ws| {
            crate::core::measure::judge::band_problems(&ws.settings.bands)
                .into_iter()
                .find(|(i, _)| *i == index)
                .map(|(_, p)| p)
        })
    });
    let min_issue = Signal::derive(move || {
        let lang = i18n.lang.get();
        match current().and_then(|t| crate::core::typed::band(&t).err()) {
            Some(e) => Some(crate::core::text::typed_error(e, lang)),
            None => problem.get().map(|p| crate::core::text::band_problem(p, lang)),
        }
    });
    let above = move || band.with(|b| b.as_ref().is_some_and(|b| b.above));
    let band_id = move |field| crate::core::model::element::ElementId::Band(index, field).to_string();
    let group = move |field| Some(band_id(field));
    use crate::core::model::element::BandField;
    view! {
        <li class="band">
            <div class="form-grid">
                <TextField id=band_id(BandField::Label) label=Msg::BandName
                    value=Signal::derive(move || band.with(|b| b.as_ref().map(|b| b.label.clone()).unwrap_or_default()))
                    on_input=Callback::new(move |v: String| {
                        doc.change(Msg::MeasureSettingsTitle, group(BandField::Label).as_deref(), |ws| ws.set_band_label(index, &v));
                    })/>
                <div class="field">
                    <label for=band_id(BandField::Above)>{move || i18n.t(Msg::BandFrom)}</label>
                    <select id=band_id(BandField::Above) prop:value=move || if above() { "above" } else { "from" }
                        on:change=move |e| {
                            let above = event_target_value(&e) == "above";
                            let min = band.with_untracked(|b| b.as_ref().map(|b| b.min)).unwrap_or_default();
                            doc.change(Msg::MeasureSettingsTitle, None, |ws| ws.set_band_min(index, min, above));
                        }>
                        <option value="above">{move || i18n.t(Msg::BandAbove)}</option>
                        <option value="from">{move || i18n.t(Msg::BandAtLeast)}</option>
                    </select>
                </div>
                <TextField id=band_id(BandField::Min) label=Msg::BandMin value=min_text issue=min_issue
                    on_input=Callback::new(move |v: String| {
                        if let Some(over) = stored_min() {
                            typed.set(Some((v.clone(), over)));
                        }
                        // Committed only when the whole text is a number (core::typed): `87,` on the way
                        // to `87,5` leaves the bound as it was.
                        if let Ok(min) = crate::core::typed::band(&v) {
                            let above = band.with_untracked(|b| b.as_ref().is_some_and(|b| b.above));
                            doc.change(Msg::MeasureSettingsTitle, group(BandField::Min).as_deref(), |ws| ws.set_band_min(index, min, above));
                        }
                    })/>
            </div>
            <button type="button" class="small remove-band" on:click=move |_| {
                typed.set(None);
                doc.change(Msg::MeasureSettingsTitle, None, |ws| ws.remove_band(index));
            }>{move || i18n.t(Msg::RemoveBand)}</button>
        </li>
    }
}
