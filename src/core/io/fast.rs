//! The fast path of [`super::file::read`] for the common case: a current-version file that deserialises
//! straight into the model and breaks none of the rules of [`super::validate`].
//!
//! Building a JSON tree first (the full path) lets every problem be listed with its place, but costs
//! twice the time of reading the model directly. So a file is first read directly; when that fails, or
//! when any rule below is broken, the caller falls back to the full path, which gives the file's
//! complete list of problems. The two paths give the same result for every file
//! (`tests/import_fuzz.rs` checks this on the dataset reshaped at random).

use super::problem::Problem;
use super::rules::{self, IndicatorLink, ParentLink, MAX_AGREEMENTS, MAX_ITEMS, MAX_SCALE};
use crate::core::model::measurement::Polarity;
use crate::core::model::{Agreement, Party};
use crate::core::model::{MeasureSettings, Measurement};
use std::collections::HashSet;

/// `Some(warnings)` when the agreements and the file's own texts break no rule, `None` at the first
/// error (the caller then takes the full path, which lists every problem).
pub fn check(texts: &[&str], agreements: &[Agreement]) -> Option<Vec<Problem>> {
    let ok = agreements.iter().all(agreement_ok) && unique_ids(agreements);
    ok.then(|| check_across(texts, agreements)).flatten()
}

/// [`check`] without what a file read in steps checks while reading (each agreement on its own,
/// [`agreement_ok`], and unique ids, [`IdSeen`]): the file's own texts, the count, the cascade links.
pub fn check_across(texts: &[&str], agreements: &[Agreement]) -> Option<Vec<Problem>> {
    let ok = texts.iter().all(|t| text_ok(t)) && rules::count(agreements.len(), MAX_AGREEMENTS).is_none();
    ok.then(|| warnings(agreements)).flatten()
}

/// Ids seen so far while a file is read in steps, as hashes (the agreements are not kept together
/// yet). A repeated hash is a repeated id or, very rarely, two ids with the same hash: either way the
/// file then takes the full path, which decides exactly.
#[derive(Default)]
pub struct IdSeen(HashSet<u64>);

impl IdSeen {
    /// False when any id of `a` was seen before.
    pub fn all_new(&mut self, a: &Agreement) -> bool {
        use std::hash::{BuildHasher, BuildHasherDefault, DefaultHasher};
        let hash = |id: &str| BuildHasherDefault::<DefaultHasher>::default().hash_one(id);
        self.0.insert(hash(a.id.as_str()))
            && a.objectives.iter().all(|o| {
                self.0.insert(hash(o.id.as_str()))
                    && o.indicators.iter().all(|i| self.0.insert(hash(i.id.as_str())))
            })
    }
}

fn text_ok(s: &str) -> bool {
    rules::text(s).is_none()
}

fn id_ok(id: &str) -> bool {
    rules::id(id).is_none()
}

fn items_ok(len: usize) -> bool {
    rules::count(len, MAX_ITEMS).is_none()
}

fn party_ok(p: &Party) -> bool {
    text_ok(&p.name) && text_ok(&p.position)
}

/// Every rule of one agreement on its own.
pub fn agreement_ok(a: &Agreement) -> bool {
    let texts = [&a.office, &a.unit, &a.place, &a.date, &a.notes, &a.transcribed_from];
    id_ok(a.id.as_str())
        && rules::year(i64::from(a.year)).is_none()
        && texts.iter().all(|t| text_ok(t))
        && party_ok(&a.first_party)
        && party_ok(&a.second_party)
        && a.parent.as_ref().is_none_or(|p| text_ok(p.as_str()))
        && items_ok(a.objectives.len())
        && items_ok(a.budget.len())
        && a.budget
            .iter()
            .all(|b| text_ok(&b.program) && std::iter::once(&b.amount).chain(b.actual.iter()).all(amount_ok))
        && a.predecessor.as_ref().is_none_or(|p| id_ok(p.as_str()))
        && life_ok(&a.life)
        && a.origin.as_ref().is_none_or(|o| {
            [&o.file, &o.office, &o.exported_at, &o.imported_at, &o.received].iter().all(|t| text_ok(t))
                && o.quarters.iter().flatten().all(|d| crate::core::date::Date::parse(d).is_some())
        })
        && a.objectives.iter().all(objective_ok)
}

fn objective_ok(o: &crate::core::model::Objective) -> bool {
    id_ok(o.id.as_str())
        && text_ok(&o.text)
        && items_ok(o.indicators.len())
        && o.indicators.iter().all(|i| {
            id_ok(i.id.as_str())
                && text_ok(&i.text)
                && text_ok(i.target.text())
                && i.parent.as_ref().is_none_or(|p| id_ok(p.id.as_str()) && text_ok(&p.text))
                && measurement_ok(&i.measurement)
                && i.predecessor.as_ref().is_none_or(|p| id_ok(p.as_str()))
        })
}

fn change_ok(c: &crate::core::model::life::Change) -> bool {
    text_ok(&c.text) && text_ok(&c.basis) && text_ok(&c.date)
}

/// Signed versions: the same rules as [`super::validate_life`].
fn life_ok(life: &crate::core::model::Life) -> bool {
    rules::count(life.versions.len(), rules::MAX_VERSIONS).is_none()
        && life.revising.as_ref().is_none_or(change_ok)
        && life.versions.iter().all(|v| {
            let c = &v.content;
            rules::version_number(i64::from(v.number)).is_none()
                && rules::quarter(i64::from(v.from_quarter)).is_none()
                && text_ok(&v.signed_on)
                && text_ok(&v.fingerprint)
                && v.change.as_ref().is_none_or(change_ok)
                && items_ok(v.confirmed.len())
                && v.confirmed.iter().all(|r| {
                    [&r.number, &r.indicator, &r.was, &r.now].iter().all(|t| text_ok(t))
                        && rules::quarter(i64::from(r.quarter)).is_none()
                })
                && rules::year(i64::from(c.year)).is_none()
                && [&c.office, &c.unit, &c.place, &c.date].iter().all(|t| text_ok(t))
                && party_ok(&c.first_party)
                && party_ok(&c.second_party)
                && c.parent.as_ref().is_none_or(|p| id_ok(p.as_str()))
                && items_ok(c.objectives.len())
                && items_ok(c.budget.len())
                && c.budget.iter().all(|b| text_ok(&b.program) && amount_ok(&b.amount))
                && c.objectives.iter().all(objective_ok)
        })
}

fn amount_ok(a: &crate::core::model::Amount) -> bool {
    a.value().is_none_or(|v| rules::amount_value(v).is_none())
}

fn measurement_ok(m: &Measurement) -> bool {
    let plan = m.plan.iter().flatten().all(|t| text_ok(t.text()));
    let actual = m
        .actual
        .iter()
        .flatten()
        .all(|r| text_ok(r.value.text()) && text_ok(&r.note) && text_ok(&r.evidence));
    let scale = match &m.polarity {
        Some(Polarity::Scale(s)) => {
            rules::count(s.len(), MAX_SCALE).is_none() && s.iter().all(|x| text_ok(x))
        }
        _ => true,
    };
    let previous = m.previous.iter().all(|t| text_ok(t.text()));
    plan && actual && scale && previous && text_ok(&m.plan_note)
}

/// The workspace's settings: at most [`MAX_SCALE`] bands, labels within the text limit.
pub fn settings_ok(s: &MeasureSettings) -> bool {
    let calendar = s.calendar.entries().all(|(y, k, d)| {
        crate::core::model::YEARS.contains(&y)
            && crate::core::model::calendar::Deliverable::from_key(k).is_some()
            && crate::core::date::Date::parse(d).is_some()
    });
    let offices = &s.offices;
    let offices_ok = offices.list.len() <= crate::core::model::offices::MAX_OFFICES
        && text_ok(&offices.own)
        && offices.list.iter().all(|o| text_ok(&o.name) && text_ok(&o.parent))
        && offices.problems().is_empty();
    let reviews = s.reviews.all().len() <= crate::core::model::reviews::MAX_REVIEWS
        && s.reviews.all().iter().all(|r| {
            id_ok(r.agreement.as_str())
                && (1..=4).contains(&r.quarter)
                && text_ok(&r.note)
                && text_ok(&r.by)
                && !r.by.trim().is_empty()
                && crate::core::model::reviews::stamp_ok(&r.at)
                && id_ok(&r.figures)
                && r.indicators.len() <= MAX_ITEMS
                && r.indicators.iter().all(|n| id_ok(n.indicator.as_str()) && text_ok(&n.note))
        });
    rules::count(s.bands.len(), MAX_SCALE).is_none()
        && s.bands.iter().all(|b| text_ok(&b.label))
        && calendar
        && offices_ok
        && reviews
}

/// Agreement, sasaran and indicator ids share one namespace in a file.
fn unique_ids(agreements: &[Agreement]) -> bool {
    let mut seen = HashSet::new();
    agreements.iter().all(|a| {
        seen.insert(a.id.as_str())
            && a.objectives.iter().all(|o| {
                seen.insert(o.id.as_str()) && o.indicators.iter().all(|i| seen.insert(i.id.as_str()))
            })
    })
}

/// Cascade links ([`rules::cascade`]): a cycle is an error (`None`); links to agreements or indicators
/// outside the file are warnings, in the order and with the places the full path gives them.
fn warnings(agreements: &[Agreement]) -> Option<Vec<Problem>> {
    let parents: Vec<ParentLink> = agreements
        .iter()
        .enumerate()
        .filter_map(|(index, a)| {
            a.parent.as_ref().map(|p| ParentLink { index, id: a.id.as_str(), parent: p.as_str() })
        })
        .collect();
    let mut links = Vec::new();
    for (ai, a) in agreements.iter().enumerate() {
        for (si, o) in a.objectives.iter().enumerate() {
            for (ii, i) in o.indicators.iter().enumerate() {
                if let Some(p) = &i.parent {
                    links.push(IndicatorLink {
                        agreement: ai,
                        objective: si,
                        indicator: ii,
                        parent: p.id.as_str(),
                    });
                }
            }
        }
    }
    let ids: HashSet<&str> = agreements.iter().map(|a| a.id.as_str()).collect();
    let indicators: HashSet<&str> =
        agreements.iter().flat_map(|a| a.indicators().map(|(_, i)| i.id.as_str())).collect();
    let found = rules::cascade(&parents, &|id| ids.contains(id), &links, &|id| indicators.contains(id));
    found.iter().all(|p| p.kind.is_warning()).then_some(found)
}
