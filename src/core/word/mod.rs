//! Word downloads (.docx): the PK as printed and its LKj table (III.A and III.B), for offices that file
//! the PK and assemble the LKj report in Word. Indonesian whatever the interface's language (the signed
//! text is), A4 with the print's margins, tables as Word tables.
//!
//! Written by hand, a few kilobytes of WordprocessingML (`xml.rs`) in the parts of a .docx
//! (`package.rs`) zipped with the DEFLATE the app already has (`zip.rs`): no crate. The UI loads this
//! code only when a Word file is asked for (`ui::services::word`).
//!
//! The floor above `text`: a document is made of the words every page and print uses.

mod lkj;
mod package;
mod pk;
#[cfg(test)]
pub(crate) mod testing;
#[cfg(test)]
mod tests;
mod xml;
pub(crate) mod zip;

use crate::core::i18n::Lang;
use crate::core::measure::table::Table;
use crate::core::model::{letterhead, Agreement};

/// The media type of a .docx.
pub const MIME: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/// Documents are in Indonesian: the signed PK is.
const LANG: Lang = Lang::Id;

/// The PK as printed: the letterhead's logo (`logo`, the workspace's kept data URL) when there is one,
/// statement, lampiran with Program/Anggaran and its *Jumlah*, signatures.
pub fn agreement_docx(a: &Agreement, logo: Option<&str>) -> Vec<u8> {
    pk::document(a, logo.and_then(letterhead::image).as_ref())
}

/// The LKj table of `a` (III.A and III.B) through the quarter of `t`, the table the LKj page shows.
pub fn lkj_docx(a: &Agreement, t: &Table) -> Vec<u8> {
    lkj::document(a, t)
}
