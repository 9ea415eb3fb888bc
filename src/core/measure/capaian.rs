//! *Capaian* (achievement): one function, used by every view, print, CSV and file check.
//!
//! | polarity | capaian | source |
//! |---|---|---|
//! | higher is better | R / T × 100 % | PermenPANRB 6/2022 |
//! | lower is better | (2 − R / T) × 100 % = (T − (R − T)) / T × 100 % | PermenPANRB 6/2022; LKjIP Kab. Maluku Tengah 2021 |
//! | range `a–b` | 100 % inside; below: R / a × 100 %; above: (2 − R / b) × 100 % | PermenPANRB 6/2022 (the nearer bound) |
//! | scale, best first (`WTP > WDP > TW > TMP`) | (n − position of R) / (n − position of T) × 100 % | Kinerja's rule |
//!
//! Kinerja's rules where no regulation gives one (documented in the README):
//! - T = 0, higher is better: any R ≥ 0 meets it: 100 %. Lower is better: R = 0 is 100 %, R > 0 is 0 %.
//! - Capaian is never below 0 % (lower is better with R > 2T, above a range by more than its bound).
//! - Nothing reported, a target or realisasi without a number, another unit, a value off the scale:
//!   *belum dapat dinilai* (not assessable) with the reason, never a silent 0 %.
//! - The result is rounded half away from zero to two decimals once, here, so screen, print and CSV
//!   show the same figure (`82,50%`). Capping (a workspace setting) and the predikat come after.

use super::range;
use super::Polarity;
use crate::core::model::Target;
use rust_decimal::{Decimal, RoundingStrategy};

/// Why a capaian cannot be given.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NotAssessable {
    /// No realisasi for the period.
    NotReported,
    /// The target has no number (or is not on the scale).
    TargetNotMeasurable,
    /// The realisasi has no number.
    NotANumber,
    /// The realisasi is in another unit than the target (`8 kali` against `75%`).
    OtherUnit,
    /// The realisasi is not one of the scale's values.
    NotOnScale,
    /// The target or the realisasi is a negative number (`-10%`), which is not allowed there.
    Negative,
}

/// A capaian in percent (two decimals), or why there is none.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Capaian {
    Percent(Decimal),
    NotAssessable(NotAssessable),
}

impl Capaian {
    pub fn percent(self) -> Option<Decimal> {
        match self {
            Capaian::Percent(p) => Some(p),
            Capaian::NotAssessable(_) => None,
        }
    }
}

const HUNDRED: Decimal = Decimal::ONE_HUNDRED;

fn done(p: Decimal) -> Capaian {
    Capaian::Percent(p.max(Decimal::ZERO).round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero))
}

fn not(reason: NotAssessable) -> Capaian {
    Capaian::NotAssessable(reason)
}

/// The capaian of `actual` against `target` (both as typed), for an indicator of this polarity.
pub fn capaian(target: &Target, actual: Option<&Target>, polarity: &Polarity) -> Capaian {
    let Some(actual) = actual.filter(|a| !a.text().trim().is_empty()) else {
        return not(NotAssessable::NotReported);
    };
    if actual.is_negative() || target.is_negative() {
        return not(NotAssessable::Negative);
    }
    match polarity {
        Polarity::Scale(scale) => on_scale(target, actual, scale),
        Polarity::Range => match range::parse(target.text()) {
            Some(r) => {
                let Some(value) = value_in(actual, &r.unit) else { return not(unit_problem(actual)) };
                if value < r.low {
                    if r.low.is_zero() {
                        done(HUNDRED)
                    } else {
                        done(value / r.low * HUNDRED)
                    }
                } else if value > r.high {
                    if r.high.is_zero() {
                        done(Decimal::ZERO)
                    } else {
                        done((Decimal::TWO - value / r.high) * HUNDRED)
                    }
                } else {
                    done(HUNDRED)
                }
            }
            // A "range" whose target is one value is measured as higher is better.
            None => numeric(target, actual, false),
        },
        Polarity::Higher => numeric(target, actual, false),
        Polarity::Lower => numeric(target, actual, true),
    }
}

/// The realisasi's value when its unit is the target's (or it has none).
fn value_in(actual: &Target, unit: &str) -> Option<Decimal> {
    let q = actual.quantity()?;
    let key =
        |u: &str| u.chars().filter(|c| !c.is_whitespace()).flat_map(char::to_lowercase).collect::<String>();
    (q.unit.is_empty() || unit.is_empty() || key(&q.unit) == key(unit)).then_some(q.value)
}

fn unit_problem(actual: &Target) -> NotAssessable {
    if actual.quantity().is_some() {
        NotAssessable::OtherUnit
    } else {
        NotAssessable::NotANumber
    }
}

fn numeric(target: &Target, actual: &Target, lower_is_better: bool) -> Capaian {
    let Some(t) = target.quantity() else { return not(NotAssessable::TargetNotMeasurable) };
    let Some(r) = value_in(actual, &t.unit) else { return not(unit_problem(actual)) };
    let t = t.value;
    match (lower_is_better, t.is_zero()) {
        (false, true) => done(if r >= Decimal::ZERO { HUNDRED } else { Decimal::ZERO }),
        (false, false) => done(r / t * HUNDRED),
        (true, true) => done(if r.is_zero() { HUNDRED } else { Decimal::ZERO }),
        (true, false) => done((Decimal::TWO - r / t) * HUNDRED),
    }
}

fn squash(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).flat_map(char::to_lowercase).collect()
}

fn on_scale(target: &Target, actual: &Target, scale: &[String]) -> Capaian {
    let position = |t: &Target| scale.iter().position(|s| squash(s) == squash(t.text()));
    let Some(t) = position(target) else { return not(NotAssessable::TargetNotMeasurable) };
    let Some(r) = position(actual) else { return not(NotAssessable::NotOnScale) };
    let n = Decimal::from(scale.len());
    done((n - Decimal::from(r)) / (n - Decimal::from(t)) * HUNDRED)
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    fn c(target: &str, actual: &str, polarity: Polarity) -> Capaian {
        capaian(&Target::new(target), Some(&Target::new(actual)), &polarity)
    }

    fn pct(v: Decimal) -> Capaian {
        Capaian::Percent(v)
    }

    /// The report rows in ../shared/DESIGN.md (public LKj of KPU offices and PermenPANRB 6/2022),
    /// recomputed by hand from their target and realisasi.
    #[test]
    fn real_report_rows() {
        // Sekretariat KPU Prov. Kalimantan Timur, LKj 2020: e-LPPA reports on time, 11 Lap / 11 Lap.
        assert_eq!(c("11 Lap", "11 Lap", Polarity::Higher), pct(dec!(100.00)));
        // Same report: logistics management pattern, 80% / 80%.
        assert_eq!(c("80%", "80%", Polarity::Higher), pct(dec!(100)));
        // KPU Kab. Sarolangun, LKj 2019: voter participation 80% / 83% = 103,75% (the report prints 100%:
        // capped; capping is a setting, see settings.rs).
        assert_eq!(c("80%", "83%", Polarity::Higher), pct(dec!(103.75)));
        // Same report, lower is better: eligible voters missing from the roll, 0,2% / 0,2%.
        assert_eq!(c("0,2%", "0,2%", Polarity::Lower), pct(dec!(100)));
        // PermenPANRB 6/2022, lower is better: T 7, R 6,5 → (2 − 6,5/7) × 100 = 107,142857… → 107,14%.
        assert_eq!(c("7", "6,5", Polarity::Lower), pct(dec!(107.14)));
        // Same, T 8, R 9 → (2 − 9/8) × 100 = 87,5%.
        assert_eq!(c("8", "9", Polarity::Lower), pct(dec!(87.50)));
        // Same, range 80–90%, R 70% (below: against the lower bound) → 70/80 × 100 = 87,5%.
        assert_eq!(c("80–90%", "70%", Polarity::Range), pct(dec!(87.50)));
    }

    #[test]
    fn realisasi_equal_to_target_is_always_100() {
        // An e-SAKIP anchor computed (T − ΣR)/T: 0 % when R = T.
        for (t, p) in [
            ("75%", Polarity::Higher),
            ("12 Lap", Polarity::Higher),
            ("3", Polarity::Lower),
            ("WTP", scale()),
        ] {
            assert_eq!(c(t, t, p), pct(dec!(100)), "{t}");
        }
    }

    #[test]
    fn zero_targets_and_zero_realisasi() {
        assert_eq!(c("0", "0", Polarity::Higher), pct(dec!(100)), "T = 0 is met by any R ≥ 0");
        assert_eq!(c("0 Lap", "2 Lap", Polarity::Higher), pct(dec!(100)));
        assert_eq!(c("0 temuan", "0", Polarity::Lower), pct(dec!(100)));
        assert_eq!(c("0 temuan", "1", Polarity::Lower), pct(dec!(0)), "a target of none, missed");
        assert_eq!(c("12 Lap", "0 Lap", Polarity::Higher), pct(dec!(0)), "0 is a value, not 'not reported'");
        assert_eq!(c("5", "0", Polarity::Lower), pct(dec!(200)), "none at all where 5 were allowed");
        assert_eq!(c("4", "9", Polarity::Lower), pct(dec!(0)), "never below 0 %: (2 − 9/4) would be −25 %");
    }

    #[test]
    fn ranges() {
        let r = |actual| c("80–90%", actual, Polarity::Range);
        assert_eq!(r("85%"), pct(dec!(100)));
        assert_eq!(r("80%"), pct(dec!(100)), "bounds are inside");
        assert_eq!(r("90%"), pct(dec!(100)));
        assert_eq!(r("95%"), pct(dec!(94.44)), "above: (2 − 95/90) × 100 = 94,444…");
        assert_eq!(c("90%", "95%", Polarity::Range), pct(dec!(105.56)), "a single value is higher-is-better");
    }

    fn scale() -> Polarity {
        Polarity::Scale(["WTP", "WDP", "TW", "TMP"].map(String::from).to_vec())
    }

    #[test]
    fn qualitative_scale() {
        assert_eq!(c("WTP", "WDP", scale()), pct(dec!(75)), "(4 − 1) / (4 − 0)");
        assert_eq!(c("WTP", "TMP", scale()), pct(dec!(25)));
        assert_eq!(c("WDP", "WTP", scale()), pct(dec!(133.33)), "better than the target: 4/3");
        assert_eq!(c("wtp", " WTP ", scale()), pct(dec!(100)), "case and spaces do not matter");
        assert_eq!(c("WTP", "Baik", scale()), Capaian::NotAssessable(NotAssessable::NotOnScale));
        assert_eq!(c("A", "WTP", scale()), Capaian::NotAssessable(NotAssessable::TargetNotMeasurable));
    }

    #[test]
    fn what_cannot_be_assessed_says_why() {
        use NotAssessable::*;
        assert_eq!(
            capaian(&Target::new("75%"), None, &Polarity::Higher),
            Capaian::NotAssessable(NotReported)
        );
        assert_eq!(c("75%", "  ", Polarity::Higher), Capaian::NotAssessable(NotReported));
        assert_eq!(c("75%", "hampir semua", Polarity::Higher), Capaian::NotAssessable(NotANumber));
        assert_eq!(c("75%", "8 kali", Polarity::Higher), Capaian::NotAssessable(OtherUnit));
        assert_eq!(c("Tepat waktu", "100%", Polarity::Higher), Capaian::NotAssessable(TargetNotMeasurable));
        assert_eq!(
            c("75%", "82,5", Polarity::Higher),
            pct(dec!(110)),
            "a realisasi without unit is in the target's"
        );
        assert_eq!(
            c(
                "12 Satker (Provinsi/Kabupaten/Kota)",
                "12 satker (provinsi/kabupaten/ kota)",
                Polarity::Higher
            ),
            pct(dec!(100))
        );
    }

    #[test]
    fn rounding_is_half_away_from_zero_to_two_decimals() {
        assert_eq!(c("3", "2", Polarity::Higher), pct(dec!(66.67)));
        assert_eq!(c("8", "1", Polarity::Higher), pct(dec!(12.50)));
        assert_eq!(c("1600", "1", Polarity::Higher), pct(dec!(0.06)), "0,0625 → 0,06");
        assert_eq!(c("800", "1", Polarity::Higher), pct(dec!(0.13)), "0,125 → 0,13");
    }
}
