//! Reading and writing: the versioned file format, its validation and migrations, import preview and
//! merge, pasted tables, CSV, the stored form and file names. Problems come back as values
//! (`problem.rs`); `core::text` words them.

pub mod csv;
pub mod diff;
mod fast;
pub mod file;
pub mod merge;
pub mod migrate;
pub mod names;
pub mod pack;
pub mod paste;
pub mod paste_actuals;
pub mod paste_renstra;
pub mod problem;
pub mod publish;
pub mod rules;
pub mod signature;
pub mod steps;
pub mod stored;
pub mod validate;
mod validate_life;
mod validate_renstra;

#[cfg(test)]
mod tests;
