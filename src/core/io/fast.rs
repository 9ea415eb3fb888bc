//! The fast path of [`super::file::read`] for the common case: a current-version file that deserialises
//! straight into the model and breaks none of the rules of [`super::validate`].
//!
//! Building a JSON tree first (the full path) lets every problem be listed with its place, but costs
//! twice the time of reading the model directly. So a file is first read directly; when that fails, or
//! when any rule below is broken, the caller falls back to the full path, which gives the file's
//! complete list of problems. The two paths give the same result for every file
//! (`tests/import_fuzz.rs` checks this on the dataset reshaped at random).

use super::validate::{too_long, Problem, ProblemKind, MAX_AGREEMENTS, MAX_ITEMS, MAX_ID};
use crate::core::model::tree::leads_back;
use crate::core::model::{Agreement, Party};
use std::collections::{HashMap, HashSet};

/// `Some(warnings)` when the agreements and the file's own texts break no rule, `None` at the first
/// error (the caller then takes the full path, which lists every problem).
pub fn check(texts: &[&str], agreements: &[Agreement]) -> Option<Vec<Problem>> {
    let ok = texts.iter().all(|t| !too_long(t))
        && agreements.len() <= MAX_AGREEMENTS
        && unique_ids(agreements)
        && agreements.iter().all(agreement_ok);
    ok.then(|| warnings(agreements)).flatten()
}

fn id_ok(id: &str) -> bool {
    !id.trim().is_empty() && id.len() <= MAX_ID
}

fn party_ok(p: &Party) -> bool {
    !too_long(&p.name) && !too_long(&p.position)
}

fn agreement_ok(a: &Agreement) -> bool {
    let texts = [&a.office, &a.unit, &a.place, &a.date, &a.notes];
    id_ok(a.id.as_str())
        && crate::core::model::YEARS.contains(&a.year)
        && texts.iter().all(|t| !too_long(t))
        && party_ok(&a.first_party)
        && party_ok(&a.second_party)
        && a.parent.as_ref().is_none_or(|p| !too_long(p.as_str()))
        && a.objectives.len() <= MAX_ITEMS
        && a.budget.len() <= MAX_ITEMS
        && a.budget.iter().all(|b| !too_long(&b.program) && !b.amount.is_implausible())
        && a.origin.as_ref().is_none_or(|o| {
            [&o.file, &o.office, &o.exported_at, &o.imported_at, &o.received].iter().all(|t| !too_long(t))
        })
        && a.objectives.iter().all(|o| {
            id_ok(o.id.as_str())
                && !too_long(&o.text)
                && o.indicators.len() <= MAX_ITEMS
                && o.indicators.iter().all(|i| {
                    id_ok(i.id.as_str())
                        && !too_long(&i.text)
                        && !too_long(i.target.text())
                        && i.parent.as_ref().is_none_or(|p| !p.id.as_str().trim().is_empty() && !too_long(&p.text))
                })
        })
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

/// Cascade links: a cycle is an error (`None`); links to agreements or indicators outside the file are
/// warnings, in the order and with the places the full path gives them.
fn warnings(agreements: &[Agreement]) -> Option<Vec<Problem>> {
    let parent_of: HashMap<&str, &str> = agreements
        .iter()
        .filter_map(|a| a.parent.as_ref().map(|p| (a.id.as_str(), p.as_str())))
        .collect();
    let ids: HashSet<&str> = agreements.iter().map(|a| a.id.as_str()).collect();
    let mut out = Vec::new();
    for (ai, a) in agreements.iter().enumerate() {
        let Some(parent) = a.parent.as_ref().map(|p| p.as_str()) else { continue };
        if !ids.contains(parent) {
            out.push(Problem { path: format!("agreements[{ai}].parent"), kind: ProblemKind::ParentNotInFile });
            continue;
        }
        if leads_back(a.id.as_str(), Some(parent), |p| parent_of.get(p).copied()) {
            return None;
        }
    }
    let indicators: HashSet<&str> = agreements.iter().flat_map(|a| a.indicators().map(|(_, i)| i.id.as_str())).collect();
    for (ai, a) in agreements.iter().enumerate() {
        for (si, o) in a.objectives.iter().enumerate() {
            for (ii, i) in o.indicators.iter().enumerate() {
                if i.parent.as_ref().is_some_and(|p| !indicators.contains(p.id.as_str())) {
                    let path = format!("agreements[{ai}].objectives[{si}].indicators[{ii}].parent.id");
                    out.push(Problem { path, kind: ProblemKind::ParentIndicatorNotInFile });
                }
            }
        }
    }
    Some(out)
}
