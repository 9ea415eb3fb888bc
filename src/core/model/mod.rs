//! The domain: a workspace of Perjanjian Kinerja. Plain Rust, no Leptos; every operation is a method.

pub mod amount;
pub mod calendar;
pub mod canonical;
pub mod check;
pub mod edit;
pub mod element;
mod fingerprint;
pub mod history;
pub mod ids;
pub mod letterhead;
pub mod life;
pub mod life_merge;
mod life_views;
pub mod links;
pub mod measure_edit;
pub mod measurement;
pub mod names;
pub mod next_year;
pub mod normalize;
pub mod objects;
pub mod offices;
pub mod place;
pub mod printed;
pub mod quarter;
pub mod renstra;
pub mod reviews;
pub mod status;
pub mod target;
pub mod tree;
mod workspace_edit;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::sync::Arc;

pub use amount::{Amount, AmountError};
pub use measurement::{BudgetActual, MeasureSettings, Measurement};

/// The years an agreement may have (so that a slip such as `20244` is caught).
pub const YEARS: std::ops::RangeInclusive<i32> = 1900..=2200;
pub use ids::{AgreementId, IdGen, IndicatorId, ObjectiveId};
pub use life::{Life, Stage};
pub use target::{Quantity, Target};
pub use workspace_edit::Deletion;

/// One signatory: *Pihak Pertama* or *Pihak Kedua*.
#[derive(Clone, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Party {
    pub name: String,
    /// Jabatan, e.g. `Sekretaris Komisi Pemilihan Umum Provinsi Maluku`.
    pub position: String,
}

/// The link from a child indicator to the parent indicator it carries.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ParentLink {
    /// The parent indicator's id.
    pub id: IndicatorId,
    /// The parent's text when the link was made or last synchronised; a later change of the parent's
    /// text shows up as a difference against this.
    pub text: String,
}

/// An *indikator kinerja* with its target.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Indicator {
    pub id: IndicatorId,
    pub text: String,
    pub target: Target,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<ParentLink>,
    /// Rencana Aksi, realisasi per quarter and how it is measured (empty until measured).
    #[serde(default, skip_serializing_if = "Measurement::is_empty", deserialize_with = "objects::only")]
    pub measurement: Measurement,
    /// The same indicator in last year's PK it was prepared from (the LKj compares the years).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub predecessor: Option<IndicatorId>,
}

/// A *sasaran kegiatan* (objective) with its ordered indicators.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Objective {
    pub id: ObjectiveId,
    pub text: String,
    pub indicators: Vec<Indicator>,
}

/// A program line of the Program/Anggaran table.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BudgetLine {
    pub program: String,
    pub amount: Amount,
    /// Realisasi anggaran (serapan) per quarter.
    #[serde(default, skip_serializing_if = "no_actual")]
    pub actual: BudgetActual,
}

fn no_actual(actual: &BudgetActual) -> bool {
    actual.iter().all(|a| *a == Amount::Blank)
}

impl BudgetLine {
    pub fn new(program: impl Into<String>, amount: Amount) -> Self {
        BudgetLine { program: program.into(), amount, actual: Default::default() }
    }
}

/// Where an imported agreement came from.
#[derive(Clone, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Origin {
    /// The file name it was imported from.
    pub file: String,
    /// The office the file says it comes from.
    #[serde(default)]
    pub office: String,
    /// When the file was written (as the file says), ISO 8601.
    #[serde(default)]
    pub exported_at: String,
    /// When it was imported here, ISO 8601.
    #[serde(default)]
    pub imported_at: String,
    /// The content fingerprint it had when it was imported (so a later import can tell whether it was
    /// changed here since).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub received: String,
    /// (Version 6) the local date (ISO) each quarter's realisasi first arrived here by file; `null`: not
    /// by file (or before version 6). The monitoring grid's "received on".
    #[serde(default, skip_serializing_if = "no_dates")]
    pub quarters: [Option<String>; 4],
}

fn no_dates(dates: &[Option<String>; 4]) -> bool {
    dates.iter().all(Option::is_none)
}

impl Origin {
    /// The local date of `imported_at` (a stamp with its offset): the day a file arrived.
    pub fn arrived(&self) -> Option<String> {
        let day = self.imported_at.get(..10)?;
        crate::core::date::Date::parse(day).map(|d| d.iso())
    }
}

/// Declares `Agreement` and `Content` (what is signed, [`life`]) from one list of the signed fields, so
/// that the two cannot drift: a field added to the list is in both, in the same place of the file, and
/// is copied by `Agreement::content` and `Agreement::showing`.
macro_rules! agreement_and_content {
    (
        $(#[$cm:meta])* content;
        $(#[$am:meta])* agreement { $(#[$im:meta])* id: $idty:ty }
        signed { $( $(#[$sm:meta])* $s:ident: $sty:ty, )* }
        unsigned { $( $(#[$um:meta])* $u:ident: $uty:ty, )* }
    ) => {
        $(#[$cm])*
        #[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
        pub struct Content {
            $( $(#[$sm])* pub $s: $sty, )*
        }

        $(#[$am])*
        #[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
        pub struct Agreement {
            $(#[$im])* pub id: $idty,
            $( $(#[$sm])* pub $s: $sty, )*
            $( $(#[$um])* pub $u: $uty, )*
        }

        impl Agreement {
            /// The signed fields as they are now.
            fn signed_fields(&self) -> Content {
                Content { $( $s: self.$s.clone(), )* }
            }

            /// Puts a version's signed fields in place of these.
            fn set_signed_fields(&mut self, content: &Content) {
                $( self.$s = content.$s.clone(); )*
            }
        }
    };
}

agreement_and_content! {
    /// What is signed: the PK without what is measured during the year (realisasi, notes, evidence) and
    /// without notes or origin. Indicators keep their Rencana Aksi (quarterly targets): they are
    /// promised too.
    content;
    /// A Perjanjian Kinerja.
    agreement { id: AgreementId }
    signed {
        year: i32,
        /// The institution, e.g. `Komisi Pemilihan Umum Provinsi Maluku`.
        office: String,
        /// *Nama/Unit Organisasi*, e.g. `Sekretariat KPU Provinsi Maluku`.
        unit: String,
        /// *Pihak Pertama*: the official who promises the targets.
        first_party: Party,
        /// *Pihak Kedua*: the superior.
        second_party: Party,
        /// The agreement this one cascades from (the superior's PK), if any.
        #[serde(default)]
        parent: Option<AgreementId>,
        place: String,
        /// The date as written, e.g. `Januari 2024`.
        date: String,
        objectives: Vec<Objective>,
        budget: Vec<BudgetLine>,
    }
    unsigned {
        #[serde(default)]
        notes: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        origin: Option<Origin>,
        /// Signed versions and the Perubahan being prepared (empty: a draft).
        #[serde(default, skip_serializing_if = "Life::is_draft", deserialize_with = "objects::only")]
        life: Life,
        /// Last year's PK this one was prepared from.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        predecessor: Option<AgreementId>,
        /// Where the PK was transcribed from, when it is a typed copy of a document signed on paper
        /// (the built-in 2024 data): the public view then says so instead of "draft". Empty otherwise.
        #[serde(default, skip_serializing_if = "String::is_empty")]
        transcribed_from: String,
    }
}

impl Agreement {
    /// Where the PK was transcribed from once `theirs` (a file's copy of this PK) takes its place: a file
    /// silent about it (every file before version 6) keeps this PK's note. Used by the import's
    /// comparison and by its merge, so both agree.
    pub fn transcription_after<'a>(&'a self, theirs: &'a Agreement) -> &'a str {
        if theirs.transcribed_from.trim().is_empty() {
            &self.transcribed_from
        } else {
            &theirs.transcribed_from
        }
    }

    /// Sum of the budget lines ("-" and blank count as zero).
    pub fn total_budget(&self) -> Decimal {
        self.budget.iter().map(|b| b.amount.for_sum()).sum()
    }

    /// All indicators in order, with their sasaran.
    pub fn indicators(&self) -> impl Iterator<Item = (&Objective, &Indicator)> {
        self.objectives.iter().flat_map(|o| o.indicators.iter().map(move |i| (o, i)))
    }

    pub fn indicator_count(&self) -> usize {
        self.objectives.iter().map(|o| o.indicators.len()).sum()
    }

    pub fn find_indicator(&self, id: &IndicatorId) -> Option<&Indicator> {
        self.indicators().map(|(_, i)| i).find(|i| &i.id == id)
    }

    /// A short label: the Pihak Pertama's position, else the unit.
    pub fn title(&self) -> &str {
        if self.first_party.position.trim().is_empty() {
            &self.unit
        } else {
            &self.first_party.position
        }
    }
}

/// Everything the app keeps: the agreements of one or more offices and years.
///
/// Agreements sit behind `Arc` so that a snapshot for undo is a cheap clone and unchanged agreements
/// can be recognised by pointer.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Workspace {
    /// The office this workspace belongs to (written into exported files).
    pub office: String,
    /// Notes on the data as a whole (e.g. the repairs made while transcribing the source document).
    pub notes: String,
    pub agreements: Vec<Arc<Agreement>>,
    /// How capaian is shown (capping) and the predikat bands.
    pub settings: MeasureSettings,
    /// The office's letterhead (a logo), printed at the top of each PK's first page.
    pub letterhead: letterhead::Letterhead,
    /// (Version 6) the offices' Renstra, with their IKU (empty: none).
    pub renstra: Vec<renstra::Renstra>,
}

impl Workspace {
    pub fn agreement(&self, id: &AgreementId) -> Option<&Agreement> {
        self.agreements.iter().find(|a| &a.id == id).map(|a| a.as_ref())
    }

    /// Mutable access to one agreement (copy-on-write: other snapshots keep the old version).
    pub fn agreement_mut(&mut self, id: &AgreementId) -> Option<&mut Agreement> {
        self.agreements.iter_mut().find(|a| &a.id == id).map(Arc::make_mut)
    }

    pub fn position(&self, id: &AgreementId) -> Option<usize> {
        self.agreements.iter().position(|a| &a.id == id)
    }

    /// The agreements that cascade directly from `id`, in workspace order.
    pub fn children<'a>(&'a self, id: &'a AgreementId) -> impl Iterator<Item = &'a Agreement> + 'a {
        self.agreements.iter().filter(move |a| a.parent.as_ref() == Some(id)).map(|a| a.as_ref())
    }

    /// The years present, newest first.
    pub fn years(&self) -> Vec<i32> {
        let mut years: Vec<i32> = self.agreements.iter().map(|a| a.year).collect();
        years.sort_unstable_by(|a, b| b.cmp(a));
        years.dedup();
        years
    }

    /// The indicator with this id anywhere in the workspace, with the agreement holding it.
    pub fn find_indicator(&self, id: &IndicatorId) -> Option<(&Agreement, &Indicator)> {
        self.agreements.iter().find_map(|a| a.find_indicator(id).map(|i| (a.as_ref(), i)))
    }
}

#[cfg(test)]
pub(crate) mod testing;
