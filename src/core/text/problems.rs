//! Problems as sentences in the user's language: a file that cannot be read, a validation problem, a
//! check of a PK, typed text that was not understood, a pasted line not taken.

use crate::core::format;
use crate::core::i18n::{fill, Lang, Msg};
use crate::core::io::file::{FileError, MAX_FILE_BYTES};
use crate::core::io::paste::SkipReason;
use crate::core::io::problem::{Expected, Problem, ProblemKind};
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
        ProblemKind::BadLogo(e) => logo_error(*e, lang),
        ProblemKind::OfficeListed { first } => fill(t(Msg::ProblemOfficeListed), &[("first", first)]),
        ProblemKind::OfficeNotListed => t(Msg::ProblemOfficeNotListed).to_string(),
        ProblemKind::Renstra(r) => renstra_problem(r, lang),
    }
}

/// What is wrong with a Renstra, at its field (the Renstra page) or its place in a file.
pub fn renstra_problem(p: &crate::core::model::renstra::RenstraProblem, lang: Lang) -> String {
    use crate::core::model::renstra::RenstraProblem as R;
    let t = |m: Msg| m.text(lang);
    match p {
        R::NotFiveYears { years } => fill(t(Msg::RenstraNotFiveYears), &[("n", &years.to_string())]),
        R::YearOutside { year } => fill(t(Msg::RenstraYearOutside), &[("year", &year.to_string())]),
        R::YearTwice { year } => fill(t(Msg::RenstraYearTwice), &[("year", &year.to_string())]),
        R::NoUnit => t(Msg::RenstraNoUnit).to_string(),
        R::Empty => t(Msg::RenstraEmpty).to_string(),
        R::BadDate => t(Msg::RenstraBadDate).to_string(),
        R::RevisedBefore { original } => fill(t(Msg::RenstraRevisedBefore), &[("original", original)]),
        R::Overlaps { other } => fill(t(Msg::RenstraOverlaps), &[("n", &(other + 1).to_string())]),
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

/// Why an image is not taken as the letterhead's logo (chosen on Data, or found in a file).
pub fn logo_error(e: crate::core::model::letterhead::LogoError, lang: Lang) -> String {
    use crate::core::model::letterhead::LogoError;
    match e {
        LogoError::NotPngOrJpeg => Msg::LogoNotPngOrJpeg.text(lang).to_string(),
        LogoError::TooLarge { bytes } => {
            fill(Msg::LogoTooLarge.text(lang), &[("size", &format::bytes(bytes as u64, lang))])
        }
        LogoError::Damaged => Msg::LogoDamaged.text(lang).to_string(),
    }
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
