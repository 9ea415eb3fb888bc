//! The printed PK's own lines, one definition for the print and the Word file: the heading (a
//! Perubahan says PERUBAHAN, on the statement and on the lampiran), the line under it that names the
//! Perubahan, and the place and date above the signatures (a Perubahan's own date, not the original's).

use crate::core::format;
use crate::core::i18n::{fill, Lang, Msg};
use crate::core::model::life::Change;
use crate::core::model::{Agreement, Stage};

/// The Perubahan the document is, if it is one: its number, what it changes, and whether it is still
/// a draft.
fn revision(a: &Agreement) -> Option<(u32, Option<&Change>, bool)> {
    match a.stage() {
        Stage::Signed(n) if n > 0 => Some((n, a.in_force().and_then(|v| v.change.as_ref()), false)),
        Stage::Revising(n) => Some((n, a.life.revising.as_ref(), true)),
        _ => None,
    }
}

/// `PERJANJIAN KINERJA TAHUN 2024`, or `PERJANJIAN KINERJA PERUBAHAN TAHUN 2024` for a Perubahan
/// (signed or being prepared).
pub fn heading(a: &Agreement, lang: Lang) -> String {
    let title = if revision(a).is_some() { Msg::AgreementRevisedTitleYear } else { Msg::AgreementTitleYear };
    fill(title.text(lang), &[("year", &a.year.to_string())])
}

/// `Perubahan ke-1 · 20 Juli 2024` (signed then), `Perubahan ke-1 (Draf)` while it is prepared; none
/// for the PK as first signed or a draft.
pub fn revision_line(a: &Agreement, lang: Lang) -> Option<String> {
    let (n, _, draft) = revision(a)?;
    let name = super::life::version_name(n, lang);
    if draft {
        return Some(format!("{name} ({})", Msg::StageBadgeDraft.text(lang)));
    }
    let signed = a.in_force().map(|v| format::day(&v.signed_on, lang)).unwrap_or_default();
    Some(format!("{name} · {signed}"))
}

/// The place and date above the signatures: `Ambon, Januari 2024` as written; for a Perubahan its
/// own date (`Ambon, 15 Juli 2024`).
pub fn place_date(a: &Agreement, lang: Lang) -> String {
    let changed = revision(a).and_then(|(_, c, _)| c).filter(|c| !c.date.trim().is_empty());
    let date = match changed {
        Some(c) => format::day(&c.date, lang),
        None => format::date_text(a.date.trim(), lang),
    };
    match (a.place.trim(), date.as_str()) {
        ("", d) => d.to_string(),
        (p, "") => p.to_string(),
        (p, d) => format!("{p}, {d}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::life::Reason;
    use crate::core::model::testing::*;

    #[test]
    fn a_perubahan_prints_as_one_with_its_own_date() {
        let mut a = agreement("a", None, 2024);
        a.objectives = vec![objective("s", "S", vec![indicator("i", "I", "75%", None)])];
        assert_eq!(heading(&a, Lang::Id), "PERJANJIAN KINERJA TAHUN 2024");
        assert_eq!(revision_line(&a, Lang::Id), None);
        assert_eq!(place_date(&a, Lang::Id), "Ambon, Januari 2024");
        a.sign("2024-01-02", false).unwrap();
        assert_eq!(heading(&a, Lang::Id), "PERJANJIAN KINERJA TAHUN 2024");
        assert_eq!(place_date(&a, Lang::Id), "Ambon, Januari 2024");

        let change = Change {
            reason: Reason::Budget,
            text: String::new(),
            basis: String::new(),
            date: "2024-07-15".into(),
        };
        a.begin_revision(change).unwrap();
        assert_eq!(heading(&a, Lang::Id), "PERJANJIAN KINERJA PERUBAHAN TAHUN 2024");
        assert_eq!(revision_line(&a, Lang::Id).as_deref(), Some("Perubahan ke-1 (Draf)"));
        assert_eq!(place_date(&a, Lang::Id), "Ambon, 15 Juli 2024");

        a.objectives[0].indicators[0].target = crate::core::model::Target::new("80%");
        a.sign("2024-07-20", false).unwrap();
        assert_eq!(heading(&a, Lang::Id), "PERJANJIAN KINERJA PERUBAHAN TAHUN 2024");
        assert_eq!(revision_line(&a, Lang::Id).as_deref(), Some("Perubahan ke-1 · 20 Juli 2024"));
        assert_eq!(place_date(&a, Lang::Id), "Ambon, 15 Juli 2024");
        assert_eq!(place_date(&a, Lang::En), "Ambon, 15 July 2024");

        // The original, as signed, prints as it was.
        let original = a.as_version(0).unwrap();
        assert_eq!(heading(&original, Lang::Id), "PERJANJIAN KINERJA TAHUN 2024");
        assert_eq!(place_date(&original, Lang::Id), "Ambon, Januari 2024");
    }

    #[test]
    fn place_or_date_alone() {
        let mut a = agreement("a", None, 2024);
        a.place = " ".into();
        assert_eq!(place_date(&a, Lang::Id), "Januari 2024");
        a.place = "Ambon".into();
        a.date = String::new();
        assert_eq!(place_date(&a, Lang::Id), "Ambon");
    }
}
