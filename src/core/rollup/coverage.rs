//! The indicator side of the rollup: do the lower PKs carry the indicators of the PK above them, and do
//! their targets agree.

use crate::core::model::normalize::normalize;
use crate::core::model::{Agreement, AgreementId, Indicator, IndicatorId, Target};
use rust_decimal::Decimal;
use std::collections::HashMap;

/// How a child indicator was matched to a parent indicator.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Match {
    /// By the explicit link.
    Linked,
    /// By equal text after normalising; the user may confirm it into a link.
    SameText,
}

/// A child indicator carrying a parent indicator.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Carrier {
    pub agreement: AgreementId,
    pub indicator: IndicatorId,
    pub how: Match,
    pub target: Target,
}

/// How the targets of the carriers compare with the parent's target.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TargetCheck {
    /// Carried by no child.
    NotCarried,
    /// Every carrier has the parent's target (value and unit).
    Same,
    /// A count split among children whose values add up to the parent's.
    SplitAddsUp { sum: Decimal },
    /// Different values or units (for counts split among children: `sum` is what they add up to).
    Differs { sum: Option<Decimal> },
}

/// One indicator of a PK with children, and who carries it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IndicatorCoverage {
    pub id: IndicatorId,
    /// `s.i`, 1-based, as numbered in the PK.
    pub number: String,
    pub text: String,
    pub target: Target,
    pub carriers: Vec<Carrier>,
    pub check: TargetCheck,
}

impl IndicatorCoverage {
    /// The carriers whose own target is not the parent's: each is a place to fix when the targets
    /// differ (a carrier that already has the parent's target is not).
    pub fn differing_carriers(&self) -> impl Iterator<Item = &Carrier> {
        let differs = matches!(self.check, TargetCheck::Differs { .. });
        self.carriers.iter().filter(move |c| differs && !c.target.same_as(&self.target))
    }
}

/// A child indicator that belongs to nothing in the parent PK.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Orphan {
    pub agreement: AgreementId,
    pub indicator: IndicatorId,
    pub number: String,
    pub text: String,
}

/// `s.i` numbers of every indicator of an agreement.
fn numbers(a: &Agreement) -> HashMap<&IndicatorId, String> {
    let mut out = HashMap::new();
    for (si, o) in a.objectives.iter().enumerate() {
        for (ii, i) in o.indicators.iter().enumerate() {
            out.insert(&i.id, format!("{}.{}", si + 1, ii + 1));
        }
    }
    out
}

/// Compares the parent's target with its carriers' (never summing or averaging percentages).
fn check_targets(parent: &Target, carriers: &[Carrier]) -> TargetCheck {
    if carriers.is_empty() {
        return TargetCheck::NotCarried;
    }
    if carriers.iter().all(|c| c.target.same_as(parent)) {
        return TargetCheck::Same;
    }
    let Some(pq) = parent.quantity() else { return TargetCheck::Differs { sum: None } };
    if pq.is_percent() || carriers.len() < 2 {
        return TargetCheck::Differs { sum: None };
    }
    // A count split among children: same unit everywhere, values add up.
    let quantities: Option<Vec<_>> = carriers.iter().map(|c| c.target.quantity()).collect();
    match quantities {
        Some(qs) if qs.iter().all(|q| q.unit_key() == pq.unit_key()) => {
            let sum: Decimal = qs.iter().map(|q| q.value).sum();
            if sum == pq.value {
                TargetCheck::SplitAddsUp { sum }
            } else {
                TargetCheck::Differs { sum: Some(sum) }
            }
        }
        _ => TargetCheck::Differs { sum: None },
    }
}

/// The rollup's matcher by words: each text's place, keyed by its normalised words (a later text with
/// the same words takes the place). Used for the cascade and for the Renstra's IKU alike.
pub(super) fn text_index<'a>(texts: impl IntoIterator<Item = &'a str>) -> HashMap<String, usize> {
    texts.into_iter().enumerate().map(|(n, t)| (normalize(t), n)).collect()
}

pub(super) fn indicators(
    parent: &Agreement,
    children: &[&Agreement],
) -> (Vec<IndicatorCoverage>, Vec<Orphan>) {
    // The parent's indicators in order, with their `s.i` numbers; a link is found by id through one
    // index (a national year has 5 520 PKs to go through on every change).
    let listed: Vec<(&Indicator, String)> = parent
        .objectives
        .iter()
        .enumerate()
        .flat_map(|(si, o)| {
            o.indicators.iter().enumerate().map(move |(ii, i)| (i, format!("{}.{}", si + 1, ii + 1)))
        })
        .collect();
    let by_id: HashMap<&IndicatorId, usize> =
        listed.iter().enumerate().map(|(n, (i, _))| (&i.id, n)).collect();
    // Matching by text is only needed for indicators without a (working) link: built on first use.
    let mut by_text: Option<HashMap<String, usize>> = None;
    let mut carriers: Vec<Vec<Carrier>> = vec![Vec::new(); listed.len()];
    let mut orphans = Vec::new();
    for child in children {
        // Numbers are only needed to name an orphan: built on first use.
        let mut child_numbers: Option<HashMap<&IndicatorId, String>> = None;
        for (_, ind) in child.indicators() {
            let linked = ind.parent.as_ref().and_then(|l| by_id.get(&l.id)).map(|n| (*n, Match::Linked));
            let found = linked.or_else(|| {
                let index =
                    by_text.get_or_insert_with(|| text_index(listed.iter().map(|(i, _)| i.text.as_str())));
                index.get(&normalize(&ind.text)).map(|n| (*n, Match::SameText))
            });
            match found {
                Some((n, how)) => carriers[n].push(Carrier {
                    agreement: child.id.clone(),
                    indicator: ind.id.clone(),
                    how,
                    target: ind.target.clone(),
                }),
                None => orphans.push(Orphan {
                    agreement: child.id.clone(),
                    indicator: ind.id.clone(),
                    number: child_numbers
                        .get_or_insert_with(|| numbers(child))
                        .get(&ind.id)
                        .cloned()
                        .unwrap_or_default(),
                    text: ind.text.clone(),
                }),
            }
        }
    }
    let coverage = listed
        .into_iter()
        .zip(carriers)
        .map(|((i, number), carriers)| IndicatorCoverage {
            id: i.id.clone(),
            number,
            text: i.text.clone(),
            target: i.target.clone(),
            check: check_targets(&i.target, &carriers),
            carriers,
        })
        .collect();
    (coverage, orphans)
}
