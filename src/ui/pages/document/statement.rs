//! The statement page: the standard PK wording with both parties' names and positions.

use super::signatures::Signatures;
use crate::core::format;
use crate::core::i18n::{fill, Msg};
use crate::core::model::{Agreement, Stage};
use crate::core::text::life;
use crate::ui::common::name_or_placeholder;
use crate::ui::services::Language;
use leptos::prelude::*;
use std::sync::Arc;

/// Page one of the document.
#[component]
pub fn Statement(agreement: Memo<Option<Arc<Agreement>>>) -> impl IntoView {
    let i18n = expect_context::<Language>();
    let get = move |f: fn(&Agreement) -> String| agreement.with(|a| a.as_deref().map(f).unwrap_or_default());
    let year = move || get(|a| a.year.to_string());
    // "Perubahan ke-1 · 20 Juli 2024" for a signed revision; "Perubahan ke-1 (draf)" while prepared.
    let revision = move || {
        let lang = i18n.lang.get();
        agreement.with(|a| {
            let a = a.as_deref()?;
            match a.stage() {
                Stage::Signed(n) if n > 0 => {
                    let signed = a.in_force().map(|v| format::day(&v.signed_on, lang)).unwrap_or_default();
                    Some(format!("{} · {signed}", life::version_name(n, lang)))
                }
                Stage::Revising(n) => {
                    Some(format!("{} ({})", life::version_name(n, lang), Msg::StageBadgeDraft.text(lang)))
                }
                _ => None,
            }
        })
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
        <section class="sheet statement" aria-labelledby="statement-title">
            <header class="sheet-title">
                <p class="institution">{move || get(|a| a.office.to_uppercase())}</p>
                <h1 id="statement-title">{move || {
                    let title = if revision().is_some() { Msg::AgreementRevisedTitleYear } else { Msg::AgreementTitleYear };
                    fill(i18n.t(title), &[("year", &year())])
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
