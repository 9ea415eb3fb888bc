//! What the pages share. The app's state is split into contexts of one job each, provided by `<App/>`;
//! a component takes only those it needs (`expect_context::<Notices>()`):
//! - [`Language`] (`language`): the language shown and the UI messages in it;
//! - [`Nav`] (`nav`): the route, and whether it is the public (read-only) view;
//! - [`Notices`] (`notices`): messages to the user;
//! - [`Document`] (`document`): the one workspace signal, undo and new ids: every change goes through it;
//! - [`Persistence`] (`persistence`): saving to localStorage, other tabs, unreadable data, imports;
//! - [`Drafts`] (`drafts`): input that could not be saved, and the typing sessions that decide it;
//! - [`Backup`] (`copies`): copies outside the browser (reminder, autosave file) and restore points.
//!
//! Besides: small browser wrappers, the clock, downloads (Word files with their code loaded on demand:
//! `word`), the full file reader and the built-in dataset loaded on demand (`reader`, `seed`), the public view's published data and its
//! context, and the service worker.

pub mod browser;
pub mod clock;
pub mod copies;
pub mod disk;
pub mod document;
pub mod drafts;
pub mod export;
pub mod language;
pub mod nav;
pub mod notices;
pub mod offline;
pub mod overview;
pub mod persistence;
pub mod picture;
pub mod published;
pub mod reader;
pub mod seed;
pub mod word;

pub use copies::Backup;
pub use document::Document;
pub use drafts::{Drafts, Typing};
pub use language::Language;
pub use nav::Nav;
pub use notices::{NoticeKind, Notices};
pub use overview::OnlyWork;
pub use persistence::{Persistence, SaveState};

/// Every context of the app's state, as `<App/>` provides them.
#[derive(Clone, Copy)]
pub struct Contexts {
    pub language: Language,
    pub nav: Nav,
    pub notices: Notices,
    pub doc: Document,
    pub saving: Persistence,
    pub drafts: Drafts,
    pub backup: Backup,
}

/// Creates the state (reading storage synchronously) and provides each context to the component tree.
pub fn provide_contexts() -> Contexts {
    let language = language::provide_language();
    let nav = nav::provide_nav();
    let notices = notices::provide_notices(nav);
    let (doc, saving) = persistence::provide_document(nav, notices, language);
    let drafts = drafts::provide_drafts(doc);
    let backup = copies::provide_backup(doc, nav, notices, language);
    overview::provide_only_work();
    Contexts { language, nav, notices, doc, saving, drafts, backup }
}
