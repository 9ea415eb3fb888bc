//! Small pieces shared by several pages.

use super::state::expect_app;
use crate::i18n::{Lang, Msg};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Whether a key event happens inside a text field (where the browser's own shortcuts apply).
pub fn typing_in_field(e: &web_sys::KeyboardEvent) -> bool {
    e.target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok())
        .is_some_and(|el| {
            let tag = el.tag_name().to_lowercase();
            tag == "input" || tag == "textarea" || tag == "select" || el.is_content_editable()
        })
}

/// A person's name, or a visible placeholder when the document does not give one.
pub fn name_or_placeholder(name: &str, lang: Lang) -> String {
    if name.trim().is_empty() {
        Msg::NameMissing.text(lang).to_string()
    } else {
        name.to_string()
    }
}

/// The label of an agreement field.
pub fn field_label(field: crate::model::edit::Field) -> Msg {
    use crate::model::edit::Field;
    match field {
        Field::Office => Msg::Office,
        Field::Unit => Msg::UnitLong,
        Field::Place => Msg::Place,
        Field::Date => Msg::Date,
        Field::Notes => Msg::Notes,
        Field::FirstName => Msg::FirstPartyName,
        Field::FirstPosition => Msg::FirstPartyPosition,
        Field::SecondName => Msg::SecondPartyName,
        Field::SecondPosition => Msg::SecondPartyPosition,
    }
}

/// Column headings (`<th scope="col">`) with translated titles, each with its class (may be empty).
pub fn column_heads(columns: &'static [(Msg, &'static str)]) -> impl IntoView {
    let app = expect_app();
    columns
        .iter()
        .map(|(title, class)| view! { <th scope="col" class=*class>{move || app.t(*title)}</th> })
        .collect_view()
}

/// The page shown for an unknown address or a PK that does not exist.
#[component]
pub fn NotFound() -> impl IntoView {
    let app = expect_app();
    view! {
        <section class="page narrow">
            <h1>{move || app.t(Msg::NotFoundTitle)}</h1>
            <p>{move || app.t(Msg::NotFoundBody)}</p>
            <p><a href="#/">{move || app.t(Msg::BackHome)}</a></p>
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
    let app = expect_app();
    let asking = RwSignal::new(false);
    view! {
        <span class="confirm">
            <button type="button" id=id class=class aria-expanded=move || asking.get().to_string()
                on:click=move |_| asking.set(true)>
                {move || app.t(label)}
            </button>
            <Show when=move || asking.get()>
                <span class="confirm-box" role="alertdialog" aria-live="assertive">
                    <span class="confirm-question">{move || app.t(question)}</span>
                    <button type="button" class=format!("{class} confirm-yes") on:click=move |_| {
                        asking.set(false);
                        on_confirm.run(());
                    }>{move || app.t(confirm)}</button>
                    <button type="button" class="confirm-no" on:click=move |_| asking.set(false)>
                        {move || app.t(Msg::Cancel)}
                    </button>
                </span>
            </Show>
        </span>
    }
}
