//! "Siapkan PK tahun berikutnya": one button (a year, or one PK with everything below it) that asks
//! once, then copies to next year as drafts and goes there.

use crate::core::i18n::{fill, Msg};
use crate::core::model::AgreementId;
use crate::core::route::{Page, Route};
use crate::ui::services::{Document, Language, NoticeKind, Notices};
use leptos::prelude::*;

/// Prepares `year + 1` from `year` (or from `root` and its subtree).
#[component]
pub fn NextYear(year: i32, root: Option<AgreementId>) -> impl IntoView {
    let i18n = expect_context::<Language>();
    let notices = expect_context::<Notices>();
    let doc = expect_context::<Document>();
    let next = (year + 1).to_string();
    let asking = RwSignal::new(false);
    let label = if root.is_some() { Msg::NextYearOne } else { Msg::NextYearAll };
    let id = if root.is_some() { "next-year-one" } else { "next-year-all" };
    let root = StoredValue::new(root);
    let n = next.clone();
    let prepare = move |_| {
        asking.set(false);
        let done = doc.with_ids(|ids| {
            doc.change(label, None, |ws| root.with_value(|r| ws.prepare_next_year(year, r.as_ref(), ids)))
        });
        let lang = i18n.lang.get_untracked();
        let next = (year + 1).to_string();
        let mut text = if done.created.is_empty() {
            fill(Msg::NextYearNone.text(lang), &[("next", &next)])
        } else {
            fill(Msg::NextYearDone.text(lang), &[("n", &done.created.len().to_string()), ("next", &next)])
        };
        if done.already > 0 && !done.created.is_empty() {
            text = format!(
                "{text} {}",
                fill(Msg::NextYearAlready.text(lang), &[("n", &done.already.to_string()), ("next", &next)])
            );
        }
        let href = Route::staff(Page::Home { year: Some(year + 1) }).href();
        notices.go_and_notify(&href, NoticeKind::Success, text);
    };
    view! {
        <div class="next-year">
            <button type="button" id=id aria-expanded=move || asking.get().to_string() on:click=move |_| asking.set(true)>
                {move || fill(i18n.t(label), &[("next", &n)])}
            </button>
            <Show when=move || asking.get()>
                <span class="confirm-box" role="alertdialog" aria-live="assertive">
                    <span class="confirm-question">{move || fill(i18n.t(Msg::NextYearHint), &[("next", &(year + 1).to_string())])}</span>
                    <button type="button" class="primary confirm-yes" on:click=prepare>
                        {move || fill(i18n.t(Msg::NextYearConfirm), &[("next", &(year + 1).to_string())])}
                    </button>
                    <button type="button" class="confirm-no" on:click=move |_| asking.set(false)>{move || i18n.t(Msg::Cancel)}</button>
                </span>
            </Show>
        </div>
    }
}
