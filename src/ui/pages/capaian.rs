//! `#/capaian/<year>[/<id>]` (also public): the capaian of every indicator at every level of a year or a
//! subtree through a quarter, counts per predikat, and who has not reported yet.

use crate::core::i18n::{fill, Msg};
use crate::core::measure::cascade::Source;
use crate::core::measure::series::{percents, series_of, Series};
use crate::core::measure::summary::{summary, Summary};
use crate::core::measure::table::Table;
use crate::core::measure::{latest_reported, Quarter};
use crate::core::model::links::first_positions;
use crate::core::model::{AgreementId, Workspace};
use crate::core::rollup::capaian::{CapaianWork, CapaianYear};
use crate::core::rollup::StepWork;
use crate::core::route::{Page, Route};
use crate::core::steps::StepPlan;
use crate::core::text;
use crate::ui::batches::{follow_drawn, in_batches, ListSteps, MoreShown};
use crate::ui::common::TableScroll;
use crate::ui::host::Runs;
use crate::ui::services::browser;
use crate::ui::services::{Document, Language, Nav};
use crate::ui::widgets::QuarterTabs;
use leptos::prelude::*;
use rust_decimal::Decimal;
use std::collections::HashMap;
use std::sync::Arc;

/// `#/capaian/<year>[/<id>]`.
#[component]
pub fn CapaianPage(year: Option<i32>, root: Option<AgreementId>) -> impl IntoView {
    let i18n = expect_context::<Language>();
    let nav = expect_context::<Nav>();
    let doc = expect_context::<Document>();
    let public = nav.route.with_untracked(|r| r.public);
    let years = Memo::new(move |_| doc.ws.with(Workspace::years));
    let year = Memo::new(move |_| year.or_else(|| years.with(|y| y.first().copied())).unwrap_or(2024));
    let root = StoredValue::new(root);
    // Start at the latest quarter anything was reported in (the year's end when nothing was).
    let latest = doc.ws.with_untracked(|ws| latest_reported(ws.agreements.iter().map(|a| a.as_ref())));
    let quarter = RwSignal::new(latest.unwrap_or(Quarter::ALL[3]));
    // Every PK of the year (or the subtree), in cascade order, with its depth and table.
    // The versions in force, or every PK as first signed (measured against it in every quarter).
    let original = RwSignal::new(false);
    let shown: Memo<Workspace> = Memo::new(move |_| {
        let original = original.get();
        doc.ws.with(|ws| ws.versions_shown(original))
    });
    // Every PK's tables through TW I–IV, worked out together (one walk over the cascade per indicator
    // for the four quarters): switching quarters computes nothing. `None` until worked out; a national
    // year (5 520 PKs, over a second) is worked out a step at a time, its progress shown.
    let tables: RwSignal<Option<CapaianYear>> = RwSignal::new(None);
    let working: RwSignal<Option<(usize, usize)>> = RwSignal::new(None);
    let runs = Runs::new();
    Effect::new(move |_| {
        let (y, r) = (year.get(), root.get_value());
        let ws = shown.get();
        let run = runs.start();
        leptos::task::spawn_local(work_out(ws, y, r, move |progress| {
            // A newer run, or the page was left or is gone: this one stops.
            if run.stopped() {
                return false;
            }
            match progress {
                Progress::Step(done, total) => working.set(Some((done, total))),
                Progress::Done(year) => {
                    working.set(None);
                    tables.set(Some(year));
                }
            }
            true
        }));
    });
    // (depth, PK, whether PKs below it are in view: the next one in cascade order is deeper).
    let entries: Memo<Vec<(usize, AgreementId, bool)>> = Memo::new(move |_| {
        tables.with(|t| {
            let t = t.as_deref().unwrap_or_default();
            let next_deeper = |i: usize, d: usize| t.get(i + 1).is_some_and(|(next, _)| *next > d);
            t.iter().enumerate().map(|(i, (d, x))| (*d, x[0].id.clone(), next_deeper(i, *d))).collect()
        })
    });
    let positions: Memo<HashMap<AgreementId, usize>> =
        Memo::new(move |_| entries.with(|e| first_positions(e.iter().map(|(_, id, _)| id.clone()))));
    let totals: Memo<Option<Summary>> = Memo::new(move |_| {
        let q = quarter.get().index();
        let settings = doc.ws.with(|ws| ws.settings.clone());
        tables.with(|t| t.as_ref().map(|t| summary(t.iter().map(|(_, x)| &x[q]), &settings)))
    });
    let title_of =
        move |id: &AgreementId| doc.agreement(id).map(|a| a.title().to_string()).unwrap_or_default();
    let title = move || {
        let y = year.get().to_string();
        match root.get_value() {
            Some(r) => fill(i18n.t(Msg::CapaianTitleSubtree), &[("title", &title_of(&r)), ("year", &y)]),
            None => fill(i18n.t(Msg::CapaianTitleYear), &[("year", &y)]),
        }
    };
    let more = RwSignal::new(None);
    // A long list of PKs that have not reported is cut to its first lines unless asked for whole (a national
    // year's 5 520 lines put the cards 130 000 px down).
    let all_missing = RwSignal::new(false);
    let missing_count = move || totals.with(|s| s.as_ref().map_or(0, |s| s.not_reported.len()));
    let long_missing = move || missing_count() > NOT_REPORTED_FIRST;
    view! {
        <section class="page capaian-page" aria-labelledby="capaian-title">
            <div class="toolbar no-print">
                <a class="button-link" id="rollup-mode" href=move || {
                    Route { public, page: Page::Rollup { year: Some(year.get()), root: root.get_value() } }.href()
                }>{move || i18n.t(Msg::ShowBudgetRollup)}</a>
                <Show when=move || root.get_value().is_some()>
                    <a class="button-link" href=move || Route { public, page: Page::Capaian { year: Some(year.get()), root: None } }.href()>
                        {move || i18n.t(Msg::RollupWholeYear)}
                    </a>
                </Show>
            </div>
            <h1 id="capaian-title">{title}</h1>
            <crate::ui::common::VersionChoice original/>
            <p class="lead">{move || i18n.t(Msg::CapaianIntro)}</p>
            <crate::ui::widgets::YearTabs years current=Signal::derive(move || Some(year.get())) show=root.get_value().is_none()
                href=|y, public| Route { public, page: Page::Capaian { year: Some(y), root: None } }.href()/>
            <QuarterTabs quarter/>
            <crate::ui::common::ProgressLine id="capaian-working" message=Msg::CapaianWorking progress=working/>
            <Show when=move || totals.with(Option::is_some)>
            <section class="rollup-summary capaian-summary" id="capaian-summary" aria-labelledby="capaian-summary-title">
                <h2 id="capaian-summary-title">{move || i18n.t(Msg::PredikatCounts)}</h2>
                <ul class="predikat-counts" id="predikat-counts">
                    {move || {
                        let lang = i18n.lang.get();
                        totals.with(|s| {
                            let s = s.as_ref()?;
                            let mut items: Vec<(String, usize)> = s.per_predikat.clone();
                            items.push((Msg::CountNotAssessable.text(lang).to_string(), s.not_assessable));
                            Some(items.into_iter().map(|(label, n)| view! { <li><strong>{n}</strong>" "{label}</li> }).collect_view())
                        })
                    }}
                </ul>
                <h3>{move || {
                    let lang = i18n.lang.get();
                    fill(Msg::NotReportedTitle.text(lang), &[("quarter", &text::quarter(quarter.get(), lang))])
                }}</h3>
                <ul class="not-reported" id="not-reported">
                    {move || {
                        let lang = i18n.lang.get();
                        let q = text::quarter(quarter.get(), lang);
                        let whole = all_missing.get();
                        let Some(missing) = totals.with(|s| s.as_ref().map(|s| {
                            let shown = if whole { s.not_reported.len() } else { s.not_reported.len().min(NOT_REPORTED_FIRST) };
                            s.not_reported[..shown].to_vec()
                        })) else {
                            return ().into_any();
                        };
                        if missing.is_empty() {
                            return view! { <li>{fill(Msg::AllReported.text(lang), &[("quarter", &q)])}</li> }.into_any();
                        }
                        // A national year can list thousands: drawn a batch at a time, as the cards are.
                        let groups: Vec<Vec<(AgreementId, usize)>> = missing.chunks(BATCH_LINES).map(<[_]>::to_vec).collect();
                        in_batches(groups, move |group: Vec<(AgreementId, usize)>| {
                            group.into_iter().map(|(id, n)| {
                                let href = if public {
                                    Route { public, page: Page::Lkj { id: id.clone() } }.href()
                                } else {
                                    Route::staff(Page::Measure { id: id.clone() }).href()
                                };
                                view! { <li><a href=href>{fill(Msg::NotReportedLine.text(lang), &[("title", &title_of(&id)), ("n", &n.to_string())])}</a></li> }
                            }).collect_view()
                        }).into_any()
                    }}
                </ul>
                <Show when=long_missing>
                    <p class="toolbar no-print">
                        <button type="button" id="not-reported-all" aria-controls="not-reported"
                            aria-expanded=move || all_missing.get().to_string()
                            on:click=move |_| all_missing.update(|w| *w = !*w)>
                            {move || {
                                let lang = i18n.lang.get();
                                let n = |n: usize| crate::core::format::number(n.into(), lang);
                                if all_missing.get() {
                                    fill(Msg::NotReportedFewer.text(lang), &[("n", &n(NOT_REPORTED_FIRST))])
                                } else {
                                    fill(Msg::NotReportedAll.text(lang), &[("n", &n(missing_count()))])
                                }
                            }}
                        </button>
                    </p>
                </Show>
            </section>
            </Show>
            <ul class="capaian-list" id="capaian-list">
                {move || {
                    let entries = entries.get();
                    // Each card follows the quarter through its own signal, the cards drawn a few at a time:
                    // every card changes on a switch (up to 60 rows with their charts), and a national
                    // year's cards redrawn at once held the page for seconds.
                    let now = quarter.get_untracked();
                    let quarters: Arc<[RwSignal<Quarter>]> = entries.iter().map(|_| RwSignal::new(now)).collect();
                    let steps = ListSteps::new(entries.len(), STEPS);
                    more.set(Some(steps.clone()));
                    follow_drawn(quarter, quarters.clone(), steps.clone(), FOLLOW_CARDS, || browser::first_child_in_view("capaian-list"));
                    entries.into_iter().enumerate().map(|(i, (depth, id, has_children))| {
                        let mine = quarters[i];
                        steps.entry_following(i, quarter, mine, move || view! {
                            <CapaianCard depth id=id.clone() has_children tables positions quarter=mine/>
                        })
                    }).collect_view()
                }}
            </ul>
            <MoreShown list=more id="capaian-more"/>
        </section>
    }
}

/// The cards of the first screen at once (below the summary; at 1280 × 900 a province's first card is
/// three screens down), then a step of cards after each pause (a national year has 5 520, each with two
/// tables and their charts: about 5 ms each in the browser).
const STEPS: StepPlan = StepPlan { first: 4, size: 10 };

/// Cards redrawn for another quarter between two pauses (each up to 60 rows with their charts: some
/// 10–25 ms in the browser).
const FOLLOW_CARDS: usize = 2;

/// Lines of the list of PKs that have not reported shown unless the whole list is asked for.
const NOT_REPORTED_FIRST: usize = 10;

/// Lines of the list of PKs that have not reported, drawn between two pauses.
const BATCH_LINES: usize = 200;

/// PKs worked out between two pauses (about 40 ms in the browser; a province year is one step).
const STEP_PKS: usize = 150;

enum Progress {
    Step(usize, usize),
    Done(CapaianYear),
}

/// Works out the tables of year `y` (or the subtree of `root`) in `ws`, a step of PKs at a time,
/// telling `report` how far it got; stops when `report` answers `false`.
async fn work_out(ws: Workspace, y: i32, root: Option<AgreementId>, report: impl Fn(Progress) -> bool) {
    let started = browser::measure_start("kinerja:capaian");
    let mut work = CapaianWork::new(&ws, y, root.as_ref());
    // A year of more than one step starts after a pause: opening the page is a piece of its own.
    let stepped = work.total() > STEP_PKS;
    loop {
        if stepped {
            if !report(Progress::Step(work.done(), work.total())) {
                browser::measure_drop(started);
                return;
            }
            browser::pause().await;
        }
        if work.step(STEP_PKS) {
            break;
        }
    }
    browser::measure_end("kinerja:capaian", started);
    report(Progress::Done(work.finish()));
}

/// One PK's capaian table; it is drawn again only when this PK's figures change.
#[component]
fn CapaianCard(
    depth: usize,
    id: AgreementId,
    has_children: bool,
    tables: RwSignal<Option<CapaianYear>>,
    positions: Memo<HashMap<AgreementId, usize>>,
    quarter: RwSignal<Quarter>,
) -> impl IntoView {
    let i18n = expect_context::<Language>();
    let nav = expect_context::<Nav>();
    let doc = expect_context::<Document>();
    let public = nav.route.with_untracked(|r| r.public);
    let own = untrack(|| doc.agreement(&id));
    let title = own.as_ref().map(|a| a.title().to_string()).unwrap_or_default();
    let lkj = Route { public, page: Page::Lkj { id: id.clone() } }.href();
    let year = own.map(|a| a.year);
    let subtree = Route { public, page: Page::Capaian { year, root: Some(id.clone()) } }.href();
    // This PK's four quarters, found by id: one changed figure redraws one card.
    let at = Memo::new(move |_| positions.with(|p| p.get(&id).copied()));
    let mine: Memo<Option<Table>> = Memo::new(move |_| {
        let q = quarter.get().index();
        tables.with(|t| at.get().and_then(|i| t.as_ref()?.get(i)).map(|(_, x)| x[q].clone()))
    });
    // The whole year of this PK, for the small charts.
    let quarters: Memo<Option<Series>> = Memo::new(move |_| {
        tables.with(|t| at.get().and_then(|i| t.as_ref()?.get(i)).map(|(_, x)| series_of(x)))
    });
    move || {
        let lang = i18n.lang.get();
        let table = mine.get()?;
        let t = move |m: Msg| m.text(lang).to_string();
        let q = text::quarter(table.quarter, lang);
        // Each figure's column name, shown beside it where the table is a card per indicator (a phone).
        let target_head = fill(Msg::ColTargetToDate.text(lang), &[("quarter", &q)]);
        let to_date_head = fill(Msg::ColToDate.text(lang), &[("quarter", &q)]);
        let rows = table.rows.iter().map(|r| {
            let source = match &r.flow.source {
                Source::Carried { .. } | Source::Summed { .. } => "↑",
                _ => "",
            };
            view! {
                <tr class:missing=r.missing data-indicator=r.id.0.clone()>
                    <td class="number">{r.number.clone()}</td>
                    <td class="indicator">{r.text.clone()}</td>
                    <td class="target" data-label=target_head.clone()>{r.target_to_date.display(lang)}<span class="compared">{text::compared_with(r, table.quarter, lang)}</span></td>
                    <td class="actual" data-label=to_date_head.clone()>{text::to_date(r, table.quarter, lang, "—")}{source}</td>
                    <td class="capaian" data-label=t(Msg::ColCapaian)>{text::capaian(r.capaian, lang)}</td>
                    <td class="predikat" data-label=t(Msg::ColPredikat)>{r.predikat.clone().unwrap_or_else(|| "—".into())}</td>
                    <td class="picture" data-label=t(Msg::ColByQuarter)>{quarters.with(|s| s.as_ref().and_then(|s| s.indicators.iter().find(|(i, _)| *i == r.id).map(|(_, c)| {
                        crate::ui::charts::quarter_bars(percents(*c), Decimal::from(120), lang)
                    })))}</td>
                </tr>
            }
        }).collect_view();
        let dash = || "—".to_string();
        let spent_head = fill(Msg::ColSpentToDate.text(lang), &[("quarter", &q)]);
        let budget = table.budget.iter().map(|b| view! {
            <tr>
                <td class="program">{b.program.clone()}</td>
                <td class="money" data-label=t(Msg::ColBudget)>{b.amount.display(lang)}</td>
                <td class="money" data-label=spent_head.clone()>{text::spent_to_date(b, table.quarter, lang, "—")}</td>
                <td class="money" data-label=t(Msg::ColAbsorption)>{b.percent.map(|p| crate::core::format::percent2(p, lang)).unwrap_or_else(dash)}</td>
                <td class="money" data-label=t(Msg::ColChildrenSpent)>{b.children_spent.map(|s| crate::core::format::rupiah(s, lang)).unwrap_or_else(dash)}</td>
                <td class="picture" data-label=t(Msg::ColByQuarter)>{quarters.with(|s| s.as_ref().and_then(|s| s.programs.iter().find(|(p, _)| *p == b.program).map(|(_, v)| {
                    crate::ui::charts::quarter_bars(*v, Decimal::ONE_HUNDRED, lang)
                })))}</td>
            </tr>
        }).collect_view();
        Some(view! {
            <li class=format!("capaian-card node depth-{}", depth.min(4)) data-id=table.id.0.clone()>
                <article class="pk-card">
                    <h2 class="pk-card-title"><a href=lkj.clone()>{title.clone()}</a></h2>
                    {has_children.then(|| view! {
                        <p class="pk-card-parties"><a class="subtree-link" href=subtree.clone()>{t(Msg::RollupThisSubtree)}</a></p>
                    })}
                    <TableScroll label=title.clone()>
                        <table class="coverage-table capaian-table">
                            <thead><tr>
                                <th scope="col">{t(Msg::ColNo)}</th>
                                <th scope="col">{t(Msg::ColIndicator)}</th>
                                <th scope="col">{target_head}</th>
                                <th scope="col">{to_date_head}</th>
                                <th scope="col">{t(Msg::ColCapaian)}</th>
                                <th scope="col">{t(Msg::ColPredikat)}</th>
                                <th scope="col">{t(Msg::ColByQuarter)}</th>
                            </tr></thead>
                            <tbody>{rows}</tbody>
                        </table>
                    </TableScroll>
                    <TableScroll label=t(Msg::BudgetActualTitle)>
                        <table class="coverage-table capaian-budget">
                            <caption class="visually-hidden">{t(Msg::BudgetActualTitle)}</caption>
                            <thead><tr>
                                <th scope="col">{t(Msg::ColProgram)}</th>
                                <th scope="col" class="money">{t(Msg::ColBudget)}</th>
                                <th scope="col" class="money">{spent_head}</th>
                                <th scope="col" class="money">{t(Msg::ColAbsorption)}</th>
                                <th scope="col" class="money">{t(Msg::ColChildrenSpent)}</th>
                                <th scope="col">{t(Msg::ColByQuarter)}</th>
                            </tr></thead>
                            <tbody>{budget}</tbody>
                        </table>
                    </TableScroll>
                </article>
            </li>
        })
    }
}
