//! Reviews of a quarter in words: what the review in force says, each review of the history, and a
//! returned quarter's note for one indicator.

use crate::core::format;
use crate::core::i18n::{fill, Lang, Msg};
use crate::core::model::reviews::{Review, Standing, Verdict};
use crate::core::model::Agreement;

pub fn verdict(v: Verdict, lang: Lang) -> &'static str {
    match v {
        Verdict::Accepted => Msg::VerdictAccepted.text(lang),
        Verdict::Returned => Msg::VerdictReturned.text(lang),
        Verdict::Reopened => Msg::VerdictReopened.text(lang),
    }
}

/// The date of a review in words (its stamp's local date), or the stamp as written.
fn when(r: &Review, lang: Lang) -> String {
    r.date().map(|d| format::date(d, lang)).unwrap_or_else(|| r.at.clone())
}

/// `TW I dikembalikan oleh KPU Provinsi Maluku pada 25 April 2024 untuk diperbaiki.`
pub fn line(r: &Review, lang: Lang) -> String {
    let m = match r.verdict {
        Verdict::Accepted => Msg::ReviewAcceptedLine,
        Verdict::Returned => Msg::ReviewReturnedLine,
        Verdict::Reopened => Msg::ReviewReopenedLine,
    };
    let q = super::quarter(r.quarter(), lang);
    fill(m.text(lang), &[("quarter", &q), ("by", &r.by), ("date", &when(r, lang))])
}

/// The review's notes, one line each: the whole quarter's (a reopening's reason), then each indicator's
/// with its number and text as the PK has them (`1.2 Persentase …: bukti belum dilampirkan`).
pub fn notes(r: &Review, a: Option<&Agreement>, lang: Lang) -> Vec<String> {
    let mut out = Vec::new();
    if !r.note.trim().is_empty() {
        let m = if r.verdict == Verdict::Reopened { Msg::ReviewReasonLine } else { Msg::ReviewNoteLine };
        out.push(fill(m.text(lang), &[("note", &r.note)]));
    }
    for n in &r.indicators {
        let (number, text) = a
            .and_then(|a| {
                a.objectives.iter().enumerate().find_map(|(si, o)| {
                    o.indicators
                        .iter()
                        .enumerate()
                        .find(|(_, i)| i.id == n.indicator)
                        .map(|(ii, i)| (format!("{}.{}", si + 1, ii + 1), i.text.clone()))
                })
            })
            .unwrap_or_else(|| (String::new(), n.indicator.as_str().to_string()));
        out.push(
            fill(
                Msg::ReviewIndicatorLine.text(lang),
                &[("number", &number), ("indicator", &text), ("note", &n.note)],
            )
            .trim_start()
            .to_string(),
        );
    }
    out
}

/// What the page says of a quarter's standing: the review in force, and whether it is for these figures.
pub fn standing(s: &Standing, q: crate::core::model::quarter::Quarter, lang: Lang) -> Vec<String> {
    match s {
        Standing::Open => vec![fill(Msg::ReviewNone.text(lang), &[("quarter", &super::quarter(q, lang))])],
        Standing::Current(r) => vec![line(r, lang)],
        Standing::Earlier(r) => {
            let mut out = vec![line(r, lang)];
            out.push(fill(Msg::ReviewEarlier.text(lang), &[("quarter", &super::quarter(q, lang))]));
            if s.resent() {
                out.push(Msg::ReviewResent.text(lang).to_string());
            }
            out
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::reviews::IndicatorNote;
    use crate::core::model::testing::{agreement, aid, indicator, objective};
    use crate::core::model::IndicatorId;

    #[test]
    fn a_returned_quarter_in_words() {
        let mut a = agreement("buru", None, 2024);
        a.objectives = vec![objective("s", "S", vec![indicator("i1", "Jumlah laporan", "4 Lap", None)])];
        let r = Review {
            agreement: aid("buru"),
            quarter: 1,
            verdict: Verdict::Returned,
            note: "Lengkapi bukti".into(),
            indicators: vec![IndicatorNote { indicator: IndicatorId::new("i1"), note: "tanpa bukti".into() }],
            by: "KPU Provinsi Maluku".into(),
            at: "2024-04-25T09:00:00+09:00".into(),
            figures: "0".into(),
        };
        assert_eq!(
            line(&r, Lang::Id),
            "TW I dikembalikan oleh KPU Provinsi Maluku pada 25 April 2024 untuk diperbaiki."
        );
        assert_eq!(
            notes(&r, Some(&a), Lang::Id),
            ["Catatan: Lengkapi bukti", "1.1 Jumlah laporan: tanpa bukti"]
        );
        assert_eq!(notes(&r, None, Lang::En), ["Note: Lengkapi bukti", "i1: tanpa bukti"]);
        let s = Standing::Earlier(r);
        assert_eq!(
            standing(&s, r_q(), Lang::En)[2],
            "A new version sent after the return; not reviewed yet."
        );
    }

    fn r_q() -> crate::core::model::quarter::Quarter {
        crate::core::model::quarter::Quarter::ALL[0]
    }
}
