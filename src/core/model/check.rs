//! Checks that help while writing a PK: shown next to the field, never blocking a save.

use super::amount::Implausible;
use super::edit::Field;
use super::normalize::normalize;
use super::{Agreement, IndicatorId, ObjectiveId};
use std::collections::HashMap;

/// Where a problem is.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Place {
    Field(Field),
    Objective(ObjectiveId),
    IndicatorText(IndicatorId),
    Target(IndicatorId),
    Program(usize),
    Amount(usize),
}

/// What the problem is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum IssueKind {
    /// Required text is empty.
    Empty,
    /// A sasaran without indicators.
    NoIndicators,
    /// The target has no number (kept as text).
    TargetNoValue,
    /// The same indicator (after normalising) appears earlier in the PK, at `first` (1-based "s.i").
    DuplicateIndicator {
        first: String,
    },
    NegativeAmount,
    AbsurdAmount,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Issue {
    pub place: Place,
    pub kind: IssueKind,
}

impl Agreement {
    /// Every problem worth pointing at in this agreement.
    pub fn check(&self) -> Vec<Issue> {
        let mut out = Vec::new();
        let mut push = |place, kind| out.push(Issue { place, kind });
        for f in
            [Field::Unit, Field::FirstName, Field::FirstPosition, Field::SecondName, Field::SecondPosition]
        {
            if self.field(f).trim().is_empty() {
                push(Place::Field(f), IssueKind::Empty);
            }
        }
        let mut seen: HashMap<String, String> = HashMap::new();
        for (si, o) in self.objectives.iter().enumerate() {
            if o.text.trim().is_empty() {
                push(Place::Objective(o.id.clone()), IssueKind::Empty);
            }
            if o.indicators.is_empty() {
                push(Place::Objective(o.id.clone()), IssueKind::NoIndicators);
            }
            for (ii, i) in o.indicators.iter().enumerate() {
                if i.text.trim().is_empty() {
                    push(Place::IndicatorText(i.id.clone()), IssueKind::Empty);
                } else {
                    let key = normalize(&i.text);
                    let here = format!("{}.{}", si + 1, ii + 1);
                    match seen.get(&key) {
                        Some(first) => push(
                            Place::IndicatorText(i.id.clone()),
                            IssueKind::DuplicateIndicator { first: first.clone() },
                        ),
                        None => {
                            seen.insert(key, here);
                        }
                    }
                }
                if i.target.text().trim().is_empty() {
                    push(Place::Target(i.id.clone()), IssueKind::Empty);
                } else if i.target.quantity().is_none() {
                    push(Place::Target(i.id.clone()), IssueKind::TargetNoValue);
                }
            }
        }
        for (bi, b) in self.budget.iter().enumerate() {
            if b.program.trim().is_empty() {
                push(Place::Program(bi), IssueKind::Empty);
            }
            match b.amount.implausible() {
                Some(Implausible::Negative) => push(Place::Amount(bi), IssueKind::NegativeAmount),
                Some(Implausible::Absurd) => push(Place::Amount(bi), IssueKind::AbsurdAmount),
                None => {}
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::testing::*;
    use crate::core::model::{Amount, BudgetLine};
    use rust_decimal::Decimal;

    #[test]
    fn points_at_each_problem() {
        let mut a = agreement("a", None, 2024);
        a.first_party.name = " ".into();
        a.objectives = vec![
            objective(
                "s1",
                "Sasaran",
                vec![
                    indicator("i1", "Persentase pegawai", "75%", None),
                    indicator("i2", "", "", None),
                    indicator("i3", "Presentase  pegawai.", "WTP", None),
                ],
            ),
            objective("s2", "", vec![]),
        ];
        a.budget = vec![
            BudgetLine::new("", Amount::Value(Decimal::from(-5))),
            BudgetLine::new("B", Amount::Value(Decimal::from(10_000_000_000_000_000_i64))),
        ];
        let issues = a.check();
        let has = |place: Place, kind: IssueKind| issues.contains(&Issue { place, kind });
        assert!(has(Place::Field(Field::FirstName), IssueKind::Empty));
        assert!(has(Place::IndicatorText(IndicatorId::new("i2")), IssueKind::Empty));
        assert!(has(Place::Target(IndicatorId::new("i2")), IssueKind::Empty));
        assert!(has(Place::Target(IndicatorId::new("i3")), IssueKind::TargetNoValue));
        assert!(has(
            Place::IndicatorText(IndicatorId::new("i3")),
            IssueKind::DuplicateIndicator { first: "1.1".into() }
        ));
        assert!(has(Place::Objective(ObjectiveId::new("s2")), IssueKind::Empty));
        assert!(has(Place::Objective(ObjectiveId::new("s2")), IssueKind::NoIndicators));
        assert!(has(Place::Program(0), IssueKind::Empty));
        assert!(has(Place::Amount(0), IssueKind::NegativeAmount));
        assert!(has(Place::Amount(1), IssueKind::AbsurdAmount));
        assert!(!issues.iter().any(|i| i.place == Place::IndicatorText(IndicatorId::new("i1"))));
    }

    #[test]
    fn the_embedded_dataset_only_lacks_the_names_missing_from_the_source() {
        let ws = crate::core::seed::workspace().unwrap();
        let issues: Vec<(String, Issue)> = ws
            .agreements
            .iter()
            .flat_map(|a| a.check().into_iter().map(move |i| (a.id.0.clone(), i)))
            .collect();
        let expected = vec![
            (
                "kpu-maluku-2024-kabag-teknis-hukum-sdm".to_string(),
                Issue { place: Place::Field(Field::FirstName), kind: IssueKind::Empty },
            ),
            (
                "kpu-maluku-2024-kasubag-teknis-parmas".to_string(),
                Issue { place: Place::Field(Field::SecondName), kind: IssueKind::Empty },
            ),
            (
                "kpu-maluku-2024-kasubag-hukum-sdm".to_string(),
                Issue { place: Place::Field(Field::SecondName), kind: IssueKind::Empty },
            ),
        ];
        assert_eq!(issues, expected);
    }
}
