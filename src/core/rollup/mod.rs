//! The rollup: for a year (or one PK and its subtree), whether the lower PKs carry the indicators of the
//! PK above them, whether their targets agree, and whether their budgets add up, program by program.
//! A pure function of the workspace, native-tested (also on the embedded dataset). The rollup and the
//! capaian of every PK (`capaian.rs`) are also worked out a step of PKs at a time, on one runner
//! (`steps.rs`).

use crate::core::model::links::{first_positions, Links};
use crate::core::model::normalize::normalize;
use crate::core::model::{Agreement, AgreementId, Amount, Indicator, IndicatorId, Target, Workspace};
use rust_decimal::Decimal;
use std::collections::{HashMap, HashSet};
pub use steps::{PkSteps, StepWork};

pub mod capaian;
mod steps;

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

/// How a child indicator was matched to a parent indicator.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Match {
    /// By the explicit link.
    Linked,
    /// By equal text after normalising; the user may confirm it into a link.
    SameText,
}

/// A child indicator carrying a parent indicator.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Carrier {
    pub agreement: AgreementId,
    pub indicator: IndicatorId,
    pub how: Match,
    pub target: Target,
}

/// How the targets of the carriers compare with the parent's target.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TargetCheck {
    /// Carried by no child.
    NotCarried,
    /// Every carrier has the parent's target (value and unit).
    Same,
    /// A count split among children whose values add up to the parent's.
    SplitAddsUp { sum: Decimal },
    /// Different values or units (for counts split among children: `sum` is what they add up to).
    Differs { sum: Option<Decimal> },
}

/// One indicator of a PK with children, and who carries it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IndicatorCoverage {
    pub id: IndicatorId,
    /// `s.i`, 1-based, as numbered in the PK.
    pub number: String,
    pub text: String,
    pub target: Target,
    pub carriers: Vec<Carrier>,
    pub check: TargetCheck,
}

impl IndicatorCoverage {
    /// The carriers whose own target is not the parent's: each is a place to fix when the targets
    /// differ (a carrier that already has the parent's target is not).
    pub fn differing_carriers(&self) -> impl Iterator<Item = &Carrier> {
        let differs = matches!(self.check, TargetCheck::Differs { .. });
        self.carriers.iter().filter(move |c| differs && !c.target.same_as(&self.target))
    }
}

/// A child indicator that belongs to nothing in the parent PK.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Orphan {
    pub agreement: AgreementId,
    pub indicator: IndicatorId,
    pub number: String,
    pub text: String,
}

/// One PK in the rollup.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NodeRollup {
    pub id: AgreementId,
    pub depth: usize,
    pub children: Vec<AgreementId>,
    /// The PK's own budget lines as printed (for leaves, and for display).
    pub own_budget: Vec<(String, Amount)>,
    /// Per program: own vs children (empty for a leaf: leaves are not checked).
    pub programs: Vec<ProgramCheck>,
    /// The PK's indicators and their carriers (empty for a leaf).
    pub coverage: Vec<IndicatorCoverage>,
    /// Children's indicators that carry nothing of this PK.
    pub orphans: Vec<Orphan>,
}

impl NodeRollup {
    pub fn is_leaf(&self) -> bool {
        self.children.is_empty()
    }

    pub fn budget_flags(&self) -> impl Iterator<Item = &ProgramCheck> {
        self.programs.iter().filter(|p| p.status != BudgetStatus::Consistent)
    }

    pub fn not_cascaded(&self) -> impl Iterator<Item = &IndicatorCoverage> {
        self.coverage.iter().filter(|c| c.carriers.is_empty())
    }

    pub fn target_differences(&self) -> impl Iterator<Item = &IndicatorCoverage> {
        self.coverage.iter().filter(|c| matches!(c.check, TargetCheck::Differs { .. }))
    }

    /// Matches by text that are not links yet: (parent indicator, carrier).
    pub fn unconfirmed(&self) -> impl Iterator<Item = (&IndicatorCoverage, &Carrier)> {
        self.coverage
            .iter()
            .flat_map(|c| c.carriers.iter().filter(|k| k.how == Match::SameText).map(move |k| (c, k)))
    }
}

/// Totals for the top of the rollup.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Summary {
    /// Number of PKs at each level (index 0 = top level).
    pub per_level: Vec<usize>,
    pub agreements: usize,
    pub indicators: usize,
    /// Indicators of PKs that have lower PKs (the ones that should be cascaded).
    pub cascadable: usize,
    /// Of those, carried by at least one lower PK.
    pub cascaded: usize,
    pub orphans: usize,
    pub target_differences: usize,
    pub unconfirmed: usize,
    /// Program lines whose children do not add up.
    pub budget_flags: usize,
    /// Sum of the over-allocations (positive differences).
    pub over_allocated: Decimal,
    /// Sum of the under-allocations (as a positive amount).
    pub under_allocated: Decimal,
}

impl Summary {
    pub fn budget_consistent(&self) -> bool {
        self.budget_flags == 0
    }

    /// Every indicator carried, none orphaned, targets agree, no match left to confirm.
    pub fn coverage_complete(&self) -> bool {
        self.cascaded == self.cascadable
            && self.orphans == 0
            && self.target_differences == 0
            && self.unconfirmed == 0
    }
}

/// The rollup of a year, or of `root` and its subtree.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rollup {
    pub year: i32,
    pub root: Option<AgreementId>,
    /// In cascade order (pre-order).
    pub nodes: Vec<NodeRollup>,
    pub summary: Summary,
    /// Where each node sits in `nodes`, by PK: every card of the page looks its node up.
    at: HashMap<AgreementId, usize>,
}

impl Rollup {
    pub fn node(&self, id: &AgreementId) -> Option<&NodeRollup> {
        self.at.get(id).map(|&i| &self.nodes[i])
    }
}

/// `s.i` numbers of every indicator of an agreement.
fn numbers(a: &Agreement) -> HashMap<&IndicatorId, String> {
    let mut out = HashMap::new();
    for (si, o) in a.objectives.iter().enumerate() {
        for (ii, i) in o.indicators.iter().enumerate() {
            out.insert(&i.id, format!("{}.{}", si + 1, ii + 1));
        }
    }
    out
}

/// Compares the parent's target with its carriers' (never summing or averaging percentages).
fn check_targets(parent: &Target, carriers: &[Carrier]) -> TargetCheck {
    if carriers.is_empty() {
        return TargetCheck::NotCarried;
    }
    if carriers.iter().all(|c| c.target.same_as(parent)) {
        return TargetCheck::Same;
    }
    let Some(pq) = parent.quantity() else { return TargetCheck::Differs { sum: None } };
    if pq.is_percent() || carriers.len() < 2 {
        return TargetCheck::Differs { sum: None };
    }
    // A count split among children: same unit everywhere, values add up.
    let quantities: Option<Vec<_>> = carriers.iter().map(|c| c.target.quantity()).collect();
    match quantities {
        Some(qs) if qs.iter().all(|q| q.unit_key() == pq.unit_key()) => {
            let sum: Decimal = qs.iter().map(|q| q.value).sum();
            if sum == pq.value {
                TargetCheck::SplitAddsUp { sum }
            } else {
                TargetCheck::Differs { sum: Some(sum) }
            }
        }
        _ => TargetCheck::Differs { sum: None },
    }
}

fn budget(parent: &Agreement, children: &[&Agreement]) -> Vec<ProgramCheck> {
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

fn coverage(parent: &Agreement, children: &[&Agreement]) -> (Vec<IndicatorCoverage>, Vec<Orphan>) {
    // The parent's indicators in order, with their `s.i` numbers; a link is found by id through one
    // index (a national year has 5 520 PKs to go through on every change).
    let listed: Vec<(&Indicator, String)> = parent
        .objectives
        .iter()
        .enumerate()
        .flat_map(|(si, o)| {
            o.indicators.iter().enumerate().map(move |(ii, i)| (i, format!("{}.{}", si + 1, ii + 1)))
        })
        .collect();
    let by_id: HashMap<&IndicatorId, usize> =
        listed.iter().enumerate().map(|(n, (i, _))| (&i.id, n)).collect();
    // Matching by text is only needed for indicators without a (working) link: built on first use.
    let mut by_text: Option<HashMap<String, usize>> = None;
    let mut carriers: Vec<Vec<Carrier>> = vec![Vec::new(); listed.len()];
    let mut orphans = Vec::new();
    for child in children {
        // Numbers are only needed to name an orphan: built on first use.
        let mut child_numbers: Option<HashMap<&IndicatorId, String>> = None;
        for (_, ind) in child.indicators() {
            let linked = ind.parent.as_ref().and_then(|l| by_id.get(&l.id)).map(|n| (*n, Match::Linked));
            let found = linked.or_else(|| {
                let index = by_text.get_or_insert_with(|| {
                    listed.iter().enumerate().map(|(n, (i, _))| (normalize(&i.text), n)).collect()
                });
                index.get(&normalize(&ind.text)).map(|n| (*n, Match::SameText))
            });
            match found {
                Some((n, how)) => carriers[n].push(Carrier {
                    agreement: child.id.clone(),
                    indicator: ind.id.clone(),
                    how,
                    target: ind.target.clone(),
                }),
                None => orphans.push(Orphan {
                    agreement: child.id.clone(),
                    indicator: ind.id.clone(),
                    number: child_numbers
                        .get_or_insert_with(|| numbers(child))
                        .get(&ind.id)
                        .cloned()
                        .unwrap_or_default(),
                    text: ind.text.clone(),
                }),
            }
        }
    }
    let coverage = listed
        .into_iter()
        .zip(carriers)
        .map(|((i, number), carriers)| IndicatorCoverage {
            id: i.id.clone(),
            number,
            text: i.text.clone(),
            target: i.target.clone(),
            check: check_targets(&i.target, &carriers),
            carriers,
        })
        .collect();
    (coverage, orphans)
}

/// The rollup of `year`, or of `root` and everything below it.
pub fn rollup(ws: &Workspace, year: i32, root: Option<&AgreementId>) -> Rollup {
    RollupWork::new(ws, year, root).whole()
}

/// The rollup worked out a step of PKs at a time ([`PkSteps`]), in cascade order: a national year
/// (5 520 PKs) takes a tenth of a second natively, too long for one piece in the browser.
pub struct RollupWork<'a> {
    steps: PkSteps<'a>,
    year: i32,
    root: Option<AgreementId>,
    in_scope: HashSet<&'a AgreementId>,
    nodes: Vec<NodeRollup>,
    summary: Summary,
}

impl<'a> RollupWork<'a> {
    pub fn new(ws: &'a Workspace, year: i32, root: Option<&AgreementId>) -> RollupWork<'a> {
        let links = Links::new(ws);
        let rows: Vec<(AgreementId, usize)> = match root {
            None => links.cascade(year).into_iter().map(|r| (r.id, r.depth)).collect(),
            Some(root) => {
                let base = links.depth(root);
                links
                    .subtree(root)
                    .into_iter()
                    .map(|id| {
                        let d = links.depth(&id).saturating_sub(base);
                        (id, d)
                    })
                    .collect()
            }
        };
        let rows: Vec<(&'a Agreement, usize)> =
            rows.iter().filter_map(|(id, depth)| links.agreement(id).map(|a| (a, *depth))).collect();
        let in_scope = rows.iter().map(|(a, _)| &a.id).collect();
        let nodes = Vec::with_capacity(rows.len());
        RollupWork {
            steps: PkSteps::new(links, rows),
            year,
            root: root.cloned(),
            in_scope,
            nodes,
            summary: Summary::default(),
        }
    }
}

impl StepWork for RollupWork<'_> {
    type Done = Rollup;

    fn total(&self) -> usize {
        self.steps.total()
    }

    fn done(&self) -> usize {
        self.steps.done()
    }

    fn step(&mut self, count: usize) -> bool {
        let (in_scope, nodes, summary) = (&self.in_scope, &mut self.nodes, &mut self.summary);
        self.steps.step(count, |links, a, depth| {
            let node = node_of(links, in_scope, a, depth);
            summary.add(&node, a.indicator_count());
            nodes.push(node);
        })
    }

    /// The rollup of every PK done.
    fn finish(self) -> Rollup {
        let at = first_positions(self.nodes.iter().map(|n| n.id.clone()));
        Rollup { year: self.year, root: self.root, nodes: self.nodes, summary: self.summary, at }
    }
}

/// One PK's node: its budget per program against its children's (those in scope), and its coverage.
fn node_of(links: &Links, in_scope: &HashSet<&AgreementId>, a: &Agreement, depth: usize) -> NodeRollup {
    let children: Vec<&Agreement> = links.children(&a.id).filter(|c| in_scope.contains(&c.id)).collect();
    let (programs, coverage, orphans) = if children.is_empty() {
        (Vec::new(), Vec::new(), Vec::new())
    } else {
        let (coverage, orphans) = coverage(a, &children);
        (budget(a, &children), coverage, orphans)
    };
    NodeRollup {
        id: a.id.clone(),
        depth,
        children: children.iter().map(|c| c.id.clone()).collect(),
        own_budget: a.budget.iter().map(|b| (b.program.clone(), b.amount.clone())).collect(),
        programs,
        coverage,
        orphans,
    }
}

impl Summary {
    /// Counts one node (of a PK with `indicators` indicators) in.
    fn add(&mut self, node: &NodeRollup, indicators: usize) {
        if self.per_level.len() <= node.depth {
            self.per_level.resize(node.depth + 1, 0);
        }
        self.per_level[node.depth] += 1;
        self.agreements += 1;
        self.indicators += indicators;
        if !node.is_leaf() {
            self.cascadable += node.coverage.len();
            self.cascaded += node.coverage.iter().filter(|c| !c.carriers.is_empty()).count();
        }
        self.orphans += node.orphans.len();
        self.target_differences += node.target_differences().count();
        self.unconfirmed += node.unconfirmed().count();
        for p in node.budget_flags() {
            self.budget_flags += 1;
            if p.difference.is_sign_positive() {
                self.over_allocated += p.difference;
            } else {
                self.under_allocated -= p.difference;
            }
        }
    }
}

#[cfg(test)]
mod tests;
