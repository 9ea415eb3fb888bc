//! The editor of one agreement: identity, the table of sasaran and indicators, the budget, pasting.

mod budget;
mod context;
mod identity;
mod indicator_row;
mod keyed;
mod objectives;
mod parties;
mod paste_panel;

use crate::core::i18n::{fill, Msg};
use crate::core::model::edit::Children;
use crate::core::model::AgreementId;
use crate::core::route::{Page, Route};
use crate::ui::common::NotFound;
use crate::ui::services::browser;
use crate::ui::services::{Document, Language, NoticeKind, Notices};
use context::provide_edit;
use leptos::prelude::*;

/// `#/pk/<id>/ubah`.
#[component]
pub fn EditorPage(id: AgreementId) -> impl IntoView {
    let ctx = provide_edit(id);
    let i18n = expect_context::<Language>();
    // A link from the rollup may ask for one field: focus it once the editor is on screen.
    if let Some(element) = crate::core::route::focus_of(&browser::hash()) {
        request_animation_frame(move || browser::focus_and_show(&element.to_string()));
    }
    let changes = move || ctx.changes.with(Vec::len);
    let locked = move || ctx.agreement.with(|a| a.as_ref().is_some_and(|a| a.is_locked()));
    view! {
        <Show when=move || ctx.agreement.with(Option::is_some) fallback=|| view! { <NotFound/> }>
            <div class="page editor" id="editor">
                <EditorToolbar/>
                <h1>{move || fill(i18n.t(Msg::EditTitle), &[("title", &ctx.with(|a| a.title().to_string()))])}</h1>
                <Show when=move || { changes() > 0 }>
                    <p class="notice warning" id="parent-changes">
                        {move || fill(i18n.t(Msg::ParentChangesSummary), &[("n", &changes().to_string())])}
                    </p>
                </Show>
                <Show when=locked>
                    <p class="notice warning" id="locked-banner">{move || i18n.t(Msg::LockedBanner)}" "
                        <a href=move || Route::staff(Page::Agreement { id: ctx.id.get_value(), edit: false }).href()>{move || i18n.t(Msg::ReviseTitle)}</a>
                    </p>
                </Show>
                // A signed PK is read-only: every control inside is disabled by the browser itself.
                <fieldset class="plain" id="editor-fields" disabled=locked>
                    <identity::Identity/>
                    <objectives::Objectives/>
                    <budget::Budget/>
                    <paste_panel::PastePanel/>
                </fieldset>
            </div>
        </Show>
    }
}

/// Done, cascade, duplicate, delete.
#[component]
fn EditorToolbar() -> impl IntoView {
    let ctx = context::expect_edit();
    let i18n = expect_context::<Language>();
    let notices = expect_context::<Notices>();
    let doc = expect_context::<Document>();
    let id = move || ctx.id.get_value();
    // What a deletion takes: lower PKs (direct and at every depth) and how many of them are signed.
    let deletion = Memo::new(move |_| {
        let id = id();
        doc.ws.with(|ws| ws.deletion(&id))
    });
    let children = Memo::new(move |_| deletion.get().children);
    let duplicate = move |_| {
        let source = id();
        let copy =
            doc.with_ids(|gen| doc.change(Msg::Duplicate, None, |ws| ws.duplicate_agreement(&source, gen)));
        if let Some(copy) = copy {
            let href = Route::staff(Page::Agreement { id: copy, edit: true }).href();
            notices.go_and_notify(&href, NoticeKind::Success, i18n.t_now(Msg::Duplicated).to_string());
        }
    };
    let delete = move |children: Children| {
        let target = id();
        let year = ctx.with(|a| a.year);
        let removed = doc.change(Msg::DeleteAgreement, None, |ws| ws.delete_agreement(&target, children));
        let href = Route::staff(Page::Home { year: Some(year) }).href();
        notices.go_and_notify(
            &href,
            NoticeKind::Success,
            fill(i18n.t_now(Msg::Deleted), &[("n", &removed.len().to_string())]),
        );
    };
    let asking = RwSignal::new(false);
    // A signed PK is deleted only once its title (its unit, as the list shows it) is typed: its signed versions go with it.
    let versions = Memo::new(move |_| ctx.with(|a| a.life.versions.len()));
    let unit = move || ctx.with(|a| a.title().to_string());
    let typed = RwSignal::new(String::new());
    let same = |a: &str, b: &str| {
        a.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
            == b.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
    };
    let title_typed = move || typed.with(|t| same(t, &unit()));
    // Deleting only this PK asks for the title when it is signed; deleting all, when any of them is.
    let typed_ok = move || versions.get() == 0 || title_typed();
    let signed_below = move || deletion.get().signed_below;
    let typed_ok_all = move || (versions.get() == 0 && signed_below() == 0) || title_typed();
    view! {
        <div class="toolbar" role="toolbar" aria-label=move || i18n.t(Msg::DocumentTools)>
            <a class="button-link primary" id="done-editing" href=move || Route::staff(Page::Agreement { id: id(), edit: false }).href()>
                {move || i18n.t(Msg::DoneEditing)}
            </a>
            <a class="button-link" id="cascade-link" href=move || Route::staff(Page::Cascade { id: id() }).href()>
                {move || i18n.t(Msg::CascadeAction)}
            </a>
            <button type="button" id="duplicate" on:click=duplicate>{move || i18n.t(Msg::Duplicate)}</button>
            <span class="confirm">
                <button type="button" id="delete-agreement" class="danger" aria-expanded=move || asking.get().to_string()
                    on:click=move |_| { typed.set(String::new()); asking.set(true) }>
                    {move || i18n.t(Msg::DeleteAgreement)}
                </button>
                <Show when=move || asking.get()>
                    <span class="confirm-box" role="alertdialog" aria-live="assertive" id="delete-box" aria-labelledby="delete-question">
                        <span class="confirm-question" id="delete-question">{move || {
                            let lang = i18n.lang.get();
                            let n = children.get();
                            let mut said = Vec::new();
                            // The question first; what must be typed last, ending with the title to type.
                            said.push(if n > 0 { fill(Msg::DeleteWithChildren.text(lang), &[("n", &n.to_string())]) } else { Msg::DeleteQuestion.text(lang).to_string() });
                            let m = signed_below().to_string();
                            if versions.get() > 0 {
                                said.push(fill(Msg::DeleteSignedQuestion.text(lang), &[("n", &versions.get().to_string()), ("title", &unit())]));
                                if signed_below() > 0 {
                                    said.push(fill(Msg::DeleteSignedBelow.text(lang), &[("m", &m)]));
                                }
                            } else if signed_below() > 0 {
                                said.push(fill(Msg::DeleteSignedBelowQuestion.text(lang), &[("m", &m), ("title", &unit())]));
                            }
                            said.join(" ")
                        }}</span>
                        <Show when=move || { versions.get() > 0 || signed_below() > 0 }>
                            <label for="delete-type-unit">{move || i18n.t(Msg::DeleteTypeUnit)}</label>
                            <input type="text" id="delete-type-unit" autocomplete="off" prop:value=move || typed.get()
                                on:input=move |e| typed.set(event_target_value(&e))/>
                        </Show>
                        <Show when=move || { children.get() > 0 } fallback=move || view! {
                            <button type="button" id="delete-confirm" class="danger confirm-yes" disabled=move || !typed_ok()
                                on:click=move |_| delete(Children::Detach)>
                                {move || i18n.t(if versions.get() > 0 { Msg::DeleteSignedConfirm } else { Msg::DeleteConfirm })}
                            </button>
                        }>
                            <button type="button" id="delete-detach" class="danger" disabled=move || !typed_ok()
                                on:click=move |_| delete(Children::Detach)>
                                {move || i18n.t(Msg::DeleteDetach)}
                            </button>
                            <button type="button" id="delete-all" class="danger confirm-yes" disabled=move || !typed_ok_all()
                                on:click=move |_| delete(Children::DeleteAll)>
                                {move || fill(i18n.t(Msg::DeleteAll), &[("n", &deletion.get().below.to_string())])}
                            </button>
                        </Show>
                        <button type="button" class="confirm-no" on:click=move |_| asking.set(false)>{move || i18n.t(Msg::Cancel)}</button>
                    </span>
                </Show>
            </span>
        </div>
    }
}
