//! "Siapkan PK tahun berikutnya": next year's PKs as drafts made from this year's, with the cascade
//! remapped to the new copies and each copy remembering what it was made from.

use super::{Agreement, AgreementId, Amount, BudgetLine, IdGen, IndicatorId, Measurement, Workspace};
use std::collections::{HashMap, HashSet};
use std::sync::Arc;

/// What preparing the next year did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Prepared {
    /// The new drafts, in workspace order.
    pub created: Vec<AgreementId>,
    /// PKs that already had next year's copy (left as they are).
    pub already: usize,
}

/// `Januari 2024` → `Januari 2025`; a date without the year becomes `Januari <next>`.
fn next_date(date: &str, year: i32) -> String {
    let (this, next) = (year.to_string(), (year + 1).to_string());
    if date.contains(&this) {
        date.replace(&this, &next)
    } else {
        format!("Januari {next}")
    }
}

impl Workspace {
    /// Copies the PKs of `year` (or only `root` with everything below it) to the next year as drafts:
    /// parties, sasaran, indicators and targets kept for editing, budgets left empty, realisasi and
    /// signatures not carried. Links between the copies (PK parent, indicator cascade) point to the
    /// copies; a PK whose copy already exists is left alone, and new copies link to it.
    pub fn prepare_next_year(&mut self, year: i32, root: Option<&AgreementId>, ids: &mut IdGen) -> Prepared {
        let chosen: HashSet<AgreementId> = match root {
            Some(r) => self.subtree(r).into_iter().collect(),
            None => self.agreements.iter().filter(|a| a.year == year).map(|a| a.id.clone()).collect(),
        };
        // What already has a copy next year: links go to it.
        let mut agreements: HashMap<AgreementId, AgreementId> = HashMap::new();
        let mut indicators: HashMap<IndicatorId, IndicatorId> = HashMap::new();
        for next in self.agreements.iter().filter(|a| a.year == year + 1) {
            if let Some(p) = &next.predecessor {
                agreements.insert(p.clone(), next.id.clone());
            }
            for (_, i) in next.indicators() {
                if let Some(p) = &i.predecessor {
                    indicators.insert(p.clone(), i.id.clone());
                }
            }
        }
        let sources: Vec<Arc<Agreement>> =
            self.agreements.iter().filter(|a| a.year == year && chosen.contains(&a.id)).cloned().collect();
        let mut report = Prepared::default();
        let mut todo = Vec::new();
        for a in sources {
            if agreements.contains_key(&a.id) {
                report.already += 1;
                continue;
            }
            agreements.insert(a.id.clone(), ids.agreement());
            for (_, i) in a.indicators() {
                indicators.insert(i.id.clone(), ids.indicator());
            }
            todo.push(a);
        }
        for old in todo {
            let mut a = Agreement::clone(&old);
            a.id = agreements[&old.id].clone();
            a.predecessor = Some(old.id.clone());
            a.year = year + 1;
            a.date = next_date(&old.date, year);
            a.parent = old.parent.as_ref().and_then(|p| agreements.get(p)).cloned();
            a.notes = String::new();
            a.origin = None;
            a.life = Default::default();
            // Next year's copy is a new draft, not the paper document transcribed.
            a.transcribed_from = String::new();
            for o in &mut a.objectives {
                o.id = ids.objective();
                for i in &mut o.indicators {
                    i.predecessor = Some(i.id.clone());
                    i.id = indicators[&i.id].clone();
                    i.parent = i.parent.take().and_then(|mut link| {
                        link.id = indicators.get(&link.id)?.clone();
                        Some(link)
                    });
                    // How it is measured carries over; the plan and realisasi are next year's to write.
                    i.measurement = Measurement {
                        polarity: i.measurement.polarity.take(),
                        aggregation: i.measurement.aggregation.take(),
                        ..Default::default()
                    };
                }
            }
            a.budget = old.budget.iter().map(|b| BudgetLine::new(b.program.clone(), Amount::Blank)).collect();
            report.created.push(a.id.clone());
            self.agreements.push(Arc::new(a));
        }
        report
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::testing::*;

    fn year_2024() -> Workspace {
        let mut top = agreement("sek", None, 2024);
        top.objectives = vec![objective("s1", "Sasaran", vec![indicator("i1", "Laporan", "12 Lap", None)])];
        top.budget = vec![line("Program A", "1.000.000")];
        let mut mid = agreement("kabag", Some("sek"), 2024);
        mid.objectives = vec![objective(
            "s2",
            "Sasaran bagian",
            vec![indicator("i2", "Laporan", "12 Lap", Some(("i1", "Laporan")))],
        )];
        let mut low = agreement("kasubag", Some("kabag"), 2024);
        low.objectives = vec![objective(
            "s3",
            "Sasaran subbag",
            vec![indicator("i3", "Laporan", "12 Lap", Some(("i2", "Laporan")))],
        )];
        let mut ws = workspace(vec![top, mid, low, agreement("other", None, 2023)]);
        report(&mut ws, "kasubag", "i3", 1, "3 Lap", "");
        ws
    }

    #[test]
    fn a_year_is_copied_with_links_remapped_and_nothing_shared() {
        let mut ws = year_2024();
        let before = ws.clone();
        let mut ids = IdGen::new("t");
        let done = ws.prepare_next_year(2024, None, &mut ids);
        assert_eq!(done.created.len(), 3);
        assert_eq!(ws.years(), vec![2025, 2024, 2023], "the year selector shows both years");
        let copy = |old: &str| {
            ws.agreements.iter().find(|a| a.predecessor.as_ref().is_some_and(|p| p.0 == old)).unwrap()
        };
        let (sek, kabag, kasubag) = (copy("sek"), copy("kabag"), copy("kasubag"));
        assert_eq!(sek.year, 2025);
        assert_eq!(sek.date, "Januari 2025");
        assert_eq!(sek.parent, None);
        assert_eq!(kabag.parent.as_ref(), Some(&sek.id), "the PK cascade follows the copies");
        assert_eq!(kasubag.parent.as_ref(), Some(&kabag.id));
        let link = |a: &Agreement| a.objectives[0].indicators[0].parent.clone().unwrap().id;
        assert_eq!(link(kabag), sek.objectives[0].indicators[0].id, "indicator links follow the copies");
        assert_eq!(link(kasubag), kabag.objectives[0].indicators[0].id);
        assert_eq!(kasubag.objectives[0].indicators[0].predecessor, Some(IndicatorId::new("i3")));
        assert_eq!(kasubag.objectives[0].indicators[0].target.text(), "12 Lap", "targets kept for editing");
        assert!(kasubag.objectives[0].indicators[0].measurement.is_empty(), "no realisasi carried");
        assert_eq!(sek.budget[0].program, "Program A");
        assert_eq!(sek.budget[0].amount, Amount::Blank, "budgets left empty");
        // Nothing shared: no id of the copies is an id of 2024.
        let old_ids: HashSet<String> = before
            .agreements
            .iter()
            .flat_map(|a| {
                std::iter::once(a.id.0.clone())
                    .chain(a.objectives.iter().map(|o| o.id.0.clone()))
                    .chain(a.indicators().map(|(_, i)| i.id.0.clone()))
            })
            .collect();
        for a in [sek, kabag, kasubag] {
            assert!(!old_ids.contains(&a.id.0));
            assert!(a.objectives.iter().all(|o| !old_ids.contains(&o.id.0)));
            assert!(a.indicators().all(|(_, i)| !old_ids.contains(&i.id.0)));
        }
        // 2024 is untouched.
        for a in &before.agreements {
            assert_eq!(ws.agreement(&a.id).unwrap(), a.as_ref());
        }
        // Preparing again adds nothing.
        let again = ws.prepare_next_year(2024, None, &mut ids);
        assert_eq!(again, Prepared { created: vec![], already: 3 });
    }

    #[test]
    fn one_pk_with_its_subtree_links_to_an_existing_copy_above() {
        let mut ws = year_2024();
        let mut ids = IdGen::new("t");
        // First only the Sekretaris' PK is prepared… (its subtree is everything: use the bottom one).
        let only_low = ws.prepare_next_year(2024, Some(&aid("kasubag")), &mut ids);
        assert_eq!(only_low.created.len(), 1);
        let low = ws.agreement(&only_low.created[0]).unwrap().clone();
        assert_eq!(low.parent, None, "its superior has no 2025 copy yet");
        assert_eq!(low.objectives[0].indicators[0].parent, None);
        // …then the Kepala Bagian's with everything below it: the existing copy is kept and linked.
        let mid = ws.prepare_next_year(2024, Some(&aid("kabag")), &mut ids);
        assert_eq!(mid.created.len(), 1);
        assert_eq!(mid.already, 1);
        let kabag = ws.agreement(&mid.created[0]).unwrap();
        assert_eq!(kabag.predecessor, Some(aid("kabag")));
    }

    #[test]
    fn signed_pks_are_copied_as_drafts() {
        let mut ws = year_2024();
        ws.agreement_mut(&aid("sek")).unwrap().sign("2024-01-02", false).unwrap();
        // Transcribed from paper this year; next year's copy is a new draft, not that document.
        ws.agreement_mut(&aid("kabag")).unwrap().transcribed_from = "Dokumen bertanda tangan".into();
        let mut ids = IdGen::new("t");
        let done = ws.prepare_next_year(2024, Some(&aid("sek")), &mut ids);
        assert_eq!(done.created.len(), 3);
        assert!(done
            .created
            .iter()
            .all(|id| ws.agreement(id).unwrap().stage() == crate::core::model::Stage::Draft));
        assert!(done.created.iter().all(|id| ws.agreement(id).unwrap().transcribed_from.is_empty()));
        let copy = ws.agreement(&aid("kabag")).unwrap().duplicate(&mut ids);
        assert!(copy.transcribed_from.is_empty(), "a duplicate is a new draft too");
    }
}
