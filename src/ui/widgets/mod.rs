//! Widgets shared by pages, one file each.

mod document_language;
mod quarter_tabs;
mod status_tally;
mod text_field;
mod year_tabs;

pub use document_language::{DocumentLanguageChoice, InDocumentLanguage};
pub use quarter_tabs::QuarterTabs;
pub use status_tally::StatusTally;
pub use text_field::TextField;
pub use year_tabs::YearTabs;
