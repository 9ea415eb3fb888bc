//! Kinerja: Perjanjian Kinerja (performance agreements) of KPU offices, in the browser.
//!
//! The pure core (`model`, `format`, `i18n`, `io`, `rollup`, `seed`) has no Leptos in it and is tested
//! natively; `ui` renders it and dispatches user actions; `store` is the only code that touches
//! localStorage.

pub mod format;
pub mod generate;
pub mod i18n;
pub mod io;
pub mod model;
pub mod rollup;
pub mod route;
pub mod seed;
pub mod store;
pub mod ui;
