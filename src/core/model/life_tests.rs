use super::*;
use crate::core::model::history::History;
use crate::core::model::testing::*;
use crate::core::model::{Amount, IndicatorId, Measurement};

fn pk() -> Agreement {
    let mut a = agreement("a", None, 2024);
    a.objectives = vec![objective(
        "s1",
        "Meningkatnya kualitas laporan",
        vec![indicator("i1", "Persentase laporan tepat waktu", "75%", None)],
    )];
    a.budget = vec![line("Program Dukungan Manajemen", "798.139.000")];
    a
}

fn change(reason: Reason, date: &str) -> Change {
    Change { reason, text: "Revisi DIPA".into(), basis: "DIPA revisi ke-2".into(), date: date.into() }
}

#[test]
fn draft_signed_perubahan_and_back() {
    let mut a = pk();
    assert_eq!(a.stage(), Stage::Draft);
    assert!(!a.is_locked());
    assert_eq!(a.begin_revision(change(Reason::Budget, "2024-07-15")), Err(LifeError::NotSigned));
    assert_eq!(a.sign("2024-13-02", false), Err(LifeError::BadDate));
    a.sign("2024-01-02", false).unwrap();
    assert_eq!(a.stage(), Stage::Signed(0));
    assert!(a.is_locked());
    assert_eq!(a.sign("2024-01-03", false), Err(LifeError::AlreadySigned));
    let v0 = a.version(0).unwrap().clone();
    assert_eq!(v0.from_quarter, 1);
    assert!(v0.verify());

    assert_eq!(a.begin_revision(change(Reason::Budget, "2023-12-01")), Err(LifeError::DateBeforePrevious));
    assert_eq!(
        a.begin_revision(Change { text: " ".into(), ..change(Reason::Other, "2024-07-15") }),
        Err(LifeError::ReasonMissing)
    );
    a.begin_revision(change(Reason::Budget, "2024-07-15")).unwrap();
    assert_eq!(a.stage(), Stage::Revising(1));
    assert_eq!(a.sign("2024-07-20", false), Err(LifeError::Unchanged), "a Perubahan must change something");
    a.set_amount(0, Amount::parse("700.000.000").unwrap());
    a.sign("2024-07-20", false).unwrap();
    assert_eq!(a.stage(), Stage::Signed(1));
    let v1 = a.version(1).unwrap();
    assert_eq!(v1.from_quarter, 3, "dated in July: applies from TW III");
    assert_eq!(v1.change.as_ref().unwrap().reason, Reason::Budget);
    assert_eq!(a.version(0).unwrap(), &v0, "the signed version stays as it was");
    assert_ne!(v1.fingerprint, v0.fingerprint);

    // Cancelling a Perubahan brings back the version in force.
    a.begin_revision(change(Reason::Official, "2024-09-01")).unwrap();
    a.first_party.name = "Pejabat Baru".into();
    assert!(a.cancel_revision());
    assert_eq!(a.first_party.name, "Nama a");
    assert_eq!(a.stage(), Stage::Signed(1));
    assert!(!a.breaks_signature());
}

#[test]
fn signing_needs_both_parties_and_an_indicator() {
    let mut a = pk();
    a.second_party.name.clear();
    assert_eq!(a.sign("2024-01-02", false), Err(LifeError::Incomplete));
    let mut b = agreement("b", None, 2024);
    assert_eq!(b.sign("2024-01-02", false), Err(LifeError::Incomplete));
}

#[test]
fn every_transition_is_undone_by_history() {
    let s0 = workspace(vec![pk()]);
    let mut h = History::default();
    let mut s1 = s0.clone();
    s1.agreement_mut(&aid("a")).unwrap().sign("2024-01-02", false).unwrap();
    h.record(&s0, &s1, crate::core::i18n::Msg::ChangeField, None);
    let mut s2 = s1.clone();
    s2.agreement_mut(&aid("a")).unwrap().begin_revision(change(Reason::Budget, "2024-04-01")).unwrap();
    h.record(&s1, &s2, crate::core::i18n::Msg::ChangeField, None);
    let mut s3 = s2.clone();
    s3.agreement_mut(&aid("a")).unwrap().set_target(&IndicatorId::new("i1"), "80%");
    h.record(&s2, &s3, crate::core::i18n::Msg::ChangeField, None);
    let mut s4 = s3.clone();
    s4.agreement_mut(&aid("a")).unwrap().sign("2024-04-02", false).unwrap();
    h.record(&s3, &s4, crate::core::i18n::Msg::ChangeField, None);
    assert_eq!(s4.agreement(&aid("a")).unwrap().stage(), Stage::Signed(1));
    let b3 = h.undo(&s4).unwrap();
    assert_eq!(b3, s3);
    let b2 = h.undo(&b3).unwrap();
    let b1 = h.undo(&b2).unwrap();
    assert_eq!(b1.agreement(&aid("a")).unwrap().stage(), Stage::Signed(0));
    let b0 = h.undo(&b1).unwrap();
    assert_eq!(b0, s0);
    assert_eq!(h.redo(&b0).unwrap(), s1);
}

#[test]
fn a_changed_target_of_a_realised_quarter_needs_confirmation_and_is_recorded() {
    let mut ws = workspace(vec![pk()]);
    report(&mut ws, "a", "i1", 1, "20%", "");
    report(&mut ws, "a", "i1", 3, "60%", "");
    let a = ws.agreement_mut(&aid("a")).unwrap();
    a.sign("2024-01-02", false).unwrap();
    a.begin_revision(change(Reason::Budget, "2024-08-01")).unwrap();
    a.set_target(&IndicatorId::new("i1"), "80%");
    let realised = a.realised_changes();
    assert_eq!(realised.len(), 1, "TW I is before the Perubahan; TW III has realisasi: {realised:?}");
    assert_eq!((realised[0].quarter, realised[0].was.as_str(), realised[0].now.as_str()), (3, "75%", "80%"));
    assert!(matches!(a.sign("2024-08-02", false), Err(LifeError::NeedsConfirmation(r)) if r.len() == 1));
    a.sign("2024-08-02", true).unwrap();
    assert_eq!(a.version(1).unwrap().confirmed, realised, "the confirmation is kept");

    // Past quarters stay measured against the target in force then.
    let i1 = IndicatorId::new("i1");
    let q = |n| crate::core::model::measurement::Quarter::new(n).unwrap();
    assert_eq!(a.terms_at(&i1, q(1)).unwrap().0.text(), "75%");
    assert_eq!(a.terms_at(&i1, q(2)).unwrap().0.text(), "75%");
    assert_eq!(a.terms_at(&i1, q(3)).unwrap().0.text(), "80%");
}

#[test]
fn the_rollup_sees_the_version_in_force_or_the_original() {
    let mut a = pk();
    a.sign("2024-01-02", false).unwrap();
    a.begin_revision(change(Reason::Budget, "2024-04-01")).unwrap();
    a.set_amount(0, Amount::parse("1.000").unwrap());
    a.set_target(&IndicatorId::new("i1"), "80%");
    let ws = workspace(vec![a.clone(), agreement("b", None, 2024)]);
    assert!(ws.has_revisions());
    let in_force = ws.in_force();
    assert_eq!(in_force.agreements[0].budget[0].amount, Amount::parse("798.139.000").unwrap());
    assert!(Arc::ptr_eq(&in_force.agreements[1], &ws.agreements[1]), "untouched PKs are shared");
    a.sign("2024-04-02", false).unwrap();
    let ws = workspace(vec![a]);
    assert_eq!(ws.in_force().agreements[0].budget[0].amount, Amount::parse("1.000").unwrap());
    assert_eq!(ws.as_signed_first().agreements[0].budget[0].amount, Amount::parse("798.139.000").unwrap());
    // Measured against the original in every quarter.
    let first = ws.as_signed_first();
    let q4 = crate::core::model::measurement::Quarter::new(4).unwrap();
    assert_eq!(first.agreements[0].life.versions.len(), 1);
    assert_eq!(ws.agreements[0].terms_at(&IndicatorId::new("i1"), q4).unwrap().0.text(), "80%");
    assert_eq!(first.agreements[0].terms_at(&IndicatorId::new("i1"), q4).unwrap().0.text(), "75%");
}

#[test]
fn realisasi_entered_after_signing_keep_the_signature() {
    let mut ws = workspace(vec![pk()]);
    ws.agreement_mut(&aid("a")).unwrap().sign("2024-01-02", false).unwrap();
    report(&mut ws, "a", "i1", 2, "40%", "catatan");
    let a = ws.agreement(&aid("a")).unwrap();
    assert!(!a.breaks_signature(), "realisasi are not part of what is signed");
    let mut b = a.clone();
    b.indicator_mut(&IndicatorId::new("i1")).unwrap().measurement.plan[0] = Some(Target::new("10%"));
    assert!(b.breaks_signature(), "the Rencana Aksi is");
    b.notes = "x".into();
    let _ = Measurement::default();
}

#[test]
fn the_fingerprint_is_fixed_for_fixed_content_and_ignores_ids_and_key_order() {
    let mut a = pk();
    a.sign("2024-01-02", false).unwrap();
    let v = a.version(0).unwrap();
    assert_eq!(
        v.canonical(),
        concat!(
            r#"{"budget":[{"amount":"798139000","program":"Program Dukungan Manajemen"}],"date":"Januari 2024","#,
            r#""first_party":{"name":"Nama a","position":"Jabatan a"},"format":"kinerja-pk/1","from_quarter":1,"#,
            r#""objectives":[{"indicators":[{"plan":[null,null,null,null],"target":"75%","#,
            r#""text":"Persentase laporan tepat waktu"}],"text":"Meningkatnya kualitas laporan"}],"#,
            r#""office":"KPU Contoh","place":"Ambon","second_party":{"name":"Atasan","position":"Jabatan atasan"},"#,
            r#""signed_on":"2024-01-02","unit":"Sekretariat","version":0,"year":2024}"#
        )
    );
    // Computed independently: `printf %s <the canonical text above> | sha256sum`, and by Python:
    // json.dumps(form, sort_keys=True, separators=(",", ":"), ensure_ascii=False) gives the same text.
    assert_eq!(v.fingerprint, "1bd85bcaeb61155f5b9b00c905f44cb28f4fd63386eaf1ccf7696f0f22f094c2");
    assert_eq!(crate::core::model::canonical::short(&v.fingerprint).len(), 19);
    // Other ids, same words and numbers: the same fingerprint.
    let mut other = pk();
    other.id = aid("zzz");
    other.objectives[0].id = crate::core::model::ObjectiveId::new("x");
    other.objectives[0].indicators[0].id = IndicatorId::new("y");
    other.sign("2024-01-02", false).unwrap();
    assert_eq!(other.version(0).unwrap().fingerprint, v.fingerprint);
    // Read back from a file written with other whitespace and key order: still verified.
    let json = serde_json::to_string_pretty(v).unwrap();
    let back: Version = serde_json::from_str(&json).unwrap();
    assert!(back.verify());
    // Amounts with trailing zeros are the same figure.
    let mut zeros = a.version(0).unwrap().clone();
    zeros.content.budget[0].amount = Amount::Value(rust_decimal::Decimal::new(79813900000, 2));
    assert!(zeros.verify());
}

#[test]
fn tampering_is_recognised() {
    let mut a = pk();
    a.sign("2024-01-02", false).unwrap();
    assert!(!a.untrusted());
    let mut edited_version = a.clone();
    edited_version.life.versions[0].content.objectives[0].indicators[0].target = Target::new("50%");
    assert_eq!(edited_version.tampered_versions(), vec![0]);
    let mut edited_live = a.clone();
    edited_live.objectives[0].indicators[0].target = Target::new("50%");
    assert!(edited_live.breaks_signature() && edited_live.untrusted());
}

#[test]
fn dates_and_quarters() {
    assert_eq!(parse_date("2024-02-29"), Some((2024, 2, 29)));
    assert_eq!(parse_date("2023-02-29"), None);
    assert_eq!(parse_date("2024-7-15"), None);
    assert_eq!(parse_date("15-07-2024"), None);
    let q = |d| quarter_of(d, 2024).map(|q| q.number());
    assert_eq!(q("2024-01-01"), Some(1));
    assert_eq!(q("2024-06-30"), Some(2));
    assert_eq!(q("2024-07-01"), Some(3));
    assert_eq!(q("2024-12-31"), Some(4));
    assert_eq!(q("2023-12-20"), Some(1));
    assert_eq!(q("2025-01-05"), Some(4));
}

#[test]
fn which_change_breaks_a_signature() {
    let mut signed = pk();
    signed.sign("2024-01-02", false).unwrap();
    let mut draft = pk();
    draft.id = AgreementId::new("b");
    let before = workspace(vec![signed.clone(), draft]);
    let changed = |f: &dyn Fn(&mut Workspace)| {
        let mut after = before.clone();
        f(&mut after);
        after
    };
    // Unchanged, and a copy whose PKs are the same values in new places in memory.
    assert!(!breaks_a_signature(&before, &before));
    let copy = workspace(vec![signed.clone(), before.agreements[1].as_ref().clone()]);
    assert!(!breaks_a_signature(&before, &copy));
    // The signed PK's content: refused.
    let target = changed(&|ws| {
        ws.agreement_mut(&AgreementId::new("a")).unwrap().objectives[0].indicators[0].target =
            Target::new("50%")
    });
    assert!(breaks_a_signature(&before, &target));
    let unit = changed(&|ws| ws.agreement_mut(&AgreementId::new("a")).unwrap().unit = "Bagian Lain".into());
    assert!(breaks_a_signature(&before, &unit));
    // Also when the PKs were reordered in the same change.
    let moved = changed(&|ws| {
        ws.agreements.reverse();
        ws.agreement_mut(&AgreementId::new("a")).unwrap().unit = "Bagian Lain".into();
    });
    assert!(breaks_a_signature(&before, &moved));
    // Not its content: realisasi and notes; a draft PK; reordering, adding and removing PKs.
    let actual = changed(&|ws| report(ws, "a", "i1", 1, "80%", "Tepat waktu"));
    assert!(!breaks_a_signature(&before, &actual));
    let notes = changed(&|ws| ws.agreement_mut(&AgreementId::new("a")).unwrap().notes = "Catatan".into());
    assert!(!breaks_a_signature(&before, &notes));
    let other = changed(&|ws| ws.agreement_mut(&AgreementId::new("b")).unwrap().unit = "Bagian Lain".into());
    assert!(!breaks_a_signature(&before, &other));
    assert!(!breaks_a_signature(&before, &changed(&|ws| ws.agreements.reverse())));
    assert!(!breaks_a_signature(&before, &changed(&|ws| ws.agreements.truncate(1))));
    let mut added = pk();
    added.id = AgreementId::new("c");
    assert!(!breaks_a_signature(&before, &changed(&|ws| ws.agreements.push(Arc::new(added.clone())))));
    // A PK being revised (a Perubahan) may change.
    let mut revising = signed.clone();
    revising.begin_revision(change(Reason::Budget, "2024-07-15")).unwrap();
    let open = workspace(vec![revising]);
    let mut revised = open.clone();
    revised.agreement_mut(&AgreementId::new("a")).unwrap().unit = "Bagian Lain".into();
    assert!(!breaks_a_signature(&open, &revised));
    // A PK whose stored content already breaks its signature is not held to it again.
    let broken = target.clone();
    let mut fixed = broken.clone();
    fixed.agreement_mut(&AgreementId::new("a")).unwrap().unit = "Bagian Lain".into();
    assert!(!breaks_a_signature(&broken, &fixed));
}

#[test]
fn the_signed_version_stays_in_force_while_a_perubahan_is_prepared() {
    let mut a = pk();
    assert!(!a.life.is_in_force(0), "a draft has no version in force");
    a.sign("2024-01-02", false).unwrap();
    assert!(a.life.is_in_force(0));
    a.begin_revision(change(Reason::Budget, "2024-07-15")).unwrap();
    assert!(a.life.is_in_force(0), "until the Perubahan is signed, the law is version 0");
    a.set_amount(0, Amount::parse("700.000.000").unwrap());
    a.sign("2024-07-20", false).unwrap();
    assert!(!a.life.is_in_force(0));
    assert!(a.life.is_in_force(1));
    // A version another office signed with a number the line has: held beside it, never in force.
    let beside = a.life.versions[1].clone();
    a.life.versions.push(beside);
    assert!(a.life.is_in_force(1));
    assert!(!a.life.is_in_force(2));
    assert_eq!(a.in_force().map(|v| v.number), Some(1), "agrees with Agreement::in_force");
}

#[test]
fn a_signing_date_outside_the_year_or_the_december_before_is_unusual() {
    use super::signing_date_expected as expected;
    assert!(expected("2024-01-02", 2024));
    assert!(expected("2024-12-31", 2024), "late in the year, still the year");
    assert!(expected("2023-12-20", 2024), "the month before the year: signed with the budget");
    assert!(!expected("2023-11-30", 2024), "two months before");
    assert!(!expected("2026-12-01", 2024), "a slip of the year");
    assert!(!expected("2025-01-02", 2024), "the year after");
    assert!(!expected("", 2024), "no date at all");
    assert!(!expected("2024-02-30", 2024), "not a date");
}
