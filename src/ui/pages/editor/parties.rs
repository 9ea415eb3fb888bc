//! The parties along the cascade, in the editor: what differs from the parent PK's Pihak Pertama (with
//! a button that takes it, or for a signed PK a link to its Perubahan), and a position that does not
//! fit the level (only said: a position is never changed by the app).

use super::context::expect_edit;
use crate::core::i18n::Msg;
use crate::core::model::names::PartyFlag;
use crate::core::route::{Page, Route};
use crate::ui::services::{Document, Language, NoticeKind, Notices};
use leptos::prelude::*;

#[component]
pub fn PartyFlags() -> impl IntoView {
    let ctx = expect_edit();
    let i18n = expect_context::<Language>();
    let doc = expect_context::<Document>();
    let notices = expect_context::<Notices>();
    let flags = Memo::new(move |_| {
        let id = ctx.id.get_value();
        doc.ws.with(|ws| ws.party_flags(&id))
    });
    let differs = move || flags.with(|f| f.iter().any(|f| !matches!(f, PartyFlag::LevelDoesNotFit { .. })));
    let locked = move || ctx.with(|a| a.is_locked());
    let take = move |_| {
        let id = ctx.id.get_value();
        if doc.change(Msg::TakeParentPartyStep, None, |ws| ws.take_parent_party(&id)) {
            notices.notify(NoticeKind::Success, i18n.t_now(Msg::PartyTaken).to_string());
        }
    };
    view! {
        <Show when=move || !flags.with(Vec::is_empty)>
            <div class="party-flags" id="party-flags" role="group" aria-labelledby="party-flags-title">
                <h3 id="party-flags-title">{move || i18n.t(Msg::PartyFlagsTitle)}</h3>
                <ul>
                    {move || {
                        let lang = i18n.lang.get();
                        flags.get().iter().map(|f| {
                            let kind = match f {
                                PartyFlag::NameDiffers { .. } => "name",
                                PartyFlag::PositionDiffers { .. } => "position",
                                PartyFlag::LevelDoesNotFit { .. } => "level",
                            };
                            view! { <li class="issue" data-flag=kind>{crate::core::text::names::party_flag(f, lang)}</li> }
                        }).collect_view()
                    }}
                </ul>
                <Show when=move || differs() && !locked()>
                    <button type="button" id="take-parent-party" on:click=take>{move || i18n.t(Msg::TakeParentParty)}</button>
                </Show>
                <Show when=move || differs() && locked()>
                    <p>{move || i18n.t(Msg::PartySignedOffer)}" "
                        <a href=move || Route::staff(Page::Agreement { id: ctx.id.get_value(), edit: false }).href()>{move || i18n.t(Msg::ReviseTitle)}</a>
                    </p>
                </Show>
            </div>
        </Show>
    }
}
