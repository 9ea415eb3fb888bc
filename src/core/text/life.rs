//! The PK's life in words: stages, versions, reasons and why a step cannot be taken, the same on
//! every page and in print.

use crate::core::format;
use crate::core::i18n::{fill, Lang, Msg};
use crate::core::model::canonical::short;
use crate::core::model::life::{LifeError, Realised, Reason, Version};
use crate::core::model::status::{Status, Tally};
use crate::core::model::{Agreement, Stage};

pub fn reason(r: Reason, lang: Lang) -> &'static str {
    match r {
        Reason::Official => Msg::ReasonOfficial,
        Reason::Budget => Msg::ReasonBudget,
        Reason::Reorganisation => Msg::ReasonReorganisation,
        Reason::Other => Msg::ReasonOther,
    }
    .text(lang)
}

/// `versi awal` / `Perubahan ke-2`.
pub fn version_name(number: u32, lang: Lang) -> String {
    match number {
        0 => Msg::VersionOriginal.text(lang).to_string(),
        n => fill(Msg::VersionRevision.text(lang), &[("n", &n.to_string())]),
    }
}

/// The warning for signed versions held beside the line (two offices signed the same number
/// differently): which numbers, and the fingerprint in force here; `None` when there are none.
pub fn flagged(a: &Agreement, lang: Lang) -> Option<String> {
    let numbers = crate::core::model::life_merge::flagged(&a.life);
    if numbers.is_empty() {
        return None;
    }
    let versions: Vec<String> = numbers.iter().map(|n| version_name(*n, lang)).collect();
    let fp = a.in_force().map(|v| short(&v.fingerprint)).unwrap_or_default();
    Some(fill(Msg::VersionsFlagged.text(lang), &[("versions", &versions.join(", ")), ("fp", &fp)]))
}

/// Where the PK is in its life, as a sentence.
pub fn stage(a: &Agreement, lang: Lang) -> String {
    let signed_on = |v: Option<&Version>| v.map(|v| format::day(&v.signed_on, lang)).unwrap_or_default();
    match a.stage() {
        Stage::Draft => Msg::StageDraft.text(lang).to_string(),
        Stage::Signed(0) => fill(Msg::StageSigned.text(lang), &[("date", &signed_on(a.in_force()))]),
        Stage::Signed(n) => fill(
            Msg::StageSignedRevision.text(lang),
            &[("n", &n.to_string()), ("date", &signed_on(a.in_force()))],
        ),
        Stage::Revising(n) => {
            let change = a.life.revising.as_ref();
            fill(
                Msg::StageRevising.text(lang),
                &[
                    ("n", &n.to_string()),
                    ("reason", change.map_or("", |c| reason(c.reason, lang))),
                    ("date", &change.map(|c| format::day(&c.date, lang)).unwrap_or_default()),
                    ("current", &version_name(n - 1, lang)),
                ],
            )
        }
    }
}

/// A PK's stage in the overview (Beranda, Rekapitulasi, Pohon kinerja): `Draf`, `Ditandatangani 2
/// Januari 2024`, `Draf Perubahan ke-1`, `Perubahan ke-1, ditandatangani 15 Juli 2024`.
pub fn status(s: &Status, lang: Lang) -> String {
    let on = s.signed_on.as_deref().map(|d| format::day(d, lang)).unwrap_or_default();
    match s.stage {
        Stage::Draft => Msg::StatusDraft.text(lang).to_string(),
        Stage::Signed(0) => fill(Msg::StatusSigned.text(lang), &[("date", &on)]),
        Stage::Signed(n) => {
            fill(Msg::StatusSignedRevision.text(lang), &[("n", &n.to_string()), ("date", &on)])
        }
        Stage::Revising(n) => fill(Msg::StatusRevising.text(lang), &[("n", &n.to_string())]),
    }
}

/// How many things are still to complete (`3 belum lengkap`); `None` when nothing is.
pub fn to_complete(s: &Status, lang: Lang) -> Option<String> {
    (s.to_complete > 0).then(|| fill(Msg::StatusToComplete.text(lang), &[("n", &s.to_complete.to_string())]))
}

/// The stage and what is left, on one line: `Draf · 3 belum lengkap`.
pub fn status_line(s: &Status, lang: Lang) -> String {
    match to_complete(s, lang) {
        Some(left) => format!("{} · {left}", status(s, lang)),
        None => status(s, lang),
    }
}

/// A year's PKs counted: `7 ditandatangani, 3 draf, 2 belum lengkap` (a Perubahan being prepared is
/// said only when there is one).
pub fn tally(t: &Tally, lang: Lang) -> String {
    let n = |v: usize| v.to_string();
    let mut parts = vec![
        fill(Msg::TallySigned.text(lang), &[("n", &n(t.signed))]),
        fill(Msg::TallyDrafts.text(lang), &[("n", &n(t.drafts))]),
    ];
    if t.revising > 0 {
        parts.push(fill(Msg::TallyRevising.text(lang), &[("n", &n(t.revising))]));
    }
    parts.push(fill(Msg::TallyIncomplete.text(lang), &[("n", &n(t.incomplete))]));
    parts.join(", ")
}

/// Where the PK is, as the public view says it to a citizen: the version in force and when it was
/// signed; for a PK transcribed from a document signed on paper, that (with its place and date as
/// written, and the source); else that it is a draft. Nothing about editing.
pub fn public_stage(a: &Agreement, lang: Lang) -> String {
    match a.in_force() {
        Some(v) if v.number == 0 => {
            fill(Msg::StagePublicSigned.text(lang), &[("date", &format::day(&v.signed_on, lang))])
        }
        Some(v) => fill(
            Msg::StagePublicSignedRevision.text(lang),
            &[("n", &v.number.to_string()), ("date", &format::day(&v.signed_on, lang))],
        ),
        None if !a.transcribed_from.trim().is_empty() => {
            let when =
                [a.place.trim(), a.date.trim()].into_iter().filter(|s| !s.is_empty()).collect::<Vec<_>>();
            fill(
                Msg::StagePaper.text(lang),
                &[("when", &when.join(", ")), ("source", a.transcribed_from.trim())],
            )
        }
        None => Msg::StagePublicDraft.text(lang).to_string(),
    }
}

/// The fingerprint line printed with the document (empty for a draft).
pub fn fingerprint_line(a: &Agreement, lang: Lang) -> Option<String> {
    let v = a.in_force()?;
    let fp = short(&v.fingerprint);
    let what = format!("{} · {}", version_name(v.number, lang), format::day(&v.signed_on, lang));
    Some(format!("{} · {what}", fill(Msg::FingerprintLine.text(lang), &[("fp", &fp)])))
}

pub fn realised(r: &Realised, lang: Lang) -> String {
    let q = crate::core::measure::Quarter::new(r.quarter)
        .map(|q| super::measure::quarter(q, lang))
        .unwrap_or_default();
    fill(
        Msg::RealisedLine.text(lang),
        &[
            ("number", &r.number),
            ("indicator", &r.indicator),
            ("quarter", &q),
            ("was", &r.was),
            ("now", &r.now),
        ],
    )
}

pub fn error(e: &LifeError, lang: Lang) -> &'static str {
    match e {
        LifeError::BadDate => Msg::LifeBadDate,
        LifeError::DateBeforePrevious => Msg::LifeDateBeforePrevious,
        LifeError::AlreadySigned => Msg::LifeAlreadySigned,
        LifeError::NotSigned => Msg::LifeNotSigned,
        LifeError::Incomplete => Msg::LifeIncomplete,
        LifeError::ReasonMissing => Msg::LifeReasonMissing,
        LifeError::NeedsConfirmation(_) => Msg::LifeNeedsConfirmation,
        LifeError::Unchanged => Msg::LifeUnchanged,
    }
    .text(lang)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::testing::*;

    #[test]
    fn stages_read_as_sentences() {
        let mut a = agreement("a", None, 2024);
        a.objectives = vec![objective("s", "S", vec![indicator("i", "I", "75%", None)])];
        assert!(stage(&a, Lang::Id).starts_with("Draf"));
        a.sign("2024-01-02", false).unwrap();
        assert!(stage(&a, Lang::Id).starts_with("Ditandatangani 2 Januari 2024."), "{}", stage(&a, Lang::Id));
        let change = crate::core::model::testing::change(Reason::Official, "2024-07-01");
        a.begin_revision(change).unwrap();
        assert_eq!(
            stage(&a, Lang::Id),
            "Draf Perubahan ke-1 (pergantian pejabat, 1 Juli 2024). Sampai ditandatangani, yang berlaku tetap versi awal."
        );
        assert_eq!(stage(&a, Lang::En), "Draft of revision 1 (change of official, 1 July 2024). Until it is signed, the original version stays in force.");
        // The public sees the version in force, never the draft being prepared.
        assert_eq!(public_stage(&a, Lang::Id), "Ditandatangani 2 Januari 2024.");
        let line = fingerprint_line(&a, Lang::Id).unwrap();
        assert_eq!(status(&a.status(), Lang::Id), "Draf Perubahan ke-1");
        assert_eq!(status(&a.status(), Lang::En), "Revision 1 draft");
        assert!(
            line.starts_with("Sidik versi bertanda tangan: ")
                && line.ends_with("versi awal · 2 Januari 2024"),
            "{line}"
        );
    }

    #[test]
    fn the_overview_says_the_stage_and_what_is_left() {
        let mut a = agreement("a", None, 2024);
        a.objectives = vec![objective("s", "S", vec![indicator("i", "I", "75%", None)])];
        assert_eq!(status_line(&a.status(), Lang::Id), "Draf");
        a.objectives[0].indicators.push(indicator("j", "", "", None));
        assert_eq!(status_line(&a.status(), Lang::Id), "Draf · 2 belum lengkap");
        assert_eq!(status_line(&a.status(), Lang::En), "Draft · 2 things to complete");
        a.objectives[0].indicators.pop();
        a.sign("2024-01-02", false).unwrap();
        assert_eq!(status_line(&a.status(), Lang::Id), "Ditandatangani 2 Januari 2024");
        assert_eq!(status_line(&a.status(), Lang::En), "Signed 2 January 2024");
        let change = crate::core::model::testing::change(Reason::Budget, "2024-07-01");
        a.begin_revision(change).unwrap();
        a.objectives[0].indicators[0].target = crate::core::model::Target::new("80%");
        a.sign("2024-07-15", false).unwrap();
        assert_eq!(status_line(&a.status(), Lang::Id), "Perubahan ke-1, ditandatangani 15 Juli 2024");
        assert_eq!(status_line(&a.status(), Lang::En), "Revision 1, signed 15 July 2024");
        let t = Tally { total: 12, signed: 7, drafts: 3, revising: 2, incomplete: 2, needs_work: 5 };
        assert_eq!(tally(&t, Lang::Id), "7 ditandatangani, 3 draf, 2 draf Perubahan, 2 belum lengkap");
        let t = Tally { total: 10, signed: 7, drafts: 3, revising: 0, incomplete: 1, needs_work: 4 };
        assert_eq!(tally(&t, Lang::Id), "7 ditandatangani, 3 draf, 1 belum lengkap");
        assert_eq!(tally(&t, Lang::En), "7 signed, 3 drafts, 1 incomplete");
    }

    #[test]
    fn the_public_reads_a_draft_a_paper_document_and_a_revision() {
        let mut a = agreement("a", None, 2024);
        a.objectives = vec![objective("s", "S", vec![indicator("i", "I", "75%", None)])];
        a.place = "Ambon".into();
        a.date = "Januari 2024".into();
        assert_eq!(
            public_stage(&a, Lang::Id),
            "Rancangan, belum ditandatangani: isinya masih dapat berubah sebelum ditandatangani."
        );
        a.transcribed_from = "Dokumen PK 2024 bertanda tangan".into();
        assert_eq!(
            public_stage(&a, Lang::Id),
            "Ditandatangani di atas kertas (Ambon, Januari 2024). Halaman ini adalah salinan ketiknya \
             (transkripsi); sumber: Dokumen PK 2024 bertanda tangan."
        );
        assert_eq!(
            public_stage(&a, Lang::En),
            "Signed on paper (Ambon, Januari 2024). This page is its typed copy (transcription); source: \
             Dokumen PK 2024 bertanda tangan."
        );
        // Signed in Kinerja: the signature counts, with its date.
        a.sign("2024-01-02", false).unwrap();
        assert_eq!(public_stage(&a, Lang::En), "Signed 2 January 2024.");
        let change = crate::core::model::testing::change(Reason::Budget, "2024-07-01");
        a.begin_revision(change).unwrap();
        a.budget = vec![crate::core::model::BudgetLine::new("Program", crate::core::model::Amount::Dash)];
        a.sign("2024-07-03", false).unwrap();
        assert_eq!(public_stage(&a, Lang::Id), "Perubahan ke-1, ditandatangani 3 Juli 2024.");
    }
}
