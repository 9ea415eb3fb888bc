//! A PK's year quarter by quarter, for the small charts: each indicator's capaian (as shown) through
//! TW I, II, III and IV, each program's absorption through them, and the bar heights that draw them
//! (`core::text::measure` says what they show).

use super::table::Table;
use super::Capaian;
use crate::core::model::IndicatorId;
use rust_decimal::Decimal;

/// The quarters of one PK.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Series {
    pub indicators: Vec<(IndicatorId, [Capaian; 4])>,
    /// Per program: the absorption (percent of the amount) to date.
    pub programs: Vec<(String, [Option<Decimal>; 4])>,
}

/// The series read from a PK's tables through TW I, II, III and IV ([`super::table::tables_in`]).
pub fn series_of(tables: &[Table; 4]) -> Series {
    let indicators = tables[0]
        .rows
        .iter()
        .enumerate()
        .map(|(n, r)| (r.id.clone(), std::array::from_fn(|q| tables[q].rows[n].capaian)))
        .collect();
    let programs = tables[0]
        .budget
        .iter()
        .enumerate()
        .map(|(n, b)| {
            // A quarter without a figure is a gap in the picture, never the quarter before drawn again.
            let reported = |q: usize| tables[q].budget[n].through == Some(tables[q].quarter);
            (b.program.clone(), std::array::from_fn(|q| tables[q].budget[n].percent.filter(|_| reported(q))))
        })
        .collect();
    Series { indicators, programs }
}

/// Bar heights (0–`height`) for four percentages, on a scale that ends at `ceiling` %.
pub fn bars(values: [Option<Decimal>; 4], ceiling: Decimal, height: u32) -> [u32; 4] {
    values.map(|v| {
        let v = v.unwrap_or_default().max(Decimal::ZERO).min(ceiling);
        let h = (v * Decimal::from(height) / ceiling).round();
        h.to_string().parse().unwrap_or(0)
    })
}

/// The percentages of four capaian (none where it cannot be assessed).
pub fn percents(c: [Capaian; 4]) -> [Option<Decimal>; 4] {
    c.map(Capaian::percent)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::i18n::Lang;
    use crate::core::model::testing::*;
    use crate::core::text::chart_words as words;
    use rust_decimal_macros::dec;

    #[test]
    fn four_quarters_in_bars_and_words() {
        let mut a = agreement("a", None, 2024);
        a.objectives =
            vec![objective("s", "S", vec![indicator("i", "Persentase arsip tertata", "80%", None)])];
        a.budget = vec![line("Program", "1.000.000")];
        let mut ws = workspace(vec![a]);
        report(&mut ws, "a", "i", 1, "40%", "");
        report(&mut ws, "a", "i", 3, "80%", "");
        ws.agreement_mut(&aid("a")).unwrap().budget[0].actual[0] =
            crate::core::model::Amount::parse("250.000").unwrap();
        let links = crate::core::model::links::Links::new(&ws);
        let s = series_of(&crate::core::measure::table::tables_in(&links, ws.agreement(&aid("a")).unwrap()));
        // 40/80 = 50 %; 80/80 = 100 %. TW II and TW IV are not reported: no capaian, never the
        // previous quarter's figure shown as if it were theirs.
        let p = percents(s.indicators[0].1);
        assert_eq!(p, [Some(dec!(50)), None, Some(dec!(100)), None]);
        assert_eq!(bars(p, dec!(120), 24), [10, 0, 20, 0]);
        assert_eq!(
            words(p, Lang::Id),
            "TW I 50,00%, TW II belum dilaporkan, TW III 100,00%, TW IV belum dilaporkan"
        );
        // Rp 250.000 of Rp 1.000.000 in TW I, nothing more: 25 % in TW I, the other quarters not reported.
        assert_eq!(s.programs[0].1, [Some(dec!(25)), None, None, None]);
        assert_eq!(
            bars([Some(dec!(150)), None, Some(dec!(-5)), Some(dec!(60))], dec!(120), 24),
            [24, 0, 0, 12]
        );
        assert_eq!(
            words([None, None, None, None], Lang::En),
            "Q1 not reported, Q2 not reported, Q3 not reported, Q4 not reported"
        );
    }
}
