//! How the signed versions of a PK come together when the same PK arrives in a file and is merged into
//! the one here (an import's *Gabungkan*). One rule, used by the import's merge and described by its
//! preview:
//!
//! - A signed version is identified by its number and its fingerprint.
//! - The union is kept: every version held here stays, every version of the file not held here is added.
//! - The file's versions that continue the line here (the same versions 0…n, then n+1, …) extend it: the
//!   last becomes the version in force, and the live PK takes its content (its realisasi stay). A
//!   Perubahan being prepared here that the file did not sign as it stands stays the draft of the next
//!   Perubahan; a file's own draft Perubahan is not taken (it is not signed).
//! - A version of the file with a number held here under another fingerprint (two offices signed
//!   different versions ke-n) and whatever follows it are kept beside the line, after it, and flagged
//!   ([`super::life::Life::others`]); the line here stays in force. Nothing is chosen silently.
//!
//! Whether taking the file's line would drop unsigned work here (a draft never signed whose content is
//! not what the file signed) is the import preview's question: it does not offer the merge then.

use super::life::{Content, Life, Version};
use super::Agreement;

/// The PK's life after a merge, and what its live content becomes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LifeMerge {
    pub life: Life,
    /// The content of the new version in force when the file's versions continue the line here: the
    /// live PK takes it. `None`: the live PK here stays as it is.
    pub adopt: Option<Content>,
}

/// Whether `v` (number and fingerprint) is among `versions`.
fn held(v: &Version, versions: &[Version]) -> bool {
    versions.iter().any(|x| x.number == v.number && x.fingerprint == v.fingerprint)
}

/// Whether the file's signed versions continue the line here with at least one more version.
pub fn extends(mine: &Agreement, theirs: &Agreement) -> bool {
    let (here, there) = (mine.life.line(), theirs.life.line());
    there.len() > here.len() && here.iter().zip(there).all(|(m, t)| m.fingerprint == t.fingerprint)
}

/// The signed versions of `mine` and `theirs` (the same PK) merged by the rule above.
pub fn merge_life(mine: &Agreement, theirs: &Agreement) -> LifeMerge {
    let mut line: Vec<Version> = mine.life.line().to_vec();
    let mut others: Vec<Version> = mine.life.others().to_vec();
    let mut revising = mine.life.revising.clone();
    let mut adopt = None;
    if extends(mine, theirs) {
        let there = theirs.life.line();
        line.extend_from_slice(&there[line.len()..]);
        let in_force = &there[there.len() - 1];
        // A Perubahan being prepared here is unsigned work: it stays (as the draft of the next one)
        // unless the file signed exactly it.
        if revising.is_none() || mine.content() == in_force.content {
            adopt = Some(in_force.content.clone());
            revising = None;
        }
    }
    for v in &theirs.life.versions {
        if !held(v, &line) && !held(v, &others) {
            others.push(v.clone());
        }
    }
    line.append(&mut others);
    LifeMerge { life: Life { versions: line, revising }, adopt }
}

/// The numbers held twice (or more) with different fingerprints, and of versions beside the line.
pub fn flagged(life: &Life) -> Vec<u32> {
    let mut out: Vec<u32> = life.others().iter().map(|v| v.number).collect();
    out.sort_unstable();
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::life::{Change, Reason, Stage};
    use crate::core::model::testing::*;
    use crate::core::model::IndicatorId;

    fn draft() -> Agreement {
        let mut a = agreement("a", None, 2024);
        a.objectives = vec![objective("s", "Sasaran", vec![indicator("i", "Indikator", "75%", None)])];
        a
    }

    fn signed() -> Agreement {
        let mut a = draft();
        a.sign("2024-01-02", false).unwrap();
        a
    }

    /// Perubahan ke-(n) of a signed PK with the target set to `target`.
    fn revised(a: &Agreement, target: &str, on: &str) -> Agreement {
        let mut b = a.clone();
        b.begin_revision(Change {
            reason: Reason::Budget,
            text: String::new(),
            basis: "DIPA revisi".into(),
            date: "2024-07-01".into(),
        })
        .unwrap();
        b.set_target(&IndicatorId::new("i"), target);
        b.sign(on, false).unwrap();
        b
    }

    fn numbers(life: &Life) -> Vec<(u32, String)> {
        life.versions.iter().map(|v| (v.number, v.fingerprint[..8].to_string())).collect()
    }

    fn apply(mine: &Agreement, m: LifeMerge) -> Agreement {
        let mut out = match &m.adopt {
            Some(c) => mine.showing(c),
            None => mine.clone(),
        };
        out.life = m.life;
        out
    }

    #[test]
    fn a_signed_file_signs_the_draft_here_with_the_same_fingerprint() {
        let (mine, theirs) = (draft(), signed());
        let m = merge_life(&mine, &theirs);
        assert_eq!(m.life, theirs.life, "the file's one version, as it is");
        assert_eq!(m.adopt.as_ref(), Some(&theirs.life.versions[0].content));
        let out = apply(&mine, m);
        assert_eq!(out.stage(), Stage::Signed(0));
        assert_eq!(out.in_force().unwrap().fingerprint, theirs.in_force().unwrap().fingerprint);
        assert!(!out.untrusted());
        assert!(flagged(&out.life).is_empty());
    }

    #[test]
    fn the_union_is_kept_and_a_version_here_is_never_dropped() {
        let v0 = signed();
        let v1 = revised(&v0, "80%", "2024-07-02");
        // The file continues the line here: Perubahan ke-1 arrives and is in force.
        let m = merge_life(&v0, &v1);
        assert_eq!(numbers(&m.life), numbers(&v1.life));
        let out = apply(&v0, m);
        assert_eq!(out.stage(), Stage::Signed(1));
        assert_eq!(out.objectives[0].indicators[0].target.text(), "80%");
        assert!(!out.untrusted());
        // An older file (only version 0), or a draft with the same id: nothing here is dropped.
        for older in [v0.clone(), draft()] {
            let m = merge_life(&v1, &older);
            assert_eq!(m, LifeMerge { life: v1.life.clone(), adopt: None });
        }
        // The same versions on both sides: unchanged.
        assert_eq!(merge_life(&v1, &v1), LifeMerge { life: v1.life.clone(), adopt: None });
    }

    #[test]
    fn two_versions_with_the_same_number_are_both_kept_and_flagged() {
        let v0 = signed();
        let here = revised(&v0, "80%", "2024-07-02");
        let there = revised(&v0, "90%", "2024-07-03");
        let (fp_here, fp_there) =
            (here.life.versions[1].fingerprint.clone(), there.life.versions[1].fingerprint.clone());
        assert_ne!(fp_here, fp_there);
        let m = merge_life(&here, &there);
        assert_eq!(m.adopt, None, "the live PK here stays");
        let out = apply(&here, m);
        let kept: Vec<(u32, &str)> =
            out.life.versions.iter().map(|v| (v.number, v.fingerprint.as_str())).collect();
        assert_eq!(
            kept,
            [(0, v0.life.versions[0].fingerprint.as_str()), (1, fp_here.as_str()), (1, fp_there.as_str())],
            "both versions ke-1, the one held here first"
        );
        assert_eq!(out.life.line_len(), 2);
        assert_eq!(flagged(&out.life), [1]);
        assert_eq!(out.stage(), Stage::Signed(1), "the line here stays in force, not silently replaced");
        assert_eq!(out.in_force().unwrap().fingerprint, fp_here);
        assert_eq!(out.objectives[0].indicators[0].target.text(), "80%");
        assert!(!out.untrusted());
        // Merging the same file again adds nothing; in the other office, the same two are kept the other way.
        assert_eq!(merge_life(&out, &there).life, out.life);
        let back = apply(&there, merge_life(&there, &out));
        assert_eq!(back.in_force().unwrap().fingerprint, fp_there);
        assert_eq!(flagged(&back.life), [1]);
        assert_eq!(back.life.versions.len(), 3);
        // Signing a later Perubahan here puts it on the line, before the flagged one.
        let mut next = out.clone();
        next.begin_revision(Change {
            reason: Reason::Other,
            text: "Reorganisasi".into(),
            basis: String::new(),
            date: "2024-10-01".into(),
        })
        .unwrap();
        next.set_target(&IndicatorId::new("i"), "85%");
        next.sign("2024-10-02", false).unwrap();
        assert_eq!(next.stage(), Stage::Signed(2));
        let order: Vec<u32> = next.life.versions.iter().map(|v| v.number).collect();
        assert_eq!(order, [0, 1, 2, 1]);
        assert_eq!(flagged(&next.life), [1]);
    }

    #[test]
    fn a_perubahan_draft_here_is_kept() {
        let v0 = signed();
        let v1 = revised(&v0, "80%", "2024-07-02");
        // Here: the draft of Perubahan ke-1 with another target. The file signed its own ke-1.
        let mut here = v0.clone();
        here.begin_revision(Change {
            reason: Reason::Official,
            text: String::new(),
            basis: "SK 12".into(),
            date: "2024-08-01".into(),
        })
        .unwrap();
        here.set_target(&IndicatorId::new("i"), "95%");
        let m = merge_life(&here, &v1);
        assert_eq!(m.adopt, None, "the draft here stays the live PK");
        let out = apply(&here, m);
        assert_eq!(out.life.line_len(), 2, "the file's signed ke-1 joins the line");
        assert_eq!(out.stage(), Stage::Revising(2), "the draft becomes that of Perubahan ke-2");
        assert_eq!(out.life.revising, here.life.revising);
        assert_eq!(out.objectives[0].indicators[0].target.text(), "95%");
        assert!(!out.untrusted());
        // A draft here that is exactly what the file signed: it is signed now.
        let mut same = v0.clone();
        same.begin_revision(v1.life.versions[1].change.clone().unwrap()).unwrap();
        same.set_target(&IndicatorId::new("i"), "80%");
        let out = apply(&same, merge_life(&same, &v1));
        assert_eq!(out.stage(), Stage::Signed(1));
        assert_eq!(out.life.revising, None);
        // The file's own draft Perubahan is not taken: only what it signed.
        let mut file_draft = v0.clone();
        file_draft.begin_revision(v1.life.versions[1].change.clone().unwrap()).unwrap();
        file_draft.set_target(&IndicatorId::new("i"), "99%");
        let out = apply(&draft(), merge_life(&draft(), &file_draft));
        assert_eq!(out.stage(), Stage::Signed(0));
        assert_eq!(out.objectives[0].indicators[0].target.text(), "75%");
        assert_eq!(out.in_force().unwrap().fingerprint, v0.in_force().unwrap().fingerprint);
    }
}
