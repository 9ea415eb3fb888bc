//! The capaian of a year (or of a subtree): every PK in view in cascade order with its depth and its
//! tables through TW I–IV, worked out together (one walk over the cascade per indicator for the four
//! quarters), a step of PKs at a time ([`PkSteps`]).

use super::{PkSteps, StepWork};
use crate::core::measure::table::{tables_in, Table};
use crate::core::model::links::Links;
use crate::core::model::{Agreement, AgreementId, Workspace};
use std::collections::HashSet;

/// Every PK in view, in cascade order: its depth and its tables through TW I–IV.
pub type CapaianYear = Vec<(usize, [Table; 4])>;

/// The capaian of year `year`, or of `root` and everything below it, in one piece.
pub fn capaian(ws: &Workspace, year: i32, root: Option<&AgreementId>) -> CapaianYear {
    CapaianWork::new(ws, year, root).whole()
}

/// The capaian worked out a step of PKs at a time: a national year (5 520 PKs) takes over a second in
/// the browser.
pub struct CapaianWork<'a> {
    steps: PkSteps<'a>,
    out: CapaianYear,
}

impl<'a> CapaianWork<'a> {
    pub fn new(ws: &'a Workspace, year: i32, root: Option<&AgreementId>) -> CapaianWork<'a> {
        let links = Links::new(ws);
        let rows = in_view(&links, year, root);
        let out = Vec::with_capacity(rows.len());
        CapaianWork { steps: PkSteps::new(links, rows), out }
    }
}

impl StepWork for CapaianWork<'_> {
    type Done = CapaianYear;

    fn total(&self) -> usize {
        self.steps.total()
    }

    fn done(&self) -> usize {
        self.steps.done()
    }

    fn step(&mut self, count: usize) -> bool {
        let out = &mut self.out;
        self.steps.step(count, |links, a, depth| out.push((depth, tables_in(links, a))))
    }

    /// The tables of every PK done.
    fn finish(self) -> CapaianYear {
        self.out
    }
}

/// The PKs of year `year` (or of the subtree of `root`) in cascade order, with their depth in the
/// whole cascade.
fn in_view<'a>(links: &Links<'a>, year: i32, root: Option<&AgreementId>) -> Vec<(&'a Agreement, usize)> {
    let keep: Option<HashSet<AgreementId>> = root.map(|r| links.subtree(r).into_iter().collect());
    let rows =
        links.cascade(year).into_iter().filter(|row| keep.as_ref().is_none_or(|k| k.contains(&row.id)));
    rows.filter_map(|row| links.agreement(&row.id).map(|a| (a, row.depth))).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::measure::Quarter;
    use crate::core::model::testing::{agreement, workspace};

    /// top ← kid1 ← grand, top ← kid2 in 2024; `next` in 2025.
    fn cascade() -> Workspace {
        workspace(vec![
            agreement("top", None, 2024),
            agreement("kid1", Some("top"), 2024),
            agreement("grand", Some("kid1"), 2024),
            agreement("kid2", Some("top"), 2024),
            agreement("next", None, 2025),
        ])
    }

    fn shape(year: &CapaianYear) -> Vec<(usize, String)> {
        year.iter().map(|(depth, t)| (*depth, t[0].id.0.clone())).collect()
    }

    #[test]
    fn the_year_in_cascade_order_with_depths() {
        let ws = cascade();
        let year = capaian(&ws, 2024, None);
        let expected =
            [(0, "top"), (1, "kid1"), (2, "grand"), (1, "kid2")].map(|(d, id)| (d, id.to_string()));
        assert_eq!(shape(&year), expected);
        // Each PK's four tables, TW I to TW IV.
        for (_, tables) in &year {
            assert_eq!(tables.each_ref().map(|t| t.quarter), Quarter::ALL);
        }
    }

    #[test]
    fn a_subtree_keeps_its_depth_in_the_whole_cascade() {
        let ws = cascade();
        let kid1 = AgreementId::new("kid1");
        let year = capaian(&ws, 2024, Some(&kid1));
        assert_eq!(shape(&year), [(1, "kid1".to_string()), (2, "grand".to_string())]);
        assert!(capaian(&ws, 2023, None).is_empty());
    }

    #[test]
    fn worked_out_in_steps_equals_at_once() {
        let ws = crate::core::seed::workspace().unwrap();
        let sekretaris = ws.agreements[0].id.clone();
        for root in [None, Some(&sekretaris)] {
            crate::core::rollup::steps::assert_steps_of_every_size(|| CapaianWork::new(&ws, 2024, root));
        }
    }
}
