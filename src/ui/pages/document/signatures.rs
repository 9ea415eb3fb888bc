//! The place, date and the two signature blocks (Pihak Kedua left, Pihak Pertama right, as printed).

use crate::core::i18n::Msg;
use crate::core::model::Agreement;
use crate::core::text::printed;
use crate::ui::common::name_or_placeholder;
use crate::ui::services::Language;
use leptos::prelude::*;
use std::sync::Arc;

/// Place and date, then both signature blocks.
#[component]
pub fn Signatures(agreement: Memo<Option<Arc<Agreement>>>) -> impl IntoView {
    let i18n = expect_context::<Language>();
    let get = move |f: fn(&Agreement) -> String| agreement.with(|a| a.as_deref().map(f).unwrap_or_default());
    let place_date = move || {
        let lang = i18n.lang.get();
        agreement.with(|a| a.as_deref().map(|a| printed::place_date(a, lang)).unwrap_or_default())
    };
    let name = move |f: fn(&Agreement) -> String| {
        let lang = i18n.lang.get();
        name_or_placeholder(&get(f), lang)
    };
    view! {
        <div class="signatures">
            <p class="place-date">{place_date}</p>
            <div class="signature-blocks">
                <div class="signature second-party">
                    <p class="role">{move || i18n.t(Msg::SecondParty)}</p>
                    <p class="position">{move || get(|a| a.second_party.position.clone())}</p>
                    <div class="sign-space" aria-hidden="true"></div>
                    <p class="name" class:missing=move || get(|a| a.second_party.name.clone()).trim().is_empty()>
                        {move || name(|a| a.second_party.name.clone())}
                    </p>
                </div>
                <div class="signature first-party">
                    <p class="role">{move || i18n.t(Msg::FirstParty)}</p>
                    <p class="position">{move || get(|a| a.first_party.position.clone())}</p>
                    <div class="sign-space" aria-hidden="true"></div>
                    <p class="name" class:missing=move || get(|a| a.first_party.name.clone()).trim().is_empty()>
                        {move || name(|a| a.first_party.name.clone())}
                    </p>
                </div>
            </div>
        </div>
    }
}
