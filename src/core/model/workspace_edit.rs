//! Editing operations on the workspace's PKs as a whole: adding, duplicating and deleting them,
//! setting a PK's parent, and keeping its indicators linked to the parent's. Like `edit.rs`, each
//! returns whether (or what) it changed, and undo is recorded around them by the caller (`History`).

use super::edit::{Children, ParentChange};
use super::*;
use std::collections::HashSet;

/// What deleting a PK would take with it ([`Workspace::deletion`]).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Deletion {
    /// PKs cascading directly from it.
    pub children: usize,
    /// Every PK below it, at any depth.
    pub below: usize,
    /// Of those, the signed ones.
    pub signed_below: usize,
}

impl Workspace {
    /// Adds an agreement after `after` (or at the end).
    pub fn insert_agreement(&mut self, agreement: Agreement, after: Option<&AgreementId>) {
        let at = after.and_then(|a| self.position(a)).map_or(self.agreements.len(), |i| i + 1);
        self.agreements.insert(at, Arc::new(agreement));
    }

    /// Creates a new empty agreement for `year`, with the office and unit most used in that year.
    pub fn create_agreement(&mut self, year: i32, ids: &mut IdGen) -> AgreementId {
        let same_year: Vec<&Agreement> =
            self.agreements.iter().filter(|a| a.year == year).map(|a| a.as_ref()).collect();
        let common = |f: fn(&Agreement) -> &str| -> String {
            let mut counts: Vec<(&str, usize)> = Vec::new();
            for a in &same_year {
                match counts.iter_mut().find(|(v, _)| *v == f(a)) {
                    Some((_, n)) => *n += 1,
                    None => counts.push((f(a), 1)),
                }
            }
            counts.into_iter().max_by_key(|(_, n)| *n).map(|(v, _)| v.to_string()).unwrap_or_default()
        };
        let office = if same_year.is_empty() { self.office.clone() } else { common(|a| &a.office) };
        let mut a = Agreement::blank(ids.agreement(), year, &office, &common(|a| &a.unit));
        a.place = common(|a| &a.place);
        let id = a.id.clone();
        self.insert_agreement(a, None);
        id
    }

    /// Duplicates an agreement (placed right after it); returns the copy's id.
    pub fn duplicate_agreement(&mut self, id: &AgreementId, ids: &mut IdGen) -> Option<AgreementId> {
        let copy = self.agreement(id)?.duplicate(ids);
        let new_id = copy.id.clone();
        self.insert_agreement(copy, Some(id));
        Some(new_id)
    }

    /// Chooses the workspace's own office (Data → Kantor); whether it changed. The office its files say
    /// they come from (`office`) follows, unless it already names the same office in other words
    /// ("Komisi Pemilihan Umum Provinsi Maluku" is "KPU Provinsi Maluku"): a kabupaten that started from
    /// the province's file must not send files that say they come from the province.
    pub fn choose_own_office(&mut self, name: &str) -> bool {
        let changed = self.settings.offices.set_own(name);
        let own = &self.settings.offices.own;
        if !own.is_empty() && super::offices::key(own) != super::offices::key(&self.office) {
            self.office = own.clone();
            return true;
        }
        changed
    }

    /// What deleting `id` would take: its direct lower PKs, every PK below it (what "delete it with
    /// its lower PKs" removes), and how many of those are signed (their signed versions go too).
    pub fn deletion(&self, id: &AgreementId) -> Deletion {
        let below: Vec<AgreementId> = self.subtree(id).into_iter().filter(|b| b != id).collect();
        Deletion {
            children: self.children(id).count(),
            below: below.len(),
            signed_below: below
                .iter()
                .filter_map(|b| self.agreement(b))
                .filter(|a| !a.life.versions.is_empty())
                .count(),
        }
    }

    /// Deletes an agreement; its children are detached or deleted with it. Returns the deleted ids.
    pub fn delete_agreement(&mut self, id: &AgreementId, children: Children) -> Vec<AgreementId> {
        if self.agreement(id).is_none() {
            return Vec::new();
        }
        let removed: Vec<AgreementId> = match children {
            Children::DeleteAll => self.subtree(id),
            Children::Detach => vec![id.clone()],
        };
        let gone: HashSet<&AgreementId> = removed.iter().collect();
        self.agreements.retain(|a| !gone.contains(&a.id));
        for a in self.agreements.iter_mut() {
            if a.parent.as_ref().is_some_and(|p| gone.contains(p)) {
                Arc::make_mut(a).parent = None;
            }
        }
        removed
    }

    /// Sets (or clears) the agreement this one cascades from; refuses links that would form a cycle.
    pub fn set_parent(&mut self, id: &AgreementId, parent: Option<AgreementId>) -> bool {
        if let Some(p) = &parent {
            if p == id || self.subtree(id).contains(p) || self.agreement(p).is_none() {
                return false;
            }
        }
        match self.agreement_mut(id) {
            Some(a) if a.parent != parent => {
                a.parent = parent;
                true
            }
            _ => false,
        }
    }

    /// Creates a lower PK from `parent` ("turunkan"): its Pihak Kedua is the parent's Pihak Pertama; it
    /// carries the chosen parent indicators (copied, linked by id), grouped under copies of their sasaran;
    /// the parent's programs are listed with empty amounts.
    pub fn cascade_from(
        &mut self,
        parent: &AgreementId,
        pick: &[IndicatorId],
        first_party: Party,
        ids: &mut IdGen,
    ) -> Option<AgreementId> {
        let p = self.agreement(parent)?.clone();
        let picked: HashSet<&IndicatorId> = pick.iter().collect();
        let mut child = Agreement::blank(ids.agreement(), p.year, &p.office, &p.unit);
        child.first_party = first_party;
        child.second_party = p.first_party.clone();
        child.parent = Some(p.id.clone());
        child.place = p.place.clone();
        child.date = p.date.clone();
        for o in &p.objectives {
            let indicators: Vec<Indicator> = o
                .indicators
                .iter()
                .filter(|i| picked.contains(&i.id))
                .map(|i| Indicator {
                    id: ids.indicator(),
                    text: i.text.clone(),
                    target: i.target.clone(),
                    parent: Some(ParentLink { id: i.id.clone(), text: i.text.clone() }),
                    measurement: Default::default(),
                    predecessor: None,
                })
                .collect();
            if !indicators.is_empty() {
                child.objectives.push(Objective { id: ids.objective(), text: o.text.clone(), indicators });
            }
        }
        child.budget = p.budget.iter().map(|b| BudgetLine::new(b.program.clone(), Amount::Blank)).collect();
        let id = child.id.clone();
        // After the parent's last descendant, so the list stays in cascade order.
        let last = self.subtree(parent).last().cloned();
        self.insert_agreement(child, last.as_ref());
        Some(id)
    }

    /// The linked indicators of `id` whose parent text changed since linking, or whose parent is gone.
    pub fn parent_changes(&self, id: &AgreementId) -> Vec<ParentChange> {
        let Some(a) = self.agreement(id) else { return Vec::new() };
        let parent = a.parent.as_ref().and_then(|p| self.agreement(p));
        a.indicators()
            .filter_map(|(_, i)| {
                let link = i.parent.as_ref()?;
                let now = parent.and_then(|p| p.find_indicator(&link.id)).map(|p| p.text.clone());
                (now.as_deref() != Some(link.text.as_str())).then(|| ParentChange {
                    indicator: i.id.clone(),
                    was: link.text.clone(),
                    now,
                })
            })
            .collect()
    }

    /// Takes the parent's current text for a child indicator (and records it as synchronised).
    pub fn take_parent_text(&mut self, id: &AgreementId, indicator: &IndicatorId) -> bool {
        let Some(text) = self.current_parent_text(id, indicator) else { return false };
        let Some(a) = self.agreement_mut(id) else { return false };
        let Some(i) = a.indicator_mut(indicator) else { return false };
        i.text = text.clone();
        if let Some(link) = i.parent.as_mut() {
            link.text = text;
        }
        true
    }

    /// Keeps the child's text but records the parent's change as seen.
    pub fn keep_own_text(&mut self, id: &AgreementId, indicator: &IndicatorId) -> bool {
        let Some(text) = self.current_parent_text(id, indicator) else { return false };
        let Some(a) = self.agreement_mut(id) else { return false };
        match a.indicator_mut(indicator).and_then(|i| i.parent.as_mut()) {
            Some(link) if link.text != text => {
                link.text = text;
                true
            }
            _ => false,
        }
    }

    /// Removes the link of a child indicator (e.g. when the parent indicator was deleted).
    pub fn unlink_indicator(&mut self, id: &AgreementId, indicator: &IndicatorId) -> bool {
        match self.agreement_mut(id).and_then(|a| a.indicator_mut(indicator)) {
            Some(i) if i.parent.is_some() => {
                i.parent = None;
                true
            }
            _ => false,
        }
    }

    /// Links a child indicator to a parent indicator (the user confirmed a match).
    pub fn link_indicator(
        &mut self,
        id: &AgreementId,
        indicator: &IndicatorId,
        parent_indicator: &IndicatorId,
    ) -> bool {
        let Some((_, p)) = self.find_indicator(parent_indicator) else { return false };
        let link = ParentLink { id: p.id.clone(), text: p.text.clone() };
        match self.agreement_mut(id).and_then(|a| a.indicator_mut(indicator)) {
            Some(i) if i.parent.as_ref() != Some(&link) => {
                i.parent = Some(link);
                true
            }
            _ => false,
        }
    }

    fn current_parent_text(&self, id: &AgreementId, indicator: &IndicatorId) -> Option<String> {
        let a = self.agreement(id)?;
        let link = a.find_indicator(indicator)?.parent.as_ref()?;
        let parent = self.agreement(a.parent.as_ref()?)?;
        parent.find_indicator(&link.id).map(|p| p.text.clone())
    }
}
