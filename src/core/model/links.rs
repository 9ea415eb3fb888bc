//! Who signs with whom, looked up by id: an index of a workspace's parent links built once, so that a
//! walk over every agreement (the cascade, the rollup, the tree) stays linear. A national year holds
//! some 5 500 PKs, where a search through the list for every agreement took seconds.

use super::normalize::normalize;
use super::tree::{leads_back, LinkProblem, TreeRow};
use super::{Agreement, AgreementId, Workspace};
use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use std::hash::Hash;

/// Each id's place in a list, the first of a repeated id (as a search from the start finds it): for
/// views and walks that look many ids up.
pub fn first_positions<K: Eq + Hash>(ids: impl IntoIterator<Item = K>) -> HashMap<K, usize> {
    let mut out = HashMap::new();
    for (i, id) in ids.into_iter().enumerate() {
        out.entry(id).or_insert(i);
    }
    out
}

/// The parent links of one workspace. Lookups answer as the workspace's own search would: the first
/// agreement with an id, the children of an id in workspace order.
pub struct Links<'a> {
    ws: &'a Workspace,
    by_id: HashMap<&'a AgreementId, usize>,
    children: HashMap<&'a AgreementId, Vec<usize>>,
    /// Per year, each normalized title's first agreement: a year's titles are normalized when it is
    /// first asked for (a single table asks once, for a year that often holds nothing).
    titles: RefCell<HashMap<i32, HashMap<String, usize>>>,
    /// Each (agreement, normalized program, quarter)'s realisasi anggaran as the cascade gives it, worked out
    /// once for a walk over many PKs (`measure::spent::program_spent`).
    spent: RefCell<SpentMemo>,
}

/// See [`Links::spent_memo`]: (agreement, normalized program, quarter index) → realisasi anggaran.
pub type SpentMemo = HashMap<(AgreementId, String, usize), Option<rust_decimal::Decimal>>;

impl<'a> Links<'a> {
    pub fn new(ws: &'a Workspace) -> Self {
        let by_id = first_positions(ws.agreements.iter().map(|a| &a.id));
        let mut children: HashMap<&AgreementId, Vec<usize>> = HashMap::new();
        for (i, a) in ws.agreements.iter().enumerate() {
            if let Some(p) = &a.parent {
                children.entry(p).or_default().push(i);
            }
        }
        Links { ws, by_id, children, titles: RefCell::default(), spent: RefCell::default() }
    }

    /// The memo of the budget's cascade (see the field).
    pub fn spent_memo(&self) -> &RefCell<SpentMemo> {
        &self.spent
    }

    pub fn workspace(&self) -> &'a Workspace {
        self.ws
    }

    pub fn agreement(&self, id: &AgreementId) -> Option<&'a Agreement> {
        self.by_id.get(id).map(|&i| self.ws.agreements[i].as_ref())
    }

    /// The agreements that name `id` as their parent, in workspace order.
    pub fn children(&self, id: &AgreementId) -> impl Iterator<Item = &'a Agreement> + '_ {
        let found = self.children.get(id).map(Vec::as_slice).unwrap_or(&[]);
        found.iter().map(|&i| self.ws.agreements[i].as_ref())
    }

    /// The first agreement of `year` whose title ([`Agreement::title`]), normalized, is `key`.
    pub fn titled(&self, year: i32, key: &str) -> Option<&'a Agreement> {
        let mut titles = self.titles.borrow_mut();
        let of_year = titles.entry(year).or_insert_with(|| {
            let mut out = HashMap::new();
            for (i, a) in self.ws.agreements.iter().enumerate().filter(|(_, a)| a.year == year) {
                out.entry(normalize(a.title())).or_insert(i);
            }
            out
        });
        of_year.get(key).map(|&i| self.ws.agreements[i].as_ref())
    }

    fn parent_of(&self, id: &AgreementId) -> Option<&'a AgreementId> {
        self.agreement(id).and_then(|a| a.parent.as_ref())
    }

    /// Whether following parent links from `id` comes back to `id`.
    pub fn in_cycle(&self, id: &AgreementId) -> bool {
        leads_back(id, self.parent_of(id), |a| self.parent_of(a))
    }

    /// How deep the agreement sits (0 = top), following parents within the workspace.
    pub fn depth(&self, id: &AgreementId) -> usize {
        let mut depth = 0;
        let mut seen = HashSet::new();
        let mut current = self.parent_of(id);
        while let Some(p) = current {
            if !seen.insert(p) || self.agreement(p).is_none() {
                break;
            }
            depth += 1;
            current = self.parent_of(p);
        }
        depth
    }

    /// The agreement and every agreement below it, in pre-order (cycle-safe).
    pub fn subtree(&self, root: &AgreementId) -> Vec<AgreementId> {
        let mut out = Vec::new();
        let mut seen = HashSet::new();
        let mut stack = vec![root];
        while let Some(id) = stack.pop() {
            if self.agreement(id).is_none() || !seen.insert(id) {
                continue;
            }
            out.push(id.clone());
            let kids: Vec<&AgreementId> = self.children(id).map(|c| &c.id).collect();
            stack.extend(kids.into_iter().rev());
        }
        out
    }

    /// The agreements of `year` as a tree in pre-order; children keep workspace order. Broken links
    /// (missing parent, other year, cycles) put the agreement at the top with the problem noted, so
    /// every agreement of the year appears exactly once.
    pub fn cascade(&self, year: i32) -> Vec<TreeRow> {
        let in_year: Vec<&AgreementId> =
            self.ws.agreements.iter().filter(|a| a.year == year).map(|a| &a.id).collect();
        let mut children: HashMap<&AgreementId, Vec<&AgreementId>> = HashMap::new();
        let mut roots: Vec<(&AgreementId, Option<LinkProblem>)> = Vec::new();
        for id in &in_year {
            let a = &self.ws.agreements[self.by_id[id]];
            match &a.parent {
                None => roots.push((id, None)),
                Some(p) => match self.agreement(p) {
                    None => roots.push((id, Some(LinkProblem::ParentMissing))),
                    Some(parent) if parent.year != year => {
                        roots.push((id, Some(LinkProblem::ParentOtherYear)))
                    }
                    Some(_) if self.in_cycle(id) => roots.push((id, Some(LinkProblem::Cycle))),
                    Some(_) => children.entry(p).or_default().push(id),
                },
            }
        }

        let mut out = Vec::with_capacity(in_year.len());
        let mut seen: HashSet<&AgreementId> = HashSet::new();
        let mut stack: Vec<(&AgreementId, usize, Option<LinkProblem>)> =
            roots.iter().rev().map(|(id, p)| (*id, 0, *p)).collect();
        while let Some((id, depth, problem)) = stack.pop() {
            if !seen.insert(id) {
                continue;
            }
            let kids = children.get(id).map(Vec::as_slice).unwrap_or(&[]);
            out.push(TreeRow { id: id.clone(), depth, child_count: kids.len(), problem });
            for kid in kids.iter().rev() {
                stack.push((kid, depth + 1, None));
            }
        }
        // Members of a cycle whose entry point was itself part of the cycle: list them too.
        for id in in_year {
            if !seen.contains(id) {
                seen.insert(id);
                out.push(TreeRow {
                    id: id.clone(),
                    depth: 0,
                    child_count: 0,
                    problem: Some(LinkProblem::Cycle),
                });
            }
        }
        out
    }
}

impl Workspace {
    /// The PKs that `id` may cascade from: those of its year, never itself or a PK below it (which
    /// would make a cycle), in workspace order. Empty when `id` is not in the workspace.
    pub fn parent_choices(&self, id: &AgreementId) -> Vec<&Agreement> {
        let Some(year) = self.agreement(id).map(|a| a.year) else { return Vec::new() };
        let below: HashSet<AgreementId> = self.subtree(id).into_iter().collect();
        self.agreements
            .iter()
            .filter(|a| a.year == year && !below.contains(&a.id))
            .map(|a| a.as_ref())
            .collect()
    }

    /// Where each agreement sits in the list, by id (the first of a repeated id, as
    /// [`Workspace::agreement`] finds it). It changes only when PKs are added, removed or reordered,
    /// so views that follow one PK each look it up here instead of searching the list.
    pub fn positions(&self) -> HashMap<AgreementId, usize> {
        first_positions(self.agreements.iter().map(|a| a.id.clone()))
    }
}

impl Workspace {
    /// The agreements of `year` as a tree in pre-order ([`Links::cascade`]).
    pub fn cascade(&self, year: i32) -> Vec<TreeRow> {
        Links::new(self).cascade(year)
    }

    /// Whether following parent links from `id` comes back to `id`.
    pub fn in_cycle(&self, id: &AgreementId) -> bool {
        Links::new(self).in_cycle(id)
    }

    /// The agreement and every agreement below it, in pre-order (cycle-safe).
    pub fn subtree(&self, root: &AgreementId) -> Vec<AgreementId> {
        Links::new(self).subtree(root)
    }

    /// How deep the agreement sits (0 = top), following parents within the workspace.
    pub fn depth(&self, id: &AgreementId) -> usize {
        Links::new(self).depth(id)
    }
}

#[cfg(test)]
mod tests {
    use crate::core::model::testing::{agreement, workspace};
    use crate::core::model::AgreementId;

    #[test]
    fn a_pk_may_cascade_from_its_year_but_not_from_below_it() {
        let ws = workspace(vec![
            agreement("top", None, 2024),
            agreement("a", Some("top"), 2024),
            agreement("a1", Some("a"), 2024),
            agreement("a11", Some("a1"), 2024),
            agreement("b", Some("top"), 2024),
            agreement("old", None, 2023),
        ]);
        let choices = |id: &str| {
            ws.parent_choices(&AgreementId::new(id)).iter().map(|a| a.id.0.clone()).collect::<Vec<_>>()
        };
        assert_eq!(choices("a"), ["top", "b"], "never itself or below it; never another year");
        assert_eq!(choices("a11"), ["top", "a", "a1", "b"]);
        assert_eq!(choices("top"), Vec::<String>::new(), "every PK of its year is below it");
        assert_eq!(choices("old"), Vec::<String>::new());
        assert!(choices("missing").is_empty());
        // Each choice is one that `set_parent` takes.
        for id in ["a", "a11", "b"] {
            for parent in choices(id) {
                let mut changed = ws.clone();
                let parent = Some(AgreementId::new(&parent));
                let same = ws.agreement(&AgreementId::new(id)).unwrap().parent == parent;
                assert!(same || changed.set_parent(&AgreementId::new(id), parent), "{id}");
            }
        }
    }

    #[test]
    fn agreements_found_by_year_and_title() {
        use crate::core::model::normalize::normalize;
        let mut a = agreement("a", None, 2023);
        a.first_party.position = "Kepala Bagian  Umum".into();
        let mut b = agreement("b", None, 2024);
        b.first_party.position = "kepala bagian umum.".into();
        let mut c = a.clone();
        c.id = crate::core::model::testing::aid("c");
        let ws = workspace(vec![a, b, c]);
        let links = super::Links::new(&ws);
        let key = normalize("Kepala Bagian Umum");
        assert_eq!(links.titled(2023, &key).map(|x| x.id.0.as_str()), Some("a"), "the first of two");
        assert_eq!(links.titled(2024, &key).map(|x| x.id.0.as_str()), Some("b"));
        assert!(links.titled(2025, &key).is_none());
    }

    #[test]
    fn lookups_answer_as_the_list_search_does() {
        let mut second_a = agreement("a", Some("top"), 2023);
        second_a.unit = "second".into();
        let ws = workspace(vec![
            agreement("top", None, 2024),
            agreement("a", Some("top"), 2024),
            agreement("b", Some("top"), 2024),
            second_a,
            agreement("c", Some("a"), 2024),
        ]);
        let links = super::Links::new(&ws);
        let id = |s: &str| AgreementId::new(s);
        assert_eq!(links.agreement(&id("a")), ws.agreement(&id("a")), "the first of a repeated id");
        assert_eq!(ws.positions()[&id("a")], 1);
        assert_eq!(ws.positions().len(), 4);
        let kids: Vec<&str> = links.children(&id("top")).map(|a| a.id.0.as_str()).collect();
        assert_eq!(kids, ["a", "b", "a"], "workspace order, as Workspace::children");
        assert_eq!(links.children(&id("nobody")).count(), 0);
        assert_eq!(links.depth(&id("c")), 2);
        assert_eq!(links.depth(&id("top")), 0);
    }
}
