//! The document: the one workspace signal, its undo history and the ids of new parts. Every change of
//! the workspace goes through this context (and, inside it, through [`Document::set`]), so undo, the
//! refusal of changes to signed PKs and saving each live in one place. Outside it the workspace is
//! read-only ([`Document::ws`]).

use super::language::Language;
use super::nav::Nav;
use super::notices::{NoticeKind, Notices};
use super::persistence::Storage;
use crate::core::i18n::Msg;
use crate::core::model::history::History;
use crate::core::model::life::breaks_a_signature;
use crate::core::model::{Agreement, AgreementId, IdGen, Workspace};
use leptos::prelude::*;
use std::collections::HashMap;
use std::sync::Arc;

/// The workspace and its undo history. Cheap to copy.
#[derive(Clone, Copy)]
pub struct Document {
    /// The workspace (read-only: the methods below change it).
    pub ws: ReadSignal<Workspace>,
    /// The undo history (read-only).
    pub history: ReadSignal<History>,
    signal: RwSignal<Workspace>,
    undo: RwSignal<History>,
    /// Where each PK sits in the workspace (`Workspace::positions`): recomputed when the workspace
    /// changes, but passed on only when PKs were added, removed or reordered.
    positions: Memo<HashMap<AgreementId, usize>>,
    ids: StoredValue<IdGen>,
    nav: Nav,
    notices: Notices,
    language: Language,
    /// Where changes are saved (`persistence`).
    pub(super) storage: Storage,
    /// Told of each change of the user's own ([`Document::change`]; not an import, a restore or undo),
    /// with the workspace as it was before it (`copies`: the backup reminder and the day's restore point).
    own_change: StoredValue<Option<Callback<Workspace>>>,
}

/// What a change asks of saving.
enum Save {
    /// Soon (typing: within a moment of the last keystroke).
    Soon,
    /// At once (a step of undo, a whole workspace).
    Now,
    /// Not at all (already saved, or not the visitor's data).
    No,
}

impl Document {
    /// The document of `workspace`; `storage` makes the saving half from the read-only signals.
    pub(super) fn new(
        workspace: Workspace,
        history: History,
        ids: IdGen,
        (nav, notices, language): (Nav, Notices, Language),
        storage: impl FnOnce(ReadSignal<Workspace>, ReadSignal<History>) -> Storage,
    ) -> Document {
        let signal = RwSignal::new(workspace);
        let undo = RwSignal::new(history);
        let (ws, history) = (signal.read_only(), undo.read_only());
        Document {
            ws,
            history,
            signal,
            undo,
            positions: Memo::new(move |_| signal.with(Workspace::positions)),
            ids: StoredValue::new(ids),
            nav,
            notices,
            language,
            storage: storage(ws, history),
            own_change: StoredValue::new(None),
        }
    }

    /// Who is told of each change of the user's own (one listener: the backup service).
    pub(super) fn on_own_change(&self, listener: Callback<Workspace>) {
        self.own_change.set_value(Some(listener));
    }

    /// The one place the workspace signal is written; then saved as `save` says.
    fn set(&self, next: Workspace, save: Save) {
        self.signal.set(next);
        match save {
            Save::Soon => self.storage.schedule_save(),
            Save::Now => self.storage.save_now(),
            Save::No => {}
        }
    }

    /// One PK by id (reactive), found without searching the list: for views that follow one PK each,
    /// where thousands of searches through the list took seconds at national scale.
    pub fn agreement(&self, id: &AgreementId) -> Option<Arc<Agreement>> {
        let at = self.positions.with(|p| p.get(id).copied())?;
        self.ws.with(|ws| ws.agreements.get(at).filter(|a| &a.id == id).cloned())
    }

    /// The public view: nothing is changed or written.
    pub fn read_only(&self) -> bool {
        self.nav.read_only()
    }

    /// Fresh ids for new agreements, sasaran and indicators. The generator is taken out while `f` runs,
    /// so `f` may itself change the workspace.
    pub fn with_ids<R>(&self, f: impl FnOnce(&mut IdGen) -> R) -> R {
        let mut ids = self.ids.get_value();
        let result = f(&mut ids);
        self.ids.set_value(ids);
        result
    }

    /// Changes the workspace: `f` edits it, the change is recorded for undo and saved.
    /// `group` merges consecutive changes (typing in one field) into one undo step.
    /// A change that would alter a signed PK's content is refused as a whole (it goes through a
    /// Perubahan), with a message; nothing changes.
    pub fn change<R>(&self, label: Msg, group: Option<&str>, f: impl FnOnce(&mut Workspace) -> R) -> R {
        let before = self.ws.get_untracked();
        let mut draft = before.clone();
        let result = f(&mut draft);
        if breaks_a_signature(&before, &draft) {
            self.notices.notify(NoticeKind::Error, self.language.t_now(Msg::LockedChange).to_string());
            // Fields showing the refused text are re-rendered from the unchanged workspace.
            self.signal.notify();
            return result;
        }
        // A quarter accepted by a review is locked until it is reopened with a reason.
        if crate::core::model::reviews::breaks_a_lock(&before, &draft) {
            self.notices.notify(NoticeKind::Error, self.language.t_now(Msg::ReviewLockedChange).to_string());
            self.signal.notify();
            return result;
        }
        // Recorded before the workspace takes it: no third copy of the workspace per keystroke.
        self.undo.update(|h| h.record(&before, &draft, label, group));
        self.set(draft, Save::Soon);
        if let Some(listener) = self.own_change.get_value() {
            listener.run(before);
        }
        result
    }

    /// Replaces the whole workspace (restore the dataset), as one undoable step, saved at once.
    pub fn replace(&self, label: Msg, next: Workspace) {
        self.record_whole(label, &next);
        self.set(next, Save::Now);
    }

    /// The same for a workspace already saved (an import, `Persistence::import`).
    pub(super) fn replace_saved(&self, label: Msg, next: Workspace) {
        self.record_whole(label, &next);
        self.set(next, Save::No);
    }

    fn record_whole(&self, label: Msg, next: &Workspace) {
        let before = self.ws.get_untracked();
        self.undo.update(|h| {
            h.seal();
            h.record(&before, next, label, None)
        });
    }

    /// Takes what storage holds (another tab saved it; or a fresh start, saved at once when `save`):
    /// this tab's undo history no longer applies.
    pub(super) fn load(&self, next: Workspace, history: History, save: bool) {
        self.undo.set(history);
        self.set(next, if save { Save::Now } else { Save::No });
    }

    /// Shows a workspace that is not the visitor's (the public view's data, and the visitor's own
    /// again on leaving it): no undo step, nothing saved.
    pub(super) fn show(&self, next: Workspace) {
        self.set(next, Save::No);
    }

    /// Ends a typing group (the field lost focus).
    pub fn seal(&self) {
        self.undo.update(|h| h.seal());
    }

    pub fn undo(&self) {
        let current = self.ws.get_untracked();
        let mut previous = None;
        self.undo.update(|h| previous = h.undo(&current));
        if let Some(previous) = previous {
            self.set(previous, Save::Now);
            self.notices.notify(NoticeKind::Info, self.language.t_now(Msg::Undone).to_string());
        }
    }

    pub fn redo(&self) {
        let current = self.ws.get_untracked();
        let mut next = None;
        self.undo.update(|h| next = h.redo(&current));
        if let Some(next) = next {
            self.set(next, Save::Now);
            self.notices.notify(NoticeKind::Info, self.language.t_now(Msg::Redone).to_string());
        }
    }
}
