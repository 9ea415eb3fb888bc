//! The app's state: one signal for the workspace (the document), the language, undo history, the save
//! status and notices. Components reach it with [`expect_app`]; every change goes through
//! [`App::change`] (or [`App::replace`]), which records undo and saves, so saving lives in one place.

use super::browser;
use crate::core::i18n::{Lang, Msg};
use crate::core::model::history::History;
use crate::core::model::{Agreement, AgreementId, IdGen, Workspace};
use crate::core::route::Route;
use crate::core::typed::{self, FieldValue, Step};
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

/// How a notice looks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NoticeKind {
    Info,
    Success,
    Error,
}

/// A message to the user, shown until dismissed (errors) or for a few seconds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notice {
    pub id: u64,
    pub kind: NoticeKind,
    pub text: String,
    /// The page (route href) it is about; it goes when the user leaves that page. `None`: about the
    /// whole app (saving failed, another tab), shown on every page.
    pub page: Option<String>,
    /// Notices with the same key replace each other instead of piling up (two downloads).
    pub key: Option<&'static str>,
}

/// Text typed into a field that could not be saved (a year that is not a year, an amount that is not
/// whole Rupiah, a target whose number is half typed). It is kept, shown in its field and on the PK's
/// page, until it is fixed or discarded; while any exists the save badge never says "saved".
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Draft {
    pub agreement: crate::core::model::AgreementId,
    /// The element it belongs to (`pk-year`, `budget-0-amount`; on the realisasi page
    /// `budget-0-actual-2`, or `m-<indicator>-actual@2` for the field `m-<indicator>-actual` of TW II).
    pub element: String,
    pub label: Msg,
    pub text: String,
    /// What the field held before the typing began: put back when the text is discarded.
    pub before: FieldValue,
}

/// One field's typing session (`core::typed::Session`), held by the field's component.
pub type Typing = StoredValue<typed::Session<FieldValue>>;

/// Stored data that could not be read, kept until the user decides.
#[derive(Clone, Debug, PartialEq)]
pub struct Recovery {
    pub raw: String,
    pub error: crate::core::io::file::FileError,
}

struct Session {
    revision: String,
    tab: String,
    ids: IdGen,
    next_notice: u64,
    save_scheduled: bool,
}

/// Everything components share. Cheap to copy.
#[derive(Clone, Copy)]
pub struct App {
    pub ws: RwSignal<Workspace>,
    pub lang: RwSignal<Lang>,
    pub route: RwSignal<Route>,
    pub save: RwSignal<SaveState>,
    pub notices: RwSignal<Vec<Notice>>,
    pub history: RwSignal<History>,
    pub recovery: RwSignal<Option<Recovery>>,
    /// Another tab saved while this tab had changes of its own.
    pub conflict: RwSignal<bool>,
    /// Characters the app uses in localStorage.
    pub used_chars: RwSignal<Option<usize>>,
    /// A new version of the app is installed and waits for a reload.
    pub update_ready: RwSignal<bool>,
    /// Input that could not be saved, by [`draft_key`].
    pub drafts: RwSignal<std::collections::BTreeMap<String, Draft>>,
    /// Where each PK sits in the workspace (`Workspace::positions`): recomputed when the workspace
    /// changes, but passed on only when PKs were added, removed or reordered.
    positions: Memo<std::collections::HashMap<AgreementId, usize>>,
    session: StoredValue<Session>,
}

/// Creates the state from storage (synchronously) and provides it to the component tree.
pub fn provide_app() -> App {
    let lang = store::load_lang().unwrap_or_default();
    let tab = browser::random_token(6);
    let ids = IdGen::new(format!("{}{}", browser::random_token(4), tab));
    let mut revision = String::new();
    let mut history = History::default();
    let mut recovery = None;
    let mut save = SaveState::Saved;
    let mut save_at_start = false;
    let seed = || crate::core::seed::workspace().unwrap_or_default();
    let loading = browser::measure_start("kinerja:load");
    let stored = store::load();
    browser::measure_end("kinerja:load", loading);
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
        Err(e) => {
            save = SaveState::Failed(e);
            seed()
        }
    };
    let route = Route::parse(&browser::hash());
    // Saved at once on a first visit and after an upgrade; a visitor who arrives at the public view
    // gets nothing written to their storage.
    let save_at_start = save_at_start && !route.public;
    let ws = RwSignal::new(workspace);
    let app = App {
        ws,
        lang: RwSignal::new(lang),
        route: RwSignal::new(route),
        save: RwSignal::new(save),
        notices: RwSignal::new(Vec::new()),
        history: RwSignal::new(history),
        recovery: RwSignal::new(recovery),
        conflict: RwSignal::new(false),
        used_chars: RwSignal::new(store::used_chars().ok()),
        update_ready: RwSignal::new(false),
        drafts: RwSignal::new(Default::default()),
        positions: Memo::new(move |_| ws.with(Workspace::positions)),
        session: StoredValue::new(Session { revision, tab, ids, next_notice: 0, save_scheduled: false }),
    };
    if save_at_start {
        // After the first page is drawn (packing the built-in dataset took 20–50 ms of the first render);
        // scheduled like any save, so leaving the page at once still saves it.
        app.session.update_value(|s| s.save_scheduled = true);
        set_timeout(move || app.flush(), std::time::Duration::ZERO);
    }
    provide_context(app);
    app
}

/// The shared state; panics only if a component is used outside `<App/>` (a programming error).
pub fn expect_app() -> App {
    expect_context::<App>()
}

impl App {
    /// A UI message in the current language (reactive).
    pub fn t(&self, msg: Msg) -> &'static str {
        msg.text(self.lang.get())
    }

    /// The same without subscribing, for event handlers.
    pub fn t_now(&self, msg: Msg) -> &'static str {
        msg.text(self.lang.get_untracked())
    }

    /// One PK by id (reactive), found without searching the list: for views that follow one PK each,
    /// where thousands of searches through the list took seconds at national scale.
    pub fn agreement(&self, id: &AgreementId) -> Option<Arc<Agreement>> {
        let at = self.positions.with(|p| p.get(id).copied())?;
        self.ws.with(|ws| ws.agreements.get(at).filter(|a| &a.id == id).cloned())
    }

    pub fn read_only(&self) -> bool {
        self.route.with_untracked(|r| r.public)
    }

    /// Fresh ids for new agreements, sasaran and indicators. The generator is taken out of the session
    /// while `f` runs, so `f` may itself change the workspace (which touches the session to save).
    pub fn with_ids<R>(&self, f: impl FnOnce(&mut IdGen) -> R) -> R {
        let mut ids = self.session.with_value(|s| s.ids.clone());
        let result = f(&mut ids);
        self.session.update_value(|s| s.ids = ids);
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
            self.notify(NoticeKind::Error, self.t_now(Msg::LockedChange).to_string());
            // Fields showing the refused text are re-rendered from the unchanged workspace.
            self.ws.notify();
            return result;
        }
        // Recorded before the workspace takes it: no third copy of the workspace per keystroke.
        self.history.update(|h| h.record(&before, &draft, label.key(), group));
        self.ws.set(draft);
        self.schedule_save();
        result
    }

    /// Replaces the whole workspace (restore the dataset, import), as one undoable step, saved at once.
    pub fn replace(&self, label: Msg, next: Workspace) {
        let before = self.ws.get_untracked();
        self.history.update(|h| {
            h.seal();
            h.record(&before, &next, label.key(), None)
        });
        self.ws.set(next);
        self.save_now();
    }

    /// Replaces the whole workspace only if it can be saved first (an import): when storage refuses,
    /// nothing changes, neither on screen nor in storage. `ready`: pieces already packed.
    pub fn replace_checked(
        &self,
        label: Msg,
        next: Workspace,
        ready: &crate::core::io::stored::Ready,
    ) -> Result<(), StoreError> {
        if self.read_only() {
            return Err(StoreError::Unavailable);
        }
        let (revision, tab) = self.session.with_value(|s| (s.revision.clone(), s.tab.clone()));
        let (new_revision, _) = store::save_ready(&next, &revision, &tab, ready)?;
        let before = self.ws.get_untracked();
        self.history.update(|h| {
            h.seal();
            h.record(&before, &next, label.key(), None)
        });
        self.ws.set(next);
        self.session.update_value(|s| {
            s.revision = new_revision.clone();
            s.save_scheduled = false;
        });
        self.history.with_untracked(|h| store::save_history(h, &new_revision));
        self.save.set(SaveState::Saved);
        self.used_chars.set(store::used_chars().ok());
        Ok(())
    }

    /// Keeps input that could not be saved (replacing an earlier one for the same field).
    pub fn set_draft(&self, draft: Draft) {
        let key = draft_key(&draft.agreement, &draft.element);
        if self.drafts.with_untracked(|d| d.get(&key) != Some(&draft)) {
            self.drafts.update(|d| {
                d.insert(key, draft);
            });
        }
    }

    /// Takes a keystroke in a field of a PK (the rule of `core::typed`): the value to commit when the whole
    /// text is understood (its unsaved text dropped); otherwise the text is kept as unsaved, with the value
    /// the field held before the typing began, and nothing is to be committed.
    #[allow(clippy::too_many_arguments)]
    pub fn keystroke<T, E>(
        &self,
        typing: Typing,
        agreement: AgreementId,
        element: String,
        label: Msg,
        text: String,
        stored: FieldValue,
        parsed: Result<T, E>,
    ) -> Option<T> {
        let key = draft_key(&agreement, &element);
        let pending = self.drafts.with_untracked(|d| d.get(&key).map(|d| d.before.clone()));
        match typing.try_update_value(|s| s.key(|| stored, pending, parsed))? {
            Step::Commit(value) => {
                self.clear_draft(&agreement, &element);
                Some(value)
            }
            Step::Unsaved { before, .. } => {
                self.set_draft(Draft { agreement, element, label, text, before });
                None
            }
        }
    }

    /// Discards a field's unsaved text and puts back what the field held before the typing began (one
    /// undo step when that differs from what it holds now).
    pub fn discard_draft(&self, agreement: &AgreementId, element: &str) {
        let key = draft_key(agreement, element);
        let Some(draft) = self.drafts.with_untracked(|d| d.get(&key).cloned()) else { return };
        self.change(Msg::DiscardDraft, None, |ws| {
            ws.agreement_mut(agreement).is_some_and(|a| draft.before.restore(a))
        });
        self.clear_draft(agreement, element);
    }

    /// The field's input was fixed (saved) or discarded.
    pub fn clear_draft(&self, agreement: &crate::core::model::AgreementId, element: &str) {
        let key = draft_key(agreement, element);
        if self.drafts.with_untracked(|d| d.contains_key(&key)) {
            self.drafts.update(|d| {
                d.remove(&key);
            });
        }
    }

    /// The unsaved input of a field, if any (reactive).
    pub fn draft_text(&self, agreement: &crate::core::model::AgreementId, element: &str) -> Option<String> {
        let key = draft_key(agreement, element);
        self.drafts.with(|d| d.get(&key).map(|d| d.text.clone()))
    }

    /// Ends a typing group (the field lost focus).
    pub fn seal(&self) {
        self.history.update(|h| h.seal());
    }

    pub fn undo(&self) {
        let current = self.ws.get_untracked();
        let mut previous = None;
        self.history.update(|h| previous = h.undo(&current));
        if let Some(previous) = previous {
            self.ws.set(previous);
            self.save_now();
            self.notify(NoticeKind::Info, self.t_now(Msg::Undone).to_string());
        }
    }

    pub fn redo(&self) {
        let current = self.ws.get_untracked();
        let mut next = None;
        self.history.update(|h| next = h.redo(&current));
        if let Some(next) = next {
            self.ws.set(next);
            self.save_now();
            self.notify(NoticeKind::Info, self.t_now(Msg::Redone).to_string());
        }
    }

    fn schedule_save(&self) {
        if self.read_only() {
            return;
        }
        self.save.set(SaveState::Pending);
        let already =
            self.session.try_update_value(|s| std::mem::replace(&mut s.save_scheduled, true)).unwrap_or(true);
        if !already {
            let app = *self;
            set_timeout(move || app.flush(), std::time::Duration::from_millis(400));
        }
    }

    /// Saves now if a save is scheduled (also called when the page is hidden or closed).
    pub fn flush(&self) {
        let scheduled = self
            .session
            .try_update_value(|s| std::mem::replace(&mut s.save_scheduled, false))
            .unwrap_or(false);
        if scheduled {
            self.save_now();
        }
    }

    /// Saves the workspace and the newest undo steps; a failure keeps the work in memory and says why.
    pub fn save_now(&self) {
        if self.read_only() || self.recovery.with_untracked(Option::is_some) {
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

    /// Saves this tab's data over what another tab saved (the user chose so).
    pub fn save_over(&self) {
        let tab = self.session.with_value(|s| s.tab.clone());
        let result = self.ws.with_untracked(|ws| store::save_over(ws, &tab));
        self.conflict.set(false);
        self.finish_save(result);
    }

    fn finish_save(&self, result: Result<(String, usize), StoreError>) {
        match result {
            Ok((revision, _)) => {
                self.history.with_untracked(|h| store::save_history(h, &revision));
                self.session.update_value(|s| s.revision = revision);
                self.save.set(SaveState::Saved);
                self.used_chars.set(store::used_chars().ok());
            }
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
                    self.notify_global(NoticeKind::Error, self.t_now(msg).to_string());
                }
            }
        }
    }

    /// Loads what another tab saved, replacing this tab's state (its undo history no longer applies).
    pub fn reload_from_storage(&self) -> bool {
        match store::load() {
            Ok(Stored::Found { workspace, revision, history, .. }) => {
                self.session.update_value(|s| {
                    s.revision = revision;
                    s.save_scheduled = false;
                });
                self.ws.set(workspace);
                self.history.set(history);
                self.conflict.set(false);
                self.save.set(SaveState::Saved);
                self.used_chars.set(store::used_chars().ok());
                true
            }
            _ => false,
        }
    }

    /// Whether this tab has work that is not in storage yet.
    pub fn has_unsaved(&self) -> bool {
        self.session.with_value(|s| s.save_scheduled)
            || matches!(self.save.get_untracked(), SaveState::Pending | SaveState::Failed(_))
    }

    /// The revision this tab last loaded or saved.
    pub fn known_revision(&self) -> String {
        self.session.with_value(|s| s.revision.clone())
    }

    /// Starts over from the embedded dataset after unreadable storage (the user has been offered the raw text).
    pub fn start_fresh(&self) {
        self.recovery.set(None);
        self.session.update_value(|s| {
            s.revision = store::get(store::Key::Revision).ok().flatten().unwrap_or_default()
        });
        self.ws.set(crate::core::seed::workspace().unwrap_or_default());
        self.history.set(History::default());
        self.save_now();
    }

    /// Changes the language and remembers it (also in the public view: it is not the workspace).
    pub fn set_lang(&self, lang: Lang) {
        self.lang.set(lang);
        let _ = store::save_lang(lang);
    }

    /// Shows a notice about the current page; info and success disappear after a while, errors stay
    /// until dismissed or until the user leaves the page.
    pub fn notify(&self, kind: NoticeKind, text: String) {
        let page = self.route.with_untracked(Route::href);
        self.push_notice(kind, text, Some(page), None);
    }

    /// The same, replacing an earlier notice with the same key (a second download replaces the first).
    pub fn notify_keyed(&self, key: &'static str, kind: NoticeKind, text: String) {
        let page = self.route.with_untracked(Route::href);
        self.push_notice(kind, text, Some(page), Some(key));
    }

    /// A notice about the whole app (saving failed, another tab saved): it stays across pages.
    pub fn notify_global(&self, kind: NoticeKind, text: String) {
        self.push_notice(kind, text, None, None);
    }

    /// Goes to `href` and shows a notice there (not on the page being left).
    pub fn go_and_notify(&self, href: &str, kind: NoticeKind, text: String) {
        let page = Route::parse(href).href();
        self.push_notice(kind, text, Some(page), None);
        browser::go(href);
    }

    fn push_notice(&self, kind: NoticeKind, text: String, page: Option<String>, key: Option<&'static str>) {
        let id = self
            .session
            .try_update_value(|s| {
                s.next_notice += 1;
                s.next_notice
            })
            .unwrap_or_default();
        self.notices.update(|n| {
            if key.is_some() {
                n.retain(|x| x.key != key);
            }
            n.push(Notice { id, kind, text, page, key })
        });
        if kind != NoticeKind::Error {
            let notices = self.notices;
            set_timeout(
                move || notices.update(|n| n.retain(|x| x.id != id)),
                std::time::Duration::from_millis(6000),
            );
        }
    }

    /// The user moved to another page: notices about other pages go.
    pub fn page_changed(&self) {
        let here = self.route.with_untracked(Route::href);
        let stale =
            self.notices.with_untracked(|n| n.iter().any(|x| x.page.as_ref().is_some_and(|p| *p != here)));
        if stale {
            self.notices.update(|n| n.retain(|x| x.page.as_ref().is_none_or(|p| *p == here)));
        }
    }

    pub fn dismiss(&self, id: u64) {
        self.notices.update(|n| n.retain(|x| x.id != id));
    }
}

/// Whether `after` changes the content of a PK that is signed in `before` (and not being revised).
fn breaks_a_signature(before: &Workspace, after: &Workspace) -> bool {
    after.agreements.iter().enumerate().any(|(n, a)| {
        // Usually at the same place; searched only when the order changed.
        let same_place = before.agreements.get(n).filter(|b| b.id == a.id);
        same_place.or_else(|| before.agreements.iter().find(|b| b.id == a.id)).is_some_and(|b| {
            !std::sync::Arc::ptr_eq(a, b) && b.is_locked() && !b.breaks_signature() && a.breaks_signature()
        })
    })
}

/// The key of a field's unsaved input: the agreement and the editor element.
pub fn draft_key(agreement: &crate::core::model::AgreementId, element: &str) -> String {
    format!("{}/{element}", agreement.0)
}
