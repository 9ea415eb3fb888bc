//! What the planner's overview says of each PK (Beranda, Rekapitulasi, Pohon kinerja): where it is in
//! its life, how many things are still to complete, and whether it needs work; and the year's tally.
//! One definition for the three pages: "to complete" is what the document check counts
//! ([`Agreement::check`], the list on the PK's page).

use super::links::Links;
use super::{Agreement, AgreementId, Stage, Workspace};

/// One PK in the overview.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Status {
    pub stage: Stage,
    /// The date the version in force was signed (ISO), for a signed PK or one being revised.
    pub signed_on: Option<String>,
    /// How many problems the document check lists (empty names, indicators without target, …).
    pub to_complete: usize,
}

impl Status {
    /// Not signed (a draft, or a Perubahan being prepared), or with something still to complete.
    pub fn needs_work(&self) -> bool {
        !matches!(self.stage, Stage::Signed(_)) || self.to_complete > 0
    }
}

impl Agreement {
    /// Its status in the overview.
    pub fn status(&self) -> Status {
        Status {
            stage: self.stage(),
            signed_on: self.in_force().map(|v| v.signed_on.clone()),
            to_complete: self.check().len(),
        }
    }
}

/// A year's (or a subtree's) PKs counted: signed, drafts, Perubahan being prepared, and how many have
/// something to complete (whatever their stage).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Tally {
    pub total: usize,
    pub signed: usize,
    pub drafts: usize,
    pub revising: usize,
    pub incomplete: usize,
    pub needs_work: usize,
}

impl Tally {
    pub fn add(&mut self, s: &Status) {
        self.total += 1;
        match s.stage {
            Stage::Draft => self.drafts += 1,
            Stage::Signed(_) => self.signed += 1,
            Stage::Revising(_) => self.revising += 1,
        }
        self.incomplete += usize::from(s.to_complete > 0);
        self.needs_work += usize::from(s.needs_work());
    }

    pub fn of<'a>(agreements: impl IntoIterator<Item = &'a Agreement>) -> Tally {
        let mut t = Tally::default();
        for a in agreements {
            t.add(&a.status());
        }
        t
    }
}

impl Workspace {
    /// Each PK of `year` (or of `root` and everything below it) with its status, in the cascade's
    /// order (a parent before its lower PKs).
    pub fn statuses(&self, year: i32, root: Option<&AgreementId>) -> Vec<(&Agreement, Status)> {
        let links = Links::new(self);
        Self::status_ids(&links, year, root)
            .iter()
            .filter_map(|id| links.agreement(id))
            .map(|a| (a, a.status()))
            .collect()
    }

    /// The PKs [`Workspace::statuses`] says, in its order, without working out their status (which the
    /// UI does a step at a time for a national year).
    pub fn status_order(&self, year: i32, root: Option<&AgreementId>) -> Vec<AgreementId> {
        Self::status_ids(&Links::new(self), year, root)
    }

    fn status_ids(links: &Links, year: i32, root: Option<&AgreementId>) -> Vec<AgreementId> {
        match root {
            Some(r) => links.subtree(r),
            None => links.cascade(year).into_iter().map(|r| r.id).collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::life::Reason;
    use crate::core::model::testing::*;

    fn complete(id: &str) -> Agreement {
        let mut a = agreement(id, None, 2024);
        a.objectives = vec![objective("s", "Sasaran", vec![indicator("i", "Indikator", "75%", None)])];
        a
    }

    #[test]
    fn each_stage_with_what_is_left_to_complete() {
        let mut a = complete("a");
        assert_eq!(a.status(), Status { stage: Stage::Draft, signed_on: None, to_complete: 0 });
        assert!(a.status().needs_work(), "a draft needs work even when complete");
        a.sign("2024-01-02", false).unwrap();
        let signed = a.status();
        assert_eq!(
            signed,
            Status { stage: Stage::Signed(0), signed_on: Some("2024-01-02".into()), to_complete: 0 }
        );
        assert!(!signed.needs_work());
        let change = crate::core::model::testing::change(Reason::Budget, "2024-07-01");
        a.begin_revision(change).unwrap();
        assert_eq!(a.status().stage, Stage::Revising(1));
        assert_eq!(a.status().signed_on.as_deref(), Some("2024-01-02"), "the version in force");
        a.objectives[0].indicators[0].target = crate::core::model::Target::new("80%");
        a.sign("2024-07-10", false).unwrap();
        assert_eq!(a.status().stage, Stage::Signed(1));
        assert_eq!(a.status().signed_on.as_deref(), Some("2024-07-10"));

        // What the document check lists: here an empty name, an empty target and an empty program.
        let mut b = complete("b");
        b.first_party.name = String::new();
        b.objectives[0].indicators.push(indicator("j", "Indikator dua", "", None));
        b.budget = vec![line("", "1000")];
        assert_eq!(b.status().to_complete, b.check().len());
        assert_eq!(b.status().to_complete, 3);
    }

    #[test]
    fn a_year_is_counted_once_per_pk() {
        let mut signed = complete("s");
        signed.sign("2024-01-02", false).unwrap();
        let mut signed_incomplete = complete("t");
        signed_incomplete.objectives[0].indicators.push(indicator("y", "", "", None));
        signed_incomplete.sign("2024-01-03", false).unwrap();
        let draft = complete("d");
        let mut draft_incomplete = complete("e");
        draft_incomplete.second_party.name = String::new();
        let t = Tally::of([&signed, &signed_incomplete, &draft, &draft_incomplete]);
        assert_eq!(
            t,
            Tally { total: 4, signed: 2, drafts: 2, revising: 0, incomplete: 2, needs_work: 3 },
            "a signed PK with a problem counts as signed, as incomplete and as needing work"
        );
    }

    #[test]
    fn the_statuses_of_a_year_or_a_subtree_in_cascade_order() {
        let mut top = complete("top");
        top.sign("2024-01-02", false).unwrap();
        let mid = agreement("mid", Some("top"), 2024);
        let low = agreement("low", Some("mid"), 2024);
        let other = agreement("other", None, 2025);
        let ws = workspace(vec![low, other, mid, top]);
        let ids =
            |v: Vec<(&Agreement, Status)>| v.into_iter().map(|(a, _)| a.id.0.clone()).collect::<Vec<_>>();
        assert_eq!(ids(ws.statuses(2024, None)), ["top", "mid", "low"]);
        assert_eq!(ids(ws.statuses(2024, Some(&aid("mid")))), ["mid", "low"]);
        let year = ws.statuses(2024, None);
        assert_eq!(year[0].1.stage, Stage::Signed(0));
        assert!(year[1].1.needs_work() && !year[0].1.needs_work());
    }
}
