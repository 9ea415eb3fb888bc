//! Differences between two versions of a PK, and how an import is classified.
use super::*;
use crate::core::model::edit::Field;
use crate::core::model::testing::*;
use crate::core::model::{Amount, IndicatorId, Origin};

fn base() -> Agreement {
    let mut a = agreement("a", None, 2024);
    a.objectives = vec![objective(
        "s1",
        "Sasaran",
        vec![indicator("i1", "Indikator satu", "75%", None), indicator("i2", "Indikator dua", "2 Lap", None)],
    )];
    a.budget = vec![line("Program A", "1.000"), line("Program B", "-")];
    a
}

#[test]
fn field_by_field() {
    let mine = base();
    let mut theirs = base();
    theirs.first_party.name = "Baru".into();
    theirs.set_target(&IndicatorId::new("i2"), "3 Lap");
    theirs.set_indicator_text(&IndicatorId::new("i1"), "Indikator satu (revisi)");
    theirs.set_amount(0, Amount::parse("2.000").unwrap());
    theirs.objectives[0].indicators.push(indicator("i3", "Baru", "1 kali", None));
    let d = differences(&mine, &theirs);
    let has = |place: DiffPlace, m: Option<&str>, t: Option<&str>| {
        d.contains(&Difference { place, mine: m.map(String::from), theirs: t.map(String::from) })
    };
    assert!(has(DiffPlace::Field(Field::FirstName), Some("Nama a"), Some("Baru")));
    assert!(has(DiffPlace::Target(Number { objective: 0, indicator: 1 }), Some("2 Lap"), Some("3 Lap")));
    assert!(has(
        DiffPlace::Indicator(Number { objective: 0, indicator: 0 }),
        Some("Indikator satu"),
        Some("Indikator satu (revisi)")
    ));
    assert!(has(DiffPlace::Indicator(Number { objective: 0, indicator: 2 }), None, Some("Baru")));
    assert!(has(DiffPlace::Amount("Program A".into()), Some("1.000"), Some("2.000")));
    assert_eq!(d.len(), 5, "{d:?}");
    assert!(differences(&mine, &mine).is_empty());
    let mut moved = base();
    moved.move_indicator(&IndicatorId::new("i2"), -1);
    assert_eq!(differences(&mine, &moved).last().unwrap().place, DiffPlace::Order);
}

#[test]
fn classifies_new_identical_different_and_conflicting() {
    let ws = workspace(vec![base(), agreement("b", None, 2024)]);
    let same = base();
    let mut changed = agreement("b", None, 2024);
    changed.notes = "x".into();
    let other = agreement("b", None, 2023);
    let new = agreement("c", None, 2024);
    let mut with_origin = base();
    with_origin.origin = Some(crate::core::model::Origin { file: "f.json".into(), ..Default::default() });
    let statuses = classify(&ws, &[&same, &changed, &new, &with_origin], Some(&ws));
    assert_eq!(statuses[0], Status::Identical);
    assert!(
        matches!(&statuses[1], Status::Differs(d) if d.len() == 1),
        "unchanged here since it arrived: the file is newer"
    );
    assert_eq!(statuses[2], Status::New);
    assert_eq!(statuses[3], Status::Identical, "where it came from is not content");
    assert!(matches!(classify(&ws, &[&other], None)[0], Status::Conflict(ConflictReason::OtherAgreement, _)));
    let twice = classify(
        &ws,
        &[&new, &{
            let mut n = new.clone();
            n.notes = "lain".into();
            n
        }],
        None,
    );
    assert!(matches!(twice[1], Status::Conflict(ConflictReason::TwiceInImport, _)));
}

#[test]
fn changed_here_and_in_the_file_is_a_conflict() {
    let arrived = base();
    let builtin = workspace(vec![arrived.clone()]);
    let mut mine = arrived.clone();
    mine.notes = "diubah di sini".into();
    let mut theirs = arrived.clone();
    theirs.notes = "diubah di berkas".into();
    let here = workspace(vec![mine.clone()]);
    // Both changed since the built-in version: a conflict, never a silent replace.
    assert!(matches!(
        classify(&here, &[&theirs], Some(&builtin))[0],
        Status::Conflict(ConflictReason::BothChanged, _)
    ));
    // The file still holds the version that arrived: it is older than what is here.
    assert!(matches!(classify(&here, &[&arrived], Some(&builtin))[0], Status::Older(_)));
    // Untouched here: the file's change is simply newer.
    let untouched = workspace(vec![arrived.clone()]);
    assert!(matches!(classify(&untouched, &[&theirs], Some(&builtin))[0], Status::Differs(_)));
    // Made here (no base): any difference may hold local work.
    assert!(matches!(classify(&here, &[&theirs], None)[0], Status::Conflict(ConflictReason::BothChanged, _)));
    // Imported earlier: the fingerprint it arrived with is the base.
    let mut imported = theirs.clone();
    imported.origin = Some(crate::core::model::Origin {
        file: "f.json".into(),
        received: theirs.content_fingerprint(),
        ..Default::default()
    });
    let mut newer = theirs.clone();
    newer.notes = "versi berikutnya".into();
    assert!(matches!(classify(&workspace(vec![imported.clone()]), &[&newer], None)[0], Status::Differs(_)));
    imported.notes = "lalu diubah di sini".into();
    assert!(matches!(
        classify(&workspace(vec![imported]), &[&newer], None)[0],
        Status::Conflict(ConflictReason::BothChanged, _)
    ));
}

#[test]
fn a_file_from_before_the_transcription_note_is_the_same_content() {
    // The built-in data says each PK is a typed copy of a signed paper document (version 6); the same
    // data as the first release wrote it (version 1) says nothing of it, and is the same content.
    let here = crate::core::seed::workspace().unwrap();
    assert!(here.agreements.iter().all(|a| !a.transcribed_from.is_empty()));
    let v1 = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/format-v1-kpu-maluku-2024.json"
    ))
    .unwrap();
    let old = crate::core::io::file::read(&v1).unwrap().workspace;
    let theirs: Vec<&Agreement> = old.agreements.iter().map(|a| a.as_ref()).collect();
    assert!(classify(&here, &theirs, None).iter().all(|s| *s == Status::Identical));
    // A file that names another source differs.
    let mut other = old.agreements[0].as_ref().clone();
    other.transcribed_from = "Salinan lain".into();
    assert!(!same_content(&here.agreements[0], &other));
}

#[test]
fn a_later_file_from_the_same_office_corrects_figures_by_default() {
    use crate::core::model::testing::report;
    // Buru's PK arrived at the province in a file of 16 April with TW I = 70%; Buru corrects it to 75%.
    let mut here = workspace(vec![agreement("buru", None, 2024)]);
    here.agreement_mut(&aid("buru")).unwrap().objectives =
        vec![objective("s", "S", vec![indicator("i", "Persentase laporan", "100%", None)])];
    report(&mut here, "buru", "i", 1, "70%", "");
    let mut theirs = here.agreements[0].as_ref().clone();
    let mine = here.agreement_mut(&aid("buru")).unwrap();
    mine.origin = Some(Origin {
        office: "KPU Kabupaten Buru".into(),
        exported_at: "2024-04-16T08:00:00+09:00".into(),
        received: String::new(),
        ..Default::default()
    });
    let received = mine.content_fingerprint();
    mine.origin.as_mut().unwrap().received = received;
    theirs.objectives[0].indicators[0].measurement.actual[0].as_mut().unwrap().value =
        crate::core::model::Target::new("75%");
    let mine = here.agreement(&aid("buru")).unwrap().clone();
    let diffs = differences(&mine, &theirs);
    let tw1 = DiffPlace::Actual(
        Number { objective: 0, indicator: 0 },
        crate::core::model::measurement::Quarter::ALL[0],
    );
    assert!(unchanged_here(&mine, None));
    // The same office in other words, a later file: its figure is taken.
    assert_eq!(
        taken_by_default(&mine, "Komisi Pemilihan Umum Kab. Buru", "2024-04-22T08:00:00+09:00", &diffs),
        std::slice::from_ref(&tw1)
    );
    // An older file or another office: nothing taken by default. Changed here since: not asked.
    assert!(taken_by_default(&mine, "KPU Kabupaten Buru", "2024-04-10T08:00:00+09:00", &diffs).is_empty());
    assert!(taken_by_default(&mine, "KPU Kota Ambon", "2024-04-22T08:00:00+09:00", &diffs).is_empty());
    let mut changed = mine.clone();
    changed.notes = "dicatat di provinsi".into();
    assert!(!unchanged_here(&changed, None));
    // A built-in PK (no origin) is as it arrived when it is as the built-in data has it.
    let mut builtin = mine.clone();
    builtin.origin = None;
    assert!(!unchanged_here(&builtin, None));
    assert!(unchanged_here(&builtin, Some(&workspace(vec![builtin.clone()]))));
}
