//! On a PK's page (staff only, never printed): input that could not be saved, and the PK's open
//! problems, each linking to its field in the editor.

use crate::core::i18n::{fill, Msg};
use crate::core::model::element::ElementId;
use crate::core::model::Agreement;
use crate::core::route::{with_focus, Page, Route};
use crate::core::text::check_place;
use crate::ui::services::{Drafts, Language, NoticeKind, Notices};
use leptos::prelude::*;
use std::sync::Arc;

fn editor_href(a: &Agreement, element: &ElementId) -> String {
    with_focus(&Route::staff(Page::Agreement { id: a.id.clone(), edit: true }).href(), element)
}

/// Where an unsaved input is fixed: the realisasi page for its fields (`budget-0-actual-2`,
/// `m-<indicator>-actual@2`, `m-<indicator>-previous`), else the editor.
fn draft_href(a: &Agreement, element: &ElementId) -> String {
    let field = element.on_page();
    if element.on_measure_page() {
        with_focus(&Route::staff(Page::Measure { id: a.id.clone() }).href(), &field)
    } else {
        editor_href(a, &field)
    }
}

/// Unsaved input and open problems of the agreement (nothing when there are none).
#[component]
pub fn OpenProblems(agreement: Memo<Option<Arc<Agreement>>>) -> impl IntoView {
    let i18n = expect_context::<Language>();
    let notices = expect_context::<Notices>();
    let unsaved = expect_context::<Drafts>();
    let id = move || agreement.with(|a| a.as_ref().map(|a| a.id.clone()));
    let drafts = Memo::new(move |_| {
        let id = id();
        unsaved
            .drafts
            .with(|d| d.values().filter(|d| Some(&d.agreement) == id.as_ref()).cloned().collect::<Vec<_>>())
    });
    let issues = Memo::new(move |_| agreement.with(|a| a.as_ref().map(|a| a.check()).unwrap_or_default()));
    view! {
        <Show when=move || !drafts.with(Vec::is_empty)>
            <section class="open-problems drafts no-print" id="pk-drafts" aria-labelledby="drafts-title">
                <h2 id="drafts-title">{move || i18n.t(Msg::DraftsTitle)}</h2>
                <ul>
                    {move || {
                        let lang = i18n.lang.get();
                        let Some(a) = agreement.get() else { return Vec::new() };
                        drafts.get().into_iter().map(|d| {
                            let href = draft_href(&a, &d.element);
                            let line = fill(Msg::DraftLine.text(lang), &[("field", d.label.text(lang)), ("text", &d.text)]);
                            let discard = move |_| {
                                unsaved.discard_draft(&d.agreement, &d.element);
                                notices.notify(NoticeKind::Info, i18n.t_now(Msg::DraftDiscarded).to_string());
                            };
                            view! {
                                <li>
                                    <span>{line}</span>" "
                                    <a class="fix-link" href=href>{Msg::FixHere.text(lang)}</a>" "
                                    <button type="button" class="small discard-draft" on:click=discard>{Msg::DiscardDraft.text(lang)}</button>
                                </li>
                            }
                        }).collect::<Vec<_>>()
                    }}
                </ul>
            </section>
        </Show>
        <Show when=move || !issues.with(Vec::is_empty)>
            <section class="open-problems no-print" id="pk-problems" aria-labelledby="problems-title">
                <h2 id="problems-title">{move || i18n.t(Msg::ProblemsTitle)}</h2>
                <p class="hint">{move || i18n.t(Msg::ProblemsIntro)}</p>
                <ul>
                    {move || {
                        let lang = i18n.lang.get();
                        let Some(a) = agreement.get() else { return Vec::new() };
                        issues.get().into_iter().map(|i| {
                            let href = editor_href(&a, &ElementId::of_place(&i.place));
                            view! {
                                <li>
                                    <strong>{check_place(&a, &i.place, lang)}</strong>": "
                                    {crate::core::text::issue(&i.kind, lang)}" "
                                    <a class="fix-link" href=href>{Msg::FixHere.text(lang)}</a>
                                </li>
                            }
                        }).collect::<Vec<_>>()
                    }}
                </ul>
            </section>
        </Show>
    }
}
