//! The agreement's identity: year, office, unit, both parties, place, date, superior PK and notes.

use super::context::expect_edit;
use crate::core::i18n::Msg;
use crate::core::model::check::Place;
use crate::core::model::edit::Field;
use crate::core::model::element::ElementId;
use crate::core::model::AgreementId;
use crate::core::typed::{self, FieldValue};
use crate::ui::services::{Document, Drafts, Language, Notices, Typing};
use crate::ui::widgets::TextField;
use leptos::prelude::*;

/// One text field of the agreement.
#[component]
fn AgreementField(field: Field, label: Msg, #[prop(optional)] multiline: bool) -> impl IntoView {
    let ctx = expect_edit();
    let element = ElementId::Field(field);
    let id = element.to_string();
    let value = Memo::new(move |_| ctx.with(|a| a.field(field).to_string()));
    view! {
        <TextField id label multiline
            value=value
            issue=Signal::derive(move || ctx.issue_at(&Place::Field(field)))
            on_input=Callback::new(move |v: String| {
                // The Pihak Pertama's name and position are followed by the drafts below, in the same
                // step (one undo).
                let id = ctx.id.get_value();
                ctx.doc.change(Msg::ChangeField, ctx.group(&element).as_deref(), |ws| ws.set_field_following(&id, field, &v));
            })/>
    }
}

/// The identity form.
#[component]
pub fn Identity() -> impl IntoView {
    let ctx = expect_edit();
    let i18n = expect_context::<Language>();
    let unsaved = expect_context::<Drafts>();
    // A year that is not a year is kept as typed (and never shown as saved) until fixed or discarded.
    let year_draft = Memo::new(move |_| unsaved.draft_text(&ctx.id.get_value(), &ElementId::Year));
    let year_value =
        Signal::derive(move || year_draft.get().unwrap_or_else(|| ctx.with(|a| a.year.to_string())));
    let year_issue = Signal::derive(move || year_draft.get().map(|_| i18n.t(Msg::YearInvalid).to_string()));
    let session: Typing = StoredValue::new(Default::default());
    let on_year = Callback::new(move |v: String| {
        let before = FieldValue::Year(
            ctx.agreement.with_untracked(|a| a.as_ref().map(|a| a.year).unwrap_or_default()),
        );
        let parsed = typed::year(&v);
        if let Some(y) =
            unsaved.keystroke(session, ctx.id.get_value(), ElementId::Year, Msg::Year, v, before, parsed)
        {
            ctx.edit(Msg::ChangeField, ctx.group(&ElementId::Year), |a| a.set_year(y));
        }
    });
    view! {
        <section class="editor-section" aria-labelledby="identity-title">
            <h2 id="identity-title">{move || i18n.t(Msg::IdentityTitle)}</h2>
            <div class="form-grid">
                <TextField id=ElementId::Year label=Msg::Year value=year_value issue=year_issue on_input=on_year
                    on_blur=Callback::new(move |()| session.update_value(|s| s.end()))/>
                <AgreementField field=Field::Office label=Msg::Office/>
                <AgreementField field=Field::Unit label=Msg::UnitLong/>
                <ParentSelect/>
            </div>
            <fieldset class="form-grid party-fields">
                <legend>{move || i18n.t(Msg::FirstPartyLong)}</legend>
                <AgreementField field=Field::FirstName label=Msg::Name/>
                <AgreementField field=Field::FirstPosition label=Msg::Position/>
            </fieldset>
            <fieldset class="form-grid party-fields">
                <legend>{move || i18n.t(Msg::SecondPartyLong)}</legend>
                <AgreementField field=Field::SecondName label=Msg::Name/>
                <AgreementField field=Field::SecondPosition label=Msg::Position/>
            </fieldset>
            <super::parties::PartyFlags/>
            <div class="form-grid">
                <AgreementField field=Field::Place label=Msg::Place/>
                <AgreementField field=Field::Date label=Msg::Date/>
            </div>
            <AgreementField field=Field::Notes label=Msg::Notes multiline=true/>
        </section>
    }
}

/// Chooses the superior's PK this one cascades from (same year; never itself or a PK below it).
#[component]
fn ParentSelect() -> impl IntoView {
    let ctx = expect_edit();
    let i18n = expect_context::<Language>();
    let notices = expect_context::<Notices>();
    let doc = expect_context::<Document>();
    let options = Memo::new(move |_| {
        let id = ctx.id.get_value();
        doc.ws.with(|ws| {
            ws.parent_choices(&id)
                .into_iter()
                .map(|a| (a.id.clone(), format!("{} — {}", a.title(), a.first_party.name)))
                .collect::<Vec<_>>()
        })
    });
    let current = move || ctx.with(|a| a.parent.as_ref().map(|p| p.0.clone()).unwrap_or_default());
    let on_change = move |e: leptos::ev::Event| {
        let value = event_target_value(&e);
        let parent = (!value.is_empty()).then(|| AgreementId::new(value));
        let id = ctx.id.get_value();
        if !doc.change(Msg::ChangeParent, None, |ws| ws.set_parent(&id, parent)) {
            notices
                .notify(crate::ui::services::NoticeKind::Error, i18n.t_now(Msg::ParentRefused).to_string());
        }
    };
    view! {
        <div class="field">
            <label for=ElementId::Parent.to_string()>{move || i18n.t(Msg::ParentAgreement)}</label>
            <select id=ElementId::Parent.to_string() on:change=on_change prop:value=current>
                <option value="">{move || i18n.t(Msg::NoParent)}</option>
                {move || {
                    let selected = current();
                    options
                        .get()
                        .into_iter()
                        .map(|(id, label)| {
                            let is = id.0 == selected;
                            view! { <option value=id.0 selected=is>{label}</option> }
                        })
                        .collect_view()
                }}
            </select>
        </div>
    }
}
