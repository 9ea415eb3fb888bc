//! A labelled text field bound to the model, with its validation message.

use crate::core::i18n::Msg;
use crate::ui::services::{Document, Language};
use leptos::prelude::*;

/// A text input or textarea. It shows `value`, reports every keystroke with `on_input`, and ends the
/// undo group when it loses focus.
#[component]
pub fn TextField(
    /// The element id (also used by the label and the message).
    #[prop(into)]
    id: String,
    label: Msg,
    #[prop(into)] value: Signal<String>,
    on_input: Callback<String>,
    /// A textarea that grows with its content.
    #[prop(optional)]
    multiline: bool,
    /// Label for screen readers only (compact table rows).
    #[prop(optional)]
    hide_label: bool,
    /// The validation message to show, if any.
    #[prop(optional, into)]
    issue: MaybeProp<String>,
    /// A hint shown under the field.
    #[prop(optional, into)]
    hint: MaybeProp<String>,
    #[prop(optional)] on_keydown: Option<Callback<web_sys::KeyboardEvent>>,
    /// Called when the field loses focus (ends a typing session).
    #[prop(optional)]
    on_blur: Option<Callback<()>>,
    #[prop(optional, into)] placeholder: MaybeProp<String>,
    /// Read-only (a signed PK's Rencana Aksi).
    #[prop(optional, into)]
    readonly: MaybeProp<bool>,
) -> impl IntoView {
    let readonly = move || readonly.get().unwrap_or(false);
    let i18n = expect_context::<Language>();
    let doc = expect_context::<Document>();
    // Memos, so that the hint and the message are only rebuilt when their text changes, not whenever
    // the row they belong to does (typing in a row would otherwise rebuild them on every keystroke).
    let hint = Memo::new(move |_| hint.get());
    let issue = Memo::new(move |_| issue.get());
    let msg_id = format!("{id}-msg");
    let hint_id = format!("{id}-hint");
    let described = {
        let (m, h) = (msg_id.clone(), hint_id.clone());
        move || {
            let mut ids = Vec::new();
            if issue.get().is_some() {
                ids.push(m.clone());
            }
            if hint.get().is_some() {
                ids.push(h.clone());
            }
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };
    let keydown = move |e: web_sys::KeyboardEvent| {
        if let Some(cb) = on_keydown {
            cb.run(e);
        }
    };
    let blur = move |_| {
        doc.seal();
        if let Some(cb) = on_blur {
            cb.run(());
        }
    };
    let invalid = move || issue.get().is_some().then_some("true");
    let control = if multiline {
        view! {
            <textarea id=id.clone() rows="1" prop:value=move || value.get() aria-invalid=invalid readonly=readonly
                aria-describedby=described.clone() placeholder=move || placeholder.get()
                on:input:target=move |e| on_input.run(e.target().value())
                on:keydown=keydown on:blur=blur></textarea>
        }
        .into_any()
    } else {
        view! {
            <input type="text" id=id.clone() prop:value=move || value.get() aria-invalid=invalid readonly=readonly
                aria-describedby=described placeholder=move || placeholder.get()
                on:input:target=move |e| on_input.run(e.target().value())
                on:keydown=keydown on:blur=blur/>
        }
        .into_any()
    };
    view! {
        <div class="field" class:has-issue=move || issue.get().is_some()>
            <label for=id.clone() class:visually-hidden=hide_label>{move || i18n.t(label)}</label>
            {control}
            {move || hint.get().map(|h| view! { <p class="hint" id=hint_id.clone()>{h}</p> })}
            {move || issue.get().map(|m| view! { <p class="issue" id=msg_id.clone()>{m}</p> })}
        </div>
    }
}
