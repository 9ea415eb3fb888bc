//! The year tabs of the pages that show one year at a time (home, rollup, capaian, pohon kinerja).

use crate::core::i18n::Msg;
use crate::ui::services::{Language, Nav};
use leptos::prelude::*;

/// The year tabs of a page: a link per year of the workspace (newest first), the one shown marked as
/// the current page; nothing when there is one year or `show` is false (a subtree's page).
#[component]
pub fn YearTabs(
    years: Memo<Vec<i32>>,
    #[prop(into)] current: Signal<Option<i32>>,
    /// The page of a year.
    href: fn(i32, bool) -> String,
    #[prop(default = true)] show: bool,
    /// Printed with the page (the home page) or not (the views).
    #[prop(default = false)]
    print: bool,
) -> impl IntoView {
    let i18n = expect_context::<Language>();
    let nav = expect_context::<Nav>();
    let public = move || nav.route.with(|r| r.public);
    view! {
        <Show when=move || show && years.with(|y| y.len() > 1)>
            <nav class="year-tabs" class:no-print=!print aria-label=move || i18n.t(Msg::YearChoice)>
                {move || years.get().into_iter().map(|y| view! {
                    <a href=href(y, public()) aria-current=move || (current.get() == Some(y)).then_some("page")>{y}</a>
                }).collect_view()}
            </nav>
        </Show>
    }
}
