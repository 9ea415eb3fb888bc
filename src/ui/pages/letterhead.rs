//! Data › Kop surat: the office's logo, printed with the office name at the top of each PK's first page
//! (`core::model::letterhead`). Chosen from a file, checked (PNG or JPEG, at most 100 KB), removable;
//! both are undoable steps.

use crate::core::i18n::{fill, Msg};
use crate::core::model::letterhead::{logo_from_bytes, LogoError, MAX_LOGO_BYTES};
use crate::core::text::problems::logo_error;
use crate::ui::services::{browser, Document, Language, NoticeKind, Notices};
use leptos::prelude::*;

/// The letterhead section of the Data page.
#[component]
pub fn LetterheadPanel() -> impl IntoView {
    let i18n = expect_context::<Language>();
    let notices = expect_context::<Notices>();
    let doc = expect_context::<Document>();
    let logo = Memo::new(move |_| doc.ws.with(|ws| ws.letterhead.logo.clone()));
    let choose = move |e: web_sys::Event| {
        let input: web_sys::HtmlInputElement = event_target(&e);
        let Some(file) = input.files().and_then(|f| f.get(0)) else { return };
        input.set_value("");
        let size = file.size() as usize;
        let refuse = move |text: String| notices.notify(NoticeKind::Error, text);
        if size > MAX_LOGO_BYTES {
            refuse(logo_error(LogoError::TooLarge { bytes: size }, i18n.lang.get_untracked()));
            return;
        }
        leptos::task::spawn_local(async move {
            let lang = i18n.lang.get_untracked();
            match browser::read_bytes(&file).await {
                Err(reason) => refuse(fill(Msg::LetterheadUnreadable.text(lang), &[("reason", &reason)])),
                Ok(bytes) => match logo_from_bytes(&bytes) {
                    Err(e) => refuse(logo_error(e, lang)),
                    Ok(logo) => {
                        doc.change(Msg::LetterheadTitle, None, |ws| ws.letterhead.logo = Some(logo));
                        notices.notify(NoticeKind::Success, Msg::LetterheadSet.text(lang).to_string());
                    }
                },
            }
        });
    };
    let remove = move |_| {
        doc.change(Msg::LetterheadTitle, None, |ws| ws.letterhead.logo = None);
        notices.notify(NoticeKind::Success, i18n.t_now(Msg::LetterheadRemoved).to_string());
    };
    view! {
        <section aria-labelledby="letterhead-title" id="letterhead">
            <h2 id="letterhead-title">{move || i18n.t(Msg::LetterheadTitle)}</h2>
            <p>{move || i18n.t(Msg::LetterheadHint)}</p>
            {move || match logo.get() {
                Some(src) => view! {
                    <p class="letterhead-preview">
                        <img id="letterhead-preview" src=src.to_string() alt=move || i18n.t(Msg::LetterheadPreview)/>
                    </p>
                    <p><button type="button" id="letterhead-remove" class="danger" on:click=remove>{move || i18n.t(Msg::LetterheadRemove)}</button></p>
                }.into_any(),
                None => view! { <p id="letterhead-none" class="hint">{move || i18n.t(Msg::LetterheadNone)}</p> }.into_any(),
            }}
            <p>
                <label for="letterhead-file">{move || i18n.t(Msg::LetterheadChoose)}</label>" "
                <input type="file" id="letterhead-file" accept="image/png,image/jpeg" on:change=choose/>
            </p>
        </section>
    }
}
