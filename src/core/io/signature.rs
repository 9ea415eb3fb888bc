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
}

impl Signature {
    /// Whether taking the file's PK in place of this one would drop a signed version.
    pub fn replace_loses(&self) -> bool {
        matches!(self, Signature::Lacks { .. })
    }
}

fn prints(a: &Agreement) -> Vec<&str> {
    a.life.versions.iter().map(|v| v.fingerprint.as_str()).collect()
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
        (false, _) if other.len() > ours.len() && other.starts_with(&ours) => Signature::Newer {
            number: theirs.in_force().map_or(0, |v| v.number),
            fingerprint: latest(theirs).unwrap_or_default(),
        },
        (false, _) => {
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
        let mut b = a.clone();
        let change = Change {
            reason: Reason::Budget,
            text: String::new(),
            basis: "DIPA".into(),
            date: "2024-07-01".into(),
        };
        b.begin_revision(change).unwrap();
        b.set_target(&crate::core::model::IndicatorId::new("i"), "80%");
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
}
