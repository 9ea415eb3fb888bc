//! Every core error, problem and issue as a sentence in the user's language: file errors and validation
//! problems, the checks of a PK, amounts that are not Rupiah, pasted lines not taken, places in a file.

use crate::core::format;
use crate::core::i18n::{fill, Lang, Msg};
use crate::core::io::file::{FileError, MAX_FILE_BYTES};
use crate::core::io::paste::SkipReason;
use crate::core::io::validate::{Expected, Problem, ProblemKind};
use crate::core::model::check::IssueKind;
use crate::core::model::AmountError;

/// One sentence for a file that cannot be read (validation problems are listed by [`problem`]).
pub fn file_error(e: &FileError, lang: Lang) -> String {
    let t = |m: Msg| m.text(lang);
    match e {
        FileError::Empty => t(Msg::FileEmpty).to_string(),
        FileError::TooLarge { bytes } => fill(
            t(Msg::FileTooLarge),
            &[
                ("size", &format::bytes(*bytes as u64, lang)),
                ("limit", &format::bytes(MAX_FILE_BYTES as u64, lang)),
            ],
        ),
        FileError::NotJson { line, column } => {
            fill(t(Msg::FileNotJson), &[("line", &line.to_string()), ("column", &column.to_string())])
        }
        FileError::Truncated => t(Msg::FileTruncated).to_string(),
        FileError::Damaged { pieces } => fill(t(Msg::StoredDamaged), &[("n", &pieces.to_string())]),
        FileError::NotKinerja => t(Msg::FileNotKinerja).to_string(),
        FileError::NewerVersion { found } => fill(
            t(Msg::FileNewerVersion),
            &[("found", &found.to_string()), ("supported", &crate::core::io::file::VERSION.to_string())],
        ),
        FileError::BadVersion => t(Msg::FileBadVersion).to_string(),
        FileError::Invalid(problems) => {
            let errors = problems.iter().filter(|p| !p.kind.is_warning()).count();
            fill(t(Msg::FileInvalid), &[("n", &errors.to_string())])
        }
    }
}

/// What is wrong, for one problem (the place is shown next to it).
pub fn problem(p: &Problem, lang: Lang) -> String {
    let t = |m: Msg| m.text(lang);
    match &p.kind {
        ProblemKind::Missing => t(Msg::ProblemMissing).to_string(),
        ProblemKind::WrongType(e) => {
            let expected = match e {
                Expected::Text => Msg::ExpectedText,
                Expected::TextOrNull => Msg::ExpectedTextOrNull,
                Expected::Integer => Msg::ExpectedInteger,
                Expected::Object => Msg::ExpectedObject,
                Expected::List => Msg::ExpectedList,
            };
            fill(t(Msg::ProblemWrongType), &[("expected", t(expected))])
        }
        ProblemKind::EmptyId => t(Msg::ProblemEmptyId).to_string(),
        ProblemKind::TooLong { max } => {
            fill(t(Msg::ProblemTooLong), &[("max", &format::number((*max).into(), lang))])
        }
        ProblemKind::TooMany { max } => {
            fill(t(Msg::ProblemTooMany), &[("max", &format::number((*max).into(), lang))])
        }
        ProblemKind::BadYear => t(Msg::ProblemBadYear).to_string(),
        ProblemKind::BadAmount => t(Msg::ProblemBadAmount).to_string(),
        ProblemKind::NegativeAmount => t(Msg::ProblemNegativeAmount).to_string(),
        ProblemKind::AbsurdAmount => t(Msg::ProblemAbsurdAmount).to_string(),
        ProblemKind::DuplicateId { first } => fill(t(Msg::ProblemDuplicateId), &[("first", first)]),
        ProblemKind::CascadeCycle => t(Msg::ProblemCascadeCycle).to_string(),
        ProblemKind::ParentNotInFile => t(Msg::ProblemParentNotInFile).to_string(),
        ProblemKind::ParentIndicatorNotInFile => t(Msg::ProblemParentIndicatorNotInFile).to_string(),
        ProblemKind::BadScope => t(Msg::ProblemBadScope).to_string(),
        ProblemKind::BadChoice => t(Msg::ProblemBadChoice).to_string(),
    }
}

/// A check of the editor (`Agreement::check`) as a sentence.
pub fn issue(kind: &IssueKind, lang: Lang) -> String {
    let t = |m: Msg| m.text(lang);
    match kind {
        IssueKind::Empty => t(Msg::IssueEmpty).to_string(),
        IssueKind::NoIndicators => t(Msg::IssueNoIndicators).to_string(),
        IssueKind::TargetNoValue => t(Msg::IssueTargetNoValue).to_string(),
        IssueKind::DuplicateIndicator { first } => fill(t(Msg::IssueDuplicate), &[("first", first)]),
        IssueKind::NegativeAmount => t(Msg::ProblemNegativeAmount).to_string(),
        IssueKind::AbsurdAmount => t(Msg::ProblemAbsurdAmount).to_string(),
    }
}

/// Why typed text is not a Rupiah amount.
pub fn amount_error(e: AmountError, lang: Lang) -> String {
    match e {
        AmountError::NotANumber => Msg::AmountNotANumber.text(lang),
        AmountError::Negative => Msg::ProblemNegativeAmount.text(lang),
        AmountError::NotWhole => Msg::AmountNotWhole.text(lang),
        AmountError::Ambiguous => Msg::AmountAmbiguous.text(lang),
    }
    .to_string()
}

/// Why typed text was not saved (`core::typed`).
pub fn typed_error(e: crate::core::typed::TypedError, lang: Lang) -> String {
    use crate::core::typed::TypedError;
    match e {
        TypedError::NotAYear => Msg::YearInvalid.text(lang),
        TypedError::TargetUnread => Msg::TargetUnread.text(lang),
        TypedError::NotANumber => Msg::BandMinInvalid.text(lang),
    }
    .to_string()
}

/// Why a pasted line was not taken.
pub fn skip_reason(r: SkipReason, lang: Lang) -> String {
    match r {
        SkipReason::Header => Msg::SkipHeader,
        SkipReason::ColumnNumbers => Msg::SkipColumnNumbers,
        SkipReason::Separator => Msg::SkipSeparator,
        SkipReason::NoColumns => Msg::SkipNoColumns,
        SkipReason::TooManyColumns => Msg::SkipTooManyColumns,
        SkipReason::NoObjective => Msg::SkipNoObjective,
        SkipReason::Ambiguous => Msg::SkipAmbiguous,
    }
    .text(lang)
    .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_file_error_reads_as_a_sentence_in_both_languages() {
        let errors = [
            FileError::Empty,
            FileError::TooLarge { bytes: 70 * 1024 * 1024 },
            FileError::NotJson { line: 3, column: 7 },
            FileError::Truncated,
            FileError::Damaged { pieces: 1 },
            FileError::NotKinerja,
            FileError::NewerVersion { found: 9 },
            FileError::BadVersion,
            FileError::Invalid(vec![]),
        ];
        for e in &errors {
            for lang in Lang::ALL {
                let s = file_error(e, lang);
                assert!(!s.contains('{'), "unfilled placeholder in {s:?}");
                assert!(s.len() > 15, "{s:?}");
            }
        }
        assert!(file_error(&FileError::NotJson { line: 3, column: 7 }, Lang::Id).contains("baris 3"));
        assert!(file_error(&FileError::NewerVersion { found: 9 }, Lang::En).contains('9'));
        assert!(file_error(&FileError::TooLarge { bytes: 70 * 1024 * 1024 }, Lang::Id).contains("64 MB"));
    }

    #[test]
    fn problems_name_what_was_expected() {
        let p =
            Problem { path: "agreements[0].year".into(), kind: ProblemKind::WrongType(Expected::Integer) };
        assert!(problem(&p, Lang::Id).contains("bilangan bulat"));
        assert!(problem(&p, Lang::En).contains("whole number"));
        let d =
            Problem { path: "x".into(), kind: ProblemKind::DuplicateId { first: "agreements[0].id".into() } };
        assert!(problem(&d, Lang::Id).contains("agreements[0].id"));
    }
}

/// A place in a file (`agreements[3].objectives[2].indicators[0].target`) in words a user reads:
/// `PK ke-4 (Kepala Bagian …) › sasaran 3 › indikator 1 › Target`. `titles` names the file's PKs by
/// position, where known.
pub fn path_words(path: &str, titles: &[String], lang: Lang) -> String {
    let mut out: Vec<String> = Vec::new();
    for segment in path.split('.').filter(|s| !s.is_empty()) {
        let (key, index) = match segment.split_once('[') {
            Some((k, rest)) => (k, rest.trim_end_matches(']').parse::<usize>().ok()),
            None => (segment, None),
        };
        let n = index.map(|i| (i + 1).to_string()).unwrap_or_default();
        let word = match key {
            "agreements" => {
                let title = index.and_then(|i| titles.get(i)).filter(|t| !t.trim().is_empty());
                let base = fill(Msg::PathAgreement.text(lang), &[("n", &n)]);
                match title {
                    Some(t) => format!("{base} ({t})"),
                    None => base,
                }
            }
            "objectives" => fill(Msg::PathObjective.text(lang), &[("n", &n)]),
            "indicators" => fill(Msg::PathIndicator.text(lang), &[("n", &n)]),
            "budget" => fill(Msg::PathBudget.text(lang), &[("n", &n)]),
            other => match field_word(other) {
                Some(m) => m.text(lang).to_string(),
                None => other.replace('_', " "),
            },
        };
        out.push(word);
    }
    if out.is_empty() {
        return Msg::PathFile.text(lang).to_string();
    }
    out.join(" › ")
}

/// The label of a file field, where the UI has one.
fn field_word(key: &str) -> Option<Msg> {
    Some(match key {
        "year" => Msg::Year,
        "office" => Msg::Office,
        "unit" => Msg::UnitLong,
        "place" => Msg::Place,
        "date" => Msg::Date,
        "notes" => Msg::Notes,
        "first_party" => Msg::FirstPartyLong,
        "second_party" => Msg::SecondPartyLong,
        "name" => Msg::Name,
        "position" => Msg::Position,
        "parent" => Msg::PathParent,
        "target" => Msg::ColTarget,
        "program" => Msg::ColProgram,
        "amount" => Msg::ColBudget,
        "text" => Msg::TextWord,
        "source" => Msg::PathFile,
        "measure_settings" => Msg::MeasureSettingsTitle,
        "calendar" => Msg::CalendarTitle,
        "previous" => Msg::ColPreviousEntry,
        _ => return None,
    })
}

#[cfg(test)]
mod path_tests {
    use super::*;

    #[test]
    fn file_places_in_words() {
        let titles = vec!["Kepala Bagian Perencanaan".to_string()];
        assert_eq!(
            path_words("agreements[0].objectives[2].indicators[0].target", &titles, Lang::Id),
            "PK ke-1 (Kepala Bagian Perencanaan) › sasaran 3 › indikator 1 › Target"
        );
        assert_eq!(path_words("agreements[4].parent", &[], Lang::En), "agreement 5 › Superior's agreement");
        assert_eq!(
            path_words("agreements[1].budget[0].amount", &[], Lang::Id),
            "PK ke-2 › anggaran baris 1 › Anggaran"
        );
        assert_eq!(path_words("", &[], Lang::Id), "berkas");
        for words in [
            path_words("agreements[0].first_party.name", &[], Lang::En),
            path_words(".source.office", &[], Lang::Id),
        ] {
            assert!(!words.contains('[') && !words.contains('_') && !words.starts_with('.'), "{words}");
        }
    }
}

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

/// A deliverable of the year in words: `Realisasi TW II`.
pub fn deliverable(d: crate::core::model::calendar::Deliverable, lang: Lang) -> String {
    use crate::core::model::calendar::Deliverable;
    match d {
        Deliverable::Pk => Msg::DeliverablePk.text(lang).to_string(),
        Deliverable::RencanaAksi => Msg::DeliverableRa.text(lang).to_string(),
        Deliverable::Realisasi(q) => fill(Msg::DeliverableTw.text(lang), &[("quarter", &quarter(q, lang))]),
        Deliverable::Lkj => Msg::DeliverableLkj.text(lang).to_string(),
    }
}

/// Where a deliverable's default due date comes from.
pub fn deliverable_source(d: crate::core::model::calendar::Deliverable, lang: Lang) -> &'static str {
    use crate::core::model::calendar::Deliverable;
    match d {
        Deliverable::Pk => Msg::SourcePk,
        Deliverable::RencanaAksi => Msg::SourceRa,
        Deliverable::Realisasi(_) => Msg::SourceTw,
        Deliverable::Lkj => Msg::SourceLkj,
    }
    .text(lang)
}

/// Days to a due date: `hari ini`, `29 hari lagi`, `terlambat 3 hari`.
pub fn days_left(days: i64, lang: Lang) -> String {
    match days {
        0 => Msg::DueToday.text(lang).to_string(),
        n if n > 0 => fill(Msg::DueIn.text(lang), &[("n", &n.to_string())]),
        n => fill(Msg::DueLate.text(lang), &[("n", &(-n).to_string())]),
    }
}

/// A program's realisasi anggaran to date as every view, print and CSV shows it: `Rp 2.500.000.000`, or
/// `Rp 2.500.000.000 (s.d. TW II)` when the quarter itself has no figure; `empty` when none at all.
pub fn spent_to_date(
    b: &crate::core::measure::table::BudgetRow,
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
