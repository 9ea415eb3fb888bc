//! What an import says about signed versions: whether the file's PK carries the same signed version as
//! the one here, a newer Perubahan, a different one, or a signature that does not match its content.

use crate::core::model::Agreement;

/// The signed versions of an incoming PK, compared with the one here.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Signature {
    /// The file's PK is a draft and nothing here is signed.
    Unsigned,
    /// A signed version does not match its fingerprint, or the PK was changed after signing: the file
    /// was altered; it is not imported.
    Untrusted,
    /// Signed; nothing of it is here yet. The fingerprint of the version in force.
    Signed(String),
    /// The same signed version is in force on both sides.
    Same(String),
    /// The file holds every signed version here and newer Perubahan: the version in force there.
    Newer { number: u32, fingerprint: String },
    /// The file lacks signed versions held here (an older version, a draft, or another signature):
    /// replacing would lose them.
    Lacks { mine: String, theirs: Option<String> },
    /// The file holds another signed version with a number held here (two offices signed different
    /// versions ke-`number`): merging keeps both and flags them, replacing would lose the one here.
    Diverges { number: u32, mine: String, theirs: String },
}

impl Signature {
    /// Whether taking the file's PK in place of this one would drop a signed version.
    pub fn replace_loses(&self) -> bool {
        matches!(self, Signature::Lacks { .. } | Signature::Diverges { .. })
    }
}

/// The signed versions as (number, fingerprint), sorted: what identifies them.
fn prints(a: &Agreement) -> Vec<(u32, &str)> {
    let mut out: Vec<(u32, &str)> =
        a.life.versions.iter().map(|v| (v.number, v.fingerprint.as_str())).collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// Whether the Perubahan being prepared here is exactly what the file signed as its version in force.
pub fn drafted_as_signed(mine: &Agreement, theirs: &Agreement) -> bool {
    theirs.in_force().is_some_and(|v| v.content == mine.content())
}

/// Compares the signed versions of `theirs` with those of `mine` (the PK here with the same id, if any).
pub fn compare(mine: Option<&Agreement>, theirs: &Agreement) -> Signature {
    if theirs.untrusted() {
        return Signature::Untrusted;
    }
    let latest = |a: &Agreement| a.in_force().map(|v| v.fingerprint.clone());
    let (ours, other) = (mine.map(prints).unwrap_or_default(), prints(theirs));
    match (ours.is_empty(), other.is_empty()) {
        (true, true) => Signature::Unsigned,
        (true, false) => Signature::Signed(latest(theirs).unwrap_or_default()),
        (false, _) if ours == other => Signature::Same(latest(theirs).unwrap_or_default()),
        _ => {
            // Another fingerprint under a number held here.
            let twin = other.iter().find_map(|&(n, f)| {
                let here = ours.iter().find(|&&(m, g)| m == n && g != f && !ours.contains(&(n, f)))?;
                Some((n, here.1, f))
            });
            if let Some((number, mine, theirs)) = twin {
                return Signature::Diverges { number, mine: mine.into(), theirs: theirs.into() };
            }
            if ours.iter().all(|p| other.contains(p)) {
                return Signature::Newer {
                    number: theirs.in_force().map_or(0, |v| v.number),
                    fingerprint: latest(theirs).unwrap_or_default(),
                };
            }
            Signature::Lacks { mine: mine.and_then(latest).unwrap_or_default(), theirs: latest(theirs) }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::life::{Change, Reason};
    use crate::core::model::testing::*;

    fn signed() -> Agreement {
        let mut a = agreement("a", None, 2024);
        a.objectives = vec![objective("s", "Sasaran", vec![indicator("i", "Indikator", "75%", None)])];
        a.sign("2024-01-02", false).unwrap();
        a
    }

    fn revised(a: &Agreement) -> Agreement {
        revised_to(a, "80%")
    }

    /// `a` with a signed Perubahan ke-1 (a budget revision) that sets the target to `target`.
    pub(super) fn revised_to(a: &Agreement, target: &str) -> Agreement {
        let mut b = a.clone();
        let change = Change {
            reason: Reason::Budget,
            text: String::new(),
            basis: "DIPA".into(),
            date: "2024-07-01".into(),
        };
        b.begin_revision(change).unwrap();
        b.set_target(&crate::core::model::IndicatorId::new("i"), target);
        b.sign("2024-07-02", false).unwrap();
        b
    }

    #[test]
    fn same_newer_lacking_and_untrusted() {
        let a = signed();
        let fp = a.in_force().unwrap().fingerprint.clone();
        assert_eq!(compare(Some(&a), &a), Signature::Same(fp.clone()));
        assert_eq!(compare(None, &a), Signature::Signed(fp.clone()));
        let b = revised(&a);
        assert!(matches!(compare(Some(&a), &b), Signature::Newer { number: 1, .. }));
        let older = compare(Some(&b), &a);
        assert!(older.replace_loses(), "the file lacks Perubahan ke-1 held here");
        let draft = agreement("a", None, 2024);
        assert!(compare(Some(&a), &draft).replace_loses());
        assert_eq!(compare(Some(&draft), &draft), Signature::Unsigned);
        let mut tampered = a.clone();
        tampered.life.versions[0].content.objectives[0].indicators[0].target =
            crate::core::model::Target::new("50%");
        assert_eq!(compare(Some(&a), &tampered), Signature::Untrusted);
    }
}

#[cfg(test)]
mod import_tests {
    use super::*;
    use crate::core::io::diff::{classify, ConflictReason, Status};
    use crate::core::io::merge::{apply, Choice, Incoming};
    use crate::core::model::testing::*;
    use crate::core::model::{IdGen, Origin};

    fn signed() -> Agreement {
        let mut a = agreement("a", None, 2024);
        a.objectives = vec![objective("s", "Sasaran", vec![indicator("i", "Indikator", "75%", None)])];
        a.sign("2024-01-02", false).unwrap();
        a
    }

    #[test]
    fn a_signed_version_is_never_lost_or_trusted_silently() {
        let mine = signed();
        let ws = workspace(vec![mine.clone()]);
        // A draft with the same id would replace the signed PK: only merge, keep or copy.
        let mut draft = agreement("a", None, 2024);
        draft.notes = "draf".into();
        let status = &classify(&ws, &[&draft], None)[0];
        assert!(matches!(status, Status::Conflict(ConflictReason::SignedHere, _)));
        assert!(!Choice::options(status).contains(&Choice::Replace));
        assert_eq!(Choice::default_for(status), Choice::KeepMine);
        // A tampered file: only "keep mine".
        let mut tampered = mine.clone();
        tampered.life.versions[0].content.objectives[0].text = "Diubah".into();
        let status = &classify(&ws, &[&tampered], None)[0];
        assert!(matches!(status, Status::Conflict(ConflictReason::Untrusted, _)));
        assert_eq!(Choice::options(status), &[Choice::KeepMine]);
        // Kept as a copy: new ids, versions follow and still verify.
        let item = Incoming {
            agreement: mine.clone(),
            origin: Origin::default(),
            choice: Choice::KeepBoth,
            take: vec![],
            unchanged_here: false,
        };
        let (out, report) = apply(&ws, &[item], &mut IdGen::new("c"));
        assert_eq!(report.copies, 1);
        let copy = &out.agreements[1];
        assert_ne!(copy.id, mine.id);
        assert!(!copy.untrusted(), "the copy's versions follow its new ids");
        assert_eq!(
            copy.life.versions[0].content.objectives[0].indicators[0].id,
            copy.objectives[0].indicators[0].id
        );
    }

    fn incoming(a: &Agreement, choice: Choice) -> Incoming {
        Incoming {
            agreement: a.clone(),
            origin: Origin::default(),
            choice,
            take: vec![],
            unchanged_here: false,
        }
    }

    #[test]
    fn a_signed_pk_merged_by_default_arrives_signed_with_the_realisasi_of_both() {
        use crate::core::io::diff::{DiffPlace, Number};
        use crate::core::model::measurement::Quarter;
        use crate::core::model::{AgreementId, IndicatorId};
        // Both offices hold the built-in draft. The sender signed it and reported TW I; here TW II was
        // reported.
        let mut builtin = agreement("a", None, 2024);
        builtin.objectives = vec![objective("s", "Sasaran", vec![indicator("i", "Indikator", "75%", None)])];
        let base = workspace(vec![builtin.clone()]);
        let mut theirs = builtin.clone();
        theirs.sign("2024-01-02", false).unwrap();
        theirs.set_actual(&IndicatorId::new("i"), Quarter::new(1).unwrap(), "70%");
        let mut mine = builtin.clone();
        mine.set_actual(&IndicatorId::new("i"), Quarter::new(2).unwrap(), "72%");
        let ws = workspace(vec![mine]);
        let status = &classify(&ws, &[&theirs], Some(&base))[0];
        let fp = crate::core::model::canonical::short(&theirs.in_force().unwrap().fingerprint);
        assert_eq!(
            status
                .differences()
                .iter()
                .map(|d| (&d.place, d.mine.as_deref(), d.theirs.as_deref()))
                .collect::<Vec<_>>(),
            [
                (&DiffPlace::Version(0), None, Some(fp.as_str())),
                (
                    &DiffPlace::Actual(Number { objective: 0, indicator: 0 }, Quarter::new(1).unwrap()),
                    None,
                    Some("70%")
                ),
                (
                    &DiffPlace::Actual(Number { objective: 0, indicator: 0 }, Quarter::new(2).unwrap()),
                    Some("72%"),
                    None
                ),
            ],
            "the signature is a difference, not \"0 differences\""
        );
        assert_eq!(Choice::default_for(status), Choice::Merge);
        let (out, report) = apply(&ws, &[incoming(&theirs, Choice::Merge)], &mut IdGen::new("m"));
        assert_eq!(report.merged, 1);
        let a = out.agreement(&AgreementId::new("a")).unwrap();
        assert_eq!(a.stage(), crate::core::model::Stage::Signed(0));
        assert_eq!(a.in_force().unwrap().fingerprint, theirs.in_force().unwrap().fingerprint);
        assert!(!a.untrusted());
        let m = &a.objectives[0].indicators[0].measurement;
        let shown = |q| m.report(Quarter::new(q).unwrap()).map(|r| r.value.text().to_string());
        assert_eq!((shown(1), shown(2)), (Some("70%".into()), Some("72%".into())));
        // Without realisasi on either side: still merged by default, still signed.
        let status = &classify(&base, &[&theirs], Some(&base))[0];
        assert!(matches!(status, Status::Differs(d) if d.len() == 2), "{status:?}");
        assert_eq!(Choice::default_for(status), Choice::Merge);
    }

    #[test]
    fn a_backup_of_identical_signed_data_is_identical() {
        let pk = |id: &str| {
            let mut a = agreement(id, None, 2024);
            let (s, i) = (format!("{id}-s"), format!("{id}-i"));
            a.objectives = vec![objective(&s, "Sasaran", vec![indicator(&i, "Indikator", "75%", None)])];
            a.sign("2024-01-02", false).unwrap();
            a
        };
        let b = pk("b");
        // One signed, one with a Perubahan being prepared.
        let mut c = pk("c");
        c.begin_revision(crate::core::model::life::Change {
            reason: crate::core::model::life::Reason::Budget,
            text: String::new(),
            basis: "DIPA".into(),
            date: "2024-07-01".into(),
        })
        .unwrap();
        let ws = workspace(vec![b, c]);
        let text = crate::core::io::file::write(&ws, None, &Default::default());
        let back = crate::core::io::file::read(&text).unwrap().workspace;
        let all: Vec<&Agreement> = back.agreements.iter().map(|a| a.as_ref()).collect();
        assert_eq!(classify(&ws, &all, None), [Status::Identical, Status::Identical]);
        // The same PK unsigned here: one difference, the signed version, not "0 differences".
        let mut unsigned = ws.clone();
        let mut draft = (*unsigned.agreements[0]).clone();
        draft.life = Default::default();
        unsigned.agreements[0] = std::sync::Arc::new(draft);
        let status = &classify(&unsigned, &all, Some(&unsigned))[0];
        assert_eq!(status.differences().len(), 1, "{status:?}");
    }

    #[test]
    fn a_newer_perubahan_never_drops_realisasi_entered_here_by_default() {
        use crate::core::measure::Quarter;
        use crate::core::model::{AgreementId, IndicatorId};
        // Here: the signed PK (as received) with TW III entered after it arrived.
        let v0 = signed();
        let mut mine = v0.clone();
        mine.set_actual(&IndicatorId::new("i"), Quarter::new(3).unwrap(), "75%");
        let ws = workspace(vec![mine]);
        // The file: the superior signed Perubahan ke-1 (target 80 %) without that figure.
        let theirs = super::tests::revised_to(&v0, "80%");
        let status = &classify(&ws, &[&theirs], None)[0];
        assert!(matches!(status, Status::Differs(_)), "{status:?}");
        assert_eq!(Choice::default_for(status), Choice::Merge, "replacing would drop the 75 % entered here");
        let (out, _) = apply(&ws, &[incoming(&theirs, Choice::Merge)], &mut IdGen::new("m"));
        let a = out.agreement(&AgreementId::new("a")).unwrap();
        assert_eq!(a.life.versions.len(), 2, "the Perubahan arrived");
        assert_eq!(a.find_indicator(&IndicatorId::new("i")).unwrap().target.text(), "80%");
        let report =
            a.find_indicator(&IndicatorId::new("i")).unwrap().measurement.report(Quarter::new(3).unwrap());
        assert_eq!(report.map(|r| r.value.text()), Some("75%"), "what was entered here stays");
    }

    #[test]
    fn two_signed_versions_with_one_number_are_merged_by_default_and_flagged() {
        use crate::core::model::AgreementId;
        let v0 = signed();
        let revise = |target: &str| super::tests::revised_to(&v0, target);
        let (mine, theirs) = (revise("80%"), revise("90%"));
        let ws = workspace(vec![mine.clone()]);
        assert!(matches!(compare(Some(&mine), &theirs), Signature::Diverges { number: 1, .. }));
        let status = &classify(&ws, &[&theirs], None)[0];
        assert!(matches!(status, Status::Conflict(ConflictReason::Diverged, _)), "{status:?}");
        assert_eq!(Choice::default_for(status), Choice::Merge);
        assert!(!Choice::options(status).contains(&Choice::Replace), "replacing would lose the one here");
        let (out, _) = apply(&ws, &[incoming(&theirs, Choice::Merge)], &mut IdGen::new("m"));
        let a = out.agreement(&AgreementId::new("a")).unwrap();
        let kept: Vec<(u32, &str)> =
            a.life.versions.iter().map(|v| (v.number, v.fingerprint.as_str())).collect();
        assert_eq!(
            kept,
            [
                (0, v0.life.versions[0].fingerprint.as_str()),
                (1, mine.life.versions[1].fingerprint.as_str()),
                (1, theirs.life.versions[1].fingerprint.as_str()),
            ]
        );
        assert_eq!(crate::core::model::life_merge::flagged(&a.life), [1]);
        assert_eq!(a.in_force().unwrap().fingerprint, mine.in_force().unwrap().fingerprint);
        assert_eq!(a.objectives[0].indicators[0].target.text(), "80%");
        // The merged PK exported and read again is still the same, and still flagged.
        let text = crate::core::io::file::write(&out, None, &Default::default());
        let back = crate::core::io::file::read(&text).unwrap().workspace;
        assert_eq!(classify(&out, &[back.agreements[0].as_ref()], None), [Status::Identical]);
    }

    #[test]
    fn a_perubahan_draft_here_is_not_replaced_by_default_by_a_newer_file() {
        use crate::core::model::{life::Change, life::Reason, AgreementId, IndicatorId, Stage};
        let v0 = signed();
        let change = Change {
            reason: Reason::Budget,
            text: String::new(),
            basis: "DIPA".into(),
            date: "2024-07-01".into(),
        };
        let mut theirs = v0.clone();
        theirs.begin_revision(change.clone()).unwrap();
        theirs.set_target(&IndicatorId::new("i"), "80%");
        theirs.sign("2024-07-02", false).unwrap();
        let mut mine = v0.clone();
        mine.begin_revision(change).unwrap();
        mine.set_target(&IndicatorId::new("i"), "95%");
        let ws = workspace(vec![mine]);
        let status = &classify(&ws, &[&theirs], None)[0];
        assert!(matches!(status, Status::Conflict(ConflictReason::BothChanged, _)), "{status:?}");
        assert_eq!(Choice::default_for(status), Choice::KeepMine);
        let (out, _) = apply(&ws, &[incoming(&theirs, Choice::Merge)], &mut IdGen::new("m"));
        let a = out.agreement(&AgreementId::new("a")).unwrap();
        assert_eq!(a.stage(), Stage::Revising(2), "the draft here is now that of Perubahan ke-2");
        assert_eq!(a.objectives[0].indicators[0].target.text(), "95%");
        assert_eq!(a.in_force().unwrap().fingerprint, theirs.in_force().unwrap().fingerprint);
    }

    #[test]
    fn a_draft_changed_here_is_not_merged_away_by_a_signed_file() {
        let mut mine = agreement("a", None, 2024);
        mine.objectives =
            vec![objective("s", "Sasaran diubah di sini", vec![indicator("i", "Indikator", "75%", None)])];
        let ws = workspace(vec![mine]);
        let theirs = signed();
        let status = &classify(&ws, &[&theirs], None)[0];
        assert!(matches!(status, Status::Conflict(ConflictReason::DraftHere, _)), "{status:?}");
        assert!(!Choice::options(status).contains(&Choice::Merge));
        assert_eq!(Choice::default_for(status), Choice::KeepMine);
    }
}
