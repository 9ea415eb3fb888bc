//! The planner's overview on Beranda, Rekapitulasi and Pohon kinerja (staff only): the year's PKs
//! counted by status (`7 ditandatangani, 3 draf, 2 belum lengkap`) and the filter that lists only what
//! needs work, the same on the three pages.

use crate::core::i18n::{fill, Msg};
use crate::core::model::status::{Status, Tally};
use crate::core::model::AgreementId;
use crate::core::route::{Page, Route};
use crate::core::text::life;
use crate::ui::services::{Document, Language, OnlyWork};
use leptos::prelude::*;

/// PKs worked out between two pauses (a national year: 14 steps).
const STEP: usize = 400;

/// The counts and the filter of `year` (or of `root` and everything below it); with `list`, the PKs
/// that need work are listed below it while the filter is set (the tree page, whose drawing keeps
/// every box).
#[component]
pub fn StatusTally(
    #[prop(into)] year: Signal<i32>,
    root: Option<AgreementId>,
    #[prop(optional)] list: bool,
) -> impl IntoView {
    let i18n = expect_context::<Language>();
    let doc = expect_context::<Document>();
    let only = expect_context::<OnlyWork>().0;
    let root = StoredValue::new(root);
    // Each PK with its status, in the cascade's order; worked out again when the data changes, a step
    // of PKs at a time (a national year's 5 520 document checks at once held the page for ~150 ms).
    // `None` while it is worked out; a newer change stops an older run.
    let statuses = RwSignal::new(None::<Vec<(AgreementId, String, Status)>>);
    let run = StoredValue::new(0u64);
    Effect::new(move |_| {
        let y = year.get();
        let ids = root.with_value(|r| doc.ws.with(|ws| ws.status_order(y, r.as_ref())));
        let this = run.get_value() + 1;
        run.set_value(this);
        leptos::task::spawn_local(async move {
            let current = move || run.try_get_value() == Some(this);
            let mut out = Vec::with_capacity(ids.len());
            for (n, id) in ids.iter().enumerate() {
                if n > 0 && n % STEP == 0 {
                    crate::ui::services::browser::pause().await;
                    if !current() {
                        return;
                    }
                }
                if let Some(a) = doc.agreement(id) {
                    out.push((a.id.clone(), a.title().to_string(), a.status()));
                }
            }
            if current() {
                statuses.try_set(Some(out));
            }
        });
    });
    let tally = Memo::new(move |_| {
        statuses.with(|list| {
            list.as_ref().map(|list| {
                let mut t = Tally::default();
                list.iter().for_each(|(_, _, s)| t.add(s));
                t
            })
        })
    });
    let n = move || tally.with(|t| t.map_or(0, |t| t.needs_work));
    view! {
        <section class="status-tally no-print" id="status-tally" aria-labelledby="status-tally-title">
            <h2 id="status-tally-title" class="visually-hidden">{move || i18n.t(Msg::TallyTitle)}</h2>
            <p id="status-tally-counts">{move || tally.with(|t| t.as_ref().map(|t| life::tally(t, i18n.lang.get())))}</p>
            <label class="check">
                <input type="checkbox" id="only-work" prop:checked=move || only.get()
                    on:change=move |e| only.set(event_target_checked(&e))/>
                {move || fill(i18n.t(Msg::NeedsWorkOnly), &[("n", &n().to_string())])}
            </label>
            <p class="hint">{move || i18n.t(Msg::NeedsWorkHint)}</p>
            <Show when=move || { only.get() && n() == 0 }>
                <p id="needs-work-none" role="status">{move || i18n.t(Msg::NeedsWorkNone)}</p>
            </Show>
            <Show when=move || { list && only.get() && n() > 0 }>
                <h3 id="needs-work-title">{move || i18n.t(Msg::NeedsWorkList)}</h3>
                <ul id="needs-work-list" aria-labelledby="needs-work-title">
                    {move || {
                        let lang = i18n.lang.get();
                        statuses.with(|list| list.iter().flatten().filter(|(_, _, s)| s.needs_work()).map(|(id, title, s)| {
                            let href = Route::staff(Page::Agreement { id: id.clone(), edit: false }).href();
                            view! { <li><a href=href>{title.clone()}</a>" — "{life::status_line(s, lang)}</li> }
                        }).collect_view())
                    }}
                </ul>
            </Show>
        </section>
    }
}
