//! Reading and writing: the versioned file format, its validation and migrations.

pub mod file;
pub mod migrate;
pub mod validate;

#[cfg(test)]
mod tests;
