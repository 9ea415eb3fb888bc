//! Realisasi through the cascade. It is entered where the work is done (usually the lowest PK) and flows
//! up the indicator links:
//! - one lower indicator carries it: its value is carried up;
//! - a count split among several lower indicators (aggregation *sum*, one unit): their values are added;
//! - anything else (percentages, states): never added or averaged silently. The lower values are shown
//!   side by side and the higher PK takes one of them, or enters its own.
//!
//! A value entered on the higher PK itself always counts; when it disagrees with what comes from below,
//! it is flagged.

use super::{infer, period, Aggregation, Method, Quarter};
use crate::core::model::links::Links;
use crate::core::model::{Agreement, AgreementId, Indicator, IndicatorId, Target};

/// Where an indicator's realisasi for a quarter comes from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Source {
    /// Nothing reported, here or below.
    Nothing,
    /// Entered on this indicator.
    Own,
    /// Carried from the one lower indicator that carries it.
    Carried { from: AgreementId },
    /// The sum of the lower indicators that split it.
    Summed { parts: usize },
    /// Several lower values that are not added: the higher PK has to choose (or enter its own).
    Choose,
}

/// An indicator's realisasi for one quarter, and where it comes from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Flow {
    /// The value that counts (none while the higher PK has to choose, or nothing is reported).
    pub value: Option<Target>,
    pub source: Source,
    /// The values of the lower indicators that carry it (`Choose` shows them side by side).
    pub below: Vec<(AgreementId, Target)>,
    /// The value entered here differs from what comes from below.
    pub disagrees: bool,
}

/// The lower indicators linked to `indicator` (of agreement `id`): (their agreement, the indicator).
pub fn carriers<'a>(
    links: &Links<'a>,
    id: &AgreementId,
    indicator: &IndicatorId,
) -> Vec<(&'a Agreement, &'a Indicator)> {
    links
        .children(id)
        .flat_map(|child| {
            child
                .indicators()
                .filter(|(_, i)| i.parent.as_ref().is_some_and(|l| &l.id == indicator))
                .map(move |(_, i)| (child, i))
        })
        .collect()
}

/// How an indicator is measured (its choices, else what its text and target suggest).
pub fn method(i: &Indicator) -> Method {
    Method::of(&i.text, &i.target, &i.measurement)
}

/// The realisasi of `indicator` in agreement `a` in TW I–IV, following the cascade below it: walked once
/// for the four quarters, with the workspace's links built once for many PKs (the capaian of a year, where
/// searching the workspace for the PKs below each indicator made a national year take a minute).
pub fn year_in(links: &Links, a: &Agreement, indicator: &Indicator) -> [Flow; 4] {
    year_at(links, a, indicator, 0)
}

fn year_at(links: &Links, a: &Agreement, indicator: &Indicator, depth: usize) -> [Flow; 4] {
    // A cascade is a few levels deep; a broken file cannot make this loop.
    let lower: Vec<(AgreementId, [Flow; 4])> = if depth > 16 {
        Vec::new()
    } else {
        carriers(links, &a.id, &indicator.id)
            .into_iter()
            .map(|(child, i)| (child.id.clone(), year_at(links, child, i, depth + 1)))
            .collect()
    };
    // Whether values split among lower PKs add up: worked out once, when a quarter needs it.
    let mut summable: Option<bool> = None;
    Quarter::ALL.map(|q| {
        let own =
            indicator.measurement.report(q).map(|r| r.value.clone()).filter(|v| !v.text().trim().is_empty());
        let below: Vec<(AgreementId, Target)> = lower
            .iter()
            .filter_map(|(from, flows)| flows[q.index()].value.clone().map(|v| (from.clone(), v)))
            .collect();
        let (from_below, source) = match below.as_slice() {
            [] => (None, Source::Nothing),
            [(from, v)] => (Some(v.clone()), Source::Carried { from: from.clone() }),
            many => {
                let sums = *summable.get_or_insert_with(|| {
                    method(indicator).aggregation == Aggregation::Sum
                        && infer::scale_of(&indicator.target).is_none()
                });
                if sums && many.iter().all(|(_, v)| v.quantity().is_some_and(|x| !x.is_percent())) {
                    let values: Vec<&Target> = many.iter().map(|(_, v)| v).collect();
                    (period::sum(&values), Source::Summed { parts: many.len() })
                } else {
                    (None, Source::Choose)
                }
            }
        };
        match own {
            Some(v) => {
                let disagrees = from_below.as_ref().is_some_and(|b| !b.same_as(&v));
                Flow { value: Some(v), source: Source::Own, below, disagrees }
            }
            None => Flow { value: from_below, source, below, disagrees: false },
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::measure::Quarter;
    use crate::core::model::testing::*;
    use crate::core::model::Workspace;

    fn flow_of(ws: &Workspace, a: &str, i: &str, q: u8) -> Flow {
        let ag = ws.agreement(&aid(a)).unwrap();
        let ind = ag.indicators().map(|(_, x)| x).find(|x| x.id.0 == i).unwrap();
        year_in(&Links::new(ws), ag, ind)[Quarter::new(q).unwrap().index()].clone()
    }

    /// top: t1 "Persentase A" 75%, t2 "Jumlah laporan" 12 Lap. kid1 carries t1 and t2 (5 Lap); kid2
    /// carries t2 (7 Lap); grand (below kid1) carries kid1's t1.
    fn cascade() -> Workspace {
        let mut top = agreement("top", None, 2024);
        top.objectives = vec![objective(
            "s",
            "S",
            vec![
                indicator("t1", "Persentase A", "75%", None),
                indicator("t2", "Jumlah laporan", "12 Lap", None),
            ],
        )];
        let mut kid1 = agreement("kid1", Some("top"), 2024);
        kid1.objectives = vec![objective(
            "k1",
            "S",
            vec![
                indicator("k1i1", "Persentase A", "75%", Some(("t1", "Persentase A"))),
                indicator("k1i2", "Jumlah laporan", "5 Lap", Some(("t2", "Jumlah laporan"))),
            ],
        )];
        let mut kid2 = agreement("kid2", Some("top"), 2024);
        kid2.objectives = vec![objective(
            "k2",
            "S",
            vec![indicator("k2i1", "Jumlah laporan", "7 Lap", Some(("t2", "Jumlah laporan")))],
        )];
        let mut grand = agreement("grand", Some("kid1"), 2024);
        grand.objectives = vec![objective(
            "g",
            "S",
            vec![indicator("gi1", "Persentase A", "75%", Some(("k1i1", "Persentase A")))],
        )];
        workspace(vec![top, kid1, kid2, grand])
    }

    #[test]
    fn a_value_entered_at_the_bottom_is_carried_to_the_top() {
        let mut ws = cascade();
        report(&mut ws, "grand", "gi1", 1, "80%", "");
        let kid = flow_of(&ws, "kid1", "k1i1", 1);
        assert_eq!(
            (kid.value, kid.source),
            (Some(Target::new("80%")), Source::Carried { from: aid("grand") })
        );
        let top = flow_of(&ws, "top", "t1", 1);
        assert_eq!(
            (top.value, top.source),
            (Some(Target::new("80%")), Source::Carried { from: aid("kid1") })
        );
        assert_eq!(flow_of(&ws, "top", "t1", 2).source, Source::Nothing, "TW II not reported anywhere");
    }

    #[test]
    fn a_split_count_is_added_up() {
        let mut ws = cascade();
        report(&mut ws, "kid1", "k1i2", 2, "2 Lap", "");
        report(&mut ws, "kid2", "k2i1", 2, "3 lap", "");
        let top = flow_of(&ws, "top", "t2", 2);
        assert_eq!((top.value, top.source), (Some(Target::new("5 Lap")), Source::Summed { parts: 2 }));
        // Only one of them reported: carried, not summed.
        report(&mut ws, "kid1", "k1i2", 3, "1 Lap", "");
        assert_eq!(flow_of(&ws, "top", "t2", 3).source, Source::Carried { from: aid("kid1") });
    }

    #[test]
    fn percentages_from_several_lower_pks_are_never_added_or_averaged() {
        let mut ws = cascade();
        let kid2 = ws.agreement_mut(&aid("kid2")).unwrap();
        kid2.objectives[0].indicators.push(indicator(
            "k2i2",
            "Persentase A",
            "75%",
            Some(("t1", "Persentase A")),
        ));
        report(&mut ws, "kid1", "k1i1", 1, "70%", "");
        report(&mut ws, "kid2", "k2i2", 1, "90%", "");
        let top = flow_of(&ws, "top", "t1", 1);
        assert_eq!((top.value.clone(), top.source.clone()), (None, Source::Choose), "the higher PK chooses");
        assert_eq!(top.below, vec![(aid("kid1"), Target::new("70%")), (aid("kid2"), Target::new("90%"))]);
        // It takes one (or enters its own): that value counts, and is not flagged.
        report(&mut ws, "top", "t1", 1, "90%", "");
        let top = flow_of(&ws, "top", "t1", 1);
        assert_eq!((top.value, top.source, top.disagrees), (Some(Target::new("90%")), Source::Own, false));
    }

    #[test]
    fn an_own_value_that_disagrees_with_the_lower_pk_is_flagged() {
        let mut ws = cascade();
        report(&mut ws, "kid1", "k1i1", 4, "70%", "");
        report(&mut ws, "top", "t1", 4, "75%", "");
        let top = flow_of(&ws, "top", "t1", 4);
        assert_eq!((top.value, top.source, top.disagrees), (Some(Target::new("75%")), Source::Own, true));
        report(&mut ws, "top", "t1", 4, "70 %", "");
        assert!(!flow_of(&ws, "top", "t1", 4).disagrees, "the same value, written differently");
    }
}
