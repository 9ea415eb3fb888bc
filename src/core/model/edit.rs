//! Editing operations, as methods on the domain types. Each returns whether (or what) it changed;
//! undo is recorded around them by the caller (`History`), so every operation is undoable.

use super::*;
use std::collections::HashSet;

/// A text field of an agreement.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Field {
    Office,
    Unit,
    Place,
    Date,
    Notes,
    FirstName,
    FirstPosition,
    SecondName,
    SecondPosition,
}

/// What happens to the agreements below one that is deleted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Children {
    /// They stay, without a parent (they become top-level).
    Detach,
    /// They are deleted too, with their own subtrees.
    DeleteAll,
}

/// A parent indicator whose text changed since the child was linked (or that no longer exists).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParentChange {
    pub indicator: IndicatorId,
    /// The parent's text when linked.
    pub was: String,
    /// The parent's text now; `None` when the parent indicator is gone.
    pub now: Option<String>,
}

/// Moves element `i` by `delta` positions within `v`; false when it cannot move.
fn shift<T>(v: &mut [T], i: usize, delta: isize) -> bool {
    let j = i as isize + delta;
    if j < 0 || j >= v.len() as isize || delta == 0 {
        return false;
    }
    let j = j as usize;
    if j > i {
        v[i..=j].rotate_left(1);
    } else {
        v[j..=i].rotate_right(1);
    }
    true
}

impl Agreement {
    /// A new, empty agreement.
    pub fn blank(id: AgreementId, year: i32, office: &str, unit: &str) -> Agreement {
        Agreement {
            id,
            year,
            office: office.to_string(),
            unit: unit.to_string(),
            first_party: Party::default(),
            second_party: Party::default(),
            parent: None,
            place: String::new(),
            date: format!("Januari {year}"),
            objectives: Vec::new(),
            budget: Vec::new(),
            notes: String::new(),
            origin: None,
            life: Default::default(),
            predecessor: None,
        }
    }

    pub fn set_field(&mut self, field: Field, value: &str) -> bool {
        let slot = match field {
            Field::Office => &mut self.office,
            Field::Unit => &mut self.unit,
            Field::Place => &mut self.place,
            Field::Date => &mut self.date,
            Field::Notes => &mut self.notes,
            Field::FirstName => &mut self.first_party.name,
            Field::FirstPosition => &mut self.first_party.position,
            Field::SecondName => &mut self.second_party.name,
            Field::SecondPosition => &mut self.second_party.position,
        };
        if slot == value {
            return false;
        }
        *slot = value.to_string();
        true
    }

    pub fn field(&self, field: Field) -> &str {
        match field {
            Field::Office => &self.office,
            Field::Unit => &self.unit,
            Field::Place => &self.place,
            Field::Date => &self.date,
            Field::Notes => &self.notes,
            Field::FirstName => &self.first_party.name,
            Field::FirstPosition => &self.first_party.position,
            Field::SecondName => &self.second_party.name,
            Field::SecondPosition => &self.second_party.position,
        }
    }

    pub fn set_year(&mut self, year: i32) -> bool {
        let changed = self.year != year;
        self.year = year;
        changed
    }

    fn objective_index(&self, id: &ObjectiveId) -> Option<usize> {
        self.objectives.iter().position(|o| &o.id == id)
    }

    /// (objective index, indicator index) of an indicator.
    pub fn locate(&self, id: &IndicatorId) -> Option<(usize, usize)> {
        self.objectives
            .iter()
            .enumerate()
            .find_map(|(oi, o)| o.indicators.iter().position(|i| &i.id == id).map(|ii| (oi, ii)))
    }

    pub fn objective(&self, id: &ObjectiveId) -> Option<&Objective> {
        self.objectives.iter().find(|o| &o.id == id)
    }

    pub(crate) fn indicator_mut(&mut self, id: &IndicatorId) -> Option<&mut Indicator> {
        let (oi, ii) = self.locate(id)?;
        Some(&mut self.objectives[oi].indicators[ii])
    }

    /// Adds a sasaran (with one empty indicator) after `after`, or at the end.
    pub fn add_objective(
        &mut self,
        after: Option<&ObjectiveId>,
        ids: &mut IdGen,
    ) -> (ObjectiveId, IndicatorId) {
        let indicator = Indicator {
            id: ids.indicator(),
            text: String::new(),
            target: Target::default(),
            parent: None,
            measurement: Default::default(),
            predecessor: None,
        };
        let objective = Objective { id: ids.objective(), text: String::new(), indicators: vec![indicator] };
        let ids_out = (objective.id.clone(), objective.indicators[0].id.clone());
        let at = after.and_then(|a| self.objective_index(a)).map_or(self.objectives.len(), |i| i + 1);
        self.objectives.insert(at, objective);
        ids_out
    }

    pub fn set_objective_text(&mut self, id: &ObjectiveId, text: &str) -> bool {
        match self.objectives.iter_mut().find(|o| &o.id == id) {
            Some(o) if o.text != text => {
                o.text = text.to_string();
                true
            }
            _ => false,
        }
    }

    /// Moves a sasaran up (`-1`) or down (`+1`).
    pub fn move_objective(&mut self, id: &ObjectiveId, delta: isize) -> bool {
        self.objective_index(id).is_some_and(|i| shift(&mut self.objectives, i, delta))
    }

    pub fn delete_objective(&mut self, id: &ObjectiveId) -> bool {
        let before = self.objectives.len();
        self.objectives.retain(|o| &o.id != id);
        self.objectives.len() != before
    }

    /// Adds an empty indicator to a sasaran, after `after` or at its end.
    pub fn add_indicator(
        &mut self,
        objective: &ObjectiveId,
        after: Option<&IndicatorId>,
        ids: &mut IdGen,
    ) -> Option<IndicatorId> {
        let oi = self.objective_index(objective)?;
        let o = &mut self.objectives[oi];
        let at = after
            .and_then(|a| o.indicators.iter().position(|i| &i.id == a))
            .map_or(o.indicators.len(), |i| i + 1);
        let id = ids.indicator();
        o.indicators.insert(
            at,
            Indicator {
                id: id.clone(),
                text: String::new(),
                target: Target::default(),
                parent: None,
                measurement: Default::default(),
                predecessor: None,
            },
        );
        Some(id)
    }

    pub fn set_indicator_text(&mut self, id: &IndicatorId, text: &str) -> bool {
        match self.indicator_mut(id) {
            Some(i) if i.text != text => {
                i.text = text.to_string();
                true
            }
            _ => false,
        }
    }

    pub fn set_target(&mut self, id: &IndicatorId, text: &str) -> bool {
        match self.indicator_mut(id) {
            Some(i) if i.target.text() != text => {
                i.target = Target::new(text);
                true
            }
            _ => false,
        }
    }

    /// Moves an indicator up or down; past the first or last indicator of its sasaran it moves into the
    /// neighbouring sasaran (end of the one above, start of the one below).
    pub fn move_indicator(&mut self, id: &IndicatorId, delta: isize) -> bool {
        let Some((oi, ii)) = self.locate(id) else { return false };
        if shift(&mut self.objectives[oi].indicators, ii, delta) {
            return true;
        }
        let target = oi as isize + delta.signum();
        if delta == 0 || target < 0 || target >= self.objectives.len() as isize {
            return false;
        }
        let indicator = self.objectives[oi].indicators.remove(ii);
        let target = &mut self.objectives[target as usize].indicators;
        if delta < 0 {
            target.push(indicator);
        } else {
            target.insert(0, indicator);
        }
        true
    }

    pub fn delete_indicator(&mut self, id: &IndicatorId) -> bool {
        match self.locate(id) {
            Some((oi, ii)) => {
                self.objectives[oi].indicators.remove(ii);
                true
            }
            None => false,
        }
    }

    pub fn add_budget_line(&mut self) -> usize {
        self.budget.push(BudgetLine::new(String::new(), Amount::Blank));
        self.budget.len() - 1
    }

    pub fn set_program(&mut self, index: usize, program: &str) -> bool {
        match self.budget.get_mut(index) {
            Some(b) if b.program != program => {
                b.program = program.to_string();
                true
            }
            _ => false,
        }
    }

    pub fn set_amount(&mut self, index: usize, amount: Amount) -> bool {
        match self.budget.get_mut(index) {
            Some(b) if b.amount != amount => {
                b.amount = amount;
                true
            }
            _ => false,
        }
    }

    pub fn move_budget_line(&mut self, index: usize, delta: isize) -> bool {
        index < self.budget.len() && shift(&mut self.budget, index, delta)
    }

    pub fn delete_budget_line(&mut self, index: usize) -> bool {
        if index < self.budget.len() {
            self.budget.remove(index);
            true
        } else {
            false
        }
    }

    /// Appends pasted sasaran (with their indicators) at the end; returns how many were added.
    pub fn append_objectives(&mut self, rows: &[(String, Vec<(String, String)>)], ids: &mut IdGen) -> usize {
        for (text, indicators) in rows {
            let indicators = indicators
                .iter()
                .map(|(t, target)| Indicator {
                    id: ids.indicator(),
                    text: t.clone(),
                    target: Target::new(target.clone()),
                    parent: None,
                    measurement: Default::default(),
                    predecessor: None,
                })
                .collect();
            self.objectives.push(Objective { id: ids.objective(), text: text.clone(), indicators });
        }
        rows.len()
    }

    /// A deep copy with fresh ids for the agreement, its sasaran and indicators (links to parents kept).
    pub fn duplicate(&self, ids: &mut IdGen) -> Agreement {
        let mut copy = self.clone();
        copy.id = ids.agreement();
        copy.origin = None;
        // A copy is a new draft: it was never signed.
        copy.life = Default::default();
        for o in &mut copy.objectives {
            o.id = ids.objective();
            for i in &mut o.indicators {
                i.id = ids.indicator();
            }
        }
        copy
    }
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

#[cfg(test)]
#[path = "edit_tests.rs"]
mod tests;
