//! Offices in words: their level, and why one cannot be added.

use crate::core::i18n::{fill, Lang, Msg};
use crate::core::model::offices::{Level, OfficeError};

/// `KPU Kabupaten/Kota`, `Unit di Sekretariat`.
pub fn level(l: Level, lang: Lang) -> &'static str {
    match l {
        Level::Ri => Msg::LevelRi,
        Level::Provinsi => Msg::LevelProvinsi,
        Level::KabKota => Msg::LevelKabKota,
        Level::Unit => Msg::LevelUnit,
    }
    .text(lang)
}

/// Why an office was not added.
pub fn office_error(e: &OfficeError, lang: Lang) -> String {
    match e {
        OfficeError::Empty => Msg::OfficeErrEmpty.text(lang).to_string(),
        OfficeError::Listed(name) => fill(Msg::OfficeErrListed.text(lang), &[("name", name)]),
        OfficeError::UnitWithoutParent => Msg::OfficeErrUnit.text(lang).to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words() {
        assert_eq!(level(Level::KabKota, Lang::Id), "KPU Kabupaten/Kota");
        assert_eq!(
            office_error(&OfficeError::Listed("KPU Kabupaten Buru".into()), Lang::Id),
            "Sudah ada dalam daftar sebagai KPU Kabupaten Buru."
        );
        assert_eq!(office_error(&OfficeError::Empty, Lang::En), "Fill in the name of the office or unit.");
    }
}
