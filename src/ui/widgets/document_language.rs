//! The language a document (the PK, its Perubahan, the LKj table) is shown and printed in: Indonesian, the
//! signed text, whatever the interface's language, unless an English rendering is chosen near *Cetak*.
//! A translation says so above the document and at the top of every printed page.

use crate::core::i18n::{Lang, Msg};
use crate::core::text::printed::unofficial_mark;
use crate::ui::services::{browser, Language};
use leptos::context::Provider;
use leptos::prelude::*;

/// The choice near *Cetak*: the official Indonesian text (default) or an unofficial English translation.
#[component]
pub fn DocumentLanguageChoice(lang: RwSignal<Lang>) -> impl IntoView {
    let i18n = expect_context::<Language>();
    view! {
        <label class="document-language" for="document-language">{move || i18n.t(Msg::DocumentLanguage)}</label>
        <select id="document-language" on:change=move |e| {
            lang.set(if event_target_value(&e) == Lang::En.code() { Lang::En } else { Lang::Id });
        }>
            <option value=Lang::Id.code() selected=move || lang.get() == Lang::Id>{move || i18n.t(Msg::DocumentLanguageOfficial)}</option>
            <option value=Lang::En.code() selected=move || lang.get() == Lang::En>{move || i18n.t(Msg::DocumentLanguageEnglish)}</option>
        </select>
    }
}

/// Its children in the document's language (they read it as their [`Language`]), under the mark of a
/// translation when it is not Indonesian; the same mark is printed at the top of every page.
#[component]
pub fn InDocumentLanguage(lang: RwSignal<Lang>, children: Children) -> impl IntoView {
    let mark = move || (lang.get() != Lang::Id).then(|| unofficial_mark(lang.get()));
    Effect::new(move |_| browser::set_print_mark(mark().as_deref()));
    on_cleanup(|| browser::set_print_mark(None));
    view! {
        {move || mark().map(|m| view! { <p class="unofficial-note no-print" id="unofficial-note" role="note">{m}</p> })}
        <Provider value=Language::of_document(lang)>{children()}</Provider>
    }
}
