use super::file::{self, FileError, WriteOptions};
use super::problem::{Expected, ProblemKind};
use crate::core::model::testing::*;
use crate::core::model::*;

fn sample() -> Workspace {
    let mut top = agreement("top", None, 2024);
    top.objectives =
        vec![objective("top/s1", "Sasaran", vec![indicator("top/s1/i1", "Indikator", "97,5%", None)])];
    top.budget = vec![
        line("Program Dukungan Manajemen", "10.252.187.000"),
        line("Program B", "-"),
        line("Program C", ""),
    ];
    let mut child = agreement("child", Some("top"), 2024);
    child.objectives = vec![objective(
        "child/s1",
        "Sasaran",
        vec![indicator("child/s1/i1", "Indikator", "97,5%", Some(("top/s1/i1", "Indikator")))],
    )];
    workspace(vec![top, child])
}

fn problems(text: &str) -> Vec<(String, ProblemKind)> {
    match file::read(text) {
        Err(FileError::Invalid(p)) => p.into_iter().map(|p| (p.path, p.kind)).collect(),
        other => panic!("expected Invalid, got {other:?}"),
    }
}

#[test]
fn round_trip_keeps_everything() {
    let ws = sample();
    for pretty in [false, true] {
        let text = file::write(&ws, None, &WriteOptions { pretty, ..Default::default() });
        let back = file::read(&text).expect("reads back");
        assert_eq!(back.workspace, ws);
        assert!(back.warnings.is_empty());
        assert_eq!(back.meta.version, file::VERSION);
    }
}

#[test]
fn writes_only_the_chosen_agreements_and_the_metadata() {
    let ws = sample();
    let opts = WriteOptions {
        exported_at: Some("2026-11-28T10:00:00Z".into()),
        unit: Some("Unit".into()),
        scope: file::Scope::Agreement,
        pretty: true,
    };
    let text = file::write(&ws, Some(&[AgreementId::new("child")]), &opts);
    let back = file::read(&text).unwrap();
    assert_eq!(back.workspace.agreements.len(), 1);
    assert_eq!(back.meta.exported_at.as_deref(), Some("2026-11-28T10:00:00Z"));
    assert_eq!(back.meta.source.unit.as_deref(), Some("Unit"));
    assert_eq!(back.meta.source.scope, file::Scope::Agreement);
    assert_eq!(back.meta.source.office, "KPU Contoh");
    assert!(back.meta.generator.starts_with("Kinerja "));
    // The child's parent is not in the file: a warning, not a refusal.
    let kinds: Vec<_> = back.warnings.iter().map(|w| w.kind.clone()).collect();
    assert_eq!(kinds, vec![ProblemKind::ParentNotInFile, ProblemKind::ParentIndicatorNotInFile]);
    let all = file::write(&ws, None, &opts);
    assert!(all.contains("\"amount\": \"10252187000\""), "amounts are strings: {all}");
    assert!(all.contains("\"amount\": \"-\""));
    assert!(all.contains("\"amount\": null"));
}

#[test]
fn workspace_notes_travel_only_with_the_whole_workspace() {
    let mut ws = sample();
    ws.notes = "Catatan transkripsi seluruh data".into();
    let opts = |scope| WriteOptions { exported_at: None, unit: None, scope, pretty: false };
    let one = file::write(&ws, Some(&[AgreementId::new("child")]), &opts(file::Scope::Agreement));
    assert_eq!(
        file::read(&one).unwrap().workspace.notes,
        "",
        "a one-PK file carries no notes about other PKs"
    );
    let subtree = file::write(&ws, Some(&[AgreementId::new("child")]), &opts(file::Scope::Subtree));
    assert_eq!(file::read(&subtree).unwrap().workspace.notes, "");
    let all = file::write(&ws, None, &opts(file::Scope::Workspace));
    assert_eq!(file::read(&all).unwrap().workspace.notes, "Catatan transkripsi seluruh data");
}

#[test]
fn each_broken_file_gets_its_own_error() {
    assert_eq!(file::read(""), Err(FileError::Empty));
    assert_eq!(file::read("  \n "), Err(FileError::Empty));
    assert_eq!(file::read("\u{feff}"), Err(FileError::Empty));
    assert!(matches!(file::read("hello"), Err(FileError::NotJson { line: 1, .. })));
    assert!(matches!(file::read("PK,2024\nx,y"), Err(FileError::NotJson { .. })));
    let full = file::write(&sample(), None, &WriteOptions::default());
    assert_eq!(file::read(&full[..full.len() / 2]), Err(FileError::Truncated));
    assert_eq!(file::read("[1,2]"), Err(FileError::NotKinerja));
    assert_eq!(file::read(r#"{"format":"other","version":1}"#), Err(FileError::NotKinerja));
    assert_eq!(file::read(r#"{"format":"kinerja-pk"}"#), Err(FileError::BadVersion));
    assert_eq!(file::read(r#"{"format":"kinerja-pk","version":"1"}"#), Err(FileError::BadVersion));
    assert_eq!(file::read(r#"{"format":"kinerja-pk","version":0}"#), Err(FileError::BadVersion));
    assert_eq!(
        file::read(r#"{"format":"kinerja-pk","version":7,"agreements":[]}"#),
        Err(FileError::NewerVersion { found: 7 })
    );
    let huge = " ".repeat(file::MAX_FILE_BYTES + 1);
    assert_eq!(file::read(&huge), Err(FileError::TooLarge { bytes: file::MAX_FILE_BYTES + 1 }));
}

#[test]
fn every_problem_is_listed_with_its_place() {
    let text = file::write(&sample(), None, &WriteOptions::default())
        .replace(r#""year":2024"#, r#""year":"2024""#)
        .replace(r#""text":"97,5%""#, r#""text":97.5"#)
        .replace(r#""10252187000""#, r#""-5""#);
    let found = problems(&text);
    assert!(
        found.contains(&("agreements[0].year".into(), ProblemKind::WrongType(Expected::Integer))),
        "{found:?}"
    );
    assert!(found.contains(&("agreements[1].year".into(), ProblemKind::WrongType(Expected::Integer))));
    assert!(found.contains(&(
        "agreements[0].objectives[0].indicators[0].target.text".into(),
        ProblemKind::WrongType(Expected::Text)
    )));
    assert!(found.contains(&("agreements[0].budget[0].amount".into(), ProblemKind::NegativeAmount)));
}

#[test]
fn clashing_ids_cycles_and_absurd_amounts_are_reported() {
    let text = file::write(&sample(), None, &WriteOptions::default())
        .replace(r#""id":"child","#, r#""id":"top","#)
        .replace(r#""10252187000""#, r#""99999999999999999999""#);
    let found = problems(&text);
    assert!(found.contains(&(
        "agreements[1].id".into(),
        ProblemKind::DuplicateId { first: "agreements[0].id".into() }
    )));
    assert!(found.contains(&("agreements[0].budget[0].amount".into(), ProblemKind::AbsurdAmount)));

    let mut a = agreement("a", Some("b"), 2024);
    let b = agreement("b", Some("a"), 2024);
    a.notes = "x".into();
    let text = file::write(&workspace(vec![a, b]), None, &WriteOptions::default());
    let found = problems(&text);
    assert!(found.contains(&("agreements[0].parent".into(), ProblemKind::CascadeCycle)));
    assert!(found.contains(&("agreements[1].parent".into(), ProblemKind::CascadeCycle)));
}

#[test]
fn missing_fields_and_wrong_shapes() {
    let found = problems(r#"{"format":"kinerja-pk","version":1,"agreements":[{"id":""},3]}"#);
    let paths: Vec<&str> = found.iter().map(|(p, _)| p.as_str()).collect();
    for expected in [
        "agreements[0].id",
        "agreements[0].year",
        "agreements[0].unit",
        "agreements[0].first_party",
        "agreements[0].objectives",
        "agreements[0].budget",
        "agreements[1]",
    ] {
        assert!(paths.contains(&expected), "{expected} not in {paths:?}");
    }
    assert!(found.contains(&("agreements[0].id".into(), ProblemKind::EmptyId)));
    let found = problems(r#"{"format":"kinerja-pk","version":1,"agreements":{}}"#);
    assert_eq!(found, vec![("agreements".into(), ProblemKind::WrongType(Expected::List))]);
}

#[test]
fn hostile_sizes_are_refused_not_crashed_on() {
    let long = "x".repeat(super::validate::MAX_TEXT + 1);
    let mut a = agreement("a", None, 2024);
    a.notes = long;
    let found = problems(&file::write(&workspace(vec![a]), None, &WriteOptions::default()));
    assert_eq!(
        found,
        vec![("agreements[0].notes".into(), ProblemKind::TooLong { max: super::validate::MAX_TEXT })]
    );
    let deep = format!(
        r#"{{"format":"kinerja-pk","version":1,"agreements":{}1{}}}"#,
        "[".repeat(5000),
        "]".repeat(5000)
    );
    assert!(
        matches!(file::read(&deep), Err(FileError::NotJson { .. })),
        "deep nesting is refused by the parser"
    );
}

type Edit = Box<dyn Fn(&mut Workspace)>;

/// The direct reading (`io::fast`) must refuse whatever the checked reading refuses, rule by rule, and
/// give the same warnings: each file below breaks exactly one rule.
#[test]
fn direct_and_checked_reading_agree_rule_by_rule() {
    use rust_decimal::Decimal;
    let long = || "x".repeat(super::validate::MAX_TEXT + 1);
    let edits: Vec<(&str, Edit)> = vec![
        ("negative amount", Box::new(|w| top(w).budget[0].amount = Amount::Value(Decimal::from(-5)))),
        ("absurd amount", Box::new(|w| top(w).budget[0].amount = Amount::Value(Decimal::from(i64::MAX)))),
        ("year", Box::new(|w| top(w).year = 1800)),
        ("empty id", Box::new(|w| top(w).objectives[0].id = ObjectiveId::new(" "))),
        ("long id", Box::new(|w| top(w).objectives[0].indicators[0].id = IndicatorId::new("i".repeat(201)))),
        ("id used twice", Box::new(|w| top(w).objectives[0].id = ObjectiveId::new("child/s1"))),
        (
            "indicator id = agreement id",
            Box::new(|w| top(w).objectives[0].indicators[0].id = IndicatorId::new("child")),
        ),
        ("long unit", Box::new(move |w| top(w).unit = long())),
        ("long name", Box::new(move |w| top(w).second_party.name = long())),
        ("long place", Box::new(move |w| top(w).place = long())),
        ("long sasaran", Box::new(move |w| top(w).objectives[0].text = long())),
        ("long indicator", Box::new(move |w| top(w).objectives[0].indicators[0].text = long())),
        ("long target", Box::new(move |w| top(w).objectives[0].indicators[0].target = Target::new(long()))),
        ("long program", Box::new(move |w| top(w).budget[1].program = long())),
        (
            "long origin",
            Box::new(move |w| top(w).origin = Some(Origin { file: long(), ..Default::default() })),
        ),
        (
            "empty parent link",
            Box::new(|w| {
                child(w).objectives[0].indicators[0].parent.as_mut().unwrap().id = IndicatorId::new("")
            }),
        ),
        (
            "long parent link",
            Box::new(move |w| child(w).objectives[0].indicators[0].parent.as_mut().unwrap().text = long()),
        ),
        ("cycle", Box::new(|w| top(w).parent = Some(AgreementId::new("child")))),
        ("self parent", Box::new(|w| top(w).parent = Some(AgreementId::new("top")))),
        (
            "too many lines",
            Box::new(|w| top(w).budget = vec![line("P", "1"); super::validate::MAX_ITEMS + 1]),
        ),
        ("long workspace notes", Box::new(move |w| w.notes = long())),
        ("long office", Box::new(move |w| w.office = long())),
    ];
    for (name, edit) in &edits {
        let mut ws = sample();
        edit(&mut ws);
        let text = file::write(&ws, None, &WriteOptions::default());
        let direct = file::read(&text);
        assert!(matches!(direct, Err(FileError::Invalid(_))), "{name}: {direct:?}");
        assert_eq!(direct, file::read_checked(&text), "{name}");
    }
    // Warnings only: the parent PK or the parent indicator is elsewhere.
    let warned: Vec<Edit> = vec![
        Box::new(|w| child(w).parent = Some(AgreementId::new("elsewhere"))),
        Box::new(|w| {
            child(w).objectives[0].indicators[0].parent.as_mut().unwrap().id = IndicatorId::new("elsewhere/i")
        }),
        Box::new(|w| {
            w.agreements.remove(0);
        }),
    ];
    for edit in &warned {
        let mut ws = sample();
        edit(&mut ws);
        let text = file::write(&ws, None, &WriteOptions::default());
        let direct = file::read(&text).expect("warnings do not refuse");
        assert!(!direct.warnings.is_empty());
        assert_eq!(Ok(direct), file::read_checked(&text));
    }
}

fn top(w: &mut Workspace) -> &mut Agreement {
    w.agreement_mut(&AgreementId::new("top")).unwrap()
}

fn child(w: &mut Workspace) -> &mut Agreement {
    w.agreement_mut(&AgreementId::new("child")).unwrap()
}

#[test]
fn measurement_travels_in_files_and_broken_measurement_is_reported_in_place() {
    use crate::core::measure::{Aggregation, Cap, Polarity, Report};
    let mut ws = sample();
    ws.settings.cap = Cap::At100;
    let a = ws.agreement_mut(&AgreementId::new("child")).unwrap();
    let i = &mut a.objectives[0].indicators[0];
    i.measurement.plan = [None, Some(Target::new("50%")), None, Some(Target::new("100%"))];
    i.measurement.actual[1] =
        Some(Report { value: Target::new("45%"), note: "Hujan".into(), evidence: "BA-01".into() });
    i.measurement.polarity = Some(Polarity::Scale(vec!["WTP".into(), "WDP".into()]));
    i.measurement.aggregation = Some(Aggregation::Average);
    ws.agreement_mut(&AgreementId::new("top")).unwrap().budget[0].actual[0] = Amount::parse("1.000").unwrap();
    let text = file::write(&ws, None, &WriteOptions::default());
    let back = file::read(&text).unwrap();
    assert_eq!(back.workspace, ws, "everything measured comes back");
    assert_eq!(file::read_checked(&text).unwrap().workspace, ws, "the full reading agrees");

    let mut broken: serde_json::Value = serde_json::from_str(&text).unwrap();
    let m = &mut broken["agreements"][1]["objectives"][0]["indicators"][0]["measurement"];
    m["actual"][1]["value"] = serde_json::json!(45);
    m["aggregation"] = serde_json::json!("median");
    m["polarity"]["kind"] = serde_json::json!("sideways");
    broken["agreements"][0]["budget"][0]["actual"][0] = serde_json::json!("-1000");
    broken["measure_settings"]["cap"] = serde_json::json!("at150");
    let Err(file::FileError::Invalid(problems)) = file::read(&broken.to_string()) else { panic!("refused") };
    let found: Vec<(String, ProblemKind)> = problems.into_iter().map(|p| (p.path, p.kind)).collect();
    let m = "agreements[1].objectives[0].indicators[0].measurement";
    assert_eq!(
        found,
        vec![
            ("measure_settings.cap".to_string(), ProblemKind::BadChoice),
            ("agreements[0].budget[0].actual[0]".to_string(), ProblemKind::NegativeAmount),
            (format!("{m}.actual[1].value"), ProblemKind::WrongType(Expected::Object)),
            (format!("{m}.polarity.kind"), ProblemKind::BadChoice),
            (format!("{m}.aggregation"), ProblemKind::BadChoice),
        ]
    );
}

#[test]
fn the_calendar_travels_in_the_file_and_is_checked() {
    use crate::core::date::Date;
    use crate::core::model::calendar::Deliverable;
    let mut ws = sample();
    let tw1 = Deliverable::Realisasi(crate::core::measure::Quarter::ALL[0]);
    ws.settings.calendar.set(2024, tw1, Date::parse("2024-04-15"));
    let text = file::write(&ws, None, &WriteOptions::default());
    assert!(text.contains(r#""calendar":{"2024":{"tw1":"2024-04-15"}}"#), "{text}");
    let back = file::read(&text).unwrap().workspace;
    assert_eq!(back.settings.calendar.due(2024, tw1), Date::parse("2024-04-15").unwrap());
    // A year out of range, an unknown deliverable and a date that does not exist are each named.
    let bad = r#"{"format":"kinerja-pk","version":5,"agreements":[],
        "measure_settings":{"calendar":{"1800":{},"2024":{"tw5":"2024-01-01","lkj":"2025-02-30"}}}}"#;
    let found = problems(bad);
    let paths: Vec<&str> = found.iter().map(|(p, _)| p.as_str()).collect();
    assert_eq!(
        paths,
        [
            "measure_settings.calendar.1800",
            "measure_settings.calendar.2024.lkj",
            "measure_settings.calendar.2024.tw5"
        ]
    );
}

#[test]
fn offices_travel_in_the_file_and_are_checked() {
    use crate::core::model::offices::Offices;
    let mut ws = sample();
    *ws.settings.offices = Offices::maluku();
    let text = file::write(&ws, None, &WriteOptions::default());
    assert!(
        text.contains(r#""offices":{"own":"KPU Provinsi Maluku","list":[{"name":"KPU RI","level":"ri"},"#)
    );
    assert_eq!(*file::read(&text).unwrap().workspace.settings.offices, Offices::maluku());
    assert_eq!(*file::read_checked(&text).unwrap().workspace.settings.offices, Offices::maluku());
    // Without offices nothing is written.
    assert!(!file::write(&sample(), None, &WriteOptions::default()).contains("offices"));
    // A file carrying only offices (no PK) is a Kinerja file.
    let only = r#"{"format":"kinerja-pk","version":6,"agreements":[],
        "measure_settings":{"offices":{"list":[{"name":"KPU RI","level":"ri"}]}}}"#;
    assert_eq!(file::read(only).unwrap().workspace.settings.offices.list.len(), 1);
    // Each problem named by its place: a wrong type, an unknown level, then the list's own rules.
    let types = r#"{"format":"kinerja-pk","version":6,"agreements":[],
        "measure_settings":{"offices":{"own":7,"list":[{"level":"desa"},"x"]}}}"#;
    assert_eq!(
        problems(types),
        [
            ("measure_settings.offices.own".to_string(), ProblemKind::WrongType(Expected::Text)),
            ("measure_settings.offices.list[0].name".to_string(), ProblemKind::Missing),
            ("measure_settings.offices.list[0].level".to_string(), ProblemKind::BadChoice),
            ("measure_settings.offices.list[1]".to_string(), ProblemKind::WrongType(Expected::Object)),
        ]
    );
    let rules = r#"{"format":"kinerja-pk","version":6,"agreements":[],
        "measure_settings":{"offices":{"own":"KPU Provinsi Papua","list":[
            {"name":"KPU Kota Ambon","level":"kab_kota"},
            {"name":"Komisi Pemilihan Umum Kota Ambon","level":"kab_kota"},
            {"name":"Bagian Umum","level":"unit"},
            {"name":"KPU Kabupaten Buru","level":"kab_kota","parent":"KPU Provinsi Maluku"}]}}}"#;
    assert_eq!(
        problems(rules),
        [
            (
                "measure_settings.offices.list[1].name".to_string(),
                ProblemKind::OfficeListed { first: "KPU Kota Ambon".into() }
            ),
            ("measure_settings.offices.list[2].parent".to_string(), ProblemKind::Missing),
            ("measure_settings.offices.list[3].parent".to_string(), ProblemKind::OfficeNotListed),
            ("measure_settings.offices.own".to_string(), ProblemKind::OfficeNotListed),
        ]
    );
}

#[test]
fn the_day_each_quarter_arrived_is_checked() {
    let mut ws = sample();
    let mut origin = Origin { file: "kab.json".into(), ..Default::default() };
    origin.quarters[0] = Some("2024-04-20".into());
    top(&mut ws).origin = Some(origin);
    let text = file::write(&ws, None, &WriteOptions::default());
    assert!(text.contains(r#""quarters":["2024-04-20",null,null,null]"#), "{text}");
    let back = file::read(&text).unwrap().workspace;
    assert_eq!(back.agreements[0].origin.as_ref().unwrap().quarters[0].as_deref(), Some("2024-04-20"));
    let bad = text
        .replace(r#""quarters":["2024-04-20",null,null,null]"#, r#""quarters":["2024-02-30",null,7,null]"#);
    let found = problems(&bad);
    let paths: Vec<&str> = found.iter().map(|(p, _)| p.as_str()).collect();
    assert_eq!(paths, ["agreements[0].origin.quarters[0]", "agreements[0].origin.quarters[2]"]);
    let short = text.replace(r#""quarters":["2024-04-20",null,null,null]"#, r#""quarters":["2024-04-20"]"#);
    assert_eq!(
        problems(&short),
        [("agreements[0].origin.quarters".to_string(), ProblemKind::WrongType(Expected::List))]
    );
}

#[test]
fn a_superior_already_here_needs_no_warning() {
    // The lower PK alone, as its own office exports it: its superior and the superior's indicator are not
    // in the file, which warns; in a browser that holds the superior, those warnings go.
    let ws = sample();
    let text = file::write(&ws, Some(&[AgreementId::new("child")]), &WriteOptions::default());
    let loaded = file::read(&text).unwrap();
    assert_eq!(loaded.warnings.len(), 2, "{:?}", loaded.warnings);
    let here = file::warnings_here(loaded.warnings.clone(), &loaded.workspace.agreements, &ws);
    assert!(here.is_empty(), "{here:?}");
    let elsewhere = workspace(vec![agreement("other", None, 2024)]);
    let there = file::warnings_here(loaded.warnings.clone(), &loaded.workspace.agreements, &elsewhere);
    assert_eq!(there.len(), 2, "a superior found nowhere is still said");
    // The superior PK is nowhere (another id), but the indicator it links to is here: only the PK's
    // superior is a real problem, not a line per indicator.
    let mut moved = sample();
    let top = moved.agreements.iter_mut().find(|a| a.id.as_str() == "top").unwrap();
    std::sync::Arc::make_mut(top).id = AgreementId::new("top-elsewhere");
    let kinds: Vec<ProblemKind> = file::warnings_here(loaded.warnings, &loaded.workspace.agreements, &moved)
        .into_iter()
        .map(|w| w.kind)
        .collect();
    assert_eq!(kinds, vec![ProblemKind::ParentNotInFile]);
}

#[test]
fn a_transcription_of_a_paper_document_says_so_in_the_file() {
    // Optional (version 6): written only when set, read back, checked as text with its place.
    let mut ws = sample();
    let text = file::write(&ws, None, &WriteOptions::default());
    assert!(!text.contains("transcribed_from"), "not written when empty");
    std::sync::Arc::make_mut(&mut ws.agreements[0]).transcribed_from = "Dokumen PK bertanda tangan".into();
    let text = file::write(&ws, None, &WriteOptions::default());
    assert!(text.contains("\"transcribed_from\":\"Dokumen PK bertanda tangan\""), "{text}");
    assert_eq!(file::read(&text).unwrap().workspace, ws);
    let broken =
        text.replace("\"transcribed_from\":\"Dokumen PK bertanda tangan\"", "\"transcribed_from\":5");
    assert_eq!(
        problems(&broken),
        vec![("agreements[0].transcribed_from".to_string(), ProblemKind::WrongType(Expected::Text))]
    );
}

#[test]
fn the_letterhead_travels_with_the_whole_workspace_is_checked_and_undone() {
    use crate::core::model::letterhead::{logo_from_bytes, LogoError};
    let mut ws = sample();
    ws.letterhead.logo = Some(logo_from_bytes(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").unwrap());
    let text = file::write(&ws, None, &WriteOptions::default());
    assert_eq!(file::read(&text).unwrap().workspace, ws, "read back, direct path");
    assert_eq!(file::read_checked(&text).unwrap().workspace, ws, "read back, full path");
    // Not in a file of one PK.
    let one = WriteOptions { scope: file::Scope::Agreement, ..Default::default() };
    assert!(!file::write(&ws, Some(&[AgreementId::new("top")]), &one).contains("letterhead"));
    // Absent when there is none.
    assert!(!file::write(&sample(), None, &WriteOptions::default()).contains("letterhead"));
    // A damaged logo is named by its place.
    let mut broken: serde_json::Value = serde_json::from_str(&text).unwrap();
    broken["letterhead"]["logo"] = "data:image/png;base64,iVBOR!!".into();
    assert_eq!(
        problems(&broken.to_string()),
        vec![("letterhead.logo".into(), ProblemKind::BadLogo(LogoError::Damaged))]
    );
    broken["letterhead"]["logo"] = 5.into();
    assert_eq!(
        problems(&broken.to_string()),
        vec![("letterhead.logo".into(), ProblemKind::WrongType(Expected::Text))]
    );
    // Undo takes a removed logo back; a step that does not touch it does not copy it.
    let mut history = crate::core::model::history::History::default();
    let mut removed = ws.clone();
    removed.letterhead.logo = None;
    history.record(&ws, &removed, crate::core::i18n::Msg::LetterheadTitle, None);
    assert_eq!(history.undo(&removed).unwrap(), ws);
    let mut renamed = ws.clone();
    renamed.office = "KPU Lain".into();
    let delta = crate::core::model::history::Delta::between(&ws, &renamed);
    assert!(!serde_json::to_string(&delta).unwrap().contains("letterhead"));
    assert_eq!(delta.apply(&renamed), ws);
}

#[test]
fn the_public_grid_setting_travels_in_the_file_and_is_checked() {
    let mut ws = sample();
    // Off: nothing written.
    assert!(!file::write(&ws, None, &WriteOptions::default()).contains("monitor_public"));
    assert!(ws.set_monitor_public(true));
    assert!(!ws.set_monitor_public(true), "unchanged");
    let text = file::write(&ws, None, &WriteOptions::default());
    assert!(text.contains(r#""monitor_public":true"#), "{text}");
    assert!(file::read(&text).unwrap().workspace.settings.monitor_public);
    assert!(file::read_checked(&text).unwrap().workspace.settings.monitor_public);
    // Not a yes or no: named by its place.
    let bad =
        r#"{"format":"kinerja-pk","version":6,"agreements":[],"measure_settings":{"monitor_public":"ya"}}"#;
    assert_eq!(problems(bad), [("measure_settings.monitor_public".to_string(), ProblemKind::BadChoice)]);
    assert_eq!(
        crate::core::text::path_words("measure_settings.monitor_public", &[], crate::core::i18n::Lang::Id),
        "Pengaturan capaian › Tampilkan tabel pemantauan laporan kantor di tampilan publik"
    );
}

#[test]
fn reviews_travel_with_their_pks_and_are_checked() {
    use crate::core::model::quarter::Quarter;
    use crate::core::model::reviews::{IndicatorNote, Review, Verdict};
    let mut ws = sample();
    report(&mut ws, "child", "child/s1/i1", 1, "90%", "");
    let figures = ws.agreement(&aid("child")).unwrap().quarter_fingerprint(Quarter::ALL[0]);
    let review = |id: &str| Review {
        agreement: aid(id),
        quarter: 1,
        verdict: Verdict::Returned,
        note: "Lengkapi bukti".into(),
        indicators: vec![IndicatorNote {
            indicator: IndicatorId::new("child/s1/i1"),
            note: "90% dari apa?".into(),
        }],
        by: "KPU Provinsi Maluku".into(),
        at: "2024-04-25T09:00:00+09:00".into(),
        figures: figures.clone(),
    };
    ws.settings.reviews.add(review("child"));
    ws.settings.reviews.add(review("top"));
    // The whole workspace carries both; a file of the child carries the child's only.
    let text = file::write(&ws, None, &WriteOptions::default());
    let back = file::read(&text).unwrap().workspace;
    assert_eq!(back.settings.reviews, ws.settings.reviews);
    assert_eq!(file::read_checked(&text).unwrap().workspace.settings.reviews, ws.settings.reviews);
    let one = file::write(&ws, Some(&[aid("child")]), &WriteOptions::default());
    assert!(one.contains(r#""reviews":[{"agreement":"child","quarter":1,"verdict":"returned","#), "{one}");
    assert_eq!(file::read(&one).unwrap().workspace.settings.reviews.all(), [review("child")]);
    // Without reviews nothing is written.
    assert!(!file::write(&sample(), None, &WriteOptions::default()).contains("reviews"));
    // Each problem named by its place.
    let bad = r#"{"format":"kinerja-pk","version":6,"agreements":[],
        "measure_settings":{"reviews":[
            {"agreement":"a","quarter":5,"verdict":"maybe","by":" ","at":"kemarin","figures":"x"},
            {"agreement":7,"quarter":"1","verdict":"accepted","by":"P","at":"2024-04-25T09:00:00+09:00",
             "figures":"x","indicators":[{"indicator":"i"}]},
            "x"]}}"#;
    assert_eq!(
        problems(bad),
        [
            ("measure_settings.reviews[0].quarter".to_string(), ProblemKind::BadChoice),
            ("measure_settings.reviews[0].verdict".to_string(), ProblemKind::BadChoice),
            ("measure_settings.reviews[0].by".to_string(), ProblemKind::Missing),
            ("measure_settings.reviews[0].at".to_string(), ProblemKind::BadChoice),
            ("measure_settings.reviews[1].agreement".to_string(), ProblemKind::WrongType(Expected::Text)),
            ("measure_settings.reviews[1].quarter".to_string(), ProblemKind::WrongType(Expected::Integer)),
            ("measure_settings.reviews[1].indicators[0].note".to_string(), ProblemKind::Missing),
            ("measure_settings.reviews[2]".to_string(), ProblemKind::WrongType(Expected::Object)),
        ]
    );
}
