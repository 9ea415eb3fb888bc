//! The PK checked against the Renstra: for each year of the period, the head-of-office PK (the top of
//! the office's cascade that year) must carry every IKU the Renstra gives a target for that year, found
//! as the rollup finds a carried indicator (a link made by hand, else the same words, [`text_index`]),
//! with a target no weaker than the Renstra's by the IKU's polarity. A PK of a year no Renstra of its
//! office covers gets a note, not a flag.

use super::coverage::{text_index, Match};
use crate::core::measure::range;
use crate::core::model::measurement::Polarity;
use crate::core::model::normalize::normalize;
use crate::core::model::renstra::{covering, Iku, Renstra};
use crate::core::model::{Agreement, AgreementId, IndicatorId, Target, Workspace};
use rust_decimal::Decimal;

/// How a PK's target compares with the Renstra's.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Strength {
    /// The same, or stronger by the polarity.
    NoWeaker,
    /// Weaker by the polarity.
    Weaker,
    /// Not comparable: another unit, no number, a value off the scale.
    NotComparable,
}

/// Whether `pk` is no weaker than `renstra` for an indicator of this polarity. Higher is better: the
/// PK's value at least the Renstra's; lower is better: at most; a range: inside the Renstra's range (a
/// single value is a range of one); a scale (best first): at least as high on it.
pub fn strength(pk: &Target, renstra: &Target, polarity: &Polarity) -> Strength {
    if pk.same_as(renstra) {
        return Strength::NoWeaker;
    }
    let judge = |ok: bool| if ok { Strength::NoWeaker } else { Strength::Weaker };
    match polarity {
        Polarity::Scale(scale) => {
            let place = |t: &Target| scale.iter().position(|s| normalize(s) == normalize(t.text()));
            match (place(pk), place(renstra)) {
                (Some(p), Some(r)) => judge(p <= r),
                _ => Strength::NotComparable,
            }
        }
        Polarity::Range => match (bounds(pk), bounds(renstra)) {
            (Some((pl, ph, pu)), Some((rl, rh, ru))) if same_unit(&pu, &ru) => judge(pl >= rl && ph <= rh),
            _ => Strength::NotComparable,
        },
        Polarity::Higher | Polarity::Lower => match (pk.quantity(), renstra.quantity()) {
            (Some(p), Some(r)) if same_unit(&p.unit, &r.unit) => {
                judge(if *polarity == Polarity::Lower { p.value <= r.value } else { p.value >= r.value })
            }
            _ => Strength::NotComparable,
        },
    }
}

fn same_unit(a: &str, b: &str) -> bool {
    let key =
        |u: &str| u.chars().filter(|c| !c.is_whitespace()).flat_map(char::to_lowercase).collect::<String>();
    key(a) == key(b)
}

/// A target's range: its bounds and unit (a single value is a range of one).
fn bounds(t: &Target) -> Option<(Decimal, Decimal, String)> {
    if let Some(r) = range::parse(t.text()) {
        return Some((r.low, r.high, r.unit));
    }
    t.quantity().map(|q| (q.value, q.value, q.unit.clone()))
}

/// How one IKU of the year stands in the head-of-office PK.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum IkuState {
    /// Carried with a target no weaker than the Renstra's.
    Carried { indicator: IndicatorId, how: Match },
    /// Carried with a weaker target (or one that cannot be compared: `comparable` false).
    Weaker { indicator: IndicatorId, how: Match, target: Target, comparable: bool },
    /// Not carried.
    Missing,
}

/// One IKU of the year and how the PK carries it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IkuCheck {
    pub iku: IndicatorId,
    /// `g.i`, 1-based, as numbered in the Renstra.
    pub number: String,
    pub text: String,
    /// The Renstra's target for the year.
    pub target: Target,
    pub state: IkuState,
}

impl IkuCheck {
    pub fn is_flag(&self) -> bool {
        !matches!(self.state, IkuState::Carried { .. })
    }
}

/// A PK against the Renstra.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PkAgainstRenstra {
    /// Not the head of its office's cascade: the Renstra is carried by the PK above it.
    NotHead,
    /// The head of its office, in a year no Renstra of the office covers (a note, no flag).
    NotCovered,
    /// The head of its office, checked against the Renstra at `renstra` (its place in the workspace).
    Checked { renstra: usize, iku: Vec<IkuCheck> },
}

impl PkAgainstRenstra {
    /// The IKU missing or weaker.
    pub fn flags(&self) -> impl Iterator<Item = &IkuCheck> {
        let list: &[IkuCheck] = match self {
            PkAgainstRenstra::Checked { iku, .. } => iku,
            _ => &[],
        };
        list.iter().filter(|c| c.is_flag())
    }
}

/// Whether `a` is the head of its office's cascade: no superior in the workspace of the same office.
pub fn is_head(ws: &Workspace, a: &Agreement) -> bool {
    a.parent
        .as_ref()
        .and_then(|p| ws.agreement(p))
        .is_none_or(|p| normalize(&p.office) != normalize(&a.office))
}

/// The PK `a` against the Renstra of its office.
pub fn check(ws: &Workspace, a: &Agreement) -> PkAgainstRenstra {
    if !is_head(ws, a) {
        return PkAgainstRenstra::NotHead;
    }
    against(&ws.renstra, a)
}

/// `a`, the head of its office, against the Renstra of `list` covering its year.
pub fn against(list: &[Renstra], a: &Agreement) -> PkAgainstRenstra {
    let Some(r) = covering(list, &a.office, a.year) else { return PkAgainstRenstra::NotCovered };
    let renstra = list.iter().position(|x| std::ptr::eq(x, r)).unwrap_or_default();
    checked(renstra, r, a)
}

/// `a` against the Renstra `r`, the workspace's `renstra`-th.
fn checked(renstra: usize, r: &Renstra, a: &Agreement) -> PkAgainstRenstra {
    let listed: Vec<(&IndicatorId, &str, &Target)> =
        a.indicators().map(|(_, i)| (&i.id, i.text.as_str(), &i.target)).collect();
    let by_text = text_index(listed.iter().map(|(_, t, _)| *t));
    let mut out = Vec::new();
    for (gi, g) in r.current.goals.iter().enumerate() {
        for (ii, iku) in g.iku.iter().enumerate() {
            let Some(target) = iku.target(a.year) else { continue };
            out.push(IkuCheck {
                iku: iku.id.clone(),
                number: format!("{}.{}", gi + 1, ii + 1),
                text: iku.text.clone(),
                target: target.clone(),
                state: state(iku, target, &listed, &by_text),
            });
        }
    }
    PkAgainstRenstra::Checked { renstra, iku: out }
}

fn state(
    iku: &Iku,
    target: &Target,
    listed: &[(&IndicatorId, &str, &Target)],
    by_text: &std::collections::HashMap<String, usize>,
) -> IkuState {
    let linked = listed.iter().position(|(id, _, _)| iku.links.contains(id)).map(|n| (n, Match::Linked));
    let found = linked.or_else(|| by_text.get(&normalize(&iku.text)).map(|n| (*n, Match::SameText)));
    let Some((n, how)) = found else { return IkuState::Missing };
    let (id, _, pk_target) = listed[n];
    match strength(pk_target, target, &iku.polarity) {
        Strength::NoWeaker => IkuState::Carried { indicator: id.clone(), how },
        s => IkuState::Weaker {
            indicator: id.clone(),
            how,
            target: pk_target.clone(),
            comparable: s == Strength::Weaker,
        },
    }
}

/// Every head-of-office PK of `year` against its Renstra (the rollup's flags): one pass over the
/// year's PKs, each PK's indicators normalised once (a national year's 552 heads take a few
/// milliseconds).
pub fn year(ws: &Workspace, year: i32) -> Vec<(AgreementId, PkAgainstRenstra)> {
    if ws.renstra.is_empty() {
        return Vec::new();
    }
    // The Renstra covering the year, by office (the first, as [`covering`] finds it).
    let mut covering_year: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for (n, r) in ws.renstra.iter().enumerate().filter(|(_, r)| r.covers(year)) {
        covering_year.entry(normalize(&r.office)).or_insert(n);
    }
    // Each PK's office by id, found once (a search through the list per PK took seconds nationally).
    let offices: std::collections::HashMap<&AgreementId, String> =
        ws.agreements.iter().filter(|a| a.year == year).map(|a| (&a.id, normalize(&a.office))).collect();
    ws.agreements
        .iter()
        .filter(|a| a.year == year)
        .filter(|a| {
            let own = offices.get(&a.id);
            a.parent.as_ref().and_then(|p| offices.get(p)).is_none_or(|p| Some(p) != own)
        })
        .map(|a| {
            let found = offices.get(&a.id).and_then(|o| covering_year.get(o));
            let c = found.map_or(PkAgainstRenstra::NotCovered, |&n| checked(n, &ws.renstra[n], a));
            (a.id.clone(), c)
        })
        .collect()
}

#[cfg(test)]
#[path = "iku_tests.rs"]
mod tests;
