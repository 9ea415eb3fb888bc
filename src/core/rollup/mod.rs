//! The rollup: for a year (or one PK and its subtree), whether the lower PKs carry the indicators of the
//! PK above them, whether their targets agree, and whether their budgets add up, program by program.
//! A pure function of the workspace, native-tested (also on the embedded dataset). The rollup and the
//! capaian of every PK (`capaian.rs`) are also worked out a step of PKs at a time, on one runner
//! (`steps.rs`).

use crate::core::model::links::{first_positions, Links};
use crate::core::model::{Agreement, AgreementId, Amount, Workspace};
use rust_decimal::Decimal;
use std::collections::{HashMap, HashSet};
pub use steps::{PkSteps, StepWork};

mod budget;
pub mod capaian;
mod coverage;
pub mod iku;
mod steps;

pub use budget::{BudgetStatus, ProgramCheck};
pub use coverage::{Carrier, IndicatorCoverage, Match, Orphan, TargetCheck};

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
        let (coverage, orphans) = coverage::indicators(a, &children);
        (budget::programs(a, &children), coverage, orphans)
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
