//! The home page: the year's agreements as their cascade (who signs with whom, unit, total budget).

use crate::core::format;
use crate::core::i18n::{fill, Msg};
use crate::core::model::tree::{LinkProblem, TreeRow};
use crate::core::model::{Agreement, Workspace};
use crate::core::route::{Page, Route};
use crate::core::steps::StepPlan;
use crate::core::text::life;
use crate::ui::batches::{ListSteps, MoreShown};
use crate::ui::common::name_or_placeholder;
use crate::ui::services::{Document, Language, Nav, OnlyWork};
use leptos::prelude::*;
use std::sync::Arc;

/// The cascade of the chosen year (the newest when none is chosen).
#[component]
pub fn HomePage(year: Option<i32>) -> impl IntoView {
    let i18n = expect_context::<Language>();
    let nav = expect_context::<Nav>();
    let doc = expect_context::<Document>();
    let years = Memo::new(move |_| doc.ws.with(Workspace::years));
    let year = Memo::new(move |_| year.or_else(|| years.with(|y| y.first().copied())));
    let rows = Memo::new(move |_| match year.get() {
        Some(y) => doc.ws.with(|ws| ws.cascade(y)),
        None => Vec::new(),
    });
    let public = move || nav.route.with(|r| r.public);
    let more = RwSignal::new(None);
    let only = expect_context::<OnlyWork>().0;

    view! {
        <section class="page home" aria-labelledby="home-title">
            <h1 id="home-title">
                {move || match year.get() {
                    Some(y) => fill(i18n.t(Msg::HomeTitleYear), &[("year", &y.to_string())]),
                    None => i18n.t(Msg::HomeTitle).to_string(),
                }}
            </h1>
            <p class="lead">{move || doc.ws.with(|ws| ws.office.clone())}</p>
            <Show when=public>
                <crate::ui::services::published::PublishedInfo/>
            </Show>
            <Show when=move || !public()>
                <crate::ui::reminder::BackupReminder short=false id="reminder-home"/>
                <p class="toolbar">
                    <button type="button" id="new-agreement" class="primary" on:click=move |_| {
                        let y = year.get_untracked().unwrap_or(2024);
                        let id = doc.with_ids(|gen| doc.change(Msg::NewAgreement, None, |ws| ws.create_agreement(y, gen)));
                        crate::ui::services::browser::go(&Route::staff(Page::Agreement { id, edit: true }).href());
                    }>{move || i18n.t(Msg::NewAgreement)}</button>
                </p>
                {move || year.get().filter(|_| !rows.with(Vec::is_empty)).map(|y| view! {
                    <crate::ui::pages::next_year::NextYear year=y root=None/>
                })}
                <crate::ui::pages::calendar::NextDue year/>
            </Show>
            <crate::ui::widgets::YearTabs years current=year print=true
                href=|y, public| Route { public, page: Page::Home { year: Some(y) } }.href()/>
            <Show when=move || rows.with(Vec::is_empty)>
                <p class="empty" id="home-empty">{move || i18n.t(Msg::HomeEmpty)}</p>
            </Show>
            <Show when=move || !rows.with(Vec::is_empty)>
                <p class="summary" id="home-summary">
                    {move || {
                        let n = rows.with(Vec::len).to_string();
                        fill(i18n.t(Msg::HomeSummary), &[("n", &n)])
                    }}
                </p>
                <Show when=move || !public()>
                    <crate::ui::widgets::StatusTally year=Signal::derive(move || year.get().unwrap_or(2024)) root=None/>
                </Show>
                // With the filter set, the cards of PKs that need no work are hidden (each card knows).
                <ul class="cascade" id="cascade" class:only-work=move || only.get() && !public()>
                    {move || {
                        let rows: Rows = Arc::new(rows.get());
                        let steps = ListSteps::new(rows.len(), STEPS);
                        more.set(Some(steps.clone()));
                        let roots = rows.iter().enumerate().filter(|(_, r)| r.depth == 0).map(|(i, _)| i);
                        roots.map(|i| node(&rows, i, &steps)).collect_view()
                    }}
                </ul>
                <MoreShown list=more id="cascade-more"/>
            </Show>
        </section>
    }
}

/// The year's cascade, shared by all its nodes (a copy per node made a national year quadratic).
type Rows = Arc<Vec<TreeRow>>;

/// The cards of the first screen at once (six at 1280 × 900), then a step of cards after each pause (a
/// national year has 5 520).
const STEPS: StepPlan = StepPlan { first: 10, size: 50 };

/// Indices of the direct children of `rows[index]` (the rows right after it, one level deeper).
fn children(rows: &[TreeRow], index: usize) -> Vec<usize> {
    let depth = rows[index].depth;
    rows[index + 1..]
        .iter()
        .enumerate()
        .take_while(|(_, r)| r.depth > depth)
        .filter(|(_, r)| r.depth == depth + 1)
        .map(|(i, _)| index + 1 + i)
        .collect()
}

/// Agreement `index` once its step is reached.
fn node(rows: &Rows, index: usize, steps: &ListSteps) -> AnyView {
    let (rows, inner) = (rows.clone(), steps.clone());
    steps.entry(index, move || view! { <Node rows=rows.clone() index steps=inner.clone()/> }).into_any()
}

/// One agreement in the tree, with its children nested below.
#[component]
fn Node(rows: Rows, index: usize, steps: ListSteps) -> AnyView {
    let nav = expect_context::<Nav>();
    let doc = expect_context::<Document>();
    let row = rows[index].clone();
    let kids = children(&rows, index);
    let id = row.id.clone();
    let agreement = Memo::new(move |_| doc.agreement(&id));
    let public = nav.route.with_untracked(|r| r.public);
    let problem = row.problem.map(|p| match p {
        LinkProblem::ParentMissing => Msg::LinkParentMissing,
        LinkProblem::ParentOtherYear => Msg::LinkParentOtherYear,
        LinkProblem::Cycle => Msg::LinkCycle,
    });
    view! {
        <li class=format!("node depth-{}", row.depth.min(4)) data-id=row.id.0.clone()>
            {move || agreement.get().map(|a| card(&a, public, problem))}
            {(!kids.is_empty()).then(|| {
                view! {
                    <ul>
                        {kids.into_iter().map(|i| node(&rows, i, &steps)).collect_view()}
                    </ul>
                }
            })}
        </li>
    }
    .into_any()
}

/// The summary card of one agreement.
fn card(a: &Agreement, public: bool, problem: Option<Msg>) -> impl IntoView {
    let i18n = expect_context::<Language>();
    let href = Route { public, page: Page::Agreement { id: a.id.clone(), edit: false } }.href();
    let a = a.clone();
    let status = (!public).then(|| a.status());
    let settled = status.as_ref().is_some_and(|s| !s.needs_work());
    view! {
        <article class="pk-card" class:settled=settled>
            <h2 class="pk-card-title"><a href=href>{a.title().to_string()}</a></h2>
            <p class="pk-card-parties">
                {
                    let a = a.clone();
                    move || {
                        let lang = i18n.lang.get();
                        fill(
                            Msg::SignsWith.text(lang),
                            &[
                                ("first", &name_or_placeholder(&a.first_party.name, lang)),
                                ("second", &name_or_placeholder(&a.second_party.name, lang)),
                                ("position", &a.second_party.position),
                            ],
                        )
                    }
                }
            </p>
            <dl class="pk-card-facts">
                <div>
                    <dt>{move || i18n.t(Msg::Unit)}</dt>
                    <dd>{a.unit.clone()}</dd>
                </div>
                <div>
                    <dt>{move || i18n.t(Msg::TotalBudget)}</dt>
                    <dd class="money total-budget">{
                        let total = a.total_budget();
                        move || format::rupiah(total, i18n.lang.get())
                    }</dd>
                </div>
                <div>
                    <dt>{move || i18n.t(Msg::Contents)}</dt>
                    <dd>{
                        let (s, i) = (a.objectives.len().to_string(), a.indicator_count().to_string());
                        move || fill(i18n.t(Msg::ContentsCount), &[("s", &s), ("i", &i)])
                    }</dd>
                </div>
                // Last, after the facts other pages and tests read by place.
                {status.map(|s| view! {
                    <div class="pk-status" class:needs-work=!settled>
                        <dt>{move || i18n.t(Msg::StatusLabel)}</dt>
                        <dd>{move || life::status_line(&s, i18n.lang.get())}</dd>
                    </div>
                })}
            </dl>
            {problem.map(|m| view! { <p class="flag">{move || i18n.t(m)}</p> })}
        </article>
    }
}
