//! The measurement in words, the same on every view, in print and in CSV: quarters, figures to date,
//! capaian, what a figure is compared with, questioned figures, band bounds, polarity, aggregation, and
//! what the small charts say.

use crate::core::format;
use crate::core::i18n::{fill, Lang, Msg};
use rust_decimal::Decimal;

/// A quarter's name: `TW II` / `Q2`.
pub fn quarter(q: crate::core::measure::Quarter, lang: Lang) -> String {
    // Indonesian reports number quarters in Roman numerals (TW II), English ones in digits (Q2).
    let number = match lang {
        Lang::Id => q.roman().to_string(),
        Lang::En => q.number().to_string(),
    };
    fill(Msg::QuarterName.text(lang), &[("q", &number)])
}

/// A row's realisasi to date as every view, print and CSV shows it: `1 Lap`, or `1 Lap (s.d. TW I)` when
/// the row's own quarter is not reported and the figure runs only through an earlier one; `empty` when
/// nothing is reported yet.
pub fn to_date(
    r: &crate::core::measure::table::Row,
    quarter: crate::core::measure::Quarter,
    lang: Lang,
    empty: &str,
) -> String {
    so_far(r.actual.as_ref().map(|v| v.display(lang)), r.through, quarter, lang, empty)
}

/// What a row's year to date is compared with, as a label: `Rencana Aksi s.d. TW I` or `Target PK`.
pub fn compared_with(
    r: &crate::core::measure::table::Row,
    quarter: crate::core::measure::Quarter,
    lang: Lang,
) -> String {
    if r.against_plan {
        fill(Msg::PlanToDate.text(lang), &[("quarter", &self::quarter(quarter, lang))])
    } else {
        Msg::PkTarget.text(lang).to_string()
    }
}

/// A figure kept but questioned, as a sentence.
pub fn odd(o: &crate::core::measure::judge::Odd, lang: Lang) -> String {
    use crate::core::measure::judge::Odd;
    match o {
        Odd::PercentOver100 { quarter, value } => fill(
            Msg::OddPercentOver100.text(lang),
            &[("value", &value.display(lang)), ("quarter", &self::quarter(*quarter, lang))],
        ),
        Odd::CapaianOver200(p) => {
            fill(Msg::OddCapaianOver200.text(lang), &[("value", &format::percent2(*p, lang))])
        }
        Odd::LeftOut { quarter, value, unit } => fill(
            Msg::OddLeftOut.text(lang),
            &[("value", &value.display(lang)), ("quarter", &self::quarter(*quarter, lang)), ("unit", unit)],
        ),
    }
}

/// What is wrong with a predikat band's bound, as a sentence.
pub fn band_problem(p: crate::core::measure::judge::BandProblem, lang: Lang) -> String {
    use crate::core::measure::judge::BandProblem;
    match p {
        BandProblem::NotBelow { above } => {
            fill(Msg::BandNotBelow.text(lang), &[("above", &format::number(above, lang))])
        }
        BandProblem::OutOfRange => Msg::BandOutOfRange.text(lang).to_string(),
    }
}
/// A program's realisasi anggaran to date as every view, print and CSV shows it: `Rp 2.500.000.000`, or
/// `Rp 2.500.000.000 (s.d. TW II)` when the quarter itself has no figure; `empty` when none at all.
pub fn spent_to_date(
    b: &crate::core::measure::spent::BudgetRow,
    quarter: crate::core::measure::Quarter,
    lang: Lang,
    empty: &str,
) -> String {
    so_far(b.spent.map(|s| format::rupiah(s, lang)), b.through, quarter, lang, empty)
}

/// A figure so far through `quarter`: as it is, or `value (s.d. TW I)` when it runs only through an
/// earlier quarter (`through`), so a quarter not reported never looks reported; `empty` without one.
fn so_far(
    value: Option<String>,
    through: Option<crate::core::measure::Quarter>,
    quarter: crate::core::measure::Quarter,
    lang: Lang,
    empty: &str,
) -> String {
    match (value, through) {
        (Some(v), Some(t)) if t != quarter => {
            fill(Msg::ThroughEarlier.text(lang), &[("value", &v), ("quarter", &self::quarter(t, lang))])
        }
        (Some(v), _) => v,
        (None, _) => empty.to_string(),
    }
}

/// A capaian as every view, print and CSV shows it: `82,50%`, or why it cannot be assessed yet.
pub fn capaian(c: crate::core::measure::Capaian, lang: Lang) -> String {
    use crate::core::measure::{Capaian, NotAssessable};
    match c {
        Capaian::Percent(p) => format::percent2(p, lang),
        Capaian::NotAssessable(reason) => match reason {
            NotAssessable::NotReported => Msg::NaNotReported,
            NotAssessable::TargetNotMeasurable => Msg::NaTarget,
            NotAssessable::NotANumber => Msg::NaNumber,
            NotAssessable::OtherUnit => Msg::NaUnit,
            NotAssessable::NotOnScale => Msg::NaScale,
            NotAssessable::Negative => Msg::NaNegative,
        }
        .text(lang)
        .to_string(),
    }
}

/// How an indicator is measured, in words.
pub fn polarity(p: &crate::core::measure::Polarity, lang: Lang) -> String {
    use crate::core::measure::Polarity;
    match p {
        Polarity::Higher => Msg::PolarityHigher.text(lang).to_string(),
        Polarity::Lower => Msg::PolarityLower.text(lang).to_string(),
        Polarity::Range => Msg::PolarityRange.text(lang).to_string(),
        Polarity::Scale(s) => fill(Msg::PolarityScale.text(lang), &[("scale", &s.join(" > "))]),
    }
}

/// How the quarters make the year's value, in words.
pub fn aggregation(a: crate::core::measure::Aggregation, lang: Lang) -> &'static str {
    use crate::core::measure::Aggregation;
    match a {
        Aggregation::Sum => Msg::AggSum.text(lang),
        Aggregation::Last => Msg::AggLast.text(lang),
        Aggregation::Average => Msg::AggAverage.text(lang),
    }
}

/// What a chart of four quarters says: `TW I 50,00%, TW II 80,00%, TW III belum dilaporkan, …`.
pub fn chart_words(values: [Option<Decimal>; 4], lang: Lang) -> String {
    crate::core::measure::Quarter::ALL
        .into_iter()
        .zip(values)
        .map(|(q, v)| {
            let value =
                v.map_or_else(|| Msg::ChartNoValue.text(lang).to_string(), |p| format::percent2(p, lang));
            format!("{} {value}", quarter(q, lang))
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// What a budget bar says: own amount and the lower PKs' together.
pub fn chart_budget_words(own: Decimal, children: Decimal, lang: Lang) -> String {
    fill(
        Msg::ChartBudget.text(lang),
        &[("own", &format::rupiah(own, lang)), ("children", &format::rupiah(children, lang))],
    )
}

#[cfg(test)]
mod measure_tests {
    use super::*;
    use crate::core::measure::{Capaian, NotAssessable, Quarter};
    use rust_decimal_macros::dec;

    #[test]
    fn capaian_reads_the_same_everywhere() {
        assert_eq!(capaian(Capaian::Percent(dec!(82.5)), Lang::Id), "82,50%");
        assert_eq!(capaian(Capaian::Percent(dec!(103.75)), Lang::En), "103.75%");
        assert_eq!(
            capaian(Capaian::NotAssessable(NotAssessable::NotReported), Lang::Id),
            "belum dapat dinilai: belum dilaporkan"
        );
        assert_eq!(quarter(Quarter::new(2).unwrap(), Lang::Id), "TW II");
        assert_eq!(quarter(Quarter::new(2).unwrap(), Lang::En), "Q2");
    }
}
