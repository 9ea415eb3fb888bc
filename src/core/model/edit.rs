//! Editing operations on one agreement (its fields, sasaran, indicators and budget lines), as methods;
//! those on the workspace's PKs as a whole (adding, deleting, re-parenting) are in `workspace_edit.rs`.
//! Each returns whether (or what) it changed; undo is recorded around them by the caller (`History`),
//! so every operation is undoable.

use super::*;

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
            transcribed_from: String::new(),
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
        copy.transcribed_from = String::new();
        for o in &mut copy.objectives {
            o.id = ids.objective();
            for i in &mut o.indicators {
                i.id = ids.indicator();
            }
        }
        copy
    }
}

#[cfg(test)]
#[path = "edit_tests.rs"]
mod tests;
