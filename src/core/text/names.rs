//! The cascade of names in words: what is flagged about a PK's parties against its parent PK.

use crate::core::i18n::{fill, Lang, Msg};
use crate::core::model::names::PartyFlag;

pub fn party_flag(f: &PartyFlag, lang: Lang) -> String {
    match f {
        PartyFlag::NameDiffers { parent } => fill(Msg::PartyNameDiffers.text(lang), &[("parent", parent)]),
        PartyFlag::PositionDiffers { parent } => {
            fill(Msg::PartyPositionDiffers.text(lang), &[("parent", parent)])
        }
        PartyFlag::LevelDoesNotFit { first, superior } => {
            fill(Msg::PartyLevel.text(lang), &[("first", first), ("superior", superior)])
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_flag_names_what_to_compare() {
        let f = PartyFlag::NameDiffers { parent: "Budi".into() };
        assert_eq!(
            party_flag(&f, Lang::Id),
            "Nama Pihak Kedua tidak sama dengan Pihak Pertama PK atasan (Budi)."
        );
        let f = PartyFlag::LevelDoesNotFit {
            first: "Kepala Bagian A".into(),
            superior: "Kepala Bagian B".into(),
        };
        assert!(
            party_flag(&f, Lang::En).starts_with("The first party's position (Kepala Bagian A) is not below")
        );
    }
}
