//! Work that goes through the PKs of a year (or of a subtree) a step of PKs at a time: a national year
//! (5 520 PKs) is too long for one piece in the browser, so a page works a step, pauses, and shows how
//! far it got. The rollup ([`super::RollupWork`]) and the capaian ([`super::capaian::CapaianWork`]) run
//! on it, and both are [`StepWork`]: driven the same way by their pages and their tests.

use crate::core::model::links::Links;
use crate::core::model::Agreement;

/// A list of PKs, each with its depth, gone through in order a step at a time.
pub struct PkSteps<'a> {
    links: Links<'a>,
    rows: Vec<(&'a Agreement, usize)>,
    done: usize,
}

impl<'a> PkSteps<'a> {
    /// Goes through `rows` (PKs found through `links`, each with its depth).
    pub fn new(links: Links<'a>, rows: Vec<(&'a Agreement, usize)>) -> PkSteps<'a> {
        PkSteps { links, rows, done: 0 }
    }

    /// The links the PKs were found through.
    pub fn links(&self) -> &Links<'a> {
        &self.links
    }

    /// Every PK gone through, in order, with its depth.
    pub fn rows(&self) -> &[(&'a Agreement, usize)] {
        &self.rows
    }

    /// How many PKs the work goes through.
    pub fn total(&self) -> usize {
        self.rows.len()
    }

    /// How many of them are done.
    pub fn done(&self) -> usize {
        self.done
    }

    /// Hands the next `count` PKs to `each`, in order, with the links and the PK's depth; `true` once
    /// every PK is done.
    pub fn step(&mut self, count: usize, mut each: impl FnMut(&Links<'a>, &'a Agreement, usize)) -> bool {
        let end = self.done.saturating_add(count).min(self.rows.len());
        for &(a, depth) in &self.rows[self.done..end] {
            each(&self.links, a, depth);
        }
        self.done = end;
        self.done == self.rows.len()
    }
}

/// Work that goes through a [`PkSteps`] list a step at a time.
pub trait StepWork {
    /// What the work gives once every PK is done.
    type Done;

    /// How many PKs the work goes through.
    fn total(&self) -> usize;

    /// How many of them are done.
    fn done(&self) -> usize;

    /// Works out the next `count` PKs; `true` once every PK is done.
    fn step(&mut self, count: usize) -> bool;

    /// What the PKs done give.
    fn finish(self) -> Self::Done;

    /// Every PK in one step.
    fn whole(mut self) -> Self::Done
    where
        Self: Sized,
    {
        self.step(usize::MAX);
        self.finish()
    }
}

/// Checks work made by `start` in steps of every size (1 to one more than its PKs): each step does
/// `size` PKs more, it takes as many steps as that makes, and it ends with what one step gives.
#[cfg(test)]
pub(crate) fn assert_steps_of_every_size<W: StepWork>(start: impl Fn() -> W)
where
    W::Done: PartialEq + std::fmt::Debug,
{
    let whole = start().whole();
    let total = start().total();
    assert!(total > 1, "work of more than one PK");
    for size in 1..=total + 1 {
        let mut work = start();
        let mut steps = 1;
        while !work.step(size) {
            assert_eq!(work.done(), steps * size, "PKs done after {steps} steps of {size}");
            steps += 1;
        }
        assert_eq!(steps, work.total().div_ceil(size), "steps of {size}");
        assert_eq!(work.finish(), whole, "steps of {size}");
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::testing::{agreement, workspace};
    use crate::core::model::Workspace;

    #[test]
    fn goes_through_every_pk_once_in_order() {
        let ws = workspace(["a", "b", "c", "d", "e"].map(|id| agreement(id, None, 2024)).to_vec());
        let links = Links::new(&ws);
        let rows = ws.agreements.iter().enumerate().map(|(i, a)| (a.as_ref(), i % 2)).collect();
        let mut steps = PkSteps::new(links, rows);
        assert_eq!((steps.total(), steps.done()), (5, 0));
        let mut seen = Vec::new();
        // Five PKs in steps of two: 2, 4, then the last one.
        let mut record = |_: &Links, a: &Agreement, depth: usize| seen.push((a.id.0.clone(), depth));
        assert!(!steps.step(2, &mut record));
        assert_eq!(steps.done(), 2);
        assert!(!steps.step(2, &mut record));
        assert_eq!(steps.done(), 4);
        assert!(steps.step(2, &mut record));
        assert_eq!(steps.done(), 5);
        // Nothing left: a step more hands over nothing and says it is done.
        assert!(steps.step(2, &mut record));
        let expected: Vec<(String, usize)> =
            [("a", 0), ("b", 1), ("c", 0), ("d", 1), ("e", 0)].map(|(id, d)| (id.to_string(), d)).to_vec();
        assert_eq!(seen, expected);
    }

    #[test]
    fn an_empty_list_is_done_at_once() {
        let ws = Workspace::default();
        let mut steps = PkSteps::new(Links::new(&ws), Vec::new());
        assert!(steps.step(1, |_, _, _| panic!("no PK to hand over")));
        assert_eq!((steps.total(), steps.done()), (0, 0));
    }

    #[test]
    fn a_step_of_any_size_is_safe() {
        let ws = workspace(vec![agreement("a", None, 2024)]);
        let rows = vec![(ws.agreements[0].as_ref(), 0)];
        let mut steps = PkSteps::new(Links::new(&ws), rows);
        let mut n = 0;
        assert!(steps.step(usize::MAX, |_, _, _| n += 1));
        assert_eq!(n, 1);
    }
}
