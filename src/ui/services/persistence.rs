//! Saving: the workspace and its undo steps in localStorage, the save status, other tabs that saved
//! meanwhile, unreadable stored data, and imports that are saved before they are shown. The only part
//! of the interface that calls `store`'s load and save functions.

use super::browser;
use super::document::Document;
use super::language::Language;
use super::nav::Nav;
use super::notices::{NoticeKind, Notices};
use crate::core::i18n::Msg;
use crate::core::io::stored::{self, Ready};
use crate::core::model::history::History;
use crate::core::model::{Agreement, IdGen, Workspace};
use crate::store::{self, StoreError, Stored};
use leptos::prelude::*;
use std::sync::Arc;

/// Whether the workspace is safely in localStorage.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SaveState {
    Saved,
    /// A save is scheduled (within a moment of the last keystroke).
    Pending,
    /// The last save failed; the work is still in memory.
    Failed(StoreError),
    /// The public view: nothing of the visitor's is written.
    ReadOnly,
}

/// Stored data that could not be read, kept until the user decides.
#[derive(Clone, Debug, PartialEq)]
pub struct Recovery {
    pub raw: String,
    pub error: crate::core::io::file::FileError,
}

struct Session {
    revision: String,
    tab: String,
    save_scheduled: bool,
}

/// The saving half of the state, held by [`Document`] to save its changes (and by [`Persistence`]).
#[derive(Clone, Copy)]
pub(super) struct Storage {
    ws: ReadSignal<Workspace>,
    history: ReadSignal<History>,
    session: StoredValue<Session>,
    save: RwSignal<SaveState>,
    conflict: RwSignal<bool>,
    used_chars: RwSignal<Option<usize>>,
    recovery: RwSignal<Option<Recovery>>,
    nav: Nav,
    notices: Notices,
    language: Language,
}

/// Saving, as components see it. Cheap to copy.
#[derive(Clone, Copy)]
pub struct Persistence {
    /// Stored data that could not be read (read-only): shown until the user decides.
    pub recovery: ReadSignal<Option<Recovery>>,
    doc: Document,
    storage: Storage,
}

/// PKs of an import packed for storage ahead of the save (a batch at a time, with the page free in
/// between): [`Persistence::import`] then writes only these pieces.
pub struct Packed(Ready);

impl Packed {
    pub fn with_capacity(n: usize) -> Packed {
        Packed(Ready::with_capacity(n))
    }

    pub fn pack(&mut self, a: &Arc<Agreement>) {
        self.0.insert(a.id.clone(), (a.clone(), stored::packed(a)));
    }
}

thread_local! {
    /// What [`read_at_start`] read before the app was mounted, taken by [`provide_document`].
    static AT_START: std::cell::RefCell<Option<Result<Stored, StoreError>>> = const { std::cell::RefCell::new(None) };
}

/// What the app needs loaded before it starts with what [`read_at_start`] read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Needs {
    /// Nothing: it starts at once.
    Nothing,
    /// The full reader (`services::reader`), then [`read_at_start`] again: the stored data is of an
    /// older version or has a problem to name.
    Reader,
    /// The built-in dataset (`services::seed`): nothing is stored (a first visit), or there is no storage.
    Seed,
}

/// Reads storage before the app is mounted (`ui::mount`), kept for [`provide_document`], and says what
/// must be loaded first.
pub fn read_at_start() -> Needs {
    let loading = browser::measure_start("kinerja:load");
    let stored = store::load();
    browser::measure_end("kinerja:load", loading);
    let needs = match stored {
        Ok(Stored::NeedsFullReader) => Needs::Reader,
        Ok(Stored::Nothing) | Err(_) => Needs::Seed,
        Ok(Stored::Found { .. } | Stored::Unreadable { .. }) => Needs::Nothing,
    };
    AT_START.with(|s| *s.borrow_mut() = Some(stored));
    needs
}

/// Reads storage (synchronously, unless [`read_at_start`] did) and creates the document and saving,
/// provided to the component tree.
pub fn provide_document(nav: Nav, notices: Notices, language: Language) -> (Document, Persistence) {
    let tab = browser::random_token(6);
    let ids = IdGen::new(format!("{}{}", browser::random_token(4), tab));
    let mut revision = String::new();
    let mut history = History::default();
    let mut recovery = None;
    let mut save = SaveState::Saved;
    let mut save_at_start = false;
    // Loaded by `ui::mount` before the app when it is needed here.
    let seed = super::seed::workspace;
    if AT_START.with(|s| s.borrow().is_none()) {
        read_at_start();
    }
    let stored = AT_START.with(|s| s.borrow_mut().take()).unwrap_or(Err(StoreError::Unavailable));
    let workspace = match stored {
        Ok(Stored::Found { workspace, revision: r, history: h, upgrade }) => {
            revision = r;
            history = h;
            // Saved again at once in the current layout (as on a first visit).
            save_at_start = upgrade;
            workspace
        }
        Ok(Stored::Nothing) => {
            save_at_start = true;
            seed()
        }
        Ok(Stored::Unreadable { raw, error }) => {
            recovery = Some(Recovery { raw, error });
            Workspace::default()
        }
        // `ui::mount` loads the full reader before the app when storage needs it, so this is not met; if
        // it were, nothing is saved over what is stored (the first change finds its revision unknown).
        Ok(Stored::NeedsFullReader) => {
            save = SaveState::Failed(StoreError::Unavailable);
            Workspace::default()
        }
        Err(e) => {
            save = SaveState::Failed(e);
            seed()
        }
    };
    // Saved at once on a first visit and after an upgrade; a visitor who arrives at the public view
    // gets nothing written to their storage.
    let save_at_start = save_at_start && !nav.read_only();
    let doc = Document::new(workspace, history, ids, (nav, notices, language), |ws, history| Storage {
        ws,
        history,
        session: StoredValue::new(Session { revision, tab, save_scheduled: false }),
        save: RwSignal::new(save),
        conflict: RwSignal::new(false),
        used_chars: RwSignal::new(store::used_chars().ok()),
        recovery: RwSignal::new(recovery),
        nav,
        notices,
        language,
    });
    let persistence = Persistence { recovery: doc.storage.recovery.read_only(), doc, storage: doc.storage };
    if save_at_start {
        // After the first page is drawn (packing the built-in dataset took 20–50 ms of the first render);
        // scheduled like any save, so leaving the page at once still saves it.
        persistence.storage.session.update_value(|s| s.save_scheduled = true);
        set_timeout(move || persistence.flush(), std::time::Duration::ZERO);
    }
    provide_context(doc);
    provide_context(persistence);
    (doc, persistence)
}

impl Storage {
    /// Saves within a moment (typing), unless in the public view.
    pub(super) fn schedule_save(&self) {
        if self.nav.read_only() {
            return;
        }
        self.save.set(SaveState::Pending);
        let already =
            self.session.try_update_value(|s| std::mem::replace(&mut s.save_scheduled, true)).unwrap_or(true);
        if !already {
            let storage = *self;
            set_timeout(move || storage.flush(), std::time::Duration::from_millis(400));
        }
    }

    fn flush(&self) {
        let scheduled = self
            .session
            .try_update_value(|s| std::mem::replace(&mut s.save_scheduled, false))
            .unwrap_or(false);
        if scheduled {
            self.save_now();
        }
    }

    /// Saves the workspace and the newest undo steps; a failure keeps the work in memory and says why.
    pub(super) fn save_now(&self) {
        if self.nav.read_only() || self.recovery.with_untracked(Option::is_some) {
            return;
        }
        self.session.update_value(|s| s.save_scheduled = false);
        let (revision, tab) = self.session.with_value(|s| (s.revision.clone(), s.tab.clone()));
        // Measured by the benchmark: the pieces that changed, the undo steps and the storage used.
        let started = browser::measure_start("kinerja:save");
        let result = self.ws.with_untracked(|ws| store::save(ws, &revision, &tab));
        self.finish_save(result);
        browser::measure_end("kinerja:save", started);
    }

    fn finish_save(&self, result: Result<(String, usize), StoreError>) {
        match result {
            Ok((revision, _)) => self.saved(revision),
            Err(StoreError::ChangedElsewhere) => {
                self.conflict.set(true);
                self.save.set(SaveState::Failed(StoreError::ChangedElsewhere));
            }
            Err(e) => {
                let previous_failed = matches!(self.save.get_untracked(), SaveState::Failed(_));
                self.save.set(SaveState::Failed(e.clone()));
                if !previous_failed {
                    let msg = match e {
                        StoreError::Full => Msg::SaveFailedFull,
                        _ => Msg::SaveFailedUnavailable,
                    };
                    self.notices.notify_global(NoticeKind::Error, self.language.t_now(msg).to_string());
                }
            }
        }
    }

    /// The workspace is in storage as `revision`: the undo steps go with it.
    fn saved(&self, revision: String) {
        self.history.with_untracked(|h| store::save_history(h, &revision));
        self.session.update_value(|s| s.revision = revision);
        self.save.set(SaveState::Saved);
        self.used_chars.set(store::used_chars().ok());
    }
}

impl Persistence {
    /// Whether the workspace is safely stored (reactive).
    pub fn save_state(&self) -> SaveState {
        self.storage.save.get()
    }

    /// Another tab saved while this tab had changes of its own (reactive).
    pub fn conflict(&self) -> bool {
        self.storage.conflict.get()
    }

    /// Another tab saved while this tab has changes of its own: the user chooses whose to keep.
    pub fn set_conflict(&self) {
        self.storage.conflict.set(true);
    }

    /// Characters the app uses in localStorage (reactive).
    pub fn used_chars(&self) -> Option<usize> {
        self.storage.used_chars.get()
    }

    /// Saves now if a save is scheduled (also called when the page is hidden or closed).
    pub fn flush(&self) {
        self.storage.flush();
    }

    /// Saves this tab's data over what another tab saved (the user chose so).
    pub fn save_over(&self) {
        let tab = self.storage.session.with_value(|s| s.tab.clone());
        let result = self.storage.ws.with_untracked(|ws| store::save_over(ws, &tab));
        self.storage.conflict.set(false);
        self.storage.finish_save(result);
    }

    /// Replaces the whole workspace with an import only if it can be saved first: when storage refuses,
    /// nothing changes, neither on screen nor in storage. `packed`: its pieces already packed.
    pub fn import(&self, label: Msg, next: Workspace, packed: &Packed) -> Result<(), StoreError> {
        if self.storage.nav.read_only() {
            return Err(StoreError::Unavailable);
        }
        let (revision, tab) = self.storage.session.with_value(|s| (s.revision.clone(), s.tab.clone()));
        let (new_revision, _) = store::save_ready(&next, &revision, &tab, &packed.0)?;
        self.doc.replace_saved(label, next);
        self.storage.session.update_value(|s| s.save_scheduled = false);
        self.storage.saved(new_revision);
        Ok(())
    }

    /// Loads what another tab saved, replacing this tab's state (its undo history no longer applies).
    pub fn reload_from_storage(&self) -> bool {
        match store::load() {
            Ok(Stored::Found { workspace, revision, history, .. }) => {
                self.storage.session.update_value(|s| {
                    s.revision = revision;
                    s.save_scheduled = false;
                });
                self.doc.load(workspace, history, false);
                self.storage.conflict.set(false);
                self.storage.save.set(SaveState::Saved);
                self.storage.used_chars.set(store::used_chars().ok());
                true
            }
            _ => false,
        }
    }

    /// Whether this tab has work that is not in storage yet.
    pub fn has_unsaved(&self) -> bool {
        self.storage.session.with_value(|s| s.save_scheduled)
            || matches!(self.storage.save.get_untracked(), SaveState::Pending | SaveState::Failed(_))
    }

    /// The revision this tab last loaded or saved.
    pub fn known_revision(&self) -> String {
        self.storage.session.with_value(|s| s.revision.clone())
    }

    /// Starts over from the embedded dataset after unreadable storage (the user has been offered the raw
    /// text), once its code is loaded; if it cannot be loaded, says so and nothing changes.
    pub fn start_fresh(&self) {
        let this = *self;
        leptos::task::spawn_local(async move {
            if super::seed::load().await.is_err() {
                let message = this.storage.language.t_now(Msg::PageLoadFailedBody).to_string();
                this.storage.notices.notify_global(NoticeKind::Error, message);
                return;
            }
            this.storage.recovery.set(None);
            this.storage.session.update_value(|s| {
                s.revision = store::get(store::Key::Revision).ok().flatten().unwrap_or_default()
            });
            this.doc.load(super::seed::workspace(), History::default(), true);
        });
    }
}
