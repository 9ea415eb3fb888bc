//! The rollup view: is the cascade complete, and does the money add up? Summary first, then each PK
//! with its budget per program and its indicator coverage. Every flag links to the place to fix it.

mod coverage;
mod node;

use crate::core::format;
use crate::core::i18n::{fill, Msg};
use crate::core::model::element::ElementId;
use crate::core::model::{AgreementId, Workspace};
use crate::core::rollup::{ProgramCheck, Rollup, RollupWork, StepWork};
use crate::core::route::{with_focus, Page, Route};
use crate::ui::batches::in_batches;
use crate::ui::host::Runs;
use crate::ui::services::browser;
use crate::ui::services::{Document, Language, Nav};
use leptos::prelude::*;

/// Where the fix for a flag is: the editor of `id`, focused on `element`.
pub fn fix_href(id: &AgreementId, element: &ElementId) -> String {
    with_focus(&Route::staff(Page::Agreement { id: id.clone(), edit: true }).href(), element)
}

/// `#/rollup/<year>[/<id>]`.
#[component]
pub fn RollupPage(year: Option<i32>, root: Option<AgreementId>) -> impl IntoView {
    let i18n = expect_context::<Language>();
    let nav = expect_context::<Nav>();
    let doc = expect_context::<Document>();
    let years = Memo::new(move |_| doc.ws.with(Workspace::years));
    let year = Memo::new(move |_| year.or_else(|| years.with(|y| y.first().copied())).unwrap_or(2024));
    let root = StoredValue::new(root);
    // The version in force (a Perubahan being prepared is not in force yet), or every PK as first signed.
    let original = RwSignal::new(false);
    // Worked out again on every change: in the same task when it is one step (a province year: a few ms,
    // so an edit redraws its cards in the same frame), else a step of PKs at a time with its progress
    // shown (a national year), the rollup before staying in view meanwhile.
    let result: RwSignal<Option<Rollup>> = RwSignal::new(None);
    let working: RwSignal<Option<(usize, usize)>> = RwSignal::new(None);
    let runs = Runs::new();
    Effect::new(move |_| {
        let (root, year) = (root.get_value(), year.get());
        let shown = doc.ws.with(|ws| ws.versions_shown(original.get()));
        let run = runs.start();
        // Starts in this task: a rollup of one step is drawn before the browser paints.
        leptos::task::spawn_local(async move {
            let started = browser::measure_start("kinerja:rollup");
            let mut work = RollupWork::new(&shown, year, root.as_ref());
            while !work.step(STEP_PKS) {
                working.set(Some((work.done(), work.total())));
                browser::pause().await;
                if run.stopped() {
                    browser::measure_drop(started);
                    return;
                }
            }
            result.set(Some(work.finish()));
            working.set(None);
            browser::measure_end("kinerja:rollup", started);
        });
    });
    let shape = Memo::new(move |_| result.with(|r| r.as_ref().map(node::Shape::of).unwrap_or_default()));
    let public = move || nav.route.with(|r| r.public);
    let title = move || {
        let y = year.get().to_string();
        match root.get_value().and_then(|r| doc.ws.with(|ws| ws.agreement(&r).map(|a| a.title().to_string())))
        {
            Some(t) => fill(i18n.t(Msg::RollupTitleSubtree), &[("title", &t), ("year", &y)]),
            None => fill(i18n.t(Msg::RollupTitleYear), &[("year", &y)]),
        }
    };
    let more = RwSignal::new(None);
    let only = expect_context::<crate::ui::services::OnlyWork>().0;
    view! {
        <section class="page rollup-page" aria-labelledby="rollup-title">
            <div class="toolbar no-print">
                <Show when=move || root.get_value().is_some()>
                    <a class="button-link" href=move || Route { public: public(), page: Page::Rollup { year: Some(year.get()), root: None } }.href()>
                        {move || i18n.t(Msg::RollupWholeYear)}
                    </a>
                </Show>
                <button type="button" on:click=move |_| browser::print()>{move || i18n.t(Msg::Print)}</button>
                <a class="button-link" id="capaian-mode" href=move || {
                    Route { public: public(), page: Page::Capaian { year: Some(year.get()), root: root.get_value() } }.href()
                }>{move || i18n.t(Msg::ShowCapaian)}</a>
            </div>
            <h1 id="rollup-title">{title}</h1>
            <crate::ui::common::VersionChoice original/>
            <crate::ui::widgets::YearTabs years current=Signal::derive(move || Some(year.get())) show=root.get_value().is_none()
                href=|y, public| Route { public, page: Page::Rollup { year: Some(y), root: None } }.href()/>
            <crate::ui::common::ProgressLine id="rollup-working" message=Msg::RollupWorking progress=working/>
            <Show when=move || result.with(Option::is_some)>
                <Summary result/>
            </Show>
            <Show when=move || !public()>
                <crate::ui::widgets::StatusTally year=Signal::derive(move || year.get()) root=root.get_value()/>
            </Show>
            <h2>{move || i18n.t(Msg::RollupCascade)}</h2>
            <ul class="cascade rollup-tree" id="rollup-tree" class:only-work=move || only.get() && !public()>
                {node::tree(shape, result, more)}
            </ul>
            <crate::ui::batches::MoreShown list=more id="rollup-more"/>
        </section>
    }
}

/// PKs worked out between two pauses (a national year: about 15 ms of them in the browser; a province
/// year is one step).
const STEP_PKS: usize = 400;

/// Budget flags listed between two pauses (a national year has hundreds).
const BATCH_FLAGS: usize = 100;

/// A budget difference in a citizen's words: what the lower PKs get against this PK's budget.
fn public_status(p: &ProgramCheck, lang: crate::core::i18n::Lang) -> String {
    let amount = format::rupiah(p.difference.abs(), lang);
    match p.status {
        crate::core::rollup::BudgetStatus::Consistent => Msg::StatusConsistent.text(lang).to_string(),
        crate::core::rollup::BudgetStatus::UnderAllocated => {
            fill(Msg::PublicStatusUnder.text(lang), &[("amount", &amount)])
        }
        crate::core::rollup::BudgetStatus::OverAllocated => {
            fill(Msg::PublicStatusOver.text(lang), &[("amount", &amount)])
        }
    }
}

/// Totals and the list of everything flagged, each linking to its fix.
#[component]
fn Summary(result: RwSignal<Option<Rollup>>) -> impl IntoView {
    let i18n = expect_context::<Language>();
    let nav = expect_context::<Nav>();
    let doc = expect_context::<Document>();
    let public = move || nav.route.with(|r| r.public);
    view! {
        <section class="rollup-summary" id="rollup-summary" aria-labelledby="summary-title">
            <h2 id="summary-title" class="visually-hidden">{move || i18n.t(Msg::RollupSummary)}</h2>
            {move || {
                let lang = i18n.lang.get();
                result.with(|r| r.as_ref().map(|r| {
                    let s = &r.summary;
                    let levels = s.per_level.iter().enumerate()
                        .map(|(i, n)| fill(Msg::LevelCount.text(lang), &[("level", &(i + 1).to_string()), ("n", &n.to_string())]))
                        .collect::<Vec<_>>().join(" · ");
                    let budget_ok = s.budget_consistent();
                    view! {
                        <dl class="summary-grid">
                            <div><dt>{Msg::RollupLevels.text(lang)}</dt><dd id="summary-levels">{levels}</dd></div>
                            <div><dt>{Msg::RollupIndicators.text(lang)}</dt><dd id="summary-indicators">{fill(Msg::RollupIndicatorsValue.text(lang), &[
                                ("total", &s.indicators.to_string()), ("cascadable", &s.cascadable.to_string()), ("cascaded", &s.cascaded.to_string()),
                            ])}</dd></div>
                            <div class:ok=budget_ok class:flagged=!budget_ok><dt>{Msg::RollupBudget.text(lang)}</dt><dd id="summary-budget">{
                                if budget_ok { Msg::BudgetConsistent.text(lang).to_string() } else {
                                    let msg = if public() { Msg::PublicBudgetInconsistent } else { Msg::BudgetInconsistent };
                                    fill(msg.text(lang), &[
                                        ("n", &s.budget_flags.to_string()),
                                        ("over", &format::rupiah(s.over_allocated, lang)),
                                        ("under", &format::rupiah(s.under_allocated, lang)),
                                    ])
                                }
                            }</dd></div>
                            <div class:ok=s.coverage_complete() class:flagged=!s.coverage_complete()><dt>{Msg::RollupCoverage.text(lang)}</dt><dd id="summary-coverage">{
                                // The public is not told what staff could link by hand.
                                let msg = if public() { Msg::PublicCoverageSummary } else { Msg::CoverageSummary };
                                fill(msg.text(lang), &[
                                    ("missing", &(s.cascadable - s.cascaded).to_string()), ("orphans", &s.orphans.to_string()),
                                    ("targets", &s.target_differences.to_string()), ("unconfirmed", &s.unconfirmed.to_string()),
                                ])
                            }</dd></div>
                        </dl>
                    }
                }))
            }}
            <Show when=move || !result.with(|r| r.as_ref().is_none_or(|r| r.summary.budget_consistent()))>
                <h3>{move || i18n.t(Msg::BudgetFlagsTitle)}</h3>
                <Show when=public>
                    <p id="findings-intro">{move || i18n.t(Msg::PublicFindingsIntro)}</p>
                </Show>
                <ul class="flag-list" id="budget-flags">
                    {move || {
                        let lang = i18n.lang.get();
                        let flags: Vec<(AgreementId, ProgramCheck)> = result.with(|r| {
                            let nodes = r.as_ref().map(|r| r.nodes.as_slice()).unwrap_or_default();
                            nodes.iter().flat_map(|n| n.budget_flags().map(move |f| (n.id.clone(), f.clone()))).collect()
                        });
                        // A national year lists hundreds: drawn a batch at a time, as the cards are.
                        let batches: Vec<Vec<(AgreementId, ProgramCheck)>> = flags.chunks(BATCH_FLAGS).map(<[_]>::to_vec).collect();
                        in_batches(batches, move |batch: Vec<(AgreementId, ProgramCheck)>| batch.into_iter().map(|(id, f)| {
                            let title = doc.agreement(&id).map(|a| a.title().to_string()).unwrap_or_default();
                            let href = (!public()).then(|| match f.line {
                                Some(line) => fix_href(&id, &ElementId::Amount(line)),
                                None => Route::staff(Page::Agreement { id: id.clone(), edit: true }).href(),
                            });
                            view! {
                                <li class="flag-item">
                                    <strong>{title}</strong>" — "{f.program.clone()}": "
                                    <span class="flag">{if public() { public_status(&f, lang) } else { node::status_text(&f, lang) }}</span>
                                    {href.map(|h| view! { " " <a class="fix-link" href=h>{Msg::FixHere.text(lang)}</a> })}
                                </li>
                            }
                        }).collect_view())
                    }}
                </ul>
            </Show>
        </section>
    }
}
