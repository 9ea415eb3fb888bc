//! Indicator coverage of one PK: what is not cascaded, orphans, differing targets, text-only matches.

use super::fix_href;
use crate::core::i18n::{fill, Msg};
use crate::core::model::element::ElementId;
use crate::core::rollup::{Match, NodeRollup, TargetCheck};
use crate::core::route::{Page, Route};
use crate::ui::common::TableScroll;
use crate::ui::services::{Document, Language, Nav};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The coverage lists of a PK with children, and all its indicators with their carriers (collapsed).
#[component]
pub fn Coverage(node: NodeRollup) -> impl IntoView {
    let i18n = expect_context::<Language>();
    let nav = expect_context::<Nav>();
    let doc = expect_context::<Document>();
    let public = nav.route.with_untracked(|r| r.public);
    let title = move |id: &crate::core::model::AgreementId| {
        untrack(|| doc.agreement(id)).map(|a| a.title().to_string()).unwrap_or_default()
    };
    let carried = node.coverage.iter().filter(|c| !c.carriers.is_empty()).count();
    let total = node.coverage.len();
    let parent = node.id.clone();
    let not_cascaded: Vec<_> = node.not_cascaded().cloned().collect();
    let differing: Vec<_> = node.target_differences().cloned().collect();
    let unconfirmed: Vec<_> = node.unconfirmed().map(|(c, k)| (c.clone(), k.clone())).collect();
    let orphans = node.orphans.clone();
    let all = StoredValue::new(node.coverage.clone());
    let opened = RwSignal::new(false);
    let cascade_href = Route::staff(Page::Cascade { id: parent.clone() }).href();
    view! {
        <div class="coverage">
            <p class="coverage-count">{move || fill(i18n.t(Msg::CoverageCount), &[("carried", &carried.to_string()), ("total", &total.to_string())])}</p>
            {(!not_cascaded.is_empty()).then(|| view! {
                <div class="flag-group not-cascaded">
                    <h4>{move || i18n.t(Msg::NotCascadedTitle)}
                        {(!public).then(|| view! { " " <a class="fix-link" href=cascade_href.clone()>{move || i18n.t(Msg::CascadeAction)}</a> })}</h4>
                    <ul>{not_cascaded.iter().map(|c| view! { <li>{format!("{} {}", c.number, c.text)}</li> }).collect_view()}</ul>
                </div>
            })}
            {(!orphans.is_empty()).then(|| view! {
                <div class="flag-group orphans">
                    <h4>{move || i18n.t(Msg::OrphansTitle)}</h4>
                    <ul>{orphans.iter().map(|o| {
                        let href = (!public).then(|| fix_href(&o.agreement, &ElementId::IndicatorText(o.indicator.clone())));
                        view! { <li>{format!("{} — {} {}", title(&o.agreement), o.number, o.text)}
                            {href.map(|h| view! { " " <a class="fix-link" href=h>{move || i18n.t(Msg::FixHere)}</a> })}</li> }
                    }).collect_view()}</ul>
                </div>
            })}
            {(!differing.is_empty()).then(|| view! {
                <div class="flag-group targets">
                    <h4>{move || i18n.t(Msg::TargetsDifferTitle)}</h4>
                    <ul>{differing.iter().map(|c| {
                        let lang = i18n.lang.get_untracked();
                        let theirs = c.carriers.iter().map(|k| format!("{}: {}", title(&k.agreement), k.target.display(lang))).collect::<Vec<_>>().join("; ");
                        let sum = match &c.check { TargetCheck::Differs { sum: Some(s) } => fill(Msg::SplitSum.text(lang), &[("sum", &crate::core::format::number(*s, lang))]), _ => String::new() };
                        // One link per carrier whose target differs, straight to its target field.
                        let links = (!public).then(|| c.differing_carriers().map(|k| {
                            let href = fix_href(&k.agreement, &ElementId::Target(k.indicator.clone()));
                            let label = fill(Msg::FixCarrier.text(lang), &[("title", &title(&k.agreement))]);
                            view! { " " <a class="fix-link" href=href>{label}</a> }
                        }).collect_view());
                        view! { <li>{format!("{} {} — {}; {} {}", c.number, c.text, c.target.display(lang), theirs, sum)}
                            {links}</li> }
                    }).collect_view()}</ul>
                </div>
            })}
            {(!unconfirmed.is_empty()).then(|| view! {
                <div class="flag-group unconfirmed">
                    <h4>{move || i18n.t(Msg::UnconfirmedTitle)}</h4>
                    <ul>{unconfirmed.iter().map(|(c, k)| {
                        let (child, child_ind, parent_ind) = (k.agreement.clone(), k.indicator.clone(), c.id.clone());
                        let link = move |_| { doc.change(Msg::ConfirmLink, None, |ws| ws.link_indicator(&child, &child_ind, &parent_ind)); };
                        view! { <li>{format!("{} {} ← {}", c.number, c.text, title(&k.agreement))}
                            {(!public).then(|| view! { " " <button type="button" class="small confirm-link" on:click=link>{move || i18n.t(Msg::ConfirmLink)}</button> })}</li> }
                    }).collect_view()}</ul>
                </div>
            })}
            // Drawn when first opened: a province's 120 cards would otherwise build thousands of hidden rows.
            <details class="coverage-all" on:toggle=move |e| {
                let details = e.target().and_then(|t| t.dyn_into::<web_sys::HtmlDetailsElement>().ok());
                if details.is_some_and(|d| d.open()) {
                    opened.set(true);
                }
            }>
                <summary>{move || i18n.t(Msg::CoverageAll)}</summary>
                <Show when=move || opened.get()>
                <TableScroll label=Signal::derive(move || i18n.t(Msg::CoverageAll).to_string())>
                    <table class="coverage-table">
                        <thead><tr>
                            {crate::ui::common::column_heads(&[(Msg::ColNo, ""), (Msg::ColIndicator, ""), (Msg::ColTarget, ""), (Msg::CarriedBy, "")])}
                        </tr></thead>
                        <tbody>{all.get_value().into_iter().map(|c| {
                            let lang = i18n.lang.get_untracked();
                            let by = if c.carriers.is_empty() { Msg::NotCarried.text(lang).to_string() } else {
                                c.carriers.iter().map(|k| {
                                    let how = if k.how == Match::SameText { Msg::ByText.text(lang) } else { "" };
                                    format!("{} ({}){how}", title(&k.agreement), k.target.display(lang))
                                }).collect::<Vec<_>>().join("; ")
                            };
                            view! { <tr><td>{c.number.clone()}</td><td>{c.text.clone()}</td><td>{c.target.display(lang)}</td><td>{by}</td></tr> }
                        }).collect_view()}</tbody>
                    </table>
                </TableScroll>
                </Show>
            </details>
        </div>
    }
}
