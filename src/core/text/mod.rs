//! Words: everything the core says in sentences of the user's language, one floor above what it words.
//! The modules below it (the model, the measurement, the rollup, the file format, the tree chart) return
//! typed values (an error kind, a place, a quarter, a figure with what it runs through); this floor
//! puts them into words with the translation table (`core::i18n`) and the formats (`core::format`), the
//! same on every page, in print and in files. The UI only renders what it gets from here.

pub mod calendar;
pub mod import;
pub mod life;
pub mod lkj;
pub mod measure;
pub mod monitor;
pub mod names;
pub mod offices;
pub mod places;
pub mod printed;
pub mod problems;
pub mod review;
pub mod tree;

pub use calendar::{days_left, deliverable, deliverable_source};
pub use lkj::lkj_csv;
pub use measure::{
    aggregation, band_problem, capaian, chart_budget_words, chart_words, compared_with, odd, polarity,
    quarter, spent_to_date, to_date,
};
pub use places::{check_place, diff_place, field_label, name_or_placeholder, name_shown, path_words};
pub use problems::{amount_error, file_error, issue, problem, skip_reason, typed_error};
