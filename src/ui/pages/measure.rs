//! `#/pk/<id>/realisasi`: a quarter at a time, the Rencana Aksi and the realisasi of each indicator (with
//! its note and evidence), how it is measured, what flows up from the lower PKs, and the capaian to
//! date; then the realisasi anggaran. Every figure shown comes from `core::measure`.

use crate::core::i18n::{fill, Msg};
use crate::core::measure::table::{table, Table};
use crate::core::measure::{latest_reported, Quarter};
use crate::core::model::{Agreement, AgreementId};
use crate::core::route::{Page, Route};
use crate::core::text;
use crate::ui::common::NotFound;
use crate::ui::services::{Document, Language};
use crate::ui::widgets::QuarterTabs;
use leptos::prelude::*;
use std::sync::Arc;

mod budget;
mod choices;
mod indicator;
mod review;

use budget::BudgetActual;
use indicator::IndicatorMeasure;

/// Changes one agreement's measurement as one undo step (typing in one field merges).
fn edit(
    doc: Document,
    id: &AgreementId,
    group: Option<String>,
    f: impl FnOnce(&mut Agreement) -> bool,
) -> bool {
    doc.change(Msg::ChangeMeasurement, group.as_deref(), |ws| ws.agreement_mut(id).map(f).unwrap_or(false))
}

/// `#/pk/<id>/realisasi`.
#[component]
pub fn MeasurePage(id: AgreementId) -> impl IntoView {
    let i18n = expect_context::<Language>();
    let doc = expect_context::<Document>();
    let lookup = id.clone();
    let agreement: Memo<Option<Arc<Agreement>>> =
        Memo::new(move |_| doc.ws.with(|ws| ws.agreements.iter().find(|a| a.id == lookup).cloned()));
    let quarter = RwSignal::new(
        agreement
            .with_untracked(|a| a.as_deref().and_then(|a| latest_reported([a])))
            .unwrap_or(Quarter::ALL[0]),
    );
    // The whole PK's measurement (cheap: one PK); each row below only re-renders when its own row changes.
    let measured: Memo<Option<Table>> = Memo::new(move |_| {
        let q = quarter.get();
        let a = agreement.get()?;
        Some(doc.ws.with(|ws| table(ws, &a, q)))
    });
    let ids = Memo::new(move |_| {
        agreement.with(|a| {
            a.as_ref()
                .map(|a| a.indicators().map(|(_, i)| i.id.clone()).collect::<Vec<_>>())
                .unwrap_or_default()
        })
    });
    // Where the quarter stands after its reviews (an accepted quarter is locked).
    let standing = Memo::new(move |_| {
        let q = quarter.get();
        let a = agreement.get()?;
        Some(doc.ws.with(|ws| ws.settings.reviews.standing(&a, q)))
    });
    let locked = Signal::derive(move || standing.with(|s| s.as_ref().is_some_and(|s| s.locked())));
    let title = move || agreement.with(|a| a.as_ref().map(|a| a.title().to_string()).unwrap_or_default());
    // The agreement's id, for the parts below that change it.
    let owner = StoredValue::new(id.clone());
    let back = id.clone();
    let lkj = id.clone();
    view! {
        <Show when=move || agreement.with(Option::is_some) fallback=|| view! { <NotFound/> }>
            <section class="page measure-page" id="measure-page" aria-labelledby="measure-title">
                <div class="toolbar no-print">
                    <a class="button-link" href=Route::staff(Page::Agreement { id: back.clone(), edit: false }).href()>
                        {move || i18n.t(Msg::BackToDocument)}
                    </a>
                    <a class="button-link" id="lkj-link" href=Route::staff(Page::Lkj { id: lkj.clone() }).href()>
                        {move || i18n.t(Msg::LkjAction)}
                    </a>
                </div>
                <h1 id="measure-title">{move || fill(i18n.t(Msg::MeasureTitle), &[("title", &title())])}</h1>
                <p class="lead">{move || i18n.t(Msg::MeasureIntro)}</p>
                <QuarterTabs quarter/>
                <p class="measure-status" id="measure-status" role="status">{move || {
                    let lang = i18n.lang.get();
                    let q = text::quarter(quarter.get(), lang);
                    match measured.with(|t| t.as_ref().map(Table::missing)).unwrap_or(0) {
                        0 => fill(Msg::AllReportedHere.text(lang), &[("quarter", &q)]),
                        n => fill(Msg::NotReportedCount.text(lang), &[("n", &n.to_string()), ("quarter", &q)]),
                    }
                }}</p>
                <review::QuarterReview agreement owner quarter standing/>
                <ol class="measure-list" id="measure-list">
                    <For each=move || ids.get() key=|id| id.clone() let:indicator>
                        <IndicatorMeasure agreement owner measured quarter indicator standing locked/>
                    </For>
                </ol>
                <super::measure_paste::PasteActuals agreement owner quarter/>
                <BudgetActual agreement owner measured quarter locked/>
            </section>
        </Show>
    }
}
