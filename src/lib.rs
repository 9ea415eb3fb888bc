//! Kinerja: Perjanjian Kinerja (performance agreements) of KPU offices, in the browser.
//!
//! - `core`: the pure core (model, file format, rollup, formatting, texts, routes, built-in data); no
//!   Leptos and no browser in it, tested natively.
//! - `store`: the only code that touches localStorage.
//! - `ui`: Leptos components (`ui::pages`) that render the core and dispatch user actions, and the
//!   services they share (`ui::services`: app state, browser wrappers, downloads, public view, offline).

pub mod core;
pub mod store;
pub mod ui;
