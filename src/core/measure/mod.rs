//! Pengukuran kinerja: what is measured after a PK is signed. Per indicator: the Rencana Aksi (targets
//! per quarter, TW I–IV), the realisasi per quarter, and how the indicator is measured (polarity and
//! aggregation over the year); per budget line: the realisasi anggaran per quarter. From these, one
//! definition of each formula: capaian ([`capaian`]), the year's value to date ([`period`]), the
//! realisasi carried up the cascade ([`cascade`]) and the predikat bands ([`settings`]).
//!
//! Only inputs are stored; every capaian is computed, never frozen (an e-SAKIP mistake: stored
//! percentages became orphans after a revision).

pub mod capaian;
pub mod cascade;
pub mod infer;
pub mod period;
pub mod range;
pub mod settings;
pub mod table;

use crate::core::model::Target;

pub use crate::core::model::measurement::*;
pub use capaian::{capaian, Capaian, NotAssessable};

/// How an indicator is measured, as used: the user's choice, else what its text and target suggest.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Method {
    pub polarity: Polarity,
    pub aggregation: Aggregation,
}

impl Method {
    /// The method of an indicator (its text, its PK target, its measurement's choices).
    pub fn of(text: &str, target: &Target, m: &Measurement) -> Method {
        Method {
            polarity: m.polarity.clone().unwrap_or_else(|| infer::polarity(text, target)),
            aggregation: m.aggregation.unwrap_or_else(|| infer::aggregation(text, target)),
        }
    }
}
