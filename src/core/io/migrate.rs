//! Upgrades of older file versions to the current one, applied to the raw JSON before validation
//! (the idea of Excalidraw's `restore()`: every file, old or new, passes one function).
//!
//! To change the format: bump `file::VERSION`, add a step here that turns version N-1 into N, and add
//! a test with a real version N-1 file.
//!
//! | step | change |
//! |------|--------|
//! | 1 → 2 | top-level `office` and `unit` move into `source: {office, unit, scope}`; `scope` is `workspace` |
//! | 2 → 3 | measurement: optional `measurement` per indicator, `actual` per budget line, `measure_settings`; nothing to change in a version 2 file |
//! | 3 → 4 | the PK's life: optional `life` (signed `versions` with their fingerprints, `revising`) and `predecessor` per PK and indicator; nothing to change in a version 3 file (every PK reads as a draft) |
//! | 4 → 5 | measurement: optional `previous` (last year's realisasi typed by hand); `measure_settings.calendar` (due dates per year); nothing to change in a version 4 file |
//! | 5 → 6 | optional fields of the December 2026 release (listed in the README, file format section); nothing to change in a version 5 file |

use serde_json::{Map, Value};

/// The newest format version this app reads and the one it writes: one more than the last step below.
/// Version 1 (office and unit at the top level, no scope), version 2 (no measurement), version 3 (no
/// signed versions), version 4 (no last year's realisasi typed by hand) and version 5 are upgraded when read; an
/// older app refuses newer files, so realisasi and signed versions are never dropped by an old app.
pub const VERSION: u64 = 6;

/// Brings `root` (a file of version `from`) up to the current version, step by step.
pub fn upgrade(root: &mut Map<String, Value>, from: u64) {
    let mut version = from;
    while version < VERSION {
        // Each arm turns `version` into `version + 1` (one arm per step, as the format grows).
        #[allow(clippy::single_match)]
        match version {
            1 => v1_to_v2(root),
            // 2 → 3, 3 → 4, 4 → 5 and 5 → 6 only add optional fields.
            _ => {}
        }
        version += 1;
    }
    root.insert("version".into(), Value::from(VERSION));
}

/// Version 1 kept the office and unit at the top level.
fn v1_to_v2(root: &mut Map<String, Value>) {
    let mut source = Map::new();
    source.insert("office".into(), root.remove("office").unwrap_or_else(|| Value::from("")));
    if let Some(unit) = root.remove("unit").filter(|u| !u.is_null()) {
        source.insert("unit".into(), unit);
    }
    source.insert("scope".into(), Value::from("workspace"));
    root.insert("source".into(), Value::Object(source));
}

#[cfg(test)]
mod tests {
    use crate::core::io::file::{self, Scope};

    /// The built-in data as files before version 6 held it: without `transcribed_from` (version 6).
    fn seed_before_v6() -> crate::core::model::Workspace {
        let mut seed = crate::core::seed::workspace().unwrap();
        for a in &mut seed.agreements {
            std::sync::Arc::make_mut(a).transcribed_from.clear();
        }
        seed
    }

    #[test]
    fn a_version_1_file_is_upgraded_with_nothing_lost() {
        let v1 = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/format-v1-kpu-maluku-2024.json"
        ))
        .unwrap();
        assert!(v1.contains("\"version\": 1"));
        let loaded = file::read(&v1).expect("a version 1 file reads");
        assert_eq!(loaded.meta.version, 1, "the file's own version is reported");
        assert_eq!(loaded.meta.source.office, "Komisi Pemilihan Umum Provinsi Maluku");
        assert_eq!(loaded.meta.source.scope, Scope::Workspace);
        assert_eq!(loaded.workspace, seed_before_v6(), "same data as the current dataset");
        let v1_unit =
            r#"{"format":"kinerja-pk","version":1,"office":"KPU X","unit":"Bagian Y","agreements":[]}"#;
        let loaded = file::read(v1_unit).unwrap();
        assert_eq!(loaded.meta.source.unit.as_deref(), Some("Bagian Y"));
        assert_eq!(loaded.workspace.office, "KPU X");
    }

    #[test]
    fn a_version_2_file_is_upgraded_with_nothing_lost() {
        let v2 = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/format-v2-kpu-maluku-2024.json"
        ))
        .unwrap();
        assert!(v2.contains("\"version\": 2"));
        let loaded = file::read(&v2).expect("a version 2 file reads");
        assert_eq!(loaded.meta.version, 2);
        let seed = seed_before_v6();
        assert_eq!(loaded.workspace, seed, "same data as the current dataset, with nothing measured yet");
        assert!(seed.agreements.iter().all(|a| a.indicators().all(|(_, i)| i.measurement.is_empty())));
        // Written again, it is a current version file.
        let again = file::write(&loaded.workspace, None, &Default::default());
        assert!(again.contains("\"version\":6"), "{}", &again[..80]);
    }

    #[test]
    fn a_version_3_file_is_upgraded_with_its_realisasi_and_every_pk_a_draft() {
        let v3 = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/format-v3-kpu-maluku-2024.json"
        ))
        .unwrap();
        assert!(v3.contains("\"version\": 3"));
        let loaded = file::read(&v3).expect("a version 3 file reads");
        assert_eq!(loaded.meta.version, 3);
        let ws = &loaded.workspace;
        assert_eq!(ws.agreements.len(), 10);
        let sek = &ws.agreements[0];
        let m = &sek.objectives[0].indicators[0].measurement;
        assert_eq!(
            m.actual[0].as_ref().map(|r| (r.value.text(), r.note.as_str())),
            Some(("2 kali", "Rapat koordinasi tepat waktu"))
        );
        assert_eq!(m.plan[3].as_ref().map(|t| t.text()), Some("8 kali"));
        assert_eq!(sek.budget[0].actual[0], crate::core::model::Amount::parse("1.500.000.000").unwrap());
        assert!(ws.agreements.iter().all(|a| a.stage() == crate::core::model::Stage::Draft));
        // Apart from what was measured, the same as the current dataset.
        let seed = seed_before_v6();
        assert_eq!(ws.agreements[1..], seed.agreements[1..]);
    }

    #[test]
    fn a_version_4_file_is_upgraded_with_its_signatures_and_realisasi() {
        // Written by the version 4 app's generator (`generate --offices 1 --seed 1 --indicators 8
        // --years 1 --measured`): ten signed PKs with their Rencana Aksi and four quarters of realisasi.
        let v4 = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/format-v4-generated-2024.json"
        ))
        .unwrap();
        assert!(v4.contains("\"version\": 4"));
        let loaded = file::read(&v4).expect("a version 4 file reads");
        assert_eq!(loaded.meta.version, 4);
        assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
        let ws = &loaded.workspace;
        assert_eq!(ws.agreements.len(), 10);
        // Every signed version is kept, and still matches its fingerprint.
        assert!(ws.agreements.iter().all(|a| a.stage() != crate::core::model::Stage::Draft));
        assert!(ws.agreements.iter().all(|a| a.tampered_versions().is_empty()));
        // Realisasi are kept; nothing was typed for last year, which version 4 could not hold.
        let measured = ws
            .agreements
            .iter()
            .flat_map(|a| a.indicators())
            .filter(|(_, i)| i.measurement.actual[3].is_some());
        assert!(measured.count() > 10);
        assert!(ws
            .agreements
            .iter()
            .flat_map(|a| a.indicators())
            .all(|(_, i)| i.measurement.previous.is_none()));
        // Written again: the current version, the same data.
        let again = file::write(ws, None, &Default::default());
        assert!(again.contains("\"version\":6"));
        assert_eq!(&file::read(&again).unwrap().workspace, ws);
    }

    #[test]
    fn a_version_5_file_is_upgraded_with_last_years_realisasi_and_its_calendar() {
        // Written by the version 5 app's generator (`generate --offices 1 --seed 1 --indicators 8
        // --years 1 --measured`), then by hand: last year's realisasi of the first indicator and two
        // due dates, the two things version 5 added.
        let v5 = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/format-v5-generated-2025.json"
        ))
        .unwrap();
        assert!(v5.contains("\"version\": 5"));
        let loaded = file::read(&v5).expect("a version 5 file reads");
        assert_eq!(loaded.meta.version, 5);
        assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
        let ws = &loaded.workspace;
        assert_eq!(ws.agreements.len(), 10);
        assert!(ws.agreements.iter().all(|a| a.stage() != crate::core::model::Stage::Draft));
        assert!(ws.agreements.iter().all(|a| a.tampered_versions().is_empty()));
        let first = &ws.agreements[0].objectives[0].indicators[0].measurement;
        assert_eq!(first.previous.as_ref().map(|t| t.text()), Some("9 Perkara"));
        use crate::core::model::calendar::Deliverable;
        use crate::core::model::quarter::Quarter;
        let due = |d| ws.settings.calendar.set_date(2025, d).map(|d| d.iso());
        assert_eq!(due(Deliverable::Realisasi(Quarter::ALL[0])).as_deref(), Some("2025-04-15"));
        assert_eq!(due(Deliverable::Lkj).as_deref(), Some("2026-02-27"));
        // Written again: the current version, the same data.
        let again = file::write(ws, None, &Default::default());
        assert!(again.contains("\"version\":6"));
        assert_eq!(&file::read(&again).unwrap().workspace, ws);
    }

    #[test]
    fn a_newer_file_is_refused_with_its_version() {
        let v7 = r#"{"format":"kinerja-pk","version":7,"agreements":[]}"#;
        assert_eq!(file::read(v7).err(), Some(file::FileError::NewerVersion { found: 7 }));
    }
}
