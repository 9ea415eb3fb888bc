//! What the editor's parts share: the agreement being edited, its checks, and one way to change it.

use super::keyed::Keyed;
use crate::core::i18n::Msg;
use crate::core::model::check::{Issue, Place};
use crate::core::model::edit::ParentChange;
use crate::core::model::element::ElementId;
use crate::core::model::{Agreement, AgreementId, IndicatorId, ObjectiveId};
use crate::ui::services::{Document, Language};
use leptos::prelude::*;
use std::sync::Arc;

/// The editor's state, derived from the one workspace signal.
#[derive(Clone, Copy)]
pub struct EditCtx {
    pub doc: Document,
    pub i18n: Language,
    pub id: StoredValue<AgreementId>,
    /// The agreement (re-computed only when this agreement changes).
    pub agreement: Memo<Option<Arc<Agreement>>>,
    pub issues: Memo<Vec<Issue>>,
    /// Linked indicators whose parent text changed.
    pub changes: Memo<Vec<ParentChange>>,
    /// Notifies only the sasaran that changed (content or position).
    pub objective_keys: Keyed<ObjectiveId>,
    /// Notifies only the fields whose message changed.
    issue_keys: Keyed<Place>,
    /// Notifies only the indicators whose parent difference changed.
    pub change_keys: Keyed<IndicatorId>,
}

pub fn provide_edit(id: AgreementId) -> EditCtx {
    let i18n = expect_context::<Language>();
    let doc = expect_context::<Document>();
    let lookup = id.clone();
    // Compared by pointer: an edited agreement is a new Arc, an untouched one keeps its Arc (no deep compare).
    let agreement = Memo::new_with_compare(
        move |_| doc.ws.with(|ws| ws.agreements.iter().find(|a| a.id == lookup).cloned()),
        |old, new| match (old, new) {
            (Some(Some(a)), Some(b)) => b.as_ref().is_none_or(|b| !Arc::ptr_eq(a, b)),
            (Some(None), Some(None)) => false,
            _ => true,
        },
    );
    let issues = Memo::new(move |_| agreement.with(|a| a.as_ref().map(|a| a.check()).unwrap_or_default()));
    let watched = id.clone();
    let changes = Memo::new(move |_| doc.ws.with(|ws| ws.parent_changes(&watched)));
    let ctx = EditCtx {
        doc,
        i18n,
        id: StoredValue::new(id),
        agreement,
        issues,
        changes,
        objective_keys: Keyed::new(),
        issue_keys: Keyed::new(),
        change_keys: Keyed::new(),
    };
    ctx.objective_keys.follow(
        move || agreement.get(),
        |before, now| match (before, now) {
            (Some(b), Some(n)) => n
                .objectives
                .iter()
                .enumerate()
                .filter(|(i, o)| b.objectives.get(*i) != Some(*o))
                .map(|(_, o)| o.id.clone())
                .collect(),
            (_, Some(n)) => n.objectives.iter().map(|o| o.id.clone()).collect(),
            _ => Vec::new(),
        },
    );
    ctx.issue_keys.follow(
        move || issues.get(),
        |before, now| {
            let first = |list: &[Issue], place: &Place| {
                list.iter().find(|i| &i.place == place).map(|i| i.kind.clone())
            };
            before
                .iter()
                .chain(now.iter())
                .map(|i| &i.place)
                .filter(|p| first(before, p) != first(now, p))
                .cloned()
                .collect()
        },
    );
    ctx.change_keys.follow(
        move || changes.get(),
        |before, now| {
            let entry =
                |list: &[ParentChange], id: &IndicatorId| list.iter().find(|c| &c.indicator == id).cloned();
            before
                .iter()
                .chain(now.iter())
                .map(|c| &c.indicator)
                .filter(|id| entry(before, id) != entry(now, id))
                .cloned()
                .collect()
        },
    );
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
        self.doc.change(label, group.as_deref(), |ws| ws.agreement_mut(&id).map(f).unwrap_or(false))
    }

    /// Reads the agreement (reactively).
    pub fn with<R: Default>(&self, f: impl FnOnce(&Agreement) -> R) -> R {
        self.agreement.with(|a| a.as_deref().map(f).unwrap_or_default())
    }

    /// The message for the first problem at `place`, in the current language (reactive: only a change
    /// of this place's problem, or of the language, re-runs the caller).
    pub fn issue_at(&self, place: &Place) -> Option<String> {
        let lang = self.i18n.lang.get();
        self.issue_keys.track(place);
        self.issues.with_untracked(|issues| {
            issues.iter().find(|i| &i.place == place).map(|i| crate::core::text::issue(&i.kind, lang))
        })
    }

    /// A stable, unique group key for typing in one field.
    pub fn group(&self, element: &ElementId) -> Option<String> {
        Some(element.key_in(&self.id.get_value()))
    }
}
