//! Pemantauan: the monitoring grid of a year, offices down and deliverables across, each cell in words
//! and colour (`core::monitor`, words in `text::monitor`); counts per column, a late-only filter, links
//! to each office's PK and its realisasi, print and CSV.

use crate::core::i18n::{fill, Msg};
use crate::core::model::calendar::Deliverable;
use crate::core::model::{AgreementId, Workspace};
use crate::core::monitor::{grid, Cell, Grid, Row};
use crate::core::route::{Page, Route};
use crate::core::steps::StepPlan;
use crate::core::text;
use crate::ui::batches::{ListSteps, MoreShown, SHOWN_OFFICES};
use crate::ui::services::export::Downloads;
use crate::ui::services::{browser, clock, Document, Language, Nav};
use leptos::prelude::*;

/// The class that colours a cell (with its words, never alone).
fn tone(c: &Cell) -> &'static str {
    match c {
        Cell::NotDue { .. } => "cell-not-due",
        Cell::DueSoon { .. } => "cell-soon",
        Cell::Late { .. } => "cell-late",
        Cell::Received { late: Some(_), .. } => "cell-received-late",
        Cell::Received { missing, .. } if *missing > 0 => "cell-partial",
        Cell::Received { .. } => "cell-received",
        Cell::Resent { .. } => "cell-resent",
        Cell::Accepted { .. } => "cell-accepted",
        Cell::Returned { .. } => "cell-returned",
    }
}

/// The rows of the first screen at once, then a step of rows after each pause; a national list (552
/// offices) is drawn as its reader goes ([`ListSteps`]).
const STEPS: StepPlan = StepPlan { first: 30, size: 60 };

/// The grid page for `year` (the newest year held when none). In the public view, read-only and only
/// when the published data shows it (`measure_settings.monitor_public`).
#[component]
pub fn MonitorPage(year: Option<i32>) -> impl IntoView {
    let i18n = expect_context::<Language>();
    let doc = expect_context::<Document>();
    let public = expect_context::<Nav>().route.with_untracked(|r| r.public);
    let downloads = Downloads::here();
    let today = clock::today();
    let shown = Memo::new(move |_| !public || doc.ws.with(|ws| ws.settings.monitor_public));
    let years = Memo::new(move |_| doc.ws.with(Workspace::years));
    let chosen = RwSignal::new(year);
    let year = Memo::new(move |_| {
        chosen.get().or_else(|| years.with(|y| y.first().copied())).unwrap_or(today.year())
    });
    let late_only = RwSignal::new(false);
    let g =
        Memo::new(
            move |_| {
                if shown.get() {
                    doc.ws.with(|ws| grid(ws, year.get(), today))
                } else {
                    Grid::default()
                }
            },
        );
    let rows = Memo::new(move |_| {
        let only = late_only.get();
        g.with(|g| {
            g.rows.iter().filter(|r| !only || r.cells.iter().any(Cell::is_late)).cloned().collect::<Vec<_>>()
        })
    });
    // Drawn in steps, started again only when the number of rows changes (a filter, another year): a
    // changed cell redraws its row alone, keyed by its office.
    let count = Memo::new(move |_| rows.with(Vec::len));
    let steps = Memo::new(move |_| ListSteps::new(count.get(), STEPS));
    let more = RwSignal::new(None);
    Effect::new(move |_| more.set(Some(steps.get())));
    let drawn = move || {
        let n = steps.with(ListSteps::drawn);
        rows.with(|r| r.iter().take(n).cloned().collect::<Vec<_>>())
    };
    let counts = Memo::new(move |_| g.with(|g| g.counts()));
    let csv = move |_| {
        let lang = i18n.lang.get();
        let (name, text) = g.with_untracked(|g| {
            (format!("pemantauan-{}-{}.csv", g.year, today.compact()), text::monitor::grid_csv(g, lang))
        });
        downloads.offer(&name, "text/csv;charset=utf-8", &text);
    };
    let title = move || fill(i18n.t(Msg::MonitorTitle), &[("year", &year.get().to_string())]);
    view! {
        <section class="page monitor-page" aria-labelledby="monitor-title">
            <h1 id="monitor-title">{title}</h1>
            <Show when=move || shown.get() fallback=move || view! {
                <p id="monitor-not-public">{move || i18n.t(Msg::NotFoundBody)}" "<a href="#/publik">{move || i18n.t(Msg::BackHome)}</a></p>
            }>
            <p class="hint no-print">{move || i18n.t(if public { Msg::MonitorPublicIntro } else { Msg::MonitorHint })}</p>
            <div class="toolbar no-print">
                <label for="monitor-year">{move || i18n.t(Msg::CalendarYear)}</label>
                <select id="monitor-year" prop:value=move || year.get().to_string()
                    on:change=move |e| chosen.set(event_target_value(&e).parse().ok())>
                    {move || years.get().into_iter().map(|y| view! { <option value=y.to_string()>{y}</option> }).collect_view()}
                </select>
                <label class="check"><input type="checkbox" id="monitor-late-only" prop:checked=move || late_only.get()
                    on:change=move |e| late_only.set(event_target_checked(&e))/>" "{move || i18n.t(Msg::MonitorLateOnly)}</label>
                <button type="button" id="monitor-csv" on:click=csv>{move || i18n.t(Msg::MonitorCsv)}</button>
                <button type="button" id="monitor-print" on:click=move |_| browser::print()>{move || i18n.t(Msg::MonitorPrint)}</button>
            </div>
            <Show when=move || g.with(|g| g.rows.is_empty())>
                <p id="monitor-empty">{move || i18n.t(Msg::MonitorNoOffices)}{(!public).then(|| view! { " "<a href="#/data">{move || i18n.t(Msg::NavData)}</a> })}</p>
            </Show>
            <Show when=move || g.with(|g| !g.rows.is_empty())>
                <p id="monitor-shown" role="status">{move || fill(i18n.t(Msg::MonitorShown), &[("n", &rows.with(Vec::len).to_string()), ("total", &g.with(|g| g.rows.len()).to_string())])}</p>
                <crate::ui::common::TableScroll label=Signal::derive(title)>
                    <table class="monitor-table" id="monitor-table">
                        <thead><tr>
                            <th scope="col">{move || i18n.t(Msg::MonitorColOffice)}</th>
                            {Deliverable::ALL.into_iter().map(|d| view! { <th scope="col">{move || text::deliverable(d, i18n.lang.get())}</th> }).collect_view()}
                        </tr></thead>
                        <tbody>
                            <For each=drawn key=|r| (r.office.identity(), r.cells.clone(), r.agreements.clone()) let:row>
                                <MonitorRow row public/>
                            </For>
                        </tbody>
                        <tfoot><tr class="monitor-counts">
                            <th scope="row">{move || i18n.t(Msg::MonitorCounts)}</th>
                            {move || counts.get().into_iter().zip(Deliverable::ALL).map(|(c, d)| view! {
                                <td data-label=move || text::deliverable(d, i18n.lang.get())>{fill(i18n.t(Msg::MonitorCount), &[("late", &c.late.to_string()), ("received", &c.received.to_string())])}</td>
                            }).collect_view()}
                        </tr></tfoot>
                    </table>
                </crate::ui::common::TableScroll>
                <MoreShown list=more id="monitor-more" words=SHOWN_OFFICES/>
            </Show>
            </Show>
        </section>
    }
}

/// One office: its name (a link to its first PK) and a cell per deliverable (for staff, the quarters
/// link to the PK's realisasi). On a phone the row is a card, each cell labelled with its deliverable.
#[component]
fn MonitorRow(row: Row, public: bool) -> impl IntoView {
    let i18n = expect_context::<Language>();
    let first = row.agreements.first().cloned();
    let name = row.office.name.clone();
    let office = match &first {
        Some(id) => view! { <a href=Route { public, page: Page::Agreement { id: id.clone(), edit: false } }.href()>{name}</a> }.into_any(),
        None => view! { <span>{name}" "<small class="hint">"("{move || i18n.t(Msg::MonitorNoPk)}")"</small></span> }.into_any(),
    };
    let cells = Deliverable::ALL
        .into_iter()
        .zip(row.cells)
        .map(|(d, c)| cell_view(d, c, first.as_ref(), public))
        .collect_view();
    view! {
        <tr class="monitor-row" data-office=row.office.identity()>
            <th scope="row">{office}</th>
            {cells}
        </tr>
    }
}

/// One cell in words and colour, labelled with its deliverable (shown on a phone). The one place a cell
/// is drawn: a new kind of cell needs its tone and words only.
fn cell_view(d: Deliverable, c: Cell, first: Option<&AgreementId>, public: bool) -> impl IntoView {
    let i18n = expect_context::<Language>();
    let class = format!("monitor-cell {}", tone(&c));
    let words = move || text::monitor::cell(&c, i18n.lang.get());
    let link = match (d, first) {
        (Deliverable::Realisasi(_), Some(id)) if !public => {
            Some(Route::staff(Page::Measure { id: id.clone() }).href())
        }
        _ => None,
    };
    view! {
        <td class=class data-key=d.key() data-label=move || text::deliverable(d, i18n.lang.get())>
            {match link {
                Some(href) => view! { <a href=href>{words}</a> }.into_any(),
                None => view! { <span>{words}</span> }.into_any(),
            }}
        </td>
    }
}
