//! The embedded default data: the 10 Perjanjian Kinerja 2024 of Sekretariat KPU Provinsi Maluku,
//! in the app's own file format (`public/data/kpu-maluku-2024.json`, also published as `data/` of the build), loaded on a first visit.

use crate::core::io::file::{self, FileError};
use crate::core::model::Workspace;

/// The dataset file, exactly as shipped.
pub const JSON: &str = include_str!("../../public/data/kpu-maluku-2024.json");

/// The dataset as a workspace. It is a current, clean file, read by the direct path alone
/// ([`file::read_direct`]), so the first page needs no more of the file reader for a first visit; the
/// test below keeps it so.
pub fn workspace() -> Result<Workspace, FileError> {
    file::read_direct(JSON).map(|loaded| loaded.workspace).ok_or(FileError::NotKinerja)
}

#[cfg(test)]
mod tests {
    use crate::core::io::file;

    /// The direct path reads the dataset, and gives what the full check gives.
    #[test]
    fn the_dataset_reads_by_the_direct_path() {
        let direct = file::read_direct(super::JSON).expect("the dataset takes the direct path");
        assert_eq!(direct.workspace.agreements.len(), 10);
        assert_eq!(Ok(direct), file::read_checked(super::JSON));
        assert_eq!(super::workspace().map(|ws| ws.agreements.len()), Ok(10));
    }
}
