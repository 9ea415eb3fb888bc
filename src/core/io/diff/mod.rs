//! What an import would change: each incoming PK is new, identical, different (field by field) or in
//! conflict with what is already here.

mod fields;
mod place;

pub use fields::{differences, same_content};
pub use place::{DiffPlace, Number};

use crate::core::model::{Agreement, AgreementId, Workspace};
use std::collections::HashMap;

/// One difference: what is here (`mine`) and what the file has (`theirs`); `None` means absent.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Difference {
    pub place: DiffPlace,
    pub mine: Option<String>,
    pub theirs: Option<String>,
}

impl Difference {
    /// A figure entered on both sides (a plan, a realisasi, a budget realisasi, last year's figure): the
    /// merge keeps the one here unless the file's is taken.
    pub fn takeable(&self) -> bool {
        self.place.is_measurement()
            && !matches!(self.place, DiffPlace::Method(_))
            && self.mine.is_some()
            && self.theirs.is_some()
    }
}

/// Whether the PK here is as it arrived: its content is its base ([`base_of`]).
pub fn unchanged_here(mine: &Agreement, builtin: Option<&Workspace>) -> bool {
    base_of(mine, builtin).is_some_and(|base| base == mine.content_fingerprint())
}

/// The figures a merge takes from the file unless the user unticks them, for a PK here that is as it
/// arrived ([`unchanged_here`]): every takeable one when it arrived in an earlier file from the same
/// office (`file_office`, matched as office names are) and this file was written after that one: the
/// office's correction wins. None otherwise (figures here may be work done here).
pub fn taken_by_default(
    mine: &Agreement,
    file_office: &str,
    file_exported_at: &str,
    diffs: &[Difference],
) -> Vec<DiffPlace> {
    use crate::core::model::offices::key;
    let Some(o) = &mine.origin else { return Vec::new() };
    let same_office = !file_office.trim().is_empty() && key(&o.office) == key(file_office);
    let later = !file_exported_at.is_empty() && file_exported_at >= o.exported_at.as_str();
    if !(same_office && later) {
        return Vec::new();
    }
    diffs.iter().filter(|d| d.takeable()).map(|d| d.place.clone()).collect()
}

/// Why an incoming PK conflicts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ConflictReason {
    /// The same id but evidently another agreement (another year, or another signatory and unit).
    OtherAgreement,
    /// The same id appears twice in this import, with different contents.
    TwiceInImport,
    /// Changed here and in the file since it arrived here.
    BothChanged,
    /// The file's signed version does not match its fingerprint: altered after signing, not imported.
    Untrusted,
    /// The file lacks a signed version held here: it may be merged or kept as a copy, never replace.
    SignedHere,
    /// The file holds another signed version with a number held here: merging keeps both, flagged.
    Diverged,
    /// Changed here and never signed, and signed in the file with other content: merging would drop
    /// the work here, so it is kept, replaced or kept as a copy by choice.
    DraftHere,
}

/// What an incoming PK is, compared with the workspace.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Status {
    New,
    Identical,
    /// The file's version is newer: it changed, this one did not since it arrived.
    Differs(Vec<Difference>),
    /// The file holds the version that arrived here; this one was changed since.
    Older(Vec<Difference>),
    Conflict(ConflictReason, Vec<Difference>),
}

impl Status {
    /// Whether the file's PK differs from the one here (the choices "for all that differ" apply to it).
    pub fn differs(&self) -> bool {
        matches!(self, Status::Differs(_) | Status::Older(_) | Status::Conflict(..))
    }

    /// The differences, field by field (none for a new or identical PK).
    pub fn differences(&self) -> &[Difference] {
        match self {
            Status::Differs(d) | Status::Older(d) | Status::Conflict(_, d) => d,
            Status::New | Status::Identical => &[],
        }
    }
}

/// Whether two versions with the same id are evidently different agreements.
fn other_agreement(mine: &Agreement, theirs: &Agreement) -> bool {
    mine.year != theirs.year
        || (mine.first_party.position.trim() != theirs.first_party.position.trim()
            && mine.unit.trim() != theirs.unit.trim())
}

/// Whether taking the file's signed versions would drop a draft here: never signed, and its content is
/// not what the file signed (call it for a PK changed here).
fn draft_here(mine: &Agreement, theirs: &Agreement) -> bool {
    mine.life.is_draft() && theirs.in_force().is_some_and(|v| v.content != mine.content())
}

/// The content fingerprint a PK here had when it arrived: as imported (recorded in its origin), else
/// as in the built-in data; `None` when it was made here (any version of it may hold local work).
pub fn base_of(mine: &Agreement, builtin: Option<&Workspace>) -> Option<String> {
    match &mine.origin {
        Some(o) if !o.received.is_empty() => Some(o.received.clone()),
        Some(_) => None,
        None => builtin.and_then(|b| b.agreement(&mine.id)).map(Agreement::content_fingerprint),
    }
}

/// Classifies each incoming agreement (in order) against the workspace and against the others in the
/// same import. `builtin` (the embedded dataset) is the base of PKs that came with the app.
pub fn classify(ws: &Workspace, incoming: &[&Agreement], builtin: Option<&Workspace>) -> Vec<Status> {
    let mut first_seen: HashMap<&AgreementId, &Agreement> = HashMap::new();
    incoming
        .iter()
        .map(|theirs| {
            if let Some(earlier) = first_seen.get(&theirs.id) {
                if !same_content(earlier, theirs) {
                    return Status::Conflict(ConflictReason::TwiceInImport, differences(earlier, theirs));
                }
            } else {
                first_seen.insert(&theirs.id, theirs);
            }
            let mine = ws.agreement(&theirs.id);
            match super::signature::compare(mine, theirs) {
                super::signature::Signature::Untrusted => {
                    let d = mine.map(|m| differences(m, theirs)).unwrap_or_default();
                    return Status::Conflict(ConflictReason::Untrusted, d);
                }
                super::signature::Signature::Newer { .. } => {
                    let mine = mine.expect("newer than one here");
                    // A Perubahan being prepared here is work here: replacing would drop it (merging
                    // keeps it as the draft of the next Perubahan).
                    let drafting =
                        mine.life.revising.is_some() && !super::signature::drafted_as_signed(mine, theirs);
                    return if drafting {
                        Status::Conflict(ConflictReason::BothChanged, differences(mine, theirs))
                    } else {
                        Status::Differs(differences(mine, theirs))
                    };
                }
                super::signature::Signature::Diverges { .. } => {
                    let d = differences(mine.expect("held here"), theirs);
                    return Status::Conflict(ConflictReason::Diverged, d);
                }
                s if s.replace_loses() && !mine.is_some_and(|m| same_content(m, theirs)) => {
                    return Status::Conflict(
                        ConflictReason::SignedHere,
                        differences(mine.expect("held here"), theirs),
                    );
                }
                _ => {}
            }
            match mine {
                None => Status::New,
                Some(mine) if same_content(mine, theirs) => Status::Identical,
                Some(mine) if other_agreement(mine, theirs) => {
                    Status::Conflict(ConflictReason::OtherAgreement, differences(mine, theirs))
                }
                Some(mine) => {
                    let base = base_of(mine, builtin);
                    let changed = |a: &Agreement| base.as_ref().is_none_or(|b| *b != a.content_fingerprint());
                    match (changed(mine), changed(theirs)) {
                        (false, _) => Status::Differs(differences(mine, theirs)),
                        (true, false) => Status::Older(differences(mine, theirs)),
                        (true, _) if draft_here(mine, theirs) => {
                            Status::Conflict(ConflictReason::DraftHere, differences(mine, theirs))
                        }
                        (true, true) => {
                            Status::Conflict(ConflictReason::BothChanged, differences(mine, theirs))
                        }
                    }
                }
            }
        })
        .collect()
}

#[cfg(test)]
mod tests;
