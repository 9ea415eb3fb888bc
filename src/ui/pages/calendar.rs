//! The year's due dates: the next one on Beranda (staff only), and all of them on Data, where an office
//! sets its own. Days left count from the office's local date (`ui::services::clock`).

use crate::core::date::Date;
use crate::core::i18n::{fill, Msg};
use crate::core::model::calendar::Deliverable;
use crate::core::model::element::ElementId;
use crate::core::model::Workspace;
use crate::core::monitor::due::{due_line, DueLine, Own};
use crate::core::route::{Page, Route};
use crate::core::text;
use crate::ui::host::Runs;
use crate::ui::services::{browser, clock};
use crate::ui::services::{Document, Language};
use leptos::prelude::*;

/// What this office owes next of `year` (`Tenggat berikutnya: Realisasi TW I, 10 April 2024 (8 hari
/// lagi).` or `Belum dikirim: …, tenggat … (terlambat 5 hari).`) and, for an office that collects from
/// others, how many are late with a link to the grid (`core::monitor::due`). Worked out after a pause:
/// a national workspace's grid (552 offices) is not part of Beranda's first screen.
#[component]
pub fn NextDue(year: Memo<Option<i32>>) -> impl IntoView {
    let i18n = expect_context::<Language>();
    let doc = expect_context::<Document>();
    let today = clock::today();
    let line = RwSignal::new(None::<(i32, DueLine)>);
    let runs = Runs::new();
    Effect::new(move |_| {
        let y = year.get();
        doc.ws.track();
        let run = runs.start();
        leptos::task::spawn_local(async move {
            browser::pause().await;
            if run.stopped() {
                return;
            }
            let worked = y.and_then(|y| doc.ws.with_untracked(|ws| due_line(ws, y, today)).map(|l| (y, l)));
            line.try_set(worked);
        });
    });
    move || {
        let lang = i18n.lang.get();
        let (y, l) = line.get()?;
        let own = text::monitor::own_due(&l.own, y, lang);
        let late = l.collecting.map(|late| {
            let href = Route::staff(Page::Monitor { year: Some(y) }).href();
            let link = fill(Msg::MonitorLateLink.text(lang), &[("year", &y.to_string())]);
            view! {
                <p class="next-due" id="monitor-late-line">
                    {text::monitor::late_offices(&late, lang)}" "<a href=href>{link}</a>
                </p>
            }
        });
        Some(view! {
            <p class="next-due" id="next-due" class:late=matches!(l.own, Own::Owes(o) if o.days < 0)>{own}</p>
            {late}
        })
    }
}

/// Every due date of a year, each with its basis, editable.
#[component]
pub fn CalendarPanel() -> impl IntoView {
    let i18n = expect_context::<Language>();
    let doc = expect_context::<Document>();
    let today = clock::today();
    let years = Memo::new(move |_| doc.ws.with(Workspace::years));
    let chosen = RwSignal::new(None::<i32>);
    let year =
        Memo::new(move |_| chosen.get().or_else(|| years.with(|y| y.first().copied())).unwrap_or(2024));
    let rows = move || {
        let y = year.get();
        Deliverable::ALL.into_iter().map(|what| view! { <DueRow year=y what today/> }).collect_view()
    };
    view! {
        <section aria-labelledby="calendar-title" id="calendar">
            <h2 id="calendar-title">{move || i18n.t(Msg::CalendarTitle)}</h2>
            <p class="hint">{move || i18n.t(Msg::CalendarHint)}</p>
            <div class="field">
                <label for="calendar-year">{move || i18n.t(Msg::CalendarYear)}</label>
                <select id="calendar-year" prop:value=move || year.get().to_string()
                    on:change=move |e| chosen.set(event_target_value(&e).parse().ok())>
                    {move || years.get().into_iter().map(|y| view! { <option value=y.to_string()>{y}</option> }).collect_view()}
                </select>
            </div>
            <crate::ui::common::TableScroll label=Signal::derive(move || i18n.t(Msg::CalendarTitle).to_string())>
                <table class="calendar-table">
                    <thead><tr>
                        {crate::ui::common::column_heads(&[(Msg::CalendarColWhat, ""), (Msg::CalendarColDate, ""), (Msg::CalendarColLeft, ""), (Msg::CalendarColSource, "")])}
                    </tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </crate::ui::common::TableScroll>
        </section>
    }
}

/// One deliverable: its date (a date field), the days left, and where the default comes from.
#[component]
fn DueRow(year: i32, what: Deliverable, today: Date) -> impl IntoView {
    let i18n = expect_context::<Language>();
    let doc = expect_context::<Document>();
    let key = what.key();
    let due = Memo::new(move |_| doc.ws.with(|ws| ws.settings.calendar.due(year, what)));
    let set = Memo::new(move |_| doc.ws.with(|ws| ws.settings.calendar.set_date(year, what).is_some()));
    let id = ElementId::Due(what).to_string();
    let change = move |date: Option<Date>| {
        doc.change(Msg::CalendarChanged, None, |ws| ws.set_due(year, what, date));
    };
    view! {
        <tr data-due=key.clone()>
            <th scope="row"><label for=id.clone()>{move || text::deliverable(what, i18n.lang.get())}</label></th>
            <td>
                <input type="date" id=id.clone() prop:value=move || due.get().iso()
                    on:change=move |e| {
                        // The browser's date field gives a whole date or nothing: nothing puts the default back.
                        change(Date::parse(&event_target_value(&e)));
                    }/>
                {move || if set.get() {
                    view! { " " <button type="button" class="small" on:click=move |_| change(None)>{move || i18n.t(Msg::CalendarReset)}</button> }.into_any()
                } else {
                    view! { " " <small class="hint">{move || i18n.t(Msg::CalendarDefaultMark)}</small> }.into_any()
                }}
            </td>
            <td class="due-left">{move || text::days_left(today.days_until(due.get()), i18n.lang.get())}</td>
            <td class="hint">{move || text::deliverable_source(what, i18n.lang.get())}</td>
        </tr>
    }
}
