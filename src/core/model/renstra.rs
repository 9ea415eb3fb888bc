//! The *Renstra* (five-year strategic plan) of an office: its period, the decree that set it, its
//! *sasaran strategis* and their *Indikator Kinerja Utama* (IKU), each with a target per year and one
//! for the end of the period. Revised like a PK's Perubahan: the earlier versions stay
//! (`earlier`, oldest first). Kept with the workspace (file format version 6, `renstra`); none by
//! default. Its rules (`problems`) are checked on every file read and before anything is saved.

use super::measurement::Polarity;
use super::{IndicatorId, Target};
use crate::core::date::Date;
use serde::{Deserialize, Serialize};

/// How many years a Renstra covers (PermenPANRB 53/2014: the medium term, five years).
pub const PERIOD_YEARS: i32 = 5;

/// The decree (*Keputusan*) that set a version of the Renstra.
#[derive(Clone, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Decree {
    /// e.g. `197/PR.01.3-Kpt/01/KPU/IV/2020`.
    pub number: String,
    /// ISO date (`2020-04-20`).
    pub date: String,
}

/// One year's target of an IKU.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct YearTarget {
    pub year: i32,
    pub target: Target,
}

/// An *Indikator Kinerja Utama*.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Iku {
    pub id: IndicatorId,
    pub text: String,
    /// The unit it is measured in (`%`, `Lap`, `Opini`).
    pub unit: String,
    pub polarity: Polarity,
    /// The target of each year of the period that has one, in year order.
    #[serde(default)]
    pub targets: Vec<YearTarget>,
    /// The target for the end of the period.
    pub end_target: Target,
    /// The PK indicators linked to it by hand (when their words differ from the IKU's).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub links: Vec<IndicatorId>,
}

impl Iku {
    /// The target of `year`, if the Renstra gives one.
    pub fn target(&self, year: i32) -> Option<&Target> {
        self.targets.iter().find(|t| t.year == year).map(|t| &t.target)
    }
}

/// A *sasaran strategis* with its IKU.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Goal {
    pub text: String,
    pub iku: Vec<Iku>,
}

/// What a version of the Renstra says: its decree, sasaran and IKU.
#[derive(Clone, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Version {
    pub decree: Decree,
    pub goals: Vec<Goal>,
}

/// The Renstra of one office.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Renstra {
    /// The office whose PKs carry it (as the PKs name their office).
    pub office: String,
    /// The first and the last year of the period (`2025`, `2029`).
    pub start: i32,
    pub end: i32,
    /// The version in force.
    #[serde(flatten)]
    pub current: Version,
    /// The versions it replaced, oldest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub earlier: Vec<Version>,
}

/// What is wrong with a Renstra, at a place below it (`end`, `goals[0].iku[1].unit`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RenstraProblem {
    /// The period is not five years (`years`: how many it covers).
    NotFiveYears { years: i32 },
    /// A year's target outside the period.
    YearOutside { year: i32 },
    /// The same year given twice.
    YearTwice { year: i32 },
    /// An IKU without a unit.
    NoUnit,
    /// A text that must be given is empty (the office, a sasaran, an IKU, the end-of-period target).
    Empty,
    /// A decree date that is not a date.
    BadDate,
    /// A revision's decree dated before the version it revises.
    RevisedBefore { original: String },
    /// Two Renstra of the same office whose periods overlap.
    Overlaps { other: usize },
}

impl Renstra {
    /// A new Renstra of five years from `start`, with nothing in it yet.
    pub fn new(office: impl Into<String>, start: i32) -> Renstra {
        Renstra {
            office: office.into(),
            start,
            end: start + PERIOD_YEARS - 1,
            current: Version::default(),
            earlier: Vec::new(),
        }
    }

    pub fn covers(&self, year: i32) -> bool {
        (self.start..=self.end).contains(&year)
    }

    pub fn years(&self) -> std::ops::RangeInclusive<i32> {
        self.start..=self.end
    }

    /// Every IKU in order, with its sasaran.
    pub fn iku(&self) -> impl Iterator<Item = (&Goal, &Iku)> {
        self.current.goals.iter().flat_map(|g| g.iku.iter().map(move |i| (g, i)))
    }

    pub fn find_iku(&self, id: &IndicatorId) -> Option<&Iku> {
        self.iku().map(|(_, i)| i).find(|i| &i.id == id)
    }

    pub fn find_iku_mut(&mut self, id: &IndicatorId) -> Option<&mut Iku> {
        self.current.goals.iter_mut().flat_map(|g| g.iku.iter_mut()).find(|i| &i.id == id)
    }

    /// Revises the Renstra: `version` comes into force and the one it replaces is kept.
    pub fn revise(&mut self, version: Version) {
        let old = std::mem::replace(&mut self.current, version);
        self.earlier.push(old);
    }

    /// How many versions it has had (1: never revised).
    pub fn versions(&self) -> usize {
        self.earlier.len() + 1
    }

    /// Every rule it breaks, each with its place below the Renstra.
    pub fn problems(&self) -> Vec<(String, RenstraProblem)> {
        let mut out = Vec::new();
        let years = self.end - self.start + 1;
        if years != PERIOD_YEARS {
            out.push(("end".to_string(), RenstraProblem::NotFiveYears { years }));
        }
        if self.office.trim().is_empty() {
            out.push(("office".to_string(), RenstraProblem::Empty));
        }
        let versions: Vec<(String, &Version)> = self
            .earlier
            .iter()
            .enumerate()
            .map(|(n, v)| (format!("earlier[{n}]."), v))
            .chain(std::iter::once((String::new(), &self.current)))
            .collect();
        let mut before: Option<(Date, &str)> = None;
        for (at, v) in &versions {
            match Date::parse(&v.decree.date) {
                None if !v.decree.date.trim().is_empty() => {
                    out.push((format!("{at}decree.date"), RenstraProblem::BadDate))
                }
                None => {}
                Some(d) => {
                    if let Some((_, text)) = before.filter(|(e, _)| d < *e) {
                        out.push((
                            format!("{at}decree.date"),
                            RenstraProblem::RevisedBefore { original: text.to_string() },
                        ));
                    }
                    before = Some((d, v.decree.date.as_str()));
                }
            }
            self.version_problems(v, at, &mut out);
        }
        out
    }

    fn version_problems(&self, v: &Version, at: &str, out: &mut Vec<(String, RenstraProblem)>) {
        for (gi, g) in v.goals.iter().enumerate() {
            let gp = format!("{at}goals[{gi}]");
            if g.text.trim().is_empty() {
                out.push((format!("{gp}.text"), RenstraProblem::Empty));
            }
            for (ii, iku) in g.iku.iter().enumerate() {
                let ip = format!("{gp}.iku[{ii}]");
                if iku.text.trim().is_empty() {
                    out.push((format!("{ip}.text"), RenstraProblem::Empty));
                }
                if iku.unit.trim().is_empty() {
                    out.push((format!("{ip}.unit"), RenstraProblem::NoUnit));
                }
                if iku.end_target.text().trim().is_empty() {
                    out.push((format!("{ip}.end_target"), RenstraProblem::Empty));
                }
                let mut seen = Vec::new();
                for (ti, t) in iku.targets.iter().enumerate() {
                    let tp = format!("{ip}.targets[{ti}].year");
                    if !self.covers(t.year) {
                        out.push((tp, RenstraProblem::YearOutside { year: t.year }));
                    } else if seen.contains(&t.year) {
                        out.push((tp, RenstraProblem::YearTwice { year: t.year }));
                    } else {
                        seen.push(t.year);
                    }
                }
            }
        }
    }
}

/// The rules across the Renstra of a workspace (each one's own, then overlapping periods of an office),
/// with places below the list (`[1].end`).
pub fn problems(list: &[Renstra]) -> Vec<(String, RenstraProblem)> {
    let mut out = Vec::new();
    for (n, r) in list.iter().enumerate() {
        out.extend(r.problems().into_iter().map(|(p, k)| (format!("[{n}].{p}"), k)));
        let key = super::normalize::normalize(&r.office);
        if let Some(other) = list[..n].iter().position(|o| {
            super::normalize::normalize(&o.office) == key && o.start <= r.end && r.start <= o.end
        }) {
            out.push((format!("[{n}].start"), RenstraProblem::Overlaps { other }));
        }
    }
    out
}

/// The Renstra of `office` that covers `year` (offices compared as the rollup compares texts).
pub fn covering<'a>(list: &'a [Renstra], office: &str, year: i32) -> Option<&'a Renstra> {
    let key = super::normalize::normalize(office);
    list.iter().find(|r| r.covers(year) && super::normalize::normalize(&r.office) == key)
}

/// The Renstra of a file taken into `mine`: one for an office and period not here is added; one here
/// is replaced only by a later revision of it (more versions), so nothing revised here is lost. Returns
/// how many were added or replaced.
pub fn merge(mine: &mut Vec<Renstra>, incoming: &[Renstra]) -> usize {
    let mut changed = 0;
    for r in incoming {
        let key = super::normalize::normalize(&r.office);
        let here =
            mine.iter().position(|m| super::normalize::normalize(&m.office) == key && m.start == r.start);
        match here {
            None => {
                mine.push(r.clone());
                changed += 1;
            }
            Some(i) if r.versions() > mine[i].versions() && mine[i] != *r => {
                mine[i] = r.clone();
                changed += 1;
            }
            Some(_) => {}
        }
    }
    changed
}

/// What [`put`] did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Put {
    Added,
    /// A Renstra of the same office and first year was revised (its old version kept).
    Revised,
}

/// Puts `draft` (entered on the Renstra page) into `list`: a revision of the Renstra of the same office
/// and first year when there is one, else a new one. Nothing changes when the result breaks a rule:
/// the problems come back with places below the Renstra (`end`, `decree.date`, `goals[0].iku[1].unit`).
pub fn put(list: &mut Vec<Renstra>, draft: Renstra) -> Result<Put, Vec<(String, RenstraProblem)>> {
    let key = super::normalize::normalize(&draft.office);
    let mut next = list.clone();
    let (at, how) = match next
        .iter()
        .position(|r| super::normalize::normalize(&r.office) == key && r.start == draft.start)
    {
        Some(i) => {
            next[i].end = draft.end;
            next[i].revise(draft.current);
            (i, Put::Revised)
        }
        None => {
            next.push(draft);
            (next.len() - 1, Put::Added)
        }
    };
    let prefix = format!("[{at}].");
    let found: Vec<(String, RenstraProblem)> = problems(&next)
        .into_iter()
        .filter_map(|(p, k)| p.strip_prefix(&prefix).map(|rest| (rest.to_string(), k)))
        .collect();
    if !found.is_empty() {
        return Err(found);
    }
    *list = next;
    Ok(how)
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::core::model::testing;

    fn sample() -> Renstra {
        testing::renstra(
            "KPU Provinsi Maluku",
            2025,
            vec![testing::iku(
                "iku1",
                "Persentase partisipasi pemilih",
                Polarity::Higher,
                &[(2025, "75%"), (2029, "80%")],
                "80%",
            )],
        )
    }

    #[test]
    fn a_sound_renstra_has_no_problem_and_covers_five_years() {
        let r = sample();
        assert_eq!(r.problems(), vec![]);
        assert!(r.covers(2025) && r.covers(2029) && !r.covers(2030) && !r.covers(2024));
        assert_eq!(r.find_iku(&IndicatorId::new("iku1")).unwrap().target(2029).unwrap().text(), "80%");
        assert_eq!(r.find_iku(&IndicatorId::new("iku1")).unwrap().target(2026), None);
    }

    #[test]
    fn bad_input_is_named_by_its_place() {
        let mut r = sample();
        r.end = 2030;
        r.current.goals[0].iku[0].unit = " ".into();
        r.current.goals[0].iku[0].targets.push(YearTarget { year: 2031, target: Target::new("90%") });
        r.current.goals[0].iku[0].targets.push(YearTarget { year: 2025, target: Target::new("76%") });
        assert_eq!(
            r.problems(),
            vec![
                ("end".into(), RenstraProblem::NotFiveYears { years: 6 }),
                ("goals[0].iku[0].unit".into(), RenstraProblem::NoUnit),
                ("goals[0].iku[0].targets[2].year".into(), RenstraProblem::YearOutside { year: 2031 }),
                ("goals[0].iku[0].targets[3].year".into(), RenstraProblem::YearTwice { year: 2025 }),
            ]
        );
    }

    #[test]
    fn a_revision_keeps_the_old_version_and_may_not_be_dated_before_it() {
        let mut r = sample();
        let mut next = r.current.clone();
        next.decree = Decree { number: "40/2026".into(), date: "2026-02-01".into() };
        next.goals[0].iku[0].end_target = Target::new("82%");
        r.revise(next);
        assert_eq!(r.versions(), 2);
        assert_eq!(r.earlier[0].goals[0].iku[0].end_target.text(), "80%", "the old version stays");
        assert_eq!(r.problems(), vec![]);
        r.current.decree.date = "2024-12-31".into();
        assert_eq!(
            r.problems(),
            vec![("decree.date".into(), RenstraProblem::RevisedBefore { original: "2025-03-01".into() })]
        );
        r.current.decree.date = "31/12/2026".into();
        assert_eq!(r.problems(), vec![("decree.date".into(), RenstraProblem::BadDate)]);
    }

    #[test]
    fn overlapping_periods_of_one_office_and_lookup_by_office() {
        let a = sample();
        let mut b = Renstra::new("kpu provinsi  MALUKU", 2027);
        b.current.decree = a.current.decree.clone();
        let c = Renstra::new("KPU Kota Ambon", 2025);
        let list = vec![a, b, c];
        assert_eq!(problems(&list), vec![("[1].start".into(), RenstraProblem::Overlaps { other: 0 })]);
        assert_eq!(covering(&list, "KPU Provinsi Maluku", 2026).map(|r| r.start), Some(2025));
        assert_eq!(covering(&list, "KPU Kota Ambon", 2029).map(|r| r.start), Some(2025));
        assert!(covering(&list, "KPU Provinsi Maluku", 2024).is_none());
    }

    #[test]
    fn merge_adds_new_ones_and_takes_only_a_later_revision() {
        let mut mine = vec![sample()];
        let mut revised = sample();
        revised.revise(Version {
            decree: Decree { number: "2".into(), date: "2026-01-01".into() },
            goals: vec![],
        });
        assert_eq!(merge(&mut mine, &[sample()]), 0, "the same one: nothing changes");
        assert_eq!(merge(&mut mine, &[revised.clone()]), 1);
        assert_eq!(mine[0].versions(), 2);
        assert_eq!(merge(&mut mine, &[sample()]), 0, "an older one never replaces a revision");
        assert_eq!(merge(&mut mine, &[Renstra::new("KPU Kota Tual", 2025)]), 1);
        assert_eq!(mine.len(), 2);
    }

    #[test]
    fn put_adds_or_revises_and_changes_nothing_when_a_rule_is_broken() {
        let mut list = Vec::new();
        assert_eq!(put(&mut list, sample()), Ok(Put::Added));
        let mut revision = sample();
        revision.current.decree = Decree { number: "40/2026".into(), date: "2026-02-01".into() };
        assert_eq!(put(&mut list, revision.clone()), Ok(Put::Revised));
        assert_eq!((list.len(), list[0].versions()), (1, 2));
        let mut bad = revision;
        bad.current.decree.date = "2025-01-01".into();
        bad.end = 2031;
        assert_eq!(
            put(&mut list, bad),
            Err(vec![
                ("end".into(), RenstraProblem::NotFiveYears { years: 7 }),
                ("decree.date".into(), RenstraProblem::RevisedBefore { original: "2026-02-01".into() }),
            ])
        );
        assert_eq!((list.len(), list[0].versions(), list[0].end), (1, 2, 2029), "nothing changed");
    }

    #[test]
    fn written_without_empty_parts_and_read_back() {
        let r = sample();
        let json = serde_json::to_string(&r).unwrap();
        assert!(!json.contains("earlier") && !json.contains("links"), "{json}");
        assert!(json.contains(r#""polarity":{"kind":"higher"}"#), "{json}");
        let back: Renstra = serde_json::from_str(&json).unwrap();
        assert_eq!(back, r);
    }
}
