//! Downloads: the workspace, one PK, or one PK with its subtree as JSON; indicator tables as CSV.

use super::{browser, clock};
use super::{Document, Language, NoticeKind, Notices};
use crate::core::date::Now;
use crate::core::i18n::{fill, Msg};
use crate::core::io::file::{self, Scope, WriteOptions};
use crate::core::io::{csv, names};
use crate::core::model::{Agreement, AgreementId, Workspace};
use leptos::prelude::*;

/// The whole workspace as a Kinerja file, as *Ekspor semua data* downloads it (and the autosave file is
/// written), `now` being the time of writing.
pub fn whole_file(ws: &Workspace, now: Now) -> String {
    let opts =
        WriteOptions { exported_at: Some(now.stamp()), unit: None, scope: Scope::Workspace, pretty: true };
    file::write(ws, None, &opts)
}

/// What to export.
#[derive(Clone, Debug)]
pub enum What {
    Everything,
    One(AgreementId),
    WithSubtree(AgreementId),
}

/// What downloads need: the workspace, notices and the language. Cheap to copy.
#[derive(Clone, Copy)]
pub struct Downloads {
    doc: Document,
    notices: Notices,
    i18n: Language,
}

impl Downloads {
    /// From the contexts of the component that offers downloads (call it while the component is created).
    pub fn here() -> Downloads {
        Downloads {
            doc: expect_context::<Document>(),
            notices: expect_context::<Notices>(),
            i18n: expect_context::<Language>(),
        }
    }

    /// Downloads `content` as `name` and says so (replacing the notice of an earlier download).
    pub fn offer(&self, name: &str, mime: &str, content: &str) {
        self.offered(name, mime, content);
    }

    /// Downloads `content` (bytes: a .docx) as `name` and says so.
    pub fn offer_bytes(&self, name: &str, mime: &str, content: &[u8]) {
        self.said(name, browser::download_bytes(name, mime, content));
    }

    /// Says, in place of the notice of an earlier download, what is happening or went wrong before a
    /// file could be offered (a Word file being prepared; its code not loaded).
    pub fn say(&self, kind: NoticeKind, message: Msg) {
        self.notices.notify_keyed("download", kind, self.i18n.t_now(message).to_string());
    }

    /// [`Downloads::offer`], saying whether the browser took the file.
    fn offered(&self, name: &str, mime: &str, content: &str) -> bool {
        self.said(name, browser::download(name, mime, content))
    }

    /// Says whether the browser took the file `name`.
    fn said(&self, name: &str, result: Result<(), String>) -> bool {
        match result {
            Ok(()) => {
                self.notices.notify_keyed(
                    "download",
                    NoticeKind::Success,
                    fill(self.i18n.t_now(Msg::Exported), &[("file", name)]),
                );
                true
            }
            Err(e) => {
                self.notices.notify_keyed(
                    "download",
                    NoticeKind::Error,
                    format!("{} {e}", self.i18n.t_now(Msg::DownloadFailed)),
                );
                false
            }
        }
    }

    /// Downloads a JSON file in the current format, saying which app, office and unit wrote it.
    pub fn json(&self, what: What) {
        let now = clock::now();
        let today = now.today();
        let result = self.doc.ws.with_untracked(|ws| {
            let (ids, unit, scope, name) = match &what {
                What::Everything => (None, None, Scope::Workspace, names::workspace_file_name(ws, today)),
                What::One(id) => {
                    let a = ws.agreement(id)?;
                    (
                        Some(vec![id.clone()]),
                        Some(a.unit.clone()),
                        Scope::Agreement,
                        names::agreement_file_name(a, false, today, "json"),
                    )
                }
                What::WithSubtree(id) => {
                    let a = ws.agreement(id)?;
                    (
                        Some(ws.subtree(id)),
                        Some(a.unit.clone()),
                        Scope::Subtree,
                        names::agreement_file_name(a, true, today, "json"),
                    )
                }
            };
            if ids.is_none() {
                return Some((name, whole_file(ws, now)));
            }
            let opts = WriteOptions { exported_at: Some(now.stamp()), unit, scope, pretty: true };
            Some((name, file::write(ws, ids.as_deref(), &opts)))
        });
        if let Some((name, text)) = result {
            // The whole workspace written outside the browser: the backup reminder starts again.
            if self.offered(&name, "application/json", &text) && matches!(what, What::Everything) {
                if let Some(backup) = use_context::<super::copies::Backup>() {
                    backup.copied();
                }
            }
        }
    }

    /// Downloads the office list alone: a Kinerja file without PKs (`measure_settings.offices`), which
    /// another office reads through Data → Import.
    pub fn offices(&self) {
        let now = clock::now();
        let (name, text) = self.doc.ws.with_untracked(|ws| {
            let only = Workspace {
                office: ws.office.clone(),
                settings: crate::core::model::MeasureSettings {
                    offices: ws.settings.offices.clone(),
                    ..Default::default()
                },
                ..Default::default()
            };
            let opts = WriteOptions {
                exported_at: Some(now.stamp()),
                unit: None,
                scope: Scope::Workspace,
                pretty: true,
            };
            (names::offices_file_name(ws, now.today()), file::write(&only, None, &opts))
        });
        self.offer(&name, "application/json", &text);
    }

    /// Downloads the indicator table(s) as CSV for Excel.
    pub fn csv(&self, only: Option<AgreementId>) {
        let today = clock::today();
        let lang = self.i18n.lang.get_untracked();
        let result = self.doc.ws.with_untracked(|ws| {
            let list: Vec<&Agreement> = match &only {
                Some(id) => vec![ws.agreement(id)?],
                None => ws.agreements.iter().map(|a| a.as_ref()).collect(),
            };
            let name = match &only {
                Some(_) => names::agreement_file_name(list[0], false, today, "csv"),
                None => names::workspace_file_name(ws, today).replace(".json", "-indikator.csv"),
            };
            Some((name, csv::indicators(&list, lang)))
        });
        if let Some((name, text)) = result {
            self.offer(&name, "text/csv;charset=utf-8", &text);
        }
    }
}
