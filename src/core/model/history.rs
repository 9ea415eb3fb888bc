//! Undo and redo for every change of the workspace.
//!
//! A step stores only what it needs to go back: the previous order of agreements, the previous
//! version of each agreement that changed (unchanged ones are recognised by pointer, thanks to `Arc`),
//! and the workspace's own fields. Steps are serialisable, so the last ones survive a reload.

use super::{Agreement, AgreementId, Workspace};
use crate::core::i18n::Msg;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::collections::HashMap;
use std::sync::Arc;

/// What turns one state of the workspace back into an earlier one.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Delta {
    office: String,
    notes: String,
    #[serde(default)]
    settings: super::MeasureSettings,
    order: Vec<AgreementId>,
    changed: Vec<Agreement>,
    /// The letterhead before, only when the change touched it (a logo is up to 133 KB of text: not
    /// copied into every step).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    letterhead: Option<super::letterhead::Letterhead>,
    /// (Version 6) the Renstra before, only when the change touched them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    renstra: Option<Vec<super::renstra::Renstra>>,
}

impl Delta {
    /// The delta that turns `after` back into `before`.
    pub fn between(before: &Workspace, after: &Workspace) -> Delta {
        let now: HashMap<&AgreementId, &Arc<Agreement>> =
            after.agreements.iter().map(|a| (&a.id, a)).collect();
        let changed = before
            .agreements
            .iter()
            .filter(|a| now.get(&a.id).is_none_or(|b| !Arc::ptr_eq(a, b) && a.as_ref() != b.as_ref()))
            .map(|a| a.as_ref().clone())
            .collect();
        Delta {
            office: before.office.clone(),
            notes: before.notes.clone(),
            settings: before.settings.clone(),
            order: before.agreements.iter().map(|a| a.id.clone()).collect(),
            changed,
            letterhead: (before.letterhead != after.letterhead).then(|| before.letterhead.clone()),
            renstra: (before.renstra != after.renstra).then(|| before.renstra.clone()),
        }
    }

    /// Applies the delta to `current` (the state it was computed against).
    pub fn apply(&self, current: &Workspace) -> Workspace {
        let changed: HashMap<&AgreementId, &Agreement> = self.changed.iter().map(|a| (&a.id, a)).collect();
        let now: HashMap<&AgreementId, &Arc<Agreement>> =
            current.agreements.iter().map(|a| (&a.id, a)).collect();
        let agreements = self
            .order
            .iter()
            .filter_map(|id| match changed.get(id) {
                Some(a) => Some(Arc::new((*a).clone())),
                None => now.get(id).map(|a| Arc::clone(a)),
            })
            .collect();
        Workspace {
            office: self.office.clone(),
            notes: self.notes.clone(),
            agreements,
            settings: self.settings.clone(),
            letterhead: self.letterhead.clone().unwrap_or_else(|| current.letterhead.clone()),
            renstra: self.renstra.clone().unwrap_or_else(|| current.renstra.clone()),
        }
    }

    /// Whether the delta changes nothing when applied to `current`.
    pub fn is_noop(&self, current: &Workspace) -> bool {
        self.changed.is_empty()
            && self.office == current.office
            && self.notes == current.notes
            && self.settings == current.settings
            && self.letterhead.as_ref().is_none_or(|l| *l == current.letterhead)
            && self.renstra.as_ref().is_none_or(|r| *r == current.renstra)
            && self.order.iter().eq(current.agreements.iter().map(|a| &a.id))
    }
}

/// One recorded change.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Step {
    /// Goes back (on the undo stack) or forward (on the redo stack).
    pub delta: Delta,
    /// Changes with the same key in a row (typing in one field) become one step.
    #[serde(default)]
    pub group: Option<String>,
    /// What the change was, for the undo button's title (chosen by the UI). Stored by the message's
    /// name; a name this version does not know (or none) reads as no label.
    #[serde(default, serialize_with = "label_out", deserialize_with = "label_in")]
    pub label: Option<Msg>,
}

fn label_out<S: Serializer>(label: &Option<Msg>, out: S) -> Result<S::Ok, S::Error> {
    out.serialize_str(label.map(Msg::key).unwrap_or_default())
}

fn label_in<'de, D: Deserializer<'de>>(input: D) -> Result<Option<Msg>, D::Error> {
    Ok(Msg::from_key(&String::deserialize(input)?))
}

/// The undo and redo stacks.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct History {
    undo: Vec<Step>,
    redo: Vec<Step>,
}

/// How many steps are kept in memory.
pub const MAX_STEPS: usize = 200;

impl History {
    /// Records the change from `before` to `after`. A change in the same `group` as the previous step
    /// (e.g. the next key typed in the same field) extends that step instead of adding one.
    pub fn record(&mut self, before: &Workspace, after: &Workspace, label: Msg, group: Option<&str>) {
        let same_group =
            group.is_some() && self.undo.last().is_some_and(|last| last.group.as_deref() == group);
        if same_group {
            // Keep the older delta: it already leads back to the state before the typing began
            // (and nothing is computed per keystroke).
            self.redo.clear();
            return;
        }
        let delta = Delta::between(before, after);
        if delta.is_noop(after) {
            return;
        }
        self.redo.clear();
        self.undo.push(Step { delta, group: group.map(str::to_string), label: Some(label) });
        if self.undo.len() > MAX_STEPS {
            self.undo.remove(0);
        }
    }

    /// Ends the current typing group, so the next change starts a new step.
    pub fn seal(&mut self) {
        if let Some(last) = self.undo.last_mut() {
            last.group = None;
        }
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// The label of the step that undo would revert.
    pub fn undo_label(&self) -> Option<Msg> {
        self.undo.last().and_then(|s| s.label)
    }

    pub fn redo_label(&self) -> Option<Msg> {
        self.redo.last().and_then(|s| s.label)
    }

    /// Reverts the last change of `current`; returns the earlier state.
    pub fn undo(&mut self, current: &Workspace) -> Option<Workspace> {
        let step = self.undo.pop()?;
        let previous = step.delta.apply(current);
        let forward = Delta::between(current, &previous);
        self.redo.push(Step { delta: forward, group: None, label: step.label });
        Some(previous)
    }

    /// Re-applies the last undone change.
    pub fn redo(&mut self, current: &Workspace) -> Option<Workspace> {
        let step = self.redo.pop()?;
        let next = step.delta.apply(current);
        let back = Delta::between(current, &next);
        self.undo.push(Step { delta: back, group: None, label: step.label });
        Some(next)
    }

    /// The newest `n` undo steps (for keeping across a reload); redo is not kept.
    pub fn newest(&self, n: usize) -> History {
        let start = self.undo.len().saturating_sub(n);
        History { undo: self.undo[start..].to_vec(), redo: Vec::new() }
    }

    pub fn len(&self) -> usize {
        self.undo.len()
    }

    pub fn is_empty(&self) -> bool {
        self.undo.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::testing::*;

    fn ws() -> Workspace {
        workspace(vec![agreement("a", None, 2024), agreement("b", Some("a"), 2024)])
    }

    #[test]
    fn undo_and_redo_restore_exact_states() {
        let s0 = ws();
        let mut h = History::default();
        let mut s1 = s0.clone();
        s1.agreement_mut(&AgreementId::new("b")).unwrap().notes = "changed".into();
        h.record(&s0, &s1, Msg::ChangeField, None);
        let mut s2 = s1.clone();
        s2.agreements.push(Arc::new(agreement("c", None, 2025)));
        h.record(&s1, &s2, Msg::AddObjective, None);
        let mut s3 = s2.clone();
        s3.agreements.remove(0);
        s3.office = "Other".into();
        h.record(&s2, &s3, Msg::DeleteIndicator, None);

        assert_eq!(h.undo_label(), Some(Msg::DeleteIndicator));
        let back2 = h.undo(&s3).unwrap();
        assert_eq!(back2, s2);
        let back1 = h.undo(&back2).unwrap();
        assert_eq!(back1, s1);
        let back0 = h.undo(&back1).unwrap();
        assert_eq!(back0, s0);
        assert!(h.undo(&back0).is_none());
        assert_eq!(h.redo(&back0).unwrap(), s1);
        assert_eq!(h.redo(&s1).unwrap(), s2);
        assert_eq!(h.redo(&s2).unwrap(), s3);
        assert!(!h.can_redo());
    }

    #[test]
    fn a_delta_stores_only_changed_agreements() {
        let s0 = ws();
        let mut s1 = s0.clone();
        s1.agreement_mut(&AgreementId::new("b")).unwrap().notes = "x".into();
        let d = Delta::between(&s0, &s1);
        assert_eq!(d.changed.len(), 1);
        assert_eq!(d.changed[0].id.as_str(), "b");
    }

    #[test]
    fn typing_in_one_field_is_one_step() {
        let s0 = ws();
        let mut h = History::default();
        let mut prev = s0.clone();
        for text in ["a", "ab", "abc"] {
            let mut next = prev.clone();
            next.agreement_mut(&AgreementId::new("a")).unwrap().notes = text.into();
            h.record(&prev, &next, Msg::ChangeField, Some("a/notes"));
            prev = next;
        }
        assert_eq!(h.len(), 1);
        assert_eq!(h.undo(&prev).unwrap(), s0);
        // After sealing, the same field starts a new step.
        let mut h = History::default();
        let mut s1 = s0.clone();
        s1.notes = "1".into();
        h.record(&s0, &s1, Msg::ChangeField, Some("g"));
        h.seal();
        let mut s2 = s1.clone();
        s2.notes = "2".into();
        h.record(&s1, &s2, Msg::ChangeField, Some("g"));
        assert_eq!(h.len(), 2);
    }

    #[test]
    fn no_op_changes_are_not_recorded_and_new_changes_clear_redo() {
        let s0 = ws();
        let mut h = History::default();
        h.record(&s0, &s0.clone(), Msg::ChangeField, None);
        assert!(!h.can_undo());
        let mut s1 = s0.clone();
        s1.notes = "1".into();
        h.record(&s0, &s1, Msg::ChangeField, None);
        let back = h.undo(&s1).unwrap();
        assert!(h.can_redo());
        let mut s2 = back.clone();
        s2.notes = "2".into();
        h.record(&back, &s2, Msg::ChangeField, None);
        assert!(!h.can_redo());
    }

    #[test]
    fn steps_survive_serialisation() {
        let s0 = ws();
        let mut h = History::default();
        let mut s1 = s0.clone();
        s1.agreement_mut(&AgreementId::new("a")).unwrap().year = 2030;
        h.record(&s0, &s1, Msg::Year, None);
        let kept = h.newest(10);
        let text = serde_json::to_string(&kept).unwrap();
        let mut back: History = serde_json::from_str(&text).unwrap();
        assert_eq!(back.undo(&s1).unwrap(), s0);
    }

    #[test]
    fn labels_are_stored_by_message_name_and_old_steps_still_load() {
        let s0 = ws();
        let mut h = History::default();
        let mut s1 = s0.clone();
        s1.notes = "1".into();
        h.record(&s0, &s1, Msg::ChangeTarget, None);
        let text = serde_json::to_string(&h.newest(10)).unwrap();
        assert!(text.contains(r#""label":"ChangeTarget""#), "{text}");
        // Steps stored with a name this version does not know, or with none, load without a label.
        let step = |label: &str| text.replace(r#""label":"ChangeTarget""#, label);
        let back: History = serde_json::from_str(&text).unwrap();
        assert_eq!(back.undo_label(), Some(Msg::ChangeTarget));
        for stored in [step(r#""label":"NoSuchMessage""#), step(r#""label":"""#)] {
            let back: History = serde_json::from_str(&stored).unwrap();
            assert!(back.can_undo());
            assert_eq!(back.undo_label(), None);
        }
        let unlabelled = text.replace(r#","label":"ChangeTarget""#, "");
        assert_ne!(unlabelled, text);
        let back: History = serde_json::from_str(&unlabelled).unwrap();
        assert_eq!(back.undo_label(), None);
    }
}
