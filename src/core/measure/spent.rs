//! A PK's realisasi anggaran: what it spent on each program per quarter (its own entry, else its lower
//! PKs' by the same rule, down the cascade), to date, and as a share of the amount. The budget half of
//! every measurement table ([`super::table::Table::budget`]).

use super::Quarter;
use crate::core::model::links::Links;
use crate::core::model::normalize::normalize;
use crate::core::model::{Agreement, Amount};
use rust_decimal::{Decimal, RoundingStrategy};

/// One program's realisasi anggaran to date.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BudgetRow {
    pub program: String,
    pub amount: Amount,
    /// The realisasi through this quarter: per quarter, the PK's own entry when entered, else what its
    /// lower PKs spent on the program (by the same rule, down the cascade); `None`: none reported.
    pub spent: Option<Decimal>,
    /// `spent` as a percentage of the amount (two decimals), when both are there.
    pub percent: Option<Decimal>,
    /// What the lower PKs spent on the same program to date, added up (as their budgets are in the
    /// rollup); `None` without lower PKs or reports.
    pub children_spent: Option<Decimal>,
    /// Every quarter of `spent` comes from the lower PKs (nothing was entered here).
    pub from_below: bool,
    /// The latest quarter, up to this one, with a figure (here or below): what `spent` runs through. When it
    /// is an earlier quarter, this quarter is not reported (and never looks reported).
    pub through: Option<Quarter>,
    /// The quarters where an entry here differs from what the lower PKs report (both present).
    pub differs: Vec<Quarter>,
}

/// What one PK spent on a program (normalized name `key`) in quarter `q`: its own entry when it has
/// one (a figure, or "-" for nothing spent), else the sum of its lower PKs' by the same rule; `None`
/// when nothing is reported here or anywhere below. The one rule of the budget's cascade, used by
/// every view, print and CSV.
pub fn program_spent(links: &Links, a: &Agreement, key: &str, q: Quarter) -> Option<Decimal> {
    let memo = (a.id.clone(), key.to_string(), q.index());
    if let Some(known) = links.spent_memo().borrow().get(&memo) {
        return *known;
    }
    // Marked before going down, so that a loop in the parent links (a broken file) ends here.
    links.spent_memo().borrow_mut().insert(memo.clone(), None);
    let own = a.budget.iter().find(|b| normalize(&b.program) == key).map(|b| &b.actual[q.index()]);
    let spent = match own {
        Some(Amount::Value(v)) => Some(*v),
        Some(Amount::Dash) => Some(Decimal::ZERO),
        _ => below_spent(links, a, key, q),
    };
    links.spent_memo().borrow_mut().insert(memo, spent);
    spent
}

/// The lower PKs' realisasi of a program in quarter `q`, added up (`None`: none of them reported).
fn below_spent(links: &Links, a: &Agreement, key: &str, q: Quarter) -> Option<Decimal> {
    let below: Vec<Decimal> = links.children(&a.id).filter_map(|c| program_spent(links, c, key, q)).collect();
    (!below.is_empty()).then(|| below.iter().sum())
}

/// Adds up the quarters through `q` of a per-quarter figure (`None` when no quarter has one).
fn through(q: Quarter, per_quarter: impl Fn(Quarter) -> Option<Decimal>) -> Option<Decimal> {
    let values: Vec<Decimal> = q.to_date().filter_map(per_quarter).collect();
    (!values.is_empty()).then(|| values.iter().sum())
}

/// Realisasi anggaran as a percentage of the amount (two decimals, half away from zero).
pub fn absorption(spent: Decimal, amount: &Amount) -> Option<Decimal> {
    let total = amount.value().filter(|v| !v.is_zero())?;
    Some(
        (spent / total * Decimal::ONE_HUNDRED)
            .round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero),
    )
}

/// Every program's realisasi anggaran of agreement `a` through quarter `q`.
pub fn budget_rows(links: &Links, a: &Agreement, q: Quarter) -> Vec<BudgetRow> {
    a.budget
        .iter()
        .map(|b| {
            let key = normalize(&b.program);
            let spent = through(q, |p| program_spent(links, a, &key, p));
            let children_spent = through(q, |p| below_spent(links, a, &key, p));
            let entered = |p: Quarter| b.actual[p.index()] != Amount::Blank;
            let from_below = spent.is_some() && q.to_date().all(|p| !entered(p));
            let through = q.to_date().filter(|p| program_spent(links, a, &key, *p).is_some()).last();
            let differs = q
                .to_date()
                .filter(|p| entered(*p))
                .filter(|p| {
                    below_spent(links, a, &key, *p)
                        .is_some_and(|below| Some(below) != program_spent(links, a, &key, *p))
                })
                .collect();
            BudgetRow {
                program: b.program.clone(),
                amount: b.amount.clone(),
                spent,
                percent: spent.and_then(|s| absorption(s, &b.amount)),
                children_spent,
                from_below,
                through,
                differs,
            }
        })
        .collect()
}
