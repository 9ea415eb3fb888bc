//! The year to date: the realisasi through a quarter (by the indicator's aggregation), the target it is
//! compared with (the Rencana Aksi through that quarter, else the PK target), and whether the Rencana
//! Aksi leads to the PK target.
//!
//! Rules (Kinerja's, documented in the README):
//! - Sum: the quarters reported so far are added (a quarter not reported adds nothing; `0` adds 0).
//!   Its Rencana Aksi may be written per quarter (`3, 3, 3, 3` for `12 Lap`) or cumulative (`3, 6, 9,
//!   12`): cumulative when TW IV equals the PK target and no quarter is below the one before.
//! - Last: the latest quarter reported. Average: the mean of the quarters reported.
//! - Without a Rencana Aksi for a quarter, the period is compared with the PK target (capaian grows
//!   through the year for sums).

use super::{Aggregation, Measurement, Quarter};
use crate::core::format;
use crate::core::i18n::Lang;
use crate::core::model::Target;
use rust_decimal::Decimal;

/// A number with a unit as a target (`12 Lap`, `82,5%`).
fn quantity_target(value: Decimal, unit: &str) -> Target {
    let number = format::number(value.normalize(), Lang::Id);
    match unit {
        "" => Target::new(number),
        "%" => Target::new(format!("{number}%")),
        u => Target::new(format!("{number} {u}")),
    }
}

/// The sum of numeric values in one unit; the first value that is not a number, or is in another unit,
/// is returned as it is (capaian then says why it cannot be assessed). Used for the quarters of a year
/// and for the lower PKs that split a count.
pub fn sum(values: &[&Target]) -> Option<Target> {
    values.first()?;
    // The unit is the first one written; values written without a unit are in it.
    let unit = values.iter().filter_map(|v| v.quantity()).map(|q| q.unit.clone()).find(|u| !u.is_empty());
    let unit = unit.unwrap_or_default();
    let key =
        |u: &str| u.chars().filter(|c| !c.is_whitespace()).flat_map(char::to_lowercase).collect::<String>();
    let mut total = Decimal::ZERO;
    for v in values {
        match v.quantity() {
            Some(q) if q.unit.is_empty() || q.unit_key() == key(&unit) => total += q.value,
            _ => return Some((*v).clone()),
        }
    }
    Some(quantity_target(total, &unit))
}

/// Whether a planned figure is the PK target: the same value, in the same unit or written without one.
fn reaches(planned: &Target, target: &Target) -> bool {
    match (planned.quantity(), target.quantity()) {
        (Some(p), Some(t)) => p.value == t.value && (p.unit.is_empty() || p.unit_key() == t.unit_key()),
        _ => planned.same_as(target),
    }
}

/// The realisasi through quarter `q`, from the values of each quarter (`None`: not reported).
pub fn to_date(values: &[Option<Target>; 4], aggregation: Aggregation, q: Quarter) -> Option<Target> {
    let reported: Vec<&Target> = q
        .to_date()
        .filter_map(|p| values[p.index()].as_ref())
        .filter(|t| !t.text().trim().is_empty())
        .collect();
    match aggregation {
        Aggregation::Last => reported.last().map(|t| (*t).clone()),
        Aggregation::Sum => sum(&reported),
        Aggregation::Average => {
            let total = sum(&reported)?;
            match total.quantity() {
                Some(t) => {
                    Some(quantity_target((t.value / Decimal::from(reported.len())).round_dp(2), &t.unit))
                }
                None => Some(total),
            }
        }
    }
}

/// Whether a sum's Rencana Aksi is written cumulatively (`3, 6, 9, 12`).
fn cumulative_plan(target: &Target, m: &Measurement) -> bool {
    let values: Option<Vec<Decimal>> =
        Quarter::ALL.iter().map(|q| m.planned(*q).and_then(|t| t.quantity()).map(|x| x.value)).collect();
    let Some(values) = values else { return false };
    let ends_at_target = m.planned(Quarter::ALL[3]).is_some_and(|t| reaches(t, target));
    ends_at_target
        && values.windows(2).all(|w| w[0] <= w[1])
        && values.iter().filter(|v| !v.is_zero()).count() > 1
}

/// The target the year to date is compared with: the Rencana Aksi through `q`, else the PK target.
pub fn target_to_date(target: &Target, m: &Measurement, aggregation: Aggregation, q: Quarter) -> Target {
    let Some(planned) = m.planned(q) else { return target.clone() };
    if aggregation != Aggregation::Sum || cumulative_plan(target, m) {
        return planned.clone();
    }
    let plan: Vec<&Target> = q.to_date().filter_map(|p| m.planned(p)).collect();
    sum(&plan).unwrap_or_else(|| planned.clone())
}

/// How the Rencana Aksi relates to the PK target.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PlanCheck {
    /// No Rencana Aksi.
    NoPlan,
    /// A Rencana Aksi still being written: what decides the year is not planned yet (TW IV for a
    /// percentage or state, every quarter for a sum or an average). Nothing is said until it is.
    Incomplete,
    /// It leads to the PK target.
    Consistent,
    /// It does not: what it leads to (TW IV, or the sum for a per-quarter sum).
    Differs { leads_to: Target },
}

/// Whether the Rencana Aksi leads to the PK target: for a sum, TW IV (cumulative) or the sum of the
/// quarters equals it; otherwise TW IV equals it. Never blocks: the editor asks for a reason.
pub fn plan_check(target: &Target, m: &Measurement, aggregation: Aggregation) -> PlanCheck {
    if Quarter::ALL.iter().all(|q| m.planned(*q).is_none()) {
        return PlanCheck::NoPlan;
    }
    let decided = match aggregation {
        Aggregation::Last => m.planned(Quarter::ALL[3]).is_some(),
        Aggregation::Sum | Aggregation::Average => Quarter::ALL.iter().all(|q| m.planned(*q).is_some()),
    };
    if !decided {
        return PlanCheck::Incomplete;
    }
    let last = m.planned(Quarter::ALL[3]);
    if last.is_some_and(|t| reaches(t, target)) {
        return PlanCheck::Consistent;
    }
    if aggregation == Aggregation::Sum {
        let plan: Vec<&Target> = Quarter::ALL.iter().filter_map(|q| m.planned(*q)).collect();
        if let Some(total) = sum(&plan) {
            if reaches(&total, target) {
                return PlanCheck::Consistent;
            }
            return PlanCheck::Differs { leads_to: total };
        }
    }
    PlanCheck::Differs { leads_to: last.cloned().unwrap_or_default() }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> Target {
        Target::new(s)
    }

    fn values(v: [Option<&str>; 4]) -> [Option<Target>; 4] {
        v.map(|x| x.map(t))
    }

    fn q(n: u8) -> Quarter {
        Quarter::new(n).unwrap()
    }

    fn plan(v: [&str; 4]) -> Measurement {
        Measurement { plan: v.map(|x| (!x.is_empty()).then(|| t(x))), ..Default::default() }
    }

    #[test]
    fn realisasi_to_date_by_aggregation() {
        let v = values([Some("3 Lap"), Some("2 Lap"), None, Some("4 Lap")]);
        assert_eq!(to_date(&v, Aggregation::Sum, q(2)), Some(t("5 Lap")));
        assert_eq!(to_date(&v, Aggregation::Sum, q(3)), Some(t("5 Lap")), "TW III not reported adds nothing");
        assert_eq!(to_date(&v, Aggregation::Sum, q(4)), Some(t("9 Lap")));
        assert_eq!(to_date(&v, Aggregation::Last, q(3)), Some(t("2 Lap")));
        assert_eq!(to_date(&v, Aggregation::Average, q(4)), Some(t("3 Lap")));
        let pct = values([Some("80%"), Some("82,5%"), None, None]);
        assert_eq!(to_date(&pct, Aggregation::Last, q(4)), Some(t("82,5%")));
        assert_eq!(to_date(&pct, Aggregation::Average, q(2)), Some(t("81,25%")));
        assert_eq!(to_date(&values([None, None, None, None]), Aggregation::Sum, q(4)), None);
        assert_eq!(to_date(&values([Some("0"), None, None, None]), Aggregation::Sum, q(1)), Some(t("0")));
        let mixed = values([Some("3 Lap"), Some("dua"), None, None]);
        assert_eq!(
            to_date(&mixed, Aggregation::Sum, q(2)),
            Some(t("dua")),
            "a value that is not a number is shown"
        );
        assert_eq!(
            to_date(&values([Some("1.500 orang"), Some("1.250"), None, None]), Aggregation::Sum, q(2)),
            Some(t("2.750 orang"))
        );
    }

    #[test]
    fn targets_to_date() {
        // Per-quarter plan of a sum: 3 + 3 through TW II.
        let m = plan(["3 Lap", "3 Lap", "3 Lap", "3 Lap"]);
        assert_eq!(target_to_date(&t("12 Lap"), &m, Aggregation::Sum, q(2)), t("6 Lap"));
        // Cumulative plan: TW II's own figure.
        let m = plan(["3 Lap", "6 Lap", "9 Lap", "12 Lap"]);
        assert_eq!(target_to_date(&t("12 Lap"), &m, Aggregation::Sum, q(2)), t("6 Lap"));
        // A percentage: the quarter's own plan.
        let m = plan(["25%", "50%", "75%", "100%"]);
        assert_eq!(target_to_date(&t("100%"), &m, Aggregation::Last, q(3)), t("75%"));
        // No plan for the quarter: the PK target.
        assert_eq!(
            target_to_date(&t("12 Lap"), &plan(["", "", "", ""]), Aggregation::Sum, q(2)),
            t("12 Lap")
        );
    }

    #[test]
    fn the_plan_leads_to_the_pk_target_or_says_where_it_leads() {
        assert_eq!(plan_check(&t("12 Lap"), &plan(["", "", "", ""]), Aggregation::Sum), PlanCheck::NoPlan);
        assert_eq!(
            plan_check(&t("12 Lap"), &plan(["3 Lap", "3 Lap", "3 Lap", "3 Lap"]), Aggregation::Sum),
            PlanCheck::Consistent
        );
        assert_eq!(
            plan_check(&t("12 Lap"), &plan(["3 Lap", "6 Lap", "9 Lap", "12 Lap"]), Aggregation::Sum),
            PlanCheck::Consistent
        );
        // An e-SAKIP anchor raised "total target triwulan bernilai 0" for 0-0-1-0: it adds up to 1.
        assert_eq!(
            plan_check(&t("1 Dok"), &plan(["0", "0", "1", "0"]), Aggregation::Sum),
            PlanCheck::Consistent
        );
        assert_eq!(
            plan_check(&t("100%"), &plan(["25%", "50%", "75%", "100%"]), Aggregation::Last),
            PlanCheck::Consistent
        );
        assert_eq!(
            plan_check(&t("12 Lap"), &plan(["3 Lap", "3 Lap", "3 Lap", "2 Lap"]), Aggregation::Sum),
            PlanCheck::Differs { leads_to: t("11 Lap") }
        );
        assert_eq!(
            plan_check(&t("90%"), &plan(["20%", "40%", "60%", "80%"]), Aggregation::Last),
            PlanCheck::Differs { leads_to: t("80%") }
        );
        // Still being written: TW I of a sum typed alone says nothing yet (it was flagged at once).
        assert_eq!(
            plan_check(&t("2 Lap"), &plan(["1 Lap", "", "", ""]), Aggregation::Sum),
            PlanCheck::Incomplete
        );
        assert_eq!(
            plan_check(&t("2 Lap"), &plan(["1 Lap", "0", "0", ""]), Aggregation::Sum),
            PlanCheck::Incomplete
        );
        assert_eq!(
            plan_check(&t("90%"), &plan(["20%", "", "", ""]), Aggregation::Last),
            PlanCheck::Incomplete
        );
        // A percentage is decided by TW IV: planned alone, it is checked.
        assert_eq!(
            plan_check(&t("87,5%"), &plan(["", "", "", "85%"]), Aggregation::Last),
            PlanCheck::Differs { leads_to: t("85%") }
        );
    }
}
