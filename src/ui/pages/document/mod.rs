//! One agreement, shown like the signed document (statement page, lampiran, budget, signatures),
//! with a toolbar for printing, editing and the rollup.

mod compare;
mod lampiran;
mod life;
mod problems;
mod renstra;
mod signatures;
mod statement;

use crate::core::i18n::{Lang, Msg};
use crate::core::model::{Agreement, AgreementId};
use crate::core::route::{Page, Route};
use crate::ui::common::NotFound;
use crate::ui::services::browser;
use crate::ui::services::export;
use crate::ui::services::{Document, Language, Nav};
use crate::ui::widgets::{DocumentLanguageChoice, InDocumentLanguage};
use leptos::prelude::*;
use std::sync::Arc;

/// The page of one agreement, read like the signed document.
#[component]
pub fn AgreementPage(
    id: AgreementId,
    /// A signed version to show instead of the PK as it is now.
    #[prop(optional)]
    version: Option<u32>,
) -> impl IntoView {
    let i18n = expect_context::<Language>();
    let nav = expect_context::<Nav>();
    let doc = expect_context::<Document>();
    let lookup = id.clone();
    // Only this agreement: unchanged agreements keep their Arc, so other edits do not re-render it.
    let live: Memo<Option<Arc<Agreement>>> =
        Memo::new(move |_| doc.ws.with(|ws| ws.agreements.iter().find(|a| a.id == lookup).cloned()));
    // The document shown: the PK as it is, or one of its signed versions.
    let agreement: Memo<Option<Arc<Agreement>>> = Memo::new(move |_| match version {
        None => live.get(),
        Some(n) => live.with(|a| a.as_ref().and_then(|a| a.as_version(n)).map(Arc::new)),
    });
    // The document is shown and printed in Indonesian, the signed text, unless a translation is chosen.
    let doc_lang = RwSignal::new(Lang::Id);
    // The letterhead's logo, for the Word file as printed.
    let logo = Memo::new(move |_| doc.ws.with(|ws| ws.letterhead.logo.clone()));
    view! {
        <Show when=move || agreement.with(Option::is_some) fallback=|| view! { <NotFound/> }>
            <Toolbar agreement doc_lang logo/>
            <OriginLine agreement/>
            {match version {
                None => view! { <life::LifePanel agreement=live/> }.into_any(),
                Some(number) => view! { <compare::VersionNote live number/> }.into_any(),
            }}
            <Show when=move || !nav.route.with(|r| r.public) && version.is_none()>
                <problems::OpenProblems agreement/>
                <renstra::RenstraFlags agreement/>
            </Show>
            <InDocumentLanguage lang=doc_lang>
                <article class="pk-document" id="pk-document" lang=move || doc_lang.get().code()
                    aria-label=move || agreement.with(|a| a.as_ref().map(|a| a.title().to_string()))>
                    <statement::Statement agreement/>
                    <lampiran::Lampiran agreement/>
                    {move || {
                        let lang = doc_lang.get();
                        agreement.with(|a| a.as_deref().and_then(|a| crate::core::text::life::fingerprint_line(a, lang)))
                            .map(|line| view! { <p class="fingerprint-line" id="fingerprint">{line}</p> })
                    }}
                </article>
            </InDocumentLanguage>
            {move || {
                agreement
                    .with(|a| a.as_ref().map(|a| a.notes.clone()))
                    .filter(|n| !n.trim().is_empty() && !nav.route.with(|r| r.public))
                    .map(|notes| {
                        view! {
                            <section class="pk-notes no-print" aria-labelledby="notes-title">
                                <h2 id="notes-title">{move || i18n.t(Msg::Notes)}</h2>
                                <ul>
                                    {notes.lines().filter(|l| !l.trim().is_empty()).map(|l| view! { <li>{l.to_string()}</li> }).collect_view()}
                                </ul>
                            </section>
                        }
                    })
            }}
        </Show>
    }
}

/// Where an imported agreement came from.
#[component]
fn OriginLine(agreement: Memo<Option<Arc<Agreement>>>) -> impl IntoView {
    let i18n = expect_context::<Language>();
    move || {
        let lang = i18n.lang.get();
        // A published PK may carry the days its quarters arrived (for the public grid), never its file.
        agreement.with(|a| a.as_ref().and_then(|a| a.origin.clone())).filter(|o| !o.file.is_empty()).map(|o| {
            let date = |d: &str| if d.is_empty() { "—".to_string() } else { crate::ui::services::clock::time_text(d, lang) };
            view! {
                <p class="origin no-print" id="origin">{crate::core::i18n::fill(Msg::OriginLine.text(lang), &[
                    ("file", &o.file), ("office", &o.office), ("exported", &date(&o.exported_at)), ("imported", &date(&o.imported_at)),
                ])}</p>
            }
        })
    }
}

/// The document shown (the PK as it is, or the signed version shown) as a Word file, as printed (with
/// the letterhead's logo when there is one).
fn word(downloads: export::Downloads, agreement: Memo<Option<Arc<Agreement>>>, logo: Memo<Option<Arc<str>>>) {
    let Some(a) = agreement.get_untracked() else { return };
    let logo = logo.get_untracked();
    let name =
        crate::core::io::names::agreement_file_name(&a, false, crate::ui::services::clock::today(), "docx");
    crate::ui::services::word::offer(downloads, name, move |w| (w.agreement)(&a, logo.as_deref()));
}

/// Back to the cascade, print (in the document's language), edit and rollup links.
#[component]
fn Toolbar(
    agreement: Memo<Option<Arc<Agreement>>>,
    doc_lang: RwSignal<Lang>,
    logo: Memo<Option<Arc<str>>>,
) -> impl IntoView {
    let i18n = expect_context::<Language>();
    let nav = expect_context::<Nav>();
    let downloads = crate::ui::services::export::Downloads::here();
    let public = move || nav.route.with(|r| r.public);
    let year = move || agreement.with(|a| a.as_ref().map(|a| a.year));
    let id = move || agreement.with(|a| a.as_ref().map(|a| a.id.clone()));
    let menu = NodeRef::<leptos::html::Details>::new();
    crate::ui::common::closes_like_a_menu(menu);
    let close = move || {
        if let Some(m) = menu.get() {
            m.set_open(false);
        }
    };
    view! {
        <div class="toolbar no-print" role="toolbar" aria-label=move || i18n.t(Msg::DocumentTools)>
            <a class="button-link" href=move || Route { public: public(), page: Page::Home { year: year() } }.href()>
                {move || i18n.t(Msg::BackToCascade)}
            </a>
            <Show when=move || !public()>
                <a class="button-link primary" id="edit-link" href=move || id().map(|id| Route::staff(Page::Agreement { id, edit: true }).href())>
                    {move || i18n.t(Msg::Edit)}
                </a>
                <a class="button-link" id="cascade-link" href=move || id().map(|id| Route::staff(Page::Cascade { id }).href())>
                    {move || i18n.t(Msg::CascadeAction)}
                </a>
                <a class="button-link" id="measure-link" href=move || id().map(|id| Route::staff(Page::Measure { id }).href())>
                    {move || i18n.t(Msg::MeasureAction)}
                </a>
            </Show>
            <a class="button-link" id="lkj-link" href=move || id().map(|id| Route { public: public(), page: Page::Lkj { id } }.href())>
                {move || i18n.t(Msg::LkjAction)}
            </a>
            <button type="button" id="print" on:click=move |_| browser::print()>{move || i18n.t(Msg::Print)}</button>
            <span class="document-language-choice"><DocumentLanguageChoice lang=doc_lang/></span>
            <details class="export-menu" node_ref=menu>
                <summary class="button-link">{move || i18n.t(Msg::ExportMenu)}</summary>
                <div class="menu">
                    <button type="button" id="export-pk" on:click=move |_| { close(); if let Some(id) = id() { downloads.json(export::What::One(id)) } }>
                        {move || i18n.t(Msg::ExportOne)}
                    </button>
                    <button type="button" id="export-subtree" on:click=move |_| { close(); if let Some(id) = id() { downloads.json(export::What::WithSubtree(id)) } }>
                        {move || i18n.t(Msg::ExportSubtree)}
                    </button>
                    <button type="button" id="export-csv" on:click=move |_| { close(); downloads.csv(id()) }>
                        {move || i18n.t(Msg::ExportCsv)}
                    </button>
                    <button type="button" id="export-docx" on:click=move |_| { close(); word(downloads, agreement, logo) }>
                        {move || i18n.t(Msg::ExportWord)}
                    </button>
                </div>
            </details>
            <a class="button-link" href=move || {
                Route { public: public(), page: Page::Rollup { year: year(), root: id() } }.href()
            }>{move || i18n.t(Msg::ShowRollup)}</a>
        </div>
    }
}
