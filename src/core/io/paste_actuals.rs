//! A quarter's realisasi pasted from Excel on the realisasi page: rows of
//! `number or indicator<TAB>realisasi<TAB>note<TAB>evidence` (a column with the indicator's words after
//! its number is allowed too), matched to the PK's indicators. KPU units keep these figures in
//! spreadsheets. Every line that is not taken is listed with the reason, never silently dropped.

use super::paste::records;
use crate::core::model::normalize::normalize;
use crate::core::model::{Agreement, IndicatorId};
use std::collections::HashSet;

/// One row matched to an indicator.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PastedActual {
    /// 1-based line where it starts.
    pub line: usize,
    pub indicator: IndicatorId,
    /// The indicator's number in the PK (`1.2`).
    pub number: String,
    pub value: String,
    pub note: String,
    pub evidence: String,
}

/// Why a line was not taken.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unmatched {
    /// A header row (`No  Indikator  Realisasi …`): expected, not a problem.
    Header,
    /// No indicator of this PK has that number or those words.
    NoIndicator,
    /// The indicator was found but the row has no realisasi.
    NoValue,
    /// The indicator was already given on an earlier line; the first one is taken.
    Twice,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnmatchedLine {
    pub line: usize,
    pub text: String,
    pub reason: Unmatched,
}

/// What a pasted block gives.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PastedActuals {
    pub rows: Vec<PastedActual>,
    pub unmatched: Vec<UnmatchedLine>,
}

impl PastedActuals {
    /// Lines not taken, headers excluded.
    pub fn problems(&self) -> impl Iterator<Item = &UnmatchedLine> {
        self.unmatched.iter().filter(|u| u.reason != Unmatched::Header)
    }
}

/// `1.2`, `1,2` or `1.2.` as (sasaran, indicator) numbers.
fn number(cell: &str) -> Option<(usize, usize)> {
    let cell = cell.trim().trim_end_matches('.');
    let (s, i) = cell.split_once(['.', ','])?;
    Some((s.trim().parse().ok()?, i.trim().parse().ok()?))
}

/// Whether a cell holds an indicator's words (`key`, normalized), as a sheet shortens or rewords them:
/// the same text, or at least two words of which at least half are the indicator's. A realisasi (`70%`,
/// `11 Lap`, `WTP`, `Baik`) never is.
fn words_of(cell: &str, key: &str) -> bool {
    let cell = normalize(cell);
    if cell == key {
        return true;
    }
    let known: HashSet<&str> = key.split(' ').collect();
    let words: Vec<&str> = cell.split(' ').filter(|w| w.chars().any(char::is_alphabetic)).collect();
    words.len() >= 2 && words.iter().filter(|w| known.contains(*w)).count() * 2 >= words.len()
}

const HEADER_WORDS: [&str; 6] = ["indikator", "realisasi", "indicator", "actual", "capaian", "keterangan"];

/// Reads `text` against the indicators of `a`.
pub fn read(text: &str, a: &Agreement) -> PastedActuals {
    let indicators: Vec<(String, String, &IndicatorId)> = a
        .objectives
        .iter()
        .enumerate()
        .flat_map(|(si, o)| {
            o.indicators
                .iter()
                .enumerate()
                .map(move |(ii, i)| (format!("{}.{}", si + 1, ii + 1), normalize(&i.text), &i.id))
        })
        .collect();
    let by_number = |(s, i): (usize, usize)| indicators.iter().find(|x| x.0 == format!("{s}.{i}"));
    let by_text = |cell: &str| {
        let key = normalize(cell);
        (!key.is_empty()).then(|| indicators.iter().find(|x| x.1 == key)).flatten()
    };
    let mut out = PastedActuals::default();
    let mut seen: HashSet<&IndicatorId> = HashSet::new();
    for (line, cells, raw) in records(text) {
        let cells: Vec<&str> = cells.iter().map(|c| c.trim()).collect();
        if cells.iter().all(|c| c.is_empty()) {
            continue;
        }
        let mut rest = cells.iter().copied().skip_while(|c| c.is_empty());
        let first = rest.next().unwrap_or_default();
        let found = match number(first) {
            Some(n) => by_number(n).inspect(|x| {
                // The indicator's words may follow its number: skip that column.
                let mut peek = rest.clone();
                if peek.next().is_some_and(|c| words_of(c, &x.1)) {
                    rest.next();
                }
            }),
            None => by_text(first),
        };
        let unmatched = |reason| UnmatchedLine { line, text: raw.clone(), reason };
        let Some((num, _, id)) = found else {
            // A heading row names at least two columns (`Indikator`, `Realisasi`, …).
            let named =
                cells.iter().filter(|c| HEADER_WORDS.iter().any(|w| c.to_lowercase().contains(w))).count();
            let header = named >= 2 && number(first).is_none();
            out.unmatched.push(unmatched(if header { Unmatched::Header } else { Unmatched::NoIndicator }));
            continue;
        };
        let value = rest.next().unwrap_or_default();
        if value.is_empty() {
            out.unmatched.push(unmatched(Unmatched::NoValue));
            continue;
        }
        if !seen.insert(*id) {
            out.unmatched.push(unmatched(Unmatched::Twice));
            continue;
        }
        out.rows.push(PastedActual {
            line,
            indicator: (*id).clone(),
            number: num.clone(),
            value: value.to_string(),
            note: rest.next().unwrap_or_default().to_string(),
            evidence: rest.next().unwrap_or_default().to_string(),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::testing::*;

    fn pk() -> Agreement {
        let mut a = agreement("a", None, 2024);
        a.objectives = vec![
            objective(
                "s1",
                "Terwujudnya tata kelola arsip",
                vec![
                    indicator("i1", "Persentase arsip yang tertata", "87,5%", None),
                    indicator("i2", "Jumlah laporan keuangan", "12 Lap", None),
                ],
            ),
            objective("s2", "Pengawasan", vec![indicator("i3", "Jumlah temuan BPK", "0 temuan", None)]),
        ];
        a
    }

    #[test]
    fn rows_by_number_or_by_words_with_notes_and_evidence() {
        let text = "No\tIndikator\tRealisasi\tKeterangan\tBukti\r\n\
                    1.1\tPersentase arsip yang tertata\t50%\tPenataan di 11 kab/kota\tND-12/2024\r\n\
                    Jumlah  laporan KEUANGAN\t3 Lap\r\n\
                    2.1\t0\r\n";
        let p = read(text, &pk());
        assert_eq!(p.rows.len(), 3);
        assert_eq!(
            p.rows[0],
            PastedActual {
                line: 2,
                indicator: IndicatorId::new("i1"),
                number: "1.1".into(),
                value: "50%".into(),
                note: "Penataan di 11 kab/kota".into(),
                evidence: "ND-12/2024".into(),
            }
        );
        assert_eq!((p.rows[1].number.as_str(), p.rows[1].value.as_str()), ("1.2", "3 Lap"));
        // The words after a number may be shortened, as in a unit's own sheet; a realisasi in words is
        // never taken for them.
        let short = read("1.1\tPersentase arsip tertata\t70%\n1.2\tBaik\tcatatan\n", &pk());
        assert_eq!((short.rows[0].value.as_str(), short.rows[1].value.as_str()), ("70%", "Baik"));
        assert_eq!(short.rows[1].note, "catatan");
        assert_eq!((p.rows[2].number.as_str(), p.rows[2].value.as_str()), ("2.1", "0"), "0 is a value");
        assert_eq!(p.unmatched.len(), 1);
        assert_eq!(p.unmatched[0].reason, Unmatched::Header);
        assert_eq!(p.problems().count(), 0);
    }

    #[test]
    fn what_is_not_taken_is_listed_with_the_reason() {
        let text = "3.1\t5\nIndikator lain\t7\n1.2\t\n1.1\t50%\n1,1\t60%\n";
        let p = read(text, &pk());
        assert_eq!(p.rows.len(), 1);
        assert_eq!(p.rows[0].value, "50%", "the first of two lines for 1.1 is taken");
        let reasons: Vec<(usize, Unmatched)> = p.unmatched.iter().map(|u| (u.line, u.reason)).collect();
        assert_eq!(
            reasons,
            vec![
                (1, Unmatched::NoIndicator),
                (2, Unmatched::NoIndicator),
                (3, Unmatched::NoValue),
                (5, Unmatched::Twice)
            ]
        );
        assert_eq!(p.unmatched[1].text, "Indikator lain\t7");
    }
}
