//! The cascade of one year as a tree, who signs with whom: its rows and why a PK that names a parent
//! sits at the top. Worked out over the index of links (`links.rs`, which also gives `Workspace::cascade`).

use super::AgreementId;
use std::collections::HashSet;
use std::hash::Hash;

/// Whether following `parent_of` from `start` (the parent of `id`) comes back to `id`. Stops at the top,
/// and at a loop that does not pass through `id`. Used on the workspace and on the ids of a file.
pub fn leads_back<T: Copy + Eq + Hash>(id: T, start: Option<T>, parent_of: impl Fn(T) -> Option<T>) -> bool {
    let mut seen = HashSet::new();
    let mut current = start;
    while let Some(p) = current {
        if p == id {
            return true;
        }
        if !seen.insert(p) {
            return false;
        }
        current = parent_of(p);
    }
    false
}

/// Why an agreement sits at the top of the tree although it names a parent.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LinkProblem {
    /// The parent it names is not in the workspace.
    ParentMissing,
    /// The parent it names belongs to another year.
    ParentOtherYear,
    /// Following the parents leads back to itself.
    Cycle,
}

/// One agreement in the tree, in pre-order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TreeRow {
    pub id: AgreementId,
    /// 0 for the top (e.g. the Sekretaris), 1 for the level below, ...
    pub depth: usize,
    pub child_count: usize,
    pub problem: Option<LinkProblem>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::testing::{agreement, workspace};

    #[test]
    fn builds_pre_order_tree_with_depths() {
        let ws = workspace(vec![
            agreement("top", None, 2024),
            agreement("b", Some("top"), 2024),
            agreement("a", Some("top"), 2024),
            agreement("b1", Some("b"), 2024),
            agreement("other-year", None, 2023),
        ]);
        let rows: Vec<(String, usize, usize)> =
            ws.cascade(2024).into_iter().map(|r| (r.id.0, r.depth, r.child_count)).collect();
        assert_eq!(
            rows,
            vec![("top".into(), 0, 2), ("b".into(), 1, 1), ("b1".into(), 2, 0), ("a".into(), 1, 0)]
        );
        assert_eq!(ws.years(), vec![2024, 2023]);
        assert_eq!(ws.depth(&AgreementId::new("b1")), 2);
        assert_eq!(
            ws.subtree(&AgreementId::new("b")).iter().map(|i| i.0.as_str()).collect::<Vec<_>>(),
            vec!["b", "b1"]
        );
    }

    #[test]
    fn broken_links_are_listed_at_the_top_with_the_problem() {
        let ws = workspace(vec![
            agreement("orphan", Some("gone"), 2024),
            agreement("x", Some("y"), 2024),
            agreement("y", Some("x"), 2024),
            agreement("old", None, 2023),
            agreement("new", Some("old"), 2024),
        ]);
        let rows = ws.cascade(2024);
        assert_eq!(rows.len(), 4, "every agreement of the year appears once: {rows:?}");
        let problem = |id: &str| rows.iter().find(|r| r.id.0 == id).unwrap().problem;
        assert_eq!(problem("orphan"), Some(LinkProblem::ParentMissing));
        assert_eq!(problem("x"), Some(LinkProblem::Cycle));
        assert_eq!(problem("y"), Some(LinkProblem::Cycle));
        assert_eq!(problem("new"), Some(LinkProblem::ParentOtherYear));
        assert!(ws.in_cycle(&AgreementId::new("x")));
        assert_eq!(ws.subtree(&AgreementId::new("x")).len(), 2, "subtree stops at the cycle");
    }
}
