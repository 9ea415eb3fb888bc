//! The import preview in words: each PK's status against the one here, what a file says about signed
//! versions, the choices offered.

use crate::core::format;
use crate::core::i18n::{fill, Lang, Msg};
use crate::core::io::diff::{ConflictReason, DiffPlace, Status};
use crate::core::io::merge::Choice;
use crate::core::io::signature::Signature;

/// A PK's status in the preview: new, identical, how many differences, older, or why it conflicts.
pub fn status_label(s: &Status, lang: Lang) -> String {
    match s {
        Status::New => Msg::StatusNew.text(lang).to_string(),
        Status::Identical => Msg::StatusIdentical.text(lang).to_string(),
        Status::Differs(d) => fill(Msg::StatusDiffers.text(lang), &[("n", &d.len().to_string())]),
        Status::Older(_) => Msg::StatusOlder.text(lang).to_string(),
        Status::Conflict(ConflictReason::BothChanged, _) => Msg::StatusConflictBoth.text(lang).to_string(),
        Status::Conflict(ConflictReason::OtherAgreement, _) => {
            Msg::StatusConflictOther.text(lang).to_string()
        }
        Status::Conflict(ConflictReason::TwiceInImport, _) => Msg::StatusConflictTwice.text(lang).to_string(),
        Status::Conflict(ConflictReason::Untrusted, _) => Msg::StatusConflictUntrusted.text(lang).to_string(),
        Status::Conflict(ConflictReason::SignedHere, _) => Msg::StatusConflictSigned.text(lang).to_string(),
        Status::Conflict(ConflictReason::Diverged, _) => Msg::StatusConflictDiverged.text(lang).to_string(),
        Status::Conflict(ConflictReason::DraftHere, _) => Msg::StatusConflictDraftHere.text(lang).to_string(),
    }
}

/// What the file says about signed versions, compared with those here.
pub fn signature_note(s: &Signature, lang: Lang) -> Option<String> {
    let fp = |f: &str| crate::core::model::canonical::short(f);
    match s {
        Signature::Unsigned => None,
        Signature::Untrusted => Some(Msg::SignatureUntrusted.text(lang).to_string()),
        Signature::Signed(f) => Some(fill(Msg::SignatureSigned.text(lang), &[("fp", &fp(f))])),
        Signature::Same(f) => Some(fill(Msg::SignatureSame.text(lang), &[("fp", &fp(f))])),
        Signature::Newer { number, fingerprint } => Some(fill(
            Msg::SignatureNewer.text(lang),
            &[("n", &number.to_string()), ("fp", &fp(fingerprint))],
        )),
        Signature::Lacks { mine, .. } => Some(fill(Msg::SignatureLacks.text(lang), &[("mine", &fp(mine))])),
        Signature::Diverges { number, mine, theirs } => {
            // The sentence starts with the version's name: `Versi awal …`, `Perubahan ke-1 …`.
            let name = super::life::version_name(*number, lang);
            let mut chars = name.chars();
            let name: String =
                chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default();
            Some(fill(
                Msg::SignatureDiverges.text(lang),
                &[("version", &name), ("mine", &fp(mine)), ("theirs", &fp(theirs))],
            ))
        }
    }
}

pub fn choice_label(c: Choice, lang: Lang) -> &'static str {
    match c {
        Choice::Add => Msg::ChoiceAdd.text(lang),
        Choice::Replace => Msg::ChoiceReplace.text(lang),
        Choice::KeepMine => Msg::ChoiceKeepMine.text(lang),
        Choice::KeepBoth => Msg::ChoiceKeepBoth.text(lang),
        Choice::Merge => Msg::ChoiceMerge.text(lang),
    }
}

/// One side of a difference as the preview shows it: `(tidak ada)` when absent, the Perubahan being
/// prepared with its date (stored as `<n>|<date>`), amounts (compared as written in Indonesian) in the
/// user's language, anything else as it is.
pub fn diff_value(place: &DiffPlace, value: Option<&str>, lang: Lang) -> String {
    match (place, value) {
        (_, None) => Msg::DiffAbsent.text(lang).to_string(),
        (DiffPlace::Revising, Some(v)) => {
            let (n, date) = v.split_once('|').unwrap_or((v, ""));
            let name = super::life::version_name(n.parse().unwrap_or(0), lang);
            format!("{name} ({})", format::day(date, lang))
        }
        (DiffPlace::Amount(_) | DiffPlace::BudgetActual(..), Some(v)) => {
            crate::core::model::Amount::parse(v).map(|a| a.input_text(lang)).unwrap_or_else(|_| v.to_string())
        }
        (_, Some(v)) => v.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::io::diff::Number;

    #[test]
    fn differences_read_in_the_user_s_language() {
        assert_eq!(diff_value(&DiffPlace::Order, None, Lang::Id), "(tidak ada)");
        assert_eq!(
            diff_value(&DiffPlace::Revising, Some("1|2024-07-01"), Lang::Id),
            "Perubahan ke-1 (1 Juli 2024)"
        );
        assert_eq!(diff_value(&DiffPlace::Amount("P".into()), Some("1.500.000"), Lang::En), "1,500,000");
        assert_eq!(
            diff_value(&DiffPlace::Indicator(Number { objective: 0, indicator: 0 }), Some("a"), Lang::En),
            "a"
        );
    }
}
