//! Pengukuran kinerja: what is measured after a PK is signed. Per indicator: the Rencana Aksi (targets
//! per quarter, TW I–IV), the realisasi per quarter, and how the indicator is measured (polarity and
//! aggregation over the year); per budget line: the realisasi anggaran per quarter. From these, one
//! definition of each formula: capaian ([`capaian`]), the year's value to date ([`period`]), the
//! realisasi carried up the cascade ([`cascade`]), the predikat bands ([`settings`]) and the
//! realisasi anggaran to date ([`spent`]); one PK's table for every view ([`table`]), and their tally
//! over many PKs ([`summary`]).
//!
//! Only inputs are stored; every capaian is computed, never frozen (an e-SAKIP mistake: stored
//! percentages became orphans after a revision).

pub mod capaian;
pub mod cascade;
pub mod infer;
pub mod judge;
pub mod period;
pub mod range;
pub mod series;
pub mod settings;
pub mod spent;
pub mod summary;
pub mod table;

use crate::core::model::Target;

pub use crate::core::model::measurement::*;
pub use capaian::{capaian, Capaian, NotAssessable};

/// The latest quarter in which any of these agreements has a realisasi (pages open on it).
pub fn latest_reported<'a>(
    agreements: impl IntoIterator<Item = &'a crate::core::model::Agreement>,
) -> Option<Quarter> {
    let list: Vec<&crate::core::model::Agreement> = agreements.into_iter().collect();
    Quarter::ALL
        .into_iter()
        .rev()
        .find(|q| list.iter().any(|a| a.indicators().any(|(_, i)| i.measurement.report(*q).is_some())))
}

/// The latest quarter reported for a PK's own table: in it or in any PK below it (a Kepala Bagian's
/// realisasi and budget come up from the Kepala Sub Bagian's), indicators and budget lines alike. The
/// LKj and the realisasi page open on it, so they never open on a quarter nobody reported.
pub fn latest_reported_below(
    ws: &crate::core::model::Workspace,
    id: &crate::core::model::AgreementId,
) -> Option<Quarter> {
    let list: Vec<&crate::core::model::Agreement> =
        ws.subtree(id).iter().filter_map(|s| ws.agreement(s)).collect();
    Quarter::ALL.into_iter().rev().find(|q| {
        let i = q.index();
        list.iter().any(|a| {
            a.indicators().any(|(_, ind)| ind.measurement.report(*q).is_some())
                || a.budget.iter().any(|b| b.actual[i] != crate::core::model::Amount::Blank)
        })
    })
}

/// How an indicator is measured, as used: the user's choice, else what its text and target suggest.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Method {
    pub polarity: Polarity,
    pub aggregation: Aggregation,
}

impl Method {
    /// The method of an indicator (its text, its PK target, its measurement's choices).
    pub fn of(text: &str, target: &Target, m: &Measurement) -> Method {
        // The text is normalized once, and only when something is inferred from it.
        let key = std::cell::OnceCell::new();
        let key = || key.get_or_init(|| crate::core::model::normalize::normalize(text)).as_str();
        Method {
            polarity: m.polarity.clone().unwrap_or_else(|| infer::polarity_of(key(), target)),
            aggregation: m.aggregation.unwrap_or_else(|| infer::aggregation_of(key(), target)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::testing::*;

    #[test]
    fn pages_open_on_the_latest_quarter_reported() {
        let mut ws = workspace(vec![agreement("a", None, 2024), agreement("b", None, 2024)]);
        for (id, ind) in [("a", "ia"), ("b", "ib")] {
            ws.agreement_mut(&aid(id)).unwrap().objectives = vec![objective(
                &format!("s{id}"),
                "S",
                vec![indicator(ind, "Jumlah laporan", "4 Lap", None)],
            )];
        }
        assert_eq!(latest_reported(ws.agreements.iter().map(|a| a.as_ref())), None);
        report(&mut ws, "a", "ia", 2, "1 Lap", "");
        report(&mut ws, "b", "ib", 3, "0", "");
        assert_eq!(latest_reported(ws.agreements.iter().map(|a| a.as_ref())), Quarter::new(3));
        assert_eq!(latest_reported([ws.agreement(&aid("a")).unwrap()]), Quarter::new(2));
    }

    #[test]
    fn a_pk_above_opens_on_what_came_up_from_below() {
        // The tester's case: the Kepala Bagian reports nothing of its own; its Kepala Sub Bagian reported
        // TW I and II. The Kepala Bagian's LKj opened on TW IV ("belum dilaporkan").
        let mut ws =
            workspace(vec![agreement("kabag", None, 2024), agreement("kasubag", Some("kabag"), 2024)]);
        ws.agreement_mut(&aid("kasubag")).unwrap().objectives =
            vec![objective("s", "S", vec![indicator("i", "Persentase arsip", "87,5%", None)])];
        assert_eq!(latest_reported_below(&ws, &aid("kabag")), None);
        report(&mut ws, "kasubag", "i", 1, "50%", "");
        report(&mut ws, "kasubag", "i", 2, "80%", "");
        assert_eq!(latest_reported([ws.agreement(&aid("kabag")).unwrap()]), None);
        assert_eq!(latest_reported_below(&ws, &aid("kabag")), Quarter::new(2));
        // A budget realisasi counts as a report too.
        let k = ws.agreement_mut(&aid("kasubag")).unwrap();
        k.budget = vec![line("Program", "Rp 1.000")];
        k.budget[0].actual[2] = crate::core::model::Amount::parse("Rp 500").unwrap();
        assert_eq!(latest_reported_below(&ws, &aid("kabag")), Quarter::new(3));
        assert_eq!(latest_reported_below(&ws, &aid("kasubag")), Quarter::new(3));
    }
}
