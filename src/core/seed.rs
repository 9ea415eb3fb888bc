//! The embedded default data: the 10 Perjanjian Kinerja 2024 of Sekretariat KPU Provinsi Maluku,
//! in the app's own file format (`public/data/kpu-maluku-2024.json`, also published as `data/` of the build), loaded on a first visit.

use crate::core::io::file::{self, FileError};
use crate::core::model::Workspace;

/// The dataset file, exactly as shipped.
pub const JSON: &str = include_str!("../../public/data/kpu-maluku-2024.json");

/// The dataset as a workspace. The native tests guarantee it reads without problems.
pub fn workspace() -> Result<Workspace, FileError> {
    file::read(JSON).map(|loaded| loaded.workspace)
}
