//! `#/pk/<id>/lkj` (also in the public view): the PK's capaian in the shape of LKj chapter III — No |
//! Sasaran | Indikator | Target | Realisasi | Capaian | Predikat, last year's realisasi beside it, what
//! helped or hindered — then III.B, the realisasi anggaran. Printable on A4; the same as CSV.

use crate::core::format;
use crate::core::i18n::{fill, Lang, Msg};
use crate::core::io::names;
use crate::core::measure::table::{table, Table};
use crate::core::measure::{latest_reported_below, Quarter};
use crate::core::model::{Agreement, AgreementId};
use crate::core::route::{Page, Route};
use crate::core::text::{self, lkj_csv};
use crate::ui::common::{NotFound, TableScroll};
use crate::ui::services::{browser, clock};
use crate::ui::services::{Document, Language, Nav};
use crate::ui::widgets::{DocumentLanguageChoice, InDocumentLanguage, QuarterTabs};
use leptos::prelude::*;
use std::sync::Arc;

/// `#/pk/<id>/lkj`.
#[component]
pub fn LkjPage(id: AgreementId) -> impl IntoView {
    let i18n = expect_context::<Language>();
    let nav = expect_context::<Nav>();
    let doc = expect_context::<Document>();
    let downloads = crate::ui::services::export::Downloads::here();
    let public = nav.route.with_untracked(|r| r.public);
    let lookup = id.clone();
    let agreement: Memo<Option<Arc<Agreement>>> =
        Memo::new(move |_| doc.ws.with(|ws| ws.agreements.iter().find(|a| a.id == lookup).cloned()));
    // The year-end table unless the year is not over in the data: the latest quarter reported, in this
    // PK or below it (a Kepala Bagian's figures come up from its Kepala Sub Bagian).
    let start = doc.ws.with_untracked(|ws| latest_reported_below(ws, &id));
    let quarter = RwSignal::new(start.unwrap_or(Quarter::ALL[3]));
    // Printed in Indonesian, the language of the signed PK, unless a translation is chosen.
    let doc_lang = RwSignal::new(Lang::Id);
    let measured: Memo<Option<Table>> = Memo::new(move |_| {
        let q = quarter.get();
        let a = agreement.get()?;
        Some(doc.ws.with(|ws| table(ws, &a, q)))
    });
    let download = move |_| {
        let lang = i18n.lang.get_untracked();
        let Some(a) = agreement.get_untracked() else { return };
        let Some(t) = measured.get_untracked() else { return };
        let name = names::agreement_file_name(&a, false, clock::today(), "csv").replace(".csv", "-lkj.csv");
        downloads.offer(&name, "text/csv;charset=utf-8", &lkj_csv(&a, &t, lang));
    };
    // The same table as a Word file (in Indonesian, as printed): `…-lkj.docx`.
    let word = move |_| {
        let Some(a) = agreement.get_untracked() else { return };
        let Some(t) = measured.get_untracked() else { return };
        let name =
            names::agreement_file_name(&a, false, clock::today(), "docx").replace(".docx", "-lkj.docx");
        crate::ui::services::word::offer(downloads, name, move |w| (w.lkj)(&a, &t));
    };
    let back = Route { public, page: Page::Agreement { id: id.clone(), edit: false } }.href();
    let measure = Route::staff(Page::Measure { id: id.clone() }).href();
    view! {
        <Show when=move || agreement.with(Option::is_some) fallback=|| view! { <NotFound/> }>
            <div class="toolbar no-print" role="toolbar" aria-label=move || i18n.t(Msg::DocumentTools)>
                <a class="button-link" href=back.clone()>{move || i18n.t(Msg::BackToDocument)}</a>
                {(!public).then(|| view! {
                    <a class="button-link" id="measure-link" href=measure.clone()>{move || i18n.t(Msg::MeasureAction)}</a>
                })}
                <button type="button" id="print" on:click=move |_| browser::print()>{move || i18n.t(Msg::Print)}</button>
                <span class="document-language-choice"><DocumentLanguageChoice lang=doc_lang/></span>
                <button type="button" id="export-lkj-csv" on:click=download>{move || i18n.t(Msg::ExportLkjCsv)}</button>
                <button type="button" id="export-lkj-docx" on:click=word>{move || i18n.t(Msg::ExportWord)}</button>
            </div>
            <div class="no-print"><QuarterTabs quarter/></div>
            <InDocumentLanguage lang=doc_lang>
            <article class="pk-document lkj" id="lkj" lang=move || doc_lang.get().code()>
                <section class="sheet lkj-sheet" aria-labelledby="lkj-title">
                    <header class="sheet-title">
                        <h1 id="lkj-title">
                            {move || fill(Msg::LkjTitle.text(doc_lang.get()), &[("year", &agreement.with(|a| a.as_ref().map(|a| a.year.to_string()).unwrap_or_default()))])}
                            <br/>
                            {move || agreement.with(|a| a.as_ref().map(|a| a.title().to_uppercase()).unwrap_or_default())}
                        </h1>
                        <p class="institution">{move || agreement.with(|a| a.as_ref().map(|a| a.unit.clone()).unwrap_or_default())}</p>
                        <p class="lkj-subtitle">{move || {
                            let lang = doc_lang.get();
                            fill(Msg::LkjSubtitle.text(lang), &[("quarter", &text::quarter(quarter.get(), lang))])
                        }}</p>
                    </header>
                    {move || {
                        doc_lang.track();
                        measured.get().map(|t| view! { <LkjTable agreement table=t/> })
                    }}
                </section>
            </article>
            </InDocumentLanguage>
        </Show>
    }
}

/// The two tables of the LKj sheet.
#[component]
fn LkjTable(agreement: Memo<Option<Arc<Agreement>>>, table: Table) -> impl IntoView {
    let i18n = expect_context::<Language>();
    let lang = i18n.lang.get_untracked();
    let year = agreement.with_untracked(|a| a.as_ref().map(|a| a.year).unwrap_or_default());
    let q = text::quarter(table.quarter, lang);
    let t = move |m: Msg| m.text(lang).to_string();
    let to_date_head = fill(Msg::ColToDate.text(lang), &[("quarter", &q)]);
    let spent_head = fill(Msg::ColSpentToDate.text(lang), &[("quarter", &q)]);
    // Sasaran cells span their indicators, as in the PK's lampiran.
    let previous_head = fill(Msg::ColPrevious.text(lang), &[("year", &(year - 1).to_string())]);
    // Labels for the phone layout, where each figure stands under its indicator.
    let labels = [
        t(Msg::ColTarget),
        to_date_head.clone(),
        t(Msg::ColCapaian),
        t(Msg::ColPredikat),
        previous_head.clone(),
    ];
    let spans: Vec<usize> =
        table.rows.iter().map(|r| table.rows.iter().filter(|x| x.objective == r.objective).count()).collect();
    let rows = table.rows.iter().enumerate().map(|(n, r)| {
        let first = n == 0 || table.rows[n - 1].objective != r.objective;
        view! {
            <tr class:objective-start=first data-indicator=r.id.0.clone()>
                {first.then(|| view! {
                    <td class="col-no" rowspan=spans[n].to_string()>{r.objective}</td>
                    <th scope="rowgroup" class="objective" rowspan=spans[n].to_string()>{r.objective_text.clone()}</th>
                })}
                <td class="indicator">{r.text.clone()}</td>
                <td class="target" data-label=labels[0].clone()>{r.target.display(lang)}</td>
                <td class="actual" data-label=labels[1].clone()>{text::to_date(r, table.quarter, lang, "—")}</td>
                <td class="capaian" data-label=labels[2].clone()>{text::capaian(r.capaian, lang)}</td>
                <td class="predikat" data-label=labels[3].clone()>{r.predikat.clone().unwrap_or_else(|| "—".into())}</td>
                <td class="previous" data-label=labels[4].clone()>{r.previous.as_ref().map(|v| v.display(lang)).unwrap_or_else(|| "—".into())}</td>
            </tr>
        }
    }).collect_view();
    let notes = text::lkj::note_lines(&table, lang);
    let budget = table.budget.iter().enumerate().map(|(n, b)| view! {
        <tr>
            <td class="col-no">{n + 1}</td>
            <td>{b.program.clone()}</td>
            <td class="money">{b.amount.display(lang)}</td>
            <td class="money">{text::spent_to_date(b, table.quarter, lang, "—")}</td>
            <td class="money">{b.percent.map(|p| format::percent2(p, lang)).unwrap_or_else(|| "—".into())}</td>
        </tr>
    }).collect_view();
    view! {
        <TableScroll label=t(Msg::LkjAction)>
            <table class="pk-table lkj-table" id="lkj-table">
                <caption class="visually-hidden">{t(Msg::LkjAction)}</caption>
                <thead><tr>
                    <th scope="col" class="col-no">{t(Msg::ColNo)}</th>
                    <th scope="col">{t(Msg::ColObjective)}</th>
                    <th scope="col">{t(Msg::ColIndicator)}</th>
                    <th scope="col">{t(Msg::ColTarget)}</th>
                    <th scope="col">{to_date_head.replace("TW ", "TW\u{a0}")}</th>
                    <th scope="col">{t(Msg::ColCapaian)}</th>
                    <th scope="col">{t(Msg::ColPredikat)}</th>
                    <th scope="col">{previous_head}</th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </TableScroll>
        {(!notes.is_empty()).then(|| view! {
            <h2 class="lkj-notes-title">{t(Msg::LkjNotes)}</h2>
            <ul class="lkj-notes">{notes.into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}</ul>
        })}
        <h2>{t(Msg::LkjBudgetTitle)}</h2>
        <TableScroll label=t(Msg::LkjBudgetTitle)>
            <table class="budget-table lkj-budget" id="lkj-budget">
                <caption class="visually-hidden">{t(Msg::LkjBudgetTitle)}</caption>
                <thead><tr>
                    <th scope="col" class="col-no">{t(Msg::ColNo)}</th>
                    <th scope="col">{t(Msg::ColProgram)}</th>
                    <th scope="col" class="money">{t(Msg::ColBudget)}</th>
                    <th scope="col" class="money">{spent_head}</th>
                    <th scope="col" class="money">{t(Msg::ColAbsorption)}</th>
                </tr></thead>
                <tbody>{budget}</tbody>
            </table>
        </TableScroll>
    }
}
