//! Capaian counted over many PKs' tables: the predikat tally and who has not reported yet.

use super::table::Table;
use crate::core::model::AgreementId;

/// Capaian over many PKs: how many indicators per predikat (in the bands' order), how many cannot be
/// assessed, and which PKs have not reported the quarter ("belum melapor TW II").
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Summary {
    pub per_predikat: Vec<(String, usize)>,
    pub not_assessable: usize,
    /// PKs with indicators that have no realisasi for the quarter, and how many.
    pub not_reported: Vec<(AgreementId, usize)>,
}

/// The summary of the tables of a year or a subtree.
pub fn summary<'a>(
    tables: impl IntoIterator<Item = &'a Table>,
    settings: &super::MeasureSettings,
) -> Summary {
    let tables: Vec<&Table> = tables.into_iter().collect();
    let mut per_predikat: Vec<(String, usize)> =
        settings.bands.iter().map(|b| (b.label.clone(), 0)).collect();
    let mut not_assessable = 0;
    for r in tables.iter().flat_map(|t| t.rows.iter()) {
        match r.band.and_then(|i| per_predikat.get_mut(i)) {
            Some((_, n)) => *n += 1,
            None => not_assessable += 1,
        }
    }
    let not_reported =
        tables.iter().filter(|t| t.missing() > 0).map(|t| (t.id.clone(), t.missing())).collect();
    Summary { per_predikat, not_assessable, not_reported }
}
