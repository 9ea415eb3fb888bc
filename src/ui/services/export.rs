//! Downloads: the workspace, one PK, or one PK with its subtree as JSON; indicator tables as CSV.

use super::state::{App, NoticeKind};
use super::{browser, clock};
use crate::core::i18n::{fill, Msg};
use crate::core::io::file::{self, Scope, WriteOptions};
use crate::core::io::{csv, names};
use crate::core::model::{Agreement, AgreementId};
use leptos::prelude::*;

/// What to export.
#[derive(Clone, Debug)]
pub enum What {
    Everything,
    One(AgreementId),
    WithSubtree(AgreementId),
}

/// Downloads `content` as `name` and says so (replacing the notice of an earlier download).
pub fn offer(app: &App, name: &str, mime: &str, content: &str) {
    match browser::download(name, mime, content) {
        Ok(()) => app.notify_keyed(
            "download",
            NoticeKind::Success,
            fill(app.t_now(Msg::Exported), &[("file", name)]),
        ),
        Err(e) => {
            app.notify_keyed("download", NoticeKind::Error, format!("{} {e}", app.t_now(Msg::DownloadFailed)))
        }
    }
}

/// Downloads a JSON file in the current format, saying which app, office and unit wrote it.
pub fn json(app: &App, what: What) {
    let now = clock::now();
    let today = now.today();
    let result = app.ws.with_untracked(|ws| {
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
        let opts = WriteOptions { exported_at: Some(now.stamp()), unit, scope, pretty: true };
        Some((name, file::write(ws, ids.as_deref(), &opts)))
    });
    if let Some((name, text)) = result {
        offer(app, &name, "application/json", &text);
    }
}

/// Downloads the indicator table(s) as CSV for Excel.
pub fn csv(app: &App, only: Option<AgreementId>) {
    let today = clock::today();
    let lang = app.lang.get_untracked();
    let result = app.ws.with_untracked(|ws| {
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
        offer(app, &name, "text/csv;charset=utf-8", &text);
    }
}
