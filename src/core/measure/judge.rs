//! Values judged right: what is kept but said. A figure that is implausible (a percentage over 100 %, a
//! capaian over 200 %) stays as typed and gets a warning; a realisasi in another unit than the target is
//! not silently dropped from the year's total but named; predikat bands are checked at the band.

use super::{Band, Capaian, Quarter};
use crate::core::model::normalize::normalize;
use crate::core::model::Target;
use rust_decimal::Decimal;

/// Something odd about a row's figures: kept, but said.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Odd {
    /// A *Persentase* indicator's realisasi above 100 % in a quarter.
    PercentOver100 { quarter: Quarter, value: Target },
    /// A capaian (as computed, before capping) above 200 %.
    CapaianOver200(Decimal),
    /// A quarter's realisasi in another unit than the target's, left out of the year's total.
    LeftOut { quarter: Quarter, value: Target, unit: String },
}

/// Whether an indicator is a percentage by its words (`Persentase …`, `Tingkat … (%)`).
fn is_percentage(text: &str) -> bool {
    normalize(text).starts_with("persentase")
}

/// The quarters through `q` whose realisasi is a number in another unit than `target`'s (a count's
/// year adds up the rest): `3 Dok` in a year of `Lap`.
pub fn other_units(values: &[Option<Target>; 4], target: &Target, q: Quarter) -> Vec<(Quarter, Target)> {
    let Some(unit) = target.quantity().map(|t| t.unit_key()).filter(|u| !u.is_empty()) else {
        return Vec::new();
    };
    q.to_date()
        .filter_map(|p| values[p.index()].clone().map(|v| (p, v)))
        .filter(|(_, v)| v.quantity().is_some_and(|x| !x.unit.is_empty() && x.unit_key() != unit))
        .collect()
}

/// The odd figures of one indicator through quarter `q`: its own quarters' values, the raw capaian, and
/// the values left out of the total.
pub fn odd(
    indicator_text: &str,
    values: &[Option<Target>; 4],
    q: Quarter,
    raw: Capaian,
    left_out: &[(Quarter, Target)],
    target: &Target,
) -> Vec<Odd> {
    let mut out = Vec::new();
    if is_percentage(indicator_text) {
        for p in q.to_date() {
            if let Some(v) = &values[p.index()] {
                if v.quantity().is_some_and(|x| x.is_percent() && x.value > Decimal::ONE_HUNDRED) {
                    out.push(Odd::PercentOver100 { quarter: p, value: v.clone() });
                }
            }
        }
    }
    if let Some(p) = raw.percent().filter(|p| *p > Decimal::from(200)) {
        out.push(Odd::CapaianOver200(p));
    }
    let unit = target.quantity().map(|t| t.unit.clone()).unwrap_or_default();
    out.extend(left_out.iter().map(|(quarter, value)| Odd::LeftOut {
        quarter: *quarter,
        value: value.clone(),
        unit: unit.clone(),
    }));
    out
}

/// What is wrong with a predikat band's bound.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BandProblem {
    /// Not lower than the bound of the band listed above it (the bands go from the highest down).
    NotBelow { above: Decimal },
    /// Below 0 % or above 200 %.
    OutOfRange,
}

/// The problems of each band, by its index in the list (highest first).
pub fn band_problems(bands: &[Band]) -> Vec<(usize, BandProblem)> {
    let sensible = |b: &Band| (Decimal::ZERO..=Decimal::from(200)).contains(&b.min);
    let mut out = Vec::new();
    for (i, b) in bands.iter().enumerate() {
        if !sensible(b) {
            out.push((i, BandProblem::OutOfRange));
        } else if let Some(prev) = i.checked_sub(1).map(|j| &bands[j]).filter(|p| sensible(p)) {
            // Compared with a sensible neighbour only: one wrong bound is one message.
            if b.min >= prev.min {
                out.push((i, BandProblem::NotBelow { above: prev.min }));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::measure::default_bands;
    use rust_decimal_macros::dec;

    fn t(s: &str) -> Target {
        Target::new(s)
    }
    fn q(n: u8) -> Quarter {
        Quarter::new(n).unwrap()
    }

    #[test]
    fn negative_numbers_are_numbers_not_allowed_here() {
        assert!(t("-10%").is_negative());
        assert!(t(" − 5 Lap").is_negative());
        assert!(!t("10%").is_negative());
        assert!(!t("-").is_negative(), "a dash is not a number");
        assert!(!t("WTP").is_negative());
        let c = crate::core::measure::capaian(
            &t("80%"),
            Some(&t("-5%")),
            &crate::core::measure::Polarity::Higher,
        );
        assert_eq!(c, Capaian::NotAssessable(crate::core::measure::NotAssessable::Negative));
        assert_eq!(
            crate::core::text::capaian(c, crate::core::i18n::Lang::Id),
            "belum dapat dinilai: nilai negatif tidak diperbolehkan di sini"
        );
    }

    #[test]
    fn implausible_values_are_kept_and_said() {
        // 9999 % of a 90 % target: 11.110,00 % (9999 / 90 × 100), kept but questioned.
        let values = [Some(t("9999%")), None, None, None];
        let raw = crate::core::measure::capaian(
            &t("90%"),
            values[0].as_ref(),
            &crate::core::measure::Polarity::Higher,
        );
        assert_eq!(raw, Capaian::Percent(dec!(11110)));
        let odd = odd("Persentase partisipasi pemilih", &values, q(1), raw, &[], &t("90%"));
        assert_eq!(
            odd,
            vec![Odd::PercentOver100 { quarter: q(1), value: t("9999%") }, Odd::CapaianOver200(dec!(11110))]
        );
        // 150 % of a count is not a percentage indicator; 180 % capaian is plausible.
        assert!(odd_of("Jumlah laporan", [Some(t("150%")), None, None, None], dec!(180)).is_empty());
    }

    fn odd_of(text: &str, values: [Option<Target>; 4], capaian: Decimal) -> Vec<Odd> {
        odd(text, &values, q(4), Capaian::Percent(capaian), &[], &t("12 Lap"))
    }

    #[test]
    fn another_unit_is_named_not_dropped() {
        let values = [Some(t("3 Dok")), Some(t("2 Lap")), Some(t("4")), None];
        assert_eq!(other_units(&values, &t("12 Lap"), q(4)), vec![(q(1), t("3 Dok"))]);
        assert!(other_units(&values, &t("80%"), q(1)).len() == 1);
        assert!(other_units(&values, &t("WTP"), q(4)).is_empty(), "a target without a unit names nothing");
    }

    #[test]
    fn bands_are_ordered_and_sensible() {
        let mut bands = default_bands();
        assert!(band_problems(&bands).is_empty(), "Permendagri 86/2017's bands are fine");
        bands[1].min = dec!(95); // above "Sangat Tinggi" (90)
        bands[3].min = dec!(-5);
        assert_eq!(
            band_problems(&bands),
            vec![(1, BandProblem::NotBelow { above: dec!(90) }), (3, BandProblem::OutOfRange)]
        );
    }
}
