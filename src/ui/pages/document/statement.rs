//! The statement page: the standard PK wording with both parties' names and positions.

use super::signatures::Signatures;
use crate::core::i18n::Msg;
use crate::core::model::Agreement;
use crate::core::text::printed;
use crate::ui::common::name_or_placeholder;
use crate::ui::services::{Document, Language};
use leptos::prelude::*;
use std::sync::Arc;

/// Page one of the document.
#[component]
pub fn Statement(agreement: Memo<Option<Arc<Agreement>>>) -> impl IntoView {
    let i18n = expect_context::<Language>();
    // The office's letterhead (a logo), when it has one.
    let doc = expect_context::<Document>();
    let get = move |f: fn(&Agreement) -> String| agreement.with(|a| a.as_deref().map(f).unwrap_or_default());
    // "Perubahan ke-1 · 20 Juli 2024" for a signed revision; "Perubahan ke-1 (Draf)" while prepared.
    let revision = move || {
        let lang = i18n.lang.get();
        agreement.with(|a| a.as_deref().and_then(|a| printed::revision_line(a, lang)))
    };
    let party = move |name: fn(&Agreement) -> String, position: fn(&Agreement) -> String, role: Msg| {
        view! {
            <table class="party">
                <tbody>
                    <tr>
                        <th scope="row">{move || i18n.t(Msg::Name)}</th>
                        <td class="colon">":"</td>
                        <td class="party-name">{move || name_or_placeholder(&get(name), i18n.lang.get())}</td>
                    </tr>
                    <tr>
                        <th scope="row">{move || i18n.t(Msg::Position)}</th>
                        <td class="colon">":"</td>
                        <td class="party-position">{move || get(position)}</td>
                    </tr>
                </tbody>
            </table>
            <p>{move || i18n.t(role)}</p>
        }
    };
    view! {
        <section class="sheet statement" class:with-letterhead=move || doc.ws.with(|ws| !ws.letterhead.is_empty()) aria-labelledby="statement-title">
            <header class="sheet-title">
                {move || doc.ws.with(|ws| ws.letterhead.logo.clone()).map(|src| view! {
                    // Beside the office name it stands for: decorative to a screen reader.
                    <img class="letterhead-logo" id="letterhead-logo" src=src.to_string() alt=""/>
                })}
                <p class="institution">{move || get(|a| a.office.to_uppercase())}</p>
                <h1 id="statement-title">{move || {
                    let lang = i18n.lang.get();
                    agreement.with(|a| a.as_deref().map(|a| printed::heading(a, lang)).unwrap_or_default())
                }}</h1>
                {move || revision().map(|line| view! { <p class="revision-line" id="revision-line">{line}</p> })}
            </header>
            <p>{move || i18n.t(Msg::StatementIntro)}</p>
            {party(|a| a.first_party.name.clone(), |a| a.first_party.position.clone(), Msg::StatementFirstParty)}
            {party(|a| a.second_party.name.clone(), |a| a.second_party.position.clone(), Msg::StatementSecondParty)}
            <p>{move || i18n.t(Msg::StatementPromise)}</p>
            <p>{move || i18n.t(Msg::StatementSupervision)}</p>
            <Signatures agreement/>
        </section>
    }
}
