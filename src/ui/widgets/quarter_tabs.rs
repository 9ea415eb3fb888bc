//! The quarter tabs (TW I–IV) of the pages that show one quarter at a time.

use crate::core::i18n::Msg;
use crate::core::measure::Quarter;
use crate::core::text;
use crate::ui::services::Language;
use leptos::prelude::*;

/// The quarter tabs (TW I–IV).
#[component]
pub fn QuarterTabs(quarter: RwSignal<Quarter>) -> impl IntoView {
    let i18n = expect_context::<Language>();
    view! {
        <div class="quarter-tabs" role="group" aria-label=move || i18n.t(Msg::QuarterChoice)>
            {Quarter::ALL.into_iter().map(|q| view! {
                <button type="button" class="quarter-tab" id=format!("tw-{}", q.number())
                    aria-pressed=move || (quarter.get() == q).to_string()
                    on:click=move |_| quarter.set(q)>
                    {move || text::quarter(q, i18n.lang.get())}
                </button>
            }).collect_view()}
        </div>
    }
}
