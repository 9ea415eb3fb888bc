//! The printed document's worked-out words (`core::model::printed` decides, this words it): the heading of
//! its pages, the place-and-date line, the *Jumlah* of Program/Anggaran and the mark of an unofficial
//! translation, and the line under a Perubahan's heading. The same on the page, in print and in the Word
//! download.

use crate::core::format;
use crate::core::i18n::{fill, Lang, Msg};
use crate::core::model::printed::{self, PrintedDate};
use crate::core::model::{Agreement, Stage};

/// The heading of the statement page and of the lampiran: `PERJANJIAN KINERJA TAHUN 2024`, or
/// `PERJANJIAN KINERJA PERUBAHAN TAHUN 2024` for a Perubahan (signed or being prepared).
pub fn heading(a: &Agreement, lang: Lang) -> String {
    let title =
        if printed::revision(a).is_some() { Msg::AgreementRevisedTitleYear } else { Msg::AgreementTitleYear };
    fill(title.text(lang), &[("year", &a.year.to_string())])
}

/// `Perubahan ke-1 · 20 Juli 2024` (signed then), `Perubahan ke-1 (Draf)` while it is prepared; none
/// for the PK as first signed or a draft.
pub fn revision_line(a: &Agreement, lang: Lang) -> Option<String> {
    let n = printed::revision(a)?;
    let name = super::life::version_name(n, lang);
    if matches!(a.stage(), Stage::Revising(_)) {
        return Some(format!("{name} ({})", Msg::StageBadgeDraft.text(lang)));
    }
    let signed = a.in_force().map(|v| format::day(&v.signed_on, lang)).unwrap_or_default();
    Some(format!("{name} · {signed}"))
}

/// The line above the signatures: `Ambon, Januari 2024`; a Perubahan's own date (`Ambon, 20 Juli 2024`).
pub fn place_date(a: &Agreement, lang: Lang) -> String {
    let date = match printed::printed_date(a) {
        PrintedDate::AsWritten(text) => format::date_text(text.trim(), lang),
        PrintedDate::Day(iso) => format::day(iso, lang),
    };
    match (a.place.trim(), date.as_str()) {
        ("", d) => d.to_string(),
        (p, "") => p.to_string(),
        (p, d) => format!("{p}, {d}"),
    }
}

/// The amount of the *Jumlah* row (`Rp 11.752.187.000`, `-`); `None`: no budget lines, no row.
pub fn budget_total(a: &Agreement, lang: Lang) -> Option<String> {
    printed::budget_total(&a.budget).map(|total| total.display(lang))
}

/// The mark on every page of a translation: in its language, then in Indonesian.
pub fn unofficial_mark(lang: Lang) -> String {
    match lang {
        Lang::Id => Msg::UnofficialTranslation.text(Lang::Id).to_string(),
        other => format!(
            "{} / {}",
            Msg::UnofficialTranslation.text(other),
            Msg::UnofficialTranslation.text(Lang::Id)
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::life::Reason;
    use crate::core::model::testing::{agreement, indicator, objective};
    use crate::core::model::{Amount, BudgetLine};
    use rust_decimal_macros::dec;

    #[test]
    fn a_perubahan_is_worded_as_one() {
        let mut a = agreement("a", None, 2024);
        assert_eq!(heading(&a, Lang::Id), "PERJANJIAN KINERJA TAHUN 2024");
        assert_eq!(place_date(&a, Lang::Id), "Ambon, Januari 2024");
        assert_eq!(place_date(&a, Lang::En), "Ambon, January 2024");
        a.objectives = vec![objective("o", "Sasaran", vec![indicator("i", "Indikator", "2 Lap", None)])];
        a.sign("2024-01-02", false).unwrap();
        let change = crate::core::model::testing::change(Reason::Budget, "2024-07-15");
        assert_eq!(revision_line(&a, Lang::Id), None);
        a.begin_revision(change).unwrap();
        assert_eq!(heading(&a, Lang::Id), "PERJANJIAN KINERJA PERUBAHAN TAHUN 2024");
        assert_eq!(revision_line(&a, Lang::Id).as_deref(), Some("Perubahan ke-1 (Draf)"));
        assert_eq!(place_date(&a, Lang::Id), "Ambon, 15 Juli 2024");
        a.objectives[0].indicators[0].target = crate::core::model::Target::new("3 Lap");
        a.sign("2024-07-20", false).unwrap();
        // Signed: the Perubahan's own signing day, never the original's "Januari 2024".
        assert_eq!(revision_line(&a, Lang::Id).as_deref(), Some("Perubahan ke-1 · 20 Juli 2024"));
        assert_eq!(place_date(&a, Lang::Id), "Ambon, 20 Juli 2024");
        // The original, as signed, prints as it was.
        let original = a.as_version(0).unwrap();
        assert_eq!(heading(&original, Lang::Id), "PERJANJIAN KINERJA TAHUN 2024");
        assert_eq!(place_date(&original, Lang::Id), "Ambon, Januari 2024");
        a.place = String::new();
        assert_eq!(place_date(&a, Lang::Id), "20 Juli 2024");
    }

    #[test]
    fn jumlah_is_printed_as_rupiah() {
        let mut a = agreement("a", None, 2024);
        assert_eq!(budget_total(&a, Lang::Id), None);
        a.budget = vec![
            BudgetLine::new("Program A", Amount::Value(dec!(10252187000))),
            BudgetLine::new("Program B", Amount::Dash),
            BudgetLine::new("Program C", Amount::Value(dec!(750000000))),
        ];
        assert_eq!(budget_total(&a, Lang::Id).as_deref(), Some("Rp 11.002.187.000"));
        assert_eq!(budget_total(&a, Lang::En).as_deref(), Some("IDR 11,002,187,000"));
        a.budget = vec![BudgetLine::new("Program B", Amount::Blank)];
        assert_eq!(budget_total(&a, Lang::Id).as_deref(), Some("-"));
    }

    #[test]
    fn the_mark_of_a_translation_says_the_indonesian_text_prevails_in_both_languages() {
        assert_eq!(
            unofficial_mark(Lang::En),
            "Unofficial translation — the signed Indonesian text prevails / Terjemahan tidak resmi — naskah berbahasa Indonesia yang ditandatangani yang berlaku"
        );
        assert!(unofficial_mark(Lang::Id).starts_with("Terjemahan tidak resmi"));
    }
}
