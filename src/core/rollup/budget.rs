//! The budget side of the rollup: does each program of a PK add up with its children's lines.

use crate::core::model::normalize::normalize;
use crate::core::model::{Agreement, AgreementId, Amount};
use rust_decimal::Decimal;

/// How a program line of a PK compares with the sum of its children.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BudgetStatus {
    /// The children add up exactly.
    Consistent,
    /// The children together get less than the PK (money not passed down).
    UnderAllocated,
    /// The children together get more than the PK.
    OverAllocated,
}

/// One program of a PK with children.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProgramCheck {
    pub program: String,
    /// The PK's first budget line of this program (`None` when only its children list it).
    pub line: Option<usize>,
    /// The PK's own amount as printed (`Blank` when the PK does not list the program).
    pub own: Amount,
    /// Each child's amount for this program, as printed.
    pub children: Vec<(AgreementId, Amount)>,
    pub children_sum: Decimal,
    /// `children_sum - own`: positive is over-allocated, negative under-allocated.
    pub difference: Decimal,
    pub status: BudgetStatus,
}

pub(super) fn programs(parent: &Agreement, children: &[&Agreement]) -> Vec<ProgramCheck> {
    // Each agreement's lines with their program normalised once.
    fn keyed(a: &Agreement) -> Vec<(String, &crate::core::model::BudgetLine)> {
        a.budget.iter().map(|b| (normalize(&b.program), b)).collect()
    }
    let parent_lines = keyed(parent);
    let child_lines: Vec<_> = children.iter().map(|c| keyed(c)).collect();
    // Programs in the parent's order, then those only the children list.
    let mut programs: Vec<(String, String)> = Vec::new();
    for (key, b) in parent_lines.iter().chain(child_lines.iter().flatten()) {
        if !programs.iter().any(|(k, _)| k == key) {
            programs.push((key.clone(), b.program.clone()));
        }
    }
    let line_of = |key: &str| parent_lines.iter().position(|(k, _)| k == key);
    let amount_of = |lines: &[(String, &crate::core::model::BudgetLine)], key: &str| -> Amount {
        let lines: Vec<&Amount> = lines.iter().filter(|(k, _)| k == key).map(|(_, b)| &b.amount).collect();
        match lines.as_slice() {
            [] => Amount::Blank,
            [one] => (*one).clone(),
            many => Amount::Value(many.iter().map(|a| a.for_sum()).sum()),
        }
    };
    programs
        .into_iter()
        .map(|(key, program)| {
            let own = amount_of(&parent_lines, &key);
            let line = line_of(&key);
            let children: Vec<(AgreementId, Amount)> = children
                .iter()
                .zip(&child_lines)
                .map(|(c, lines)| (c.id.clone(), amount_of(lines, &key)))
                .collect();
            let children_sum: Decimal = children.iter().map(|(_, a)| a.for_sum()).sum();
            let difference = children_sum - own.for_sum();
            let status = if difference.is_zero() {
                BudgetStatus::Consistent
            } else if difference.is_sign_positive() {
                BudgetStatus::OverAllocated
            } else {
                BudgetStatus::UnderAllocated
            };
            ProgramCheck { program, line, own, children, children_sum, difference, status }
        })
        .collect()
}
