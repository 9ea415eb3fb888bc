//! Input that could not be saved (a year that is not a year, an amount that is not whole Rupiah, a
//! target whose number is half typed), and the typing sessions that decide it (`core::typed`).

use super::document::Document;
use crate::core::i18n::Msg;
use crate::core::model::element::ElementId;
use crate::core::model::AgreementId;
use crate::core::typed::{self, FieldValue, Step};
use leptos::prelude::*;
use std::collections::BTreeMap;

/// Text typed into a field that could not be saved. It is kept, shown in its field and on the PK's
/// page, until it is fixed or discarded; while any exists the save badge never says "saved".
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Draft {
    pub agreement: AgreementId,
    /// The element it belongs to (`pk-year`, `budget-0-amount`; on the realisasi page
    /// `budget-0-actual-2`, or `m-<indicator>-actual@2` for the field `m-<indicator>-actual` of TW II).
    pub element: ElementId,
    pub label: Msg,
    pub text: String,
    /// What the field held before the typing began: put back when the text is discarded.
    pub before: FieldValue,
}

/// One field's typing session (`core::typed::Session`), held by the field's component.
pub type Typing = StoredValue<typed::Session<FieldValue>>;

/// The unsaved input of every field, by [`ElementId::key_in`]. Cheap to copy.
#[derive(Clone, Copy)]
pub struct Drafts {
    /// Read-only: the methods below change it.
    pub drafts: ReadSignal<BTreeMap<String, Draft>>,
    write: WriteSignal<BTreeMap<String, Draft>>,
    doc: Document,
}

/// No unsaved input yet, provided to the component tree.
pub fn provide_drafts(doc: Document) -> Drafts {
    let (drafts, write) = signal(BTreeMap::new());
    let d = Drafts { drafts, write, doc };
    provide_context(d);
    d
}

impl Drafts {
    /// Whether any input is unsaved (reactive).
    pub fn any(&self) -> bool {
        self.drafts.with(|d| !d.is_empty())
    }

    /// Keeps input that could not be saved (replacing an earlier one for the same field).
    pub fn set_draft(&self, draft: Draft) {
        let key = draft.element.key_in(&draft.agreement);
        if self.drafts.with_untracked(|d| d.get(&key) != Some(&draft)) {
            self.write.update(|d| {
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
        element: ElementId,
        label: Msg,
        text: String,
        stored: FieldValue,
        parsed: Result<T, E>,
    ) -> Option<T> {
        let key = element.key_in(&agreement);
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
    pub fn discard_draft(&self, agreement: &AgreementId, element: &ElementId) {
        let key = element.key_in(agreement);
        let Some(draft) = self.drafts.with_untracked(|d| d.get(&key).cloned()) else { return };
        self.doc.change(Msg::DiscardDraft, None, |ws| {
            ws.agreement_mut(agreement).is_some_and(|a| draft.before.restore(a))
        });
        self.clear_draft(agreement, element);
    }

    /// The field's input was fixed (saved) or discarded.
    pub fn clear_draft(&self, agreement: &AgreementId, element: &ElementId) {
        let key = element.key_in(agreement);
        if self.drafts.with_untracked(|d| d.contains_key(&key)) {
            self.write.update(|d| {
                d.remove(&key);
            });
        }
    }

    /// The unsaved input of a field, if any (reactive).
    pub fn draft_text(&self, agreement: &AgreementId, element: &ElementId) -> Option<String> {
        let key = element.key_in(agreement);
        self.drafts.with(|d| d.get(&key).map(|d| d.text.clone()))
    }
}
