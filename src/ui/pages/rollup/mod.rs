//! The rollup view: is the cascade complete, and does the money add up? Summary first, then each PK
//! with its budget per program and its indicator coverage. Every flag links to the place to fix it.

mod coverage;
mod node;

use crate::core::format;
use crate::core::i18n::{fill, Msg};
use crate::core::model::normalize::normalize;
use crate::core::model::{AgreementId, Workspace};
use crate::core::rollup::{rollup, ProgramCheck, Rollup};
use crate::core::route::{with_focus, Page, Route};
use crate::ui::batches::in_batches;
use crate::ui::services::browser;
use crate::ui::services::state::expect_app;
use leptos::prelude::*;

/// Where the fix for a flag is: the editor of `id`, focused on `element`.
pub fn fix_href(id: &AgreementId, element: &str) -> String {
    with_focus(&Route::staff(Page::Agreement { id: id.clone(), edit: true }).href(), element)
}

/// `#/rollup/<year>[/<id>]`.
#[component]
pub fn RollupPage(year: Option<i32>, root: Option<AgreementId>) -> impl IntoView {
    let app = expect_app();
    let years = Memo::new(move |_| app.ws.with(Workspace::years));
    let year = Memo::new(move |_| year.or_else(|| years.with(|y| y.first().copied())).unwrap_or(2024));
    let root = StoredValue::new(root);
    // The version in force (a Perubahan being prepared is not in force yet), or every PK as first signed.
    let original = RwSignal::new(false);
    let result: Memo<Rollup> = Memo::new(move |_| {
        let root = root.get_value();
        let year = year.get();
        let original = original.get();
        app.ws.with(|ws| {
            let shown = ws.versions_shown(original);
            browser::measure("kinerja:rollup", || rollup(&shown, year, root.as_ref()))
        })
    });
    let shape = Memo::new(move |_| result.with(node::Shape::of));
    let public = move || app.route.with(|r| r.public);
    let title = move || {
        let y = year.get().to_string();
        match root.get_value().and_then(|r| app.ws.with(|ws| ws.agreement(&r).map(|a| a.title().to_string())))
        {
            Some(t) => fill(app.t(Msg::RollupTitleSubtree), &[("title", &t), ("year", &y)]),
            None => fill(app.t(Msg::RollupTitleYear), &[("year", &y)]),
        }
    };
    view! {
        <section class="page rollup-page" aria-labelledby="rollup-title">
            <div class="toolbar no-print">
                <Show when=move || root.get_value().is_some()>
                    <a class="button-link" href=move || Route { public: public(), page: Page::Rollup { year: Some(year.get()), root: None } }.href()>
                        {move || app.t(Msg::RollupWholeYear)}
                    </a>
                </Show>
                <button type="button" on:click=move |_| browser::print()>{move || app.t(Msg::Print)}</button>
                <a class="button-link" id="capaian-mode" href=move || {
                    Route { public: public(), page: Page::Capaian { year: Some(year.get()), root: root.get_value() } }.href()
                }>{move || app.t(Msg::ShowCapaian)}</a>
            </div>
            <h1 id="rollup-title">{title}</h1>
            <crate::ui::common::VersionChoice original/>
            <crate::ui::common::YearTabs years current=Signal::derive(move || Some(year.get())) show=root.get_value().is_none()
                href=|y, public| Route { public, page: Page::Rollup { year: Some(y), root: None } }.href()/>
            <Summary result/>
            <h2>{move || app.t(Msg::RollupCascade)}</h2>
            <ul class="cascade rollup-tree" id="rollup-tree">
                {node::tree(shape, result)}
            </ul>
        </section>
    }
}

/// Budget flags listed between two pauses (a national year has hundreds).
const BATCH_FLAGS: usize = 100;

/// Totals and the list of everything flagged, each linking to its fix.
#[component]
fn Summary(result: Memo<Rollup>) -> impl IntoView {
    let app = expect_app();
    let public = move || app.route.with(|r| r.public);
    let title_of =
        move |id: &AgreementId| app.agreement(id).map(|a| a.title().to_string()).unwrap_or_default();
    view! {
        <section class="rollup-summary" id="rollup-summary" aria-labelledby="summary-title">
            <h2 id="summary-title" class="visually-hidden">{move || app.t(Msg::RollupSummary)}</h2>
            {move || {
                let lang = app.lang.get();
                result.with(|r| {
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
                                    fill(Msg::BudgetInconsistent.text(lang), &[
                                        ("n", &s.budget_flags.to_string()),
                                        ("over", &format::rupiah(s.over_allocated, lang)),
                                        ("under", &format::rupiah(s.under_allocated, lang)),
                                    ])
                                }
                            }</dd></div>
                            <div class:ok=s.coverage_complete() class:flagged=!s.coverage_complete()><dt>{Msg::RollupCoverage.text(lang)}</dt><dd id="summary-coverage">{
                                fill(Msg::CoverageSummary.text(lang), &[
                                    ("missing", &(s.cascadable - s.cascaded).to_string()), ("orphans", &s.orphans.to_string()),
                                    ("targets", &s.target_differences.to_string()), ("unconfirmed", &s.unconfirmed.to_string()),
                                ])
                            }</dd></div>
                        </dl>
                    }
                })
            }}
            <Show when=move || !result.with(|r| r.summary.budget_consistent())>
                <h3>{move || app.t(Msg::BudgetFlagsTitle)}</h3>
                <ul class="flag-list" id="budget-flags">
                    {move || {
                        let lang = app.lang.get();
                        let flags: Vec<(AgreementId, ProgramCheck)> = result.with(|r| {
                            r.nodes.iter().flat_map(|n| n.budget_flags().map(move |f| (n.id.clone(), f.clone()))).collect()
                        });
                        // A national year lists hundreds: drawn a batch at a time, as the cards are.
                        let batches: Vec<Vec<(AgreementId, ProgramCheck)>> = flags.chunks(BATCH_FLAGS).map(<[_]>::to_vec).collect();
                        in_batches(batches, move |batch: Vec<(AgreementId, ProgramCheck)>| batch.into_iter().map(|(id, f)| {
                            let program = normalize(&f.program);
                            let index = app.agreement(&id).and_then(|a| a.budget.iter().position(|b| normalize(&b.program) == program));
                            let href = (!public()).then(|| fix_href(&id, &index.map(|i| crate::ui::common::place_element(&crate::core::model::check::Place::Amount(i))).unwrap_or_default()));
                            view! {
                                <li class="flag-item">
                                    <strong>{title_of(&id)}</strong>" — "{f.program.clone()}": "
                                    <span class="flag">{node::status_text(&f, lang)}</span>
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
