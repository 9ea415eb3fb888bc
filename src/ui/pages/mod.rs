//! The pages of the app, one per route: they render the core's data and dispatch user actions to the
//! services (`ui::services`).

pub mod backup;
pub mod calendar;
pub mod capaian;
pub mod cascade;
pub mod data;
pub mod document;
pub mod editor;
pub mod home;
pub mod import;
pub mod letterhead;
pub mod lkj;
pub mod measure;
pub mod measure_paste;
pub mod monitor;
pub mod next_year;
pub mod offices;
pub mod publish;
pub mod recovery;
pub mod renstra;
pub mod rollup;
pub mod tree;
