//! Where two versions of a PK differ: the place of one difference, with its indicator numbers and
//! quarters typed.

use crate::core::model::edit::Field;
use crate::core::model::measurement::Quarter;
use std::fmt;

/// An indicator's place in its PK, counted from 0: shown as `<objective>.<indicator>` from 1 (`1.2`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Number {
    pub objective: usize,
    pub indicator: usize,
}

impl fmt::Display for Number {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{}", self.objective + 1, self.indicator + 1)
    }
}

/// Where two versions of a PK differ.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DiffPlace {
    Year,
    Field(Field),
    Parent,
    /// A sasaran's text, by its index (shown from 1).
    Objective(usize),
    /// An indicator's text, by its number.
    Indicator(Number),
    /// An indicator's target, by its number.
    Target(Number),
    /// A budget line, by program.
    Amount(String),
    /// The same sasaran/indicators in another order.
    Order,
    /// An indicator's Rencana Aksi for a quarter.
    Plan(Number, Quarter),
    /// An indicator's realisasi for a quarter (value, note, evidence).
    Actual(Number, Quarter),
    /// A program's realisasi anggaran for a quarter.
    BudgetActual(String, Quarter),
    /// How an indicator is measured (polarity, aggregation, the plan's reason).
    Method(Number),
    /// Last year's realisasi typed on an indicator.
    Previous(Number),
    /// The signed versions with a number (0: as first signed, n: Perubahan ke-n), each side's
    /// fingerprints (short form, comma-separated; two when a number is held twice).
    Version(u32),
    /// The Perubahan being prepared: `"<n>|<date>"` on each side that has one.
    Revising,
}

impl DiffPlace {
    /// Whether the difference is in what was measured (merged per indicator and quarter), not in the PK.
    pub fn is_measurement(&self) -> bool {
        matches!(
            self,
            DiffPlace::Plan(..)
                | DiffPlace::Actual(..)
                | DiffPlace::BudgetActual(..)
                | DiffPlace::Method(..)
                | DiffPlace::Previous(..)
        )
    }

    /// Whether a merge takes it without losing anything here: what was measured, and the signed
    /// versions (merged by [`crate::core::model::life_merge`]).
    pub fn merges(&self) -> bool {
        self.is_measurement() || matches!(self, DiffPlace::Version(_) | DiffPlace::Revising)
    }

    /// Whether the difference is in the PK's content (what is signed), not in what was measured or in
    /// its signed versions: what comparing two versions shows.
    pub fn is_content(&self) -> bool {
        !self.merges()
    }
}
