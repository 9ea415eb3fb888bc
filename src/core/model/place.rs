//! Placing many agreements in a workspace at once (an import): each goes right after the last PK of its
//! parent's subtree, as the list stands when it is placed, or at the end when its parent is not there.
//! Done one at a time with `Workspace::insert_agreement`, each placement searched the whole list, which
//! took seconds for a national file of 5 500 PKs; here each placement follows parent links only.

use super::{Agreement, AgreementId, Workspace};
use std::collections::{HashMap, HashSet};
use std::sync::Arc;

/// A workspace's list being added to: a linked list over the agreements, with each id's children in
/// list order.
pub struct Placement {
    items: Vec<Arc<Agreement>>,
    next: Vec<Option<usize>>,
    head: Option<usize>,
    tail: Option<usize>,
    by_id: HashMap<AgreementId, usize>,
    children: HashMap<AgreementId, Vec<usize>>,
}

impl Placement {
    pub fn new(ws: &Workspace) -> Self {
        let mut p = Placement {
            items: Vec::with_capacity(ws.agreements.len()),
            next: Vec::with_capacity(ws.agreements.len()),
            head: None,
            tail: None,
            by_id: HashMap::with_capacity(ws.agreements.len()),
            children: HashMap::new(),
        };
        for a in &ws.agreements {
            let at = p.add(a.clone());
            p.link_after(p.tail, at);
        }
        p
    }

    /// The PK with this id (the first, as `Workspace::agreement`).
    pub fn get(&self, id: &AgreementId) -> Option<&Agreement> {
        self.by_id.get(id).map(|&i| self.items[i].as_ref())
    }

    pub fn contains(&self, id: &AgreementId) -> bool {
        self.by_id.contains_key(id)
    }

    /// Puts `a` in place of the PK with the same id; false when there is none.
    pub fn replace(&mut self, a: Arc<Agreement>) -> bool {
        match self.by_id.get(&a.id) {
            Some(&i) => {
                self.items[i] = a;
                true
            }
            None => false,
        }
    }

    /// Adds `a` after the last PK of its parent's subtree, or at the end.
    pub fn insert(&mut self, a: Agreement) {
        let after = a.parent.as_ref().filter(|p| self.by_id.contains_key(*p)).map(|p| self.last_of(p));
        let at = self.add(Arc::new(a));
        self.link_after(after.or(self.tail), at);
    }

    /// The agreements in list order.
    pub fn finish(self) -> Vec<Arc<Agreement>> {
        let mut out = Vec::with_capacity(self.items.len());
        let mut current = self.head;
        let mut items: Vec<Option<Arc<Agreement>>> = self.items.into_iter().map(Some).collect();
        while let Some(i) = current {
            out.extend(items[i].take());
            current = self.next[i];
        }
        out
    }

    fn add(&mut self, a: Arc<Agreement>) -> usize {
        let i = self.items.len();
        self.by_id.entry(a.id.clone()).or_insert(i);
        if let Some(p) = &a.parent {
            self.children.entry(p.clone()).or_default().push(i);
        }
        self.items.push(a);
        self.next.push(None);
        i
    }

    fn link_after(&mut self, after: Option<usize>, at: usize) {
        match after {
            Some(prev) => {
                self.next[at] = self.next[prev];
                self.next[prev] = Some(at);
                if self.tail == Some(prev) {
                    self.tail = Some(at);
                }
            }
            None => {
                self.next[at] = self.head;
                self.head = Some(at);
                if self.tail.is_none() {
                    self.tail = Some(at);
                }
            }
        }
    }

    /// The last PK of `root`'s subtree in pre-order: the last child's last child, and so on (a child
    /// that leads back up a loop of parent links is passed over, as the subtree's walk does).
    fn last_of(&self, root: &AgreementId) -> usize {
        let mut current = self.by_id[root];
        let mut seen = HashSet::from([current]);
        loop {
            let kids = self.children.get(&self.items[current].id).map(Vec::as_slice).unwrap_or(&[]);
            let last = kids.iter().rev().map(|&k| self.by_id[&self.items[k].id]).find(|k| !seen.contains(k));
            match last {
                Some(k) => {
                    seen.insert(k);
                    current = k;
                }
                None => return current,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Placement;
    use crate::core::model::testing::{agreement, workspace};
    use crate::core::model::{Agreement, AgreementId, Workspace};

    /// One at a time, as imports placed PKs before: after the last of the parent's subtree.
    fn one_by_one(mut ws: Workspace, added: &[Agreement]) -> Vec<String> {
        for a in added {
            let after = a
                .parent
                .as_ref()
                .filter(|p| ws.agreement(p).is_some())
                .and_then(|p| ws.subtree(p).last().cloned());
            ws.insert_agreement(a.clone(), after.as_ref());
        }
        ws.agreements.iter().map(|a| a.id.0.clone()).collect()
    }

    fn at_once(ws: &Workspace, added: &[Agreement]) -> Vec<String> {
        let mut p = Placement::new(ws);
        for a in added {
            p.insert(a.clone());
        }
        p.finish().iter().map(|a| a.id.0.clone()).collect()
    }

    #[test]
    fn places_each_pk_after_its_parents_subtree() {
        let ws = workspace(vec![
            agreement("top", None, 2024),
            agreement("a", Some("top"), 2024),
            agreement("a1", Some("a"), 2024),
            agreement("b", Some("top"), 2024),
            agreement("other", None, 2024),
        ]);
        let added = [
            agreement("a2", Some("a"), 2024),
            agreement("b1", Some("b"), 2024),
            agreement("lost", Some("gone"), 2024),
            agreement("a21", Some("a2"), 2024),
            agreement("c", Some("top"), 2024),
        ];
        let expected = ["top", "a", "a1", "a2", "a21", "b", "b1", "c", "other", "lost"];
        assert_eq!(at_once(&ws, &added), expected);
        assert_eq!(one_by_one(ws, &added), expected);
    }

    #[test]
    fn places_as_one_at_a_time_did_on_many_random_cascades() {
        let mut seed: u64 = 0x5eed;
        let mut next = |n: usize| {
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            ((seed >> 33) as usize) % n
        };
        for case in 0..300 {
            // A cascade kept in its own order (each PK after its parent), then PKs added under any of
            // them, under each other, or under a parent that is not there.
            let mut ids: Vec<String> = Vec::new();
            let mut list = Vec::new();
            for i in 0..next(12) + 1 {
                let id = format!("p{i}");
                let parent =
                    if ids.is_empty() || next(4) == 0 { None } else { Some(ids[next(ids.len())].clone()) };
                let a = agreement(&id, parent.as_deref(), 2024);
                // Children go after their parent's subtree, so the list stays in cascade order.
                let mut ws = workspace(list.clone());
                let after =
                    parent.as_ref().and_then(|p| ws.subtree(&AgreementId::new(p.as_str())).last().cloned());
                ws.insert_agreement(a, after.as_ref());
                list = ws.agreements.iter().map(|a| (**a).clone()).collect();
                ids.push(id);
            }
            let mut added = Vec::new();
            for j in 0..next(10) + 1 {
                let id = format!("n{j}");
                let parent = match next(5) {
                    0 => Some("missing".to_string()),
                    1 => None,
                    _ => Some(ids[next(ids.len())].clone()),
                };
                added.push(agreement(&id, parent.as_deref(), 2024));
                ids.push(id);
            }
            let ws = workspace(list);
            assert_eq!(at_once(&ws, &added), one_by_one(ws.clone(), &added), "case {case}");
        }
    }
}
