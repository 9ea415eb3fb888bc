//! The language of the interface: which one is shown, and the UI messages in it. Remembered in the
//! browser (also in the public view: it is not the workspace).

use crate::core::i18n::{Lang, Msg};
use crate::store;
use leptos::prelude::*;

/// The current language (a context of its own: most components need only this). Cheap to copy.
#[derive(Clone, Copy)]
pub struct Language {
    /// The language shown (read-only: [`Language::set_lang`] changes it).
    pub lang: ReadSignal<Lang>,
    write: WriteSignal<Lang>,
    /// The interface's language is remembered; a document's ([`Language::of_document`]) is not.
    remember: bool,
}

/// The language remembered in storage (or the default), provided to the component tree.
pub fn provide_language() -> Language {
    let (lang, write) = signal(store::load_lang().unwrap_or_default());
    let language = Language { lang, write, remember: true };
    provide_context(language);
    language
}

impl Language {
    /// The language of a document shown inside the interface (the PK, its Perubahan, the LKj table),
    /// provided to the document's components in place of the interface's: Indonesian, the signed text,
    /// unless an English rendering is chosen (`ui::widgets::document_language`).
    pub fn of_document(lang: RwSignal<Lang>) -> Language {
        Language { lang: lang.read_only(), write: lang.write_only(), remember: false }
    }

    /// A UI message in the current language (reactive).
    pub fn t(&self, msg: Msg) -> &'static str {
        msg.text(self.lang.get())
    }

    /// The same without subscribing, for event handlers.
    pub fn t_now(&self, msg: Msg) -> &'static str {
        msg.text(self.lang.get_untracked())
    }

    /// Changes the language and remembers it.
    pub fn set_lang(&self, lang: Lang) {
        self.write.set(lang);
        if self.remember {
            let _ = store::save_lang(lang);
        }
    }
}
