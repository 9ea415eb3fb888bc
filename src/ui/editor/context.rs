//! What the editor's parts share: the agreement being edited, its checks, and one way to change it.

use crate::i18n::Msg;
use crate::model::check::{Issue, Place};
use crate::model::edit::ParentChange;
use crate::model::{Agreement, AgreementId};
use crate::ui::state::{expect_app, App};
use leptos::prelude::*;
use std::sync::Arc;

/// The editor's state, derived from the one workspace signal.
#[derive(Clone, Copy)]
pub struct EditCtx {
    pub app: App,
    pub id: StoredValue<AgreementId>,
    /// The agreement (re-computed only when this agreement changes).
    pub agreement: Memo<Option<Arc<Agreement>>>,
    pub issues: Memo<Vec<Issue>>,
    /// Linked indicators whose parent text changed.
    pub changes: Memo<Vec<ParentChange>>,
}

pub fn provide_edit(id: AgreementId) -> EditCtx {
    let app = expect_app();
    let lookup = id.clone();
    let agreement = Memo::new(move |_| app.ws.with(|ws| ws.agreements.iter().find(|a| a.id == lookup).cloned()));
    let issues = Memo::new(move |_| agreement.with(|a| a.as_ref().map(|a| a.check()).unwrap_or_default()));
    let watched = id.clone();
    let changes = Memo::new(move |_| app.ws.with(|ws| ws.parent_changes(&watched)));
    let ctx = EditCtx { app, id: StoredValue::new(id), agreement, issues, changes };
    provide_context(ctx);
    ctx
}

pub fn expect_edit() -> EditCtx {
    expect_context::<EditCtx>()
}

impl EditCtx {
    /// Changes the agreement; `group` merges typing in one field into one undo step.
    pub fn edit(&self, label: Msg, group: Option<String>, f: impl FnOnce(&mut Agreement) -> bool) -> bool {
        let id = self.id.get_value();
        self.app.change(label, group.as_deref(), |ws| ws.agreement_mut(&id).map(f).unwrap_or(false))
    }

    /// Reads the agreement (reactively).
    pub fn with<R: Default>(&self, f: impl FnOnce(&Agreement) -> R) -> R {
        self.agreement.with(|a| a.as_deref().map(f).unwrap_or_default())
    }

    /// The message for the first problem at `place`, in the current language (reactive).
    pub fn issue_at(&self, place: &Place) -> Option<String> {
        let lang = self.app.lang.get();
        self.issues.with(|issues| {
            issues.iter().find(|i| &i.place == place).map(|i| crate::io::messages::issue(&i.kind, lang))
        })
    }

    /// A stable, unique group key for typing in one field.
    pub fn group(&self, field: &str) -> Option<String> {
        Some(format!("{}/{field}", self.id.get_value()))
    }
}
