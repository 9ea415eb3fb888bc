//! Never the only copy: the record of copies made outside the browser (the backup reminder), asking the
//! browser to keep the site's storage, the restore points kept inside it, and the autosave file on disk.
//! The rules are `core::backup`'s; storage is `store`'s; the file on disk is `disk`'s. Nothing here ever
//! blocks a change or an import: a restore point that does not fit is skipped, and a failed autosave is
//! said and tried again at the next change.

use super::disk::{self, DiskError};
use super::document::Document;
use super::language::Language;
use super::nav::Nav;
use super::notices::{NoticeKind, Notices};
use super::{clock, export};
use crate::core::backup::{self, Copies, Occasion, Point, Reminder};
use crate::core::i18n::{fill, Msg};
use crate::core::model::Workspace;
use crate::store::{self, PointError};
use leptos::prelude::*;
use std::cell::RefCell;
use web_sys::FileSystemFileHandle;

/// How long after the last change the autosave file is written.
const AUTOSAVE_DELAY_MS: u64 = 2000;

thread_local! {
    /// The autosave file (a browser object: kept here, not in a signal).
    static HANDLE: RefCell<Option<FileSystemFileHandle>> = const { RefCell::new(None) };
}

fn handle() -> Option<FileSystemFileHandle> {
    HANDLE.with(|h| h.borrow().clone())
}

/// The autosave file, as Data shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Autosave {
    /// This browser cannot write a chosen file.
    Unsupported,
    /// Still finding out whether a file was chosen before.
    Starting,
    Off,
    /// A file was chosen before, and the browser asks again before it may be written.
    NeedsPermission {
        name: String,
    },
    /// Written after every change.
    On {
        name: String,
        /// When it was last written (ISO 8601).
        last: Option<String>,
        /// The last write failed (the work is safe in the browser; tried again at the next change).
        failed: Option<DiskError>,
    },
}

/// A restore point chosen to restore: its data, read like a file to import.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Restoring {
    pub point: Point,
    pub text: String,
}

/// The backup state. Cheap to copy.
#[derive(Clone, Copy)]
pub struct Backup {
    copies: RwSignal<Copies>,
    points: RwSignal<Vec<Point>>,
    /// The restore point not made last time, and why (storage had no room): shown on Data.
    skipped: RwSignal<Option<PointError>>,
    persisted: RwSignal<Option<bool>>,
    autosave: RwSignal<Autosave>,
    /// A restore point on its way to the import's preview.
    restoring: RwSignal<Option<Restoring>>,
    /// Moves on every minute: the reminder is worked out again.
    tick: RwSignal<u64>,
    /// Persistence was asked for in this page.
    asked: StoredValue<bool>,
    /// Changes since the page opened (the autosave writes only after the last one of a burst).
    generation: StoredValue<u64>,
    doc: Document,
    nav: Nav,
    notices: Notices,
    language: Language,
}

/// Creates the backup state and provides it to the component tree.
pub fn provide_backup(doc: Document, nav: Nav, notices: Notices, language: Language) -> Backup {
    let backup = Backup {
        copies: RwSignal::new(store::load_copies()),
        points: RwSignal::new(store::points()),
        skipped: RwSignal::new(None),
        persisted: RwSignal::new(None),
        autosave: RwSignal::new(if disk::supported() { Autosave::Starting } else { Autosave::Unsupported }),
        restoring: RwSignal::new(None),
        tick: RwSignal::new(0),
        asked: StoredValue::new(false),
        generation: StoredValue::new(0),
        doc,
        nav,
        notices,
        language,
    };
    doc.on_own_change(Callback::new(move |before: Workspace| backup.own_change(&before)));
    // Every change of the workspace (edits, imports, undo) is written to the autosave file; the first
    // run only subscribes.
    Effect::new(move |first: Option<()>| {
        doc.ws.track();
        if first.is_some() {
            backup.schedule_autosave();
        }
    });
    set_interval(move || backup.tick.update(|t| *t += 1), std::time::Duration::from_secs(60));
    // Another tab kept or dropped a restore point, or made a copy: this tab's list and reminder follow.
    window_event_listener(leptos::ev::storage, move |e: web_sys::StorageEvent| match e.key().as_deref() {
        Some(k) if k == store::Key::Points.name() => backup.points.set(store::points()),
        Some(k) if k == store::Key::Copies.name() => backup.copies.set(store::load_copies()),
        _ => {}
    });
    leptos::task::spawn_local(async move {
        backup.persisted.set(disk::persisted().await);
        if backup.autosave.get_untracked() == Autosave::Unsupported {
            return;
        }
        let state = match disk::recall().await {
            None => Autosave::Off,
            Some(h) => {
                let name = disk::name(&h);
                let allowed = disk::allowed(&h, false).await;
                HANDLE.with(|slot| *slot.borrow_mut() = Some(h));
                if allowed {
                    Autosave::On { name, last: None, failed: None }
                } else {
                    Autosave::NeedsPermission { name }
                }
            }
        };
        backup.autosave.set(state);
    });
    provide_context(backup);
    backup
}

impl Backup {
    /// A change of the user's own: remembered for the reminder, the browser asked once to keep the
    /// site's storage, and the day's first restore point kept (of the workspace before the change).
    fn own_change(&self, before: &Workspace) {
        if self.nav.read_only() {
            return;
        }
        let now = clock::now();
        if self.copies.with_untracked(|c| c.changed_since.is_none()) {
            self.update_copies(|c| c.changed(now));
        }
        if !self.asked.get_value() {
            self.asked.set_value(true);
            let persisted = self.persisted;
            leptos::task::spawn_local(async move {
                if disk::persisted().await != Some(true) {
                    let granted = disk::persist().await;
                    persisted.set(granted.or(persisted.get_untracked()));
                }
            });
        }
        if self.points.with_untracked(|p| backup::daily_due(p, now)) {
            // After the keystroke that made the change, not during it.
            let (backup, before) = (*self, before.clone());
            set_timeout(move || backup.keep(&before, Occasion::Daily, ""), std::time::Duration::ZERO);
        }
    }

    /// The whole workspace was written outside the browser (exported or autosaved).
    pub fn copied(&self) {
        if self.nav.read_only() {
            return;
        }
        self.update_copies(|c| c.copied(clock::now()));
    }

    /// Changes the record of copies as storage holds it now (another tab may have exported meanwhile), and
    /// keeps it.
    fn update_copies(&self, f: impl FnOnce(&mut Copies)) {
        let mut copies = store::load_copies();
        f(&mut copies);
        let _ = store::save_copies(&copies);
        self.copies.set(copies);
    }

    /// The reminder to show now, if any (reactive; never in the public view).
    pub fn reminder(&self) -> Option<Reminder> {
        self.tick.track();
        self.nav.route.track();
        if self.nav.read_only() {
            return None;
        }
        self.copies.with(|c| c.reminder(clock::now()))
    }

    /// When the whole workspace was last written outside the browser (reactive).
    pub fn last_copy(&self) -> Option<String> {
        self.copies.with(|c| c.last_copy.clone())
    }

    /// Days of changes without a copy before the reminder shows (0: never) (reactive).
    pub fn remind_after_days(&self) -> u32 {
        self.copies.with(|c| c.remind_after_days)
    }

    pub fn set_remind_after_days(&self, days: u32) {
        self.update_copies(|c| c.remind_after_days = days);
    }

    /// Whether the browser keeps the site's storage under pressure (reactive; `None`: it does not say).
    pub fn persisted(&self) -> Option<bool> {
        self.persisted.get()
    }

    /// The restore points, oldest first (reactive).
    pub fn points(&self) -> Vec<Point> {
        self.points.get()
    }

    /// Why the last restore point was not made, if it was not (reactive).
    pub fn skipped(&self) -> Option<PointError> {
        self.skipped.get()
    }

    /// Keeps the workspace as it is now as a restore point (before an import or a restore).
    pub fn keep_now(&self, occasion: Occasion, about: &str) {
        let ws = self.doc.ws.get_untracked();
        self.keep(&ws, occasion, about);
    }

    /// Keeps `ws` as a restore point when there is room; otherwise skips it (said on Data).
    fn keep(&self, ws: &Workspace, occasion: Occasion, about: &str) {
        if self.nav.read_only() || ws.agreements.is_empty() {
            return;
        }
        let now = clock::now();
        // Unique even for two points in the same millisecond.
        let last = self.points.with_untracked(|p| p.iter().map(|p| p.id).max().unwrap_or(0));
        let meta = Point {
            id: now.utc_ms().max(last + 1),
            at: now.stamp(),
            occasion,
            about: about.to_string(),
            agreements: ws.agreements.len(),
            chars: 0,
        };
        match store::keep_point(ws, meta) {
            Ok(_) => self.skipped.set(None),
            Err(e) => self.skipped.set(Some(e)),
        }
        self.points.set(store::points());
    }

    /// Removes a restore point.
    pub fn drop_point(&self, id: i64) {
        store::drop_point(id);
        self.points.set(store::points());
    }

    /// Sends a restore point to the import's preview; one that no longer reads is said, and nothing
    /// changes.
    pub fn restore(&self, point: &Point) {
        match store::point_text(point.id) {
            Ok(text) => self.restoring.set(Some(Restoring { point: point.clone(), text })),
            Err(_) => {
                self.notices.notify(NoticeKind::Error, self.language.t_now(Msg::PointUnreadable).to_string())
            }
        }
    }

    /// The restore point waiting for the import's preview, taken (reactive).
    pub fn take_restoring(&self) -> Option<Restoring> {
        if self.restoring.with(Option::is_none) {
            return None;
        }
        self.restoring.try_update(Option::take).flatten()
    }

    /// The autosave file's state (reactive).
    pub fn autosave(&self) -> Autosave {
        self.autosave.get()
    }

    /// Asks where to autosave (in a click), then writes the workspace there at once.
    pub async fn choose_autosave(self) {
        match disk::choose().await {
            Ok(h) => {
                let name = disk::name(&h);
                let _ = disk::remember(Some(&h)).await;
                HANDLE.with(|slot| *slot.borrow_mut() = Some(h));
                self.autosave.set(Autosave::On { name, last: None, failed: None });
                self.write_autosave().await;
            }
            Err(DiskError::Cancelled) => {}
            Err(e) => self.say_failure(&e),
        }
    }

    /// Asks the browser again to write the file chosen before (in a click), then writes it.
    pub async fn allow_autosave(self) {
        let Some(h) = handle() else { return };
        if disk::allowed(&h, true).await {
            self.autosave.set(Autosave::On { name: disk::name(&h), last: None, failed: None });
            self.write_autosave().await;
        } else {
            self.say_failure(&DiskError::NoPermission);
        }
    }

    /// Stops autosaving (the file stays as it is).
    pub async fn stop_autosave(self) {
        HANDLE.with(|slot| *slot.borrow_mut() = None);
        self.autosave.set(Autosave::Off);
        let _ = disk::remember(None).await;
    }

    /// Writes the autosave file a moment after the last change of a burst.
    fn schedule_autosave(&self) {
        if self.nav.read_only() || !matches!(self.autosave.get_untracked(), Autosave::On { .. }) {
            return;
        }
        let generation = self.generation.get_value() + 1;
        self.generation.set_value(generation);
        let backup = *self;
        set_timeout(
            move || {
                if backup.generation.get_value() == generation {
                    leptos::task::spawn_local(backup.write_autosave());
                }
            },
            std::time::Duration::from_millis(AUTOSAVE_DELAY_MS),
        );
    }

    /// Writes the whole workspace to the autosave file now (as *Ekspor semua data* writes it).
    pub async fn write_autosave(self) {
        let Some(h) = handle() else { return };
        if self.nav.read_only() {
            return;
        }
        let now = clock::now();
        let text = self.doc.ws.with_untracked(|ws| export::whole_file(ws, now));
        let name = disk::name(&h);
        match disk::write(&h, &text).await {
            Ok(()) => {
                self.copied();
                self.autosave.set(Autosave::On { name, last: Some(now.stamp()), failed: None });
            }
            Err(DiskError::NoPermission) => {
                self.autosave.set(Autosave::NeedsPermission { name });
                self.say_failure(&DiskError::NoPermission);
            }
            Err(e) => {
                let last = match self.autosave.get_untracked() {
                    Autosave::On { last, .. } => last,
                    _ => None,
                };
                self.autosave.set(Autosave::On { name, last, failed: Some(e.clone()) });
                self.say_failure(&e);
            }
        }
    }

    /// Says at once (on every page) that the autosave file could not be written, and that nothing is lost.
    fn say_failure(&self, e: &DiskError) {
        let text =
            fill(self.language.t_now(Msg::AutosaveFailed), &[("reason", &disk_error(e, self.language))]);
        self.notices.notify_global(NoticeKind::Error, text);
    }
}

/// Why the autosave file could not be written, in words.
pub fn disk_error(e: &DiskError, i18n: Language) -> String {
    match e {
        DiskError::Unsupported => i18n.t_now(Msg::AutosaveUnsupported).to_string(),
        DiskError::Cancelled => String::new(),
        DiskError::NoPermission => i18n.t_now(Msg::AutosaveNoPermission).to_string(),
        DiskError::Gone => i18n.t_now(Msg::AutosaveGone).to_string(),
        DiskError::Other(why) => fill(i18n.t_now(Msg::AutosaveOther), &[("why", why)]),
    }
}

/// What a restore point was kept for, in words.
pub fn occasion_text(p: &Point, i18n: Language) -> String {
    match p.occasion {
        Occasion::Import => fill(i18n.t(Msg::PointImport), &[("file", &p.about)]),
        Occasion::BuiltIn => i18n.t(Msg::PointBuiltIn).to_string(),
        Occasion::Restore => i18n.t(Msg::PointRestore).to_string(),
        Occasion::Daily => i18n.t(Msg::PointDaily).to_string(),
    }
}
