//! The year's deliverables and their due dates in words.

use crate::core::i18n::{fill, Lang, Msg};

/// A deliverable of the year in words: `Realisasi TW II`.
pub fn deliverable(d: crate::core::model::calendar::Deliverable, lang: Lang) -> String {
    use crate::core::model::calendar::Deliverable;
    match d {
        Deliverable::Pk => Msg::DeliverablePk.text(lang).to_string(),
        Deliverable::RencanaAksi => Msg::DeliverableRa.text(lang).to_string(),
        Deliverable::Realisasi(q) => {
            fill(Msg::DeliverableTw.text(lang), &[("quarter", &super::measure::quarter(q, lang))])
        }
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
