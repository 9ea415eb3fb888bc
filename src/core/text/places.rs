//! Places in words: a place in a file (`PK ke-4 › sasaran 3 › indikator 1 › Target`), a field of a PK,
//! where a check of the editor points, where an imported PK differs from the one here.

use crate::core::i18n::{fill, Lang, Msg};

/// A place in a file (`agreements[3].objectives[2].indicators[0].target`) in words a user reads:
/// `PK ke-4 (Kepala Bagian …) › sasaran 3 › indikator 1 › Target`. `titles` names the file's PKs by
/// position, where known.
pub fn path_words(path: &str, titles: &[String], lang: Lang) -> String {
    let mut out: Vec<String> = Vec::new();
    let mut in_offices = false;
    let mut in_renstra = false;
    let mut in_reviews = false;
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
            "reviews" => {
                in_reviews = true;
                fill(Msg::PathReview.text(lang), &[("n", &n)])
            }
            "indicators" if in_reviews => fill(Msg::PathReviewNote.text(lang), &[("n", &n)]),
            "indicators" => fill(Msg::PathIndicator.text(lang), &[("n", &n)]),
            "budget" => fill(Msg::PathBudget.text(lang), &[("n", &n)]),
            "renstra" => {
                in_renstra = true;
                fill(Msg::PathRenstra.text(lang), &[("n", &n)])
            }
            "goals" => fill(Msg::PathGoal.text(lang), &[("n", &n)]),
            "iku" => fill(Msg::PathIku.text(lang), &[("n", &n)]),
            "targets" => fill(Msg::PathYearTarget.text(lang), &[("n", &n)]),
            "earlier" => fill(Msg::PathEarlier.text(lang), &[("n", &n)]),
            "unit" if in_renstra => Msg::RenstraUnit.text(lang).to_string(),
            "date" if in_renstra => Msg::RenstraDecreeDate.text(lang).to_string(),
            "number" if in_renstra => Msg::RenstraDecreeNumber.text(lang).to_string(),
            "list" => fill(Msg::PathOffice.text(lang), &[("n", &n)]),
            "offices" => {
                in_offices = true;
                Msg::OfficesTitle.text(lang).to_string()
            }
            // The office an office is under, not a PK's superior.
            "parent" if in_offices => Msg::OfficesUnder.text(lang).to_string(),
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
        "letterhead" => Msg::LetterheadTitle,
        "logo" => Msg::LetterheadLogo,
        "calendar" => Msg::CalendarTitle,
        "monitor_public" => Msg::MonitorPublic,
        "own" => Msg::OfficesOwn,
        "level" => Msg::OfficesColLevel,
        "previous" => Msg::ColPreviousEntry,
        "decree" => Msg::RenstraDecree,
        "start" => Msg::RenstraStart,
        "end" => Msg::RenstraEnd,
        "polarity" => Msg::RenstraPolarity,
        "end_target" => Msg::RenstraEndTarget,
        "agreement" => Msg::PathReviewed,
        "quarter" => Msg::PathQuarter,
        "verdict" => Msg::PathVerdict,
        "note" => Msg::Notes,
        "by" => Msg::ReviewBy,
        "at" => Msg::PathReviewAt,
        "figures" => Msg::PathFigures,
        "indicator" => Msg::PathIndicatorId,
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
        assert_eq!(
            path_words("measure_settings.offices.list[3].parent", &[], Lang::Id),
            "Pengaturan capaian › Kantor › kantor ke-4 › Di bawah"
        );
        assert_eq!(
            path_words("measure_settings.reviews[1].indicators[0].note", &[], Lang::Id),
            "Pengaturan capaian › pemeriksaan ke-2 › catatan indikator ke-1 › Catatan"
        );
        for words in [
            path_words("agreements[0].first_party.name", &[], Lang::En),
            path_words(".source.office", &[], Lang::Id),
        ] {
            assert!(!words.contains('[') && !words.contains('_') && !words.starts_with('.'), "{words}");
        }
    }
}

/// The label of a PK's field.
pub fn field_label(field: crate::core::model::edit::Field) -> Msg {
    use crate::core::model::edit::Field;
    match field {
        Field::Office => Msg::Office,
        Field::Unit => Msg::UnitLong,
        Field::Place => Msg::Place,
        Field::Date => Msg::Date,
        Field::Notes => Msg::Notes,
        Field::FirstName => Msg::FirstPartyName,
        Field::FirstPosition => Msg::FirstPartyPosition,
        Field::SecondName => Msg::SecondPartyName,
        Field::SecondPosition => Msg::SecondPartyPosition,
    }
}

/// A person's name, or a visible placeholder when the document does not give one.
pub fn name_or_placeholder(name: &str, lang: Lang) -> String {
    name_shown(name, lang, false)
}

/// The same for staff (`(nama belum diisi)`: something to fill in) or the public (the published document
/// simply gives no name; filling in is not the reader's business).
pub fn name_shown(name: &str, lang: Lang, public: bool) -> String {
    match (name.trim().is_empty(), public) {
        (false, _) => name.to_string(),
        (true, false) => Msg::NameMissing.text(lang).to_string(),
        (true, true) => Msg::NameNotGiven.text(lang).to_string(),
    }
}

/// Where a check of the editor points in PK `a`, in words: a field's label, `Sasaran 2`, `Indikator 1.3`,
/// `Target 1.3`, a budget line.
pub fn check_place(
    a: &crate::core::model::Agreement,
    place: &crate::core::model::check::Place,
    lang: Lang,
) -> String {
    use crate::core::model::check::Place;
    let number = |id: &crate::core::model::IndicatorId| {
        a.objectives.iter().enumerate().find_map(|(si, o)| {
            o.indicators.iter().position(|i| &i.id == id).map(|ii| format!("{}.{}", si + 1, ii + 1))
        })
    };
    match place {
        Place::Field(f) => field_label(*f).text(lang).to_string(),
        Place::Objective(id) => {
            let n = a.objectives.iter().position(|o| &o.id == id).map(|i| i + 1).unwrap_or_default();
            fill(Msg::ObjectiveNumber.text(lang), &[("n", &n.to_string())])
        }
        Place::IndicatorText(id) => {
            fill(Msg::DiffIndicator.text(lang), &[("n", &number(id).unwrap_or_default())])
        }
        Place::Target(id) => fill(Msg::DiffTarget.text(lang), &[("n", &number(id).unwrap_or_default())]),
        Place::Program(i) => fill(Msg::PlaceProgram.text(lang), &[("n", &(i + 1).to_string())]),
        Place::Amount(i) => fill(Msg::PlaceAmount.text(lang), &[("n", &(i + 1).to_string())]),
    }
}

/// Where an imported PK (or a signed version compared with the draft) differs, in words: `Target 1.3`,
/// `Realisasi 2.1 TW II`, `Perubahan ke-1`.
pub fn diff_place(p: &crate::core::io::diff::DiffPlace, lang: Lang) -> String {
    use crate::core::io::diff::DiffPlace;
    let t = |m: Msg| m.text(lang).to_string();
    let quarter = |q| super::measure::quarter(q, lang);
    match p {
        DiffPlace::Year => t(Msg::Year),
        DiffPlace::Field(f) => field_label(*f).text(lang).to_string(),
        DiffPlace::Parent => t(Msg::ParentAgreement),
        DiffPlace::Objective(i) => fill(Msg::ObjectiveNumber.text(lang), &[("n", &(i + 1).to_string())]),
        DiffPlace::Indicator(n) => fill(Msg::DiffIndicator.text(lang), &[("n", &n.to_string())]),
        DiffPlace::Target(n) => fill(Msg::DiffTarget.text(lang), &[("n", &n.to_string())]),
        DiffPlace::Amount(p) => fill(Msg::DiffAmount.text(lang), &[("program", p)]),
        DiffPlace::Order => t(Msg::DiffOrder),
        DiffPlace::Plan(n, q) => {
            fill(Msg::DiffPlan.text(lang), &[("n", &n.to_string()), ("quarter", &quarter(*q))])
        }
        DiffPlace::Actual(n, q) => {
            fill(Msg::DiffActual.text(lang), &[("n", &n.to_string()), ("quarter", &quarter(*q))])
        }
        DiffPlace::BudgetActual(p, q) => {
            fill(Msg::DiffBudgetActual.text(lang), &[("program", p), ("quarter", &quarter(*q))])
        }
        DiffPlace::Method(n) => fill(Msg::DiffMethod.text(lang), &[("n", &n.to_string())]),
        DiffPlace::Previous(n) => fill(Msg::DiffPrevious.text(lang), &[("n", &n.to_string())]),
        DiffPlace::Version(n) => {
            fill(Msg::DiffVersion.text(lang), &[("version", &super::life::version_name(*n, lang))])
        }
        DiffPlace::Revising => t(Msg::DiffRevising),
    }
}

#[cfg(test)]
mod place_tests {
    use super::*;
    use crate::core::io::diff::{DiffPlace, Number};
    use crate::core::model::check::Place;
    use crate::core::model::quarter::Quarter;
    use crate::core::model::testing::*;

    #[test]
    fn places_of_checks_and_differences_in_words() {
        let mut a = agreement("a", None, 2024);
        a.objectives = vec![
            objective("s1", "S", vec![indicator("i1", "I", "1", None)]),
            objective("s2", "S", vec![indicator("i2", "I", "1", None), indicator("i3", "I", "1", None)]),
        ];
        let id = a.objectives[1].indicators[1].id.clone();
        assert_eq!(check_place(&a, &Place::Target(id), Lang::Id), "Target 2.2");
        assert_eq!(check_place(&a, &Place::Objective(a.objectives[1].id.clone()), Lang::Id), "Sasaran 2");
        assert_eq!(
            diff_place(
                &DiffPlace::Actual(Number { objective: 1, indicator: 0 }, Quarter::new(2).unwrap()),
                Lang::Id
            ),
            "Realisasi 2.1 TW II"
        );
        assert_eq!(diff_place(&DiffPlace::Version(1), Lang::En), "Signed version: revision 1");
        assert_eq!(name_or_placeholder(" ", Lang::Id), Msg::NameMissing.text(Lang::Id));
        assert_eq!(name_shown("", Lang::Id, true), "(nama tidak tercantum pada dokumen)");
        assert_eq!(name_shown("Ilham", Lang::En, true), "Ilham");
    }
}
