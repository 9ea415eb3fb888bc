//! Small pieces shared by several pages.

use crate::core::i18n::Msg;
use crate::ui::services::{Document, Language};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Whether a key event happens inside a text field (where the browser's own shortcuts apply).
pub fn typing_in_field(e: &web_sys::KeyboardEvent) -> bool {
    e.target().and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok()).is_some_and(|el| {
        let tag = el.tag_name().to_lowercase();
        tag == "input" || tag == "textarea" || tag == "select" || el.is_content_editable()
    })
}

/// A party's name as this view shows it: staff read that it is still to be filled in, the public that
/// the document gives none ([`crate::core::text::name_shown`]).
pub fn name_or_placeholder(name: &str, lang: crate::core::i18n::Lang) -> String {
    let public =
        use_context::<crate::ui::services::Nav>().is_some_and(|n| n.route.with_untracked(|r| r.public));
    crate::core::text::name_shown(name, lang, public)
}

/// A menu in a `<details>` closes as menus do: on Escape (focus back on its button) and on a click or
/// tap anywhere outside it.
pub fn closes_like_a_menu(menu: NodeRef<leptos::html::Details>) {
    let open = move || menu.get_untracked().filter(|m| m.open());
    let outside = window_event_listener(leptos::ev::pointerdown, move |e| {
        if let Some(m) = open() {
            let inside = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Node>().ok())
                .is_some_and(|n| m.contains(Some(&n)));
            if !inside {
                m.set_open(false);
            }
        }
    });
    let escape = window_event_listener(leptos::ev::keydown, move |e| {
        if e.key() != "Escape" {
            return;
        }
        if let Some(m) = open() {
            m.set_open(false);
            if let Some(summary) = m
                .query_selector("summary")
                .ok()
                .flatten()
                .and_then(|s| s.dyn_into::<web_sys::HtmlElement>().ok())
            {
                let _ = summary.focus();
            }
            e.prevent_default();
        }
    });
    on_cleanup(move || {
        outside.remove();
        escape.remove();
    });
}

/// A horizontally scrollable table: a named region that can be focused and scrolled with the keyboard.
#[component]
pub fn TableScroll(
    /// What the table shows, for screen readers.
    #[prop(into)]
    label: Signal<String>,
    children: Children,
) -> impl IntoView {
    let i18n = expect_context::<Language>();
    view! {
        <div class="table-scroll" role="region" tabindex="0"
            aria-label=move || crate::core::i18n::fill(i18n.t(Msg::TableScrollLabel), &[("title", &label.get())])>
            {children()}
        </div>
    }
}

/// Column headings (`<th scope="col">`) with translated titles, each with its class (may be empty).
pub fn column_heads(columns: &'static [(Msg, &'static str)]) -> impl IntoView {
    let i18n = expect_context::<Language>();
    columns
        .iter()
        .map(|(title, class)| view! { <th scope="col" class=*class>{move || i18n.t(*title)}</th> })
        .collect_view()
}

/// How far a long piece of work got ("… n dari N PK…", `message` with `{done}` and `{total}`), read out by
/// screen readers; empty while nothing is under way.
#[component]
pub fn ProgressLine(
    id: &'static str,
    message: Msg,
    progress: RwSignal<Option<(usize, usize)>>,
) -> impl IntoView {
    let i18n = expect_context::<Language>();
    view! {
        <p class="import-progress" id=id role="status">{move || progress.get().map(|(done, total)| {
            let lang = i18n.lang.get();
            crate::core::i18n::fill(message.text(lang), &[
                ("done", &crate::core::format::number(done.into(), lang)),
                ("total", &crate::core::format::number(total.into(), lang)),
            ])
        })}</p>
    }
}

/// The page shown for an unknown address or a PK that does not exist.
#[component]
pub fn NotFound() -> impl IntoView {
    let i18n = expect_context::<Language>();
    view! {
        <section class="page narrow">
            <h1>{move || i18n.t(Msg::NotFoundTitle)}</h1>
            <p>{move || i18n.t(Msg::NotFoundBody)}</p>
            <p><a href="#/">{move || i18n.t(Msg::BackHome)}</a></p>
        </section>
    }
}

/// A button that asks before it acts: the question and the confirm/cancel buttons appear in place.
#[component]
pub fn ConfirmButton(
    /// The button's text.
    label: Msg,
    /// What the user is asked.
    question: Msg,
    /// The confirming button's text.
    confirm: Msg,
    /// Runs after confirmation.
    on_confirm: Callback<()>,
    /// Extra class for the button (e.g. `danger`).
    #[prop(optional)]
    class: &'static str,
    /// A stable id for the button (tests and labels).
    #[prop(optional)]
    id: &'static str,
) -> impl IntoView {
    let i18n = expect_context::<Language>();
    let asking = RwSignal::new(false);
    view! {
        <span class="confirm">
            <button type="button" id=id class=class aria-expanded=move || asking.get().to_string()
                on:click=move |_| asking.set(true)>
                {move || i18n.t(label)}
            </button>
            <Show when=move || asking.get()>
                <span class="confirm-box" role="alertdialog" aria-live="assertive">
                    <span class="confirm-question">{move || i18n.t(question)}</span>
                    <button type="button" class=format!("{class} confirm-yes") on:click=move |_| {
                        asking.set(false);
                        on_confirm.run(());
                    }>{move || i18n.t(confirm)}</button>
                    <button type="button" class="confirm-no" on:click=move |_| asking.set(false)>
                        {move || i18n.t(Msg::Cancel)}
                    </button>
                </span>
            </Show>
        </span>
    }
}

/// Which version the rollup and the capaian show: the versions in force (default) or every PK as first
/// signed. Shown only when some PK has a Perubahan.
#[component]
pub fn VersionChoice(original: RwSignal<bool>) -> impl IntoView {
    let i18n = expect_context::<Language>();
    let doc = expect_context::<Document>();
    let revised = Memo::new(move |_| doc.ws.with(crate::core::model::Workspace::has_revisions));
    view! {
        <Show when=move || revised.get()>
            <p class="version-choice no-print">
                <label for="version-choice">{move || i18n.t(Msg::ShowVersion)}</label>" "
                <select id="version-choice" on:change=move |e| original.set(event_target_value(&e) == "original")>
                    <option value="in-force" selected=move || !original.get()>{move || i18n.t(Msg::VersionInForce)}</option>
                    <option value="original" selected=move || original.get()>{move || i18n.t(Msg::VersionOriginalChoice)}</option>
                </select>
            </p>
        </Show>
    }
}
