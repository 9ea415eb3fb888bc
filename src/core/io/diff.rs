//! What an import would change: each incoming PK is new, identical, different (field by field) or in
//! conflict with what is already here.

use crate::core::model::edit::Field;
use crate::core::model::measurement::Quarter;
use crate::core::model::Amount;
use crate::core::model::{Agreement, AgreementId, Workspace};
use std::collections::HashMap;

/// Where two versions of a PK differ.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DiffPlace {
    Year,
    Field(Field),
    Parent,
    /// A sasaran's text, by its number (`3`).
    Objective(String),
    /// An indicator's text, by its number (`3.2`).
    Indicator(String),
    /// An indicator's target, by its number.
    Target(String),
    /// A budget line, by program.
    Amount(String),
    /// The same sasaran/indicators in another order.
    Order,
    /// An indicator's Rencana Aksi for a quarter (indicator number, quarter 1–4).
    Plan(String, u8),
    /// An indicator's realisasi for a quarter (value, note, evidence).
    Actual(String, u8),
    /// A program's realisasi anggaran for a quarter.
    BudgetActual(String, u8),
    /// How an indicator is measured (polarity, aggregation, the plan's reason).
    Method(String),
    /// Last year's realisasi typed on an indicator.
    Previous(String),
    /// The signed versions with a number (0: as first signed, n: Perubahan ke-n), each side's
    /// fingerprints (short form, comma-separated; two when a number is held twice).
    Version(u32),
    /// The Perubahan being prepared: `"<n>|<date>"` on each side that has one.
    Revising,
}

impl DiffPlace {
    /// Whether the difference is in what was measured (merged per indicator and quarter), not in the PK.
    pub fn is_measurement(&self) -> bool {
        matches!(
            self,
            DiffPlace::Plan(..)
                | DiffPlace::Actual(..)
                | DiffPlace::BudgetActual(..)
                | DiffPlace::Method(..)
                | DiffPlace::Previous(..)
        )
    }

    /// Whether a merge takes it without losing anything here: what was measured, and the signed
    /// versions (merged by [`crate::core::model::life_merge`]).
    pub fn merges(&self) -> bool {
        self.is_measurement() || matches!(self, DiffPlace::Version(_) | DiffPlace::Revising)
    }

    /// Whether the difference is in the PK's content (what is signed), not in what was measured or in
    /// its signed versions: what comparing two versions shows.
    pub fn is_content(&self) -> bool {
        !self.merges()
    }
}

/// One difference: what is here (`mine`) and what the file has (`theirs`); `None` means absent.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Difference {
    pub place: DiffPlace,
    pub mine: Option<String>,
    pub theirs: Option<String>,
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

const FIELDS: [Field; 9] = [
    Field::Office,
    Field::Unit,
    Field::FirstName,
    Field::FirstPosition,
    Field::SecondName,
    Field::SecondPosition,
    Field::Place,
    Field::Date,
    Field::Notes,
];

/// Same content, ignoring where it was imported from.
pub fn same_content(a: &Agreement, b: &Agreement) -> bool {
    let strip = |x: &Agreement| Agreement { origin: None, ..x.clone() };
    strip(a) == strip(b)
}

/// Field-by-field differences between `mine` and `theirs` (sasaran and indicators matched by id).
pub fn differences(mine: &Agreement, theirs: &Agreement) -> Vec<Difference> {
    let mut out = Vec::new();
    let mut push = |place, m: Option<String>, t: Option<String>| {
        if m != t {
            out.push(Difference { place, mine: m, theirs: t });
        }
    };
    push(DiffPlace::Year, Some(mine.year.to_string()), Some(theirs.year.to_string()));
    for f in FIELDS {
        push(DiffPlace::Field(f), Some(mine.field(f).to_string()), Some(theirs.field(f).to_string()));
    }
    push(
        DiffPlace::Parent,
        mine.parent.as_ref().map(|p| p.0.clone()),
        theirs.parent.as_ref().map(|p| p.0.clone()),
    );

    let numbered = |a: &Agreement| {
        let mut objectives = HashMap::new();
        let mut indicators = HashMap::new();
        for (si, o) in a.objectives.iter().enumerate() {
            objectives.insert(o.id.clone(), ((si + 1).to_string(), o.text.clone()));
            for (ii, i) in o.indicators.iter().enumerate() {
                indicators.insert(
                    i.id.clone(),
                    (format!("{}.{}", si + 1, ii + 1), i.text.clone(), i.target.text().to_string()),
                );
            }
        }
        (objectives, indicators)
    };
    let (my_obj, my_ind) = numbered(mine);
    let (their_obj, their_ind) = numbered(theirs);
    for o in &theirs.objectives {
        let (n, t) = &their_obj[&o.id];
        push(DiffPlace::Objective(n.clone()), my_obj.get(&o.id).map(|m| m.1.clone()), Some(t.clone()));
    }
    for o in &mine.objectives {
        if !their_obj.contains_key(&o.id) {
            push(DiffPlace::Objective(my_obj[&o.id].0.clone()), Some(o.text.clone()), None);
        }
    }
    for (_, i) in theirs.indicators() {
        let (n, text, target) = &their_ind[&i.id];
        let m = my_ind.get(&i.id);
        push(DiffPlace::Indicator(n.clone()), m.map(|m| m.1.clone()), Some(text.clone()));
        if m.is_some() {
            push(DiffPlace::Target(n.clone()), m.map(|m| m.2.clone()), Some(target.clone()));
        }
    }
    for (_, i) in mine.indicators() {
        if !their_ind.contains_key(&i.id) {
            push(DiffPlace::Indicator(my_ind[&i.id].0.clone()), Some(i.text.clone()), None);
        }
    }
    let same_sets = my_ind.len() == their_ind.len() && my_ind.keys().all(|k| their_ind.contains_key(k));
    let order = |a: &Agreement| a.indicators().map(|(o, i)| (o.id.clone(), i.id.clone())).collect::<Vec<_>>();
    if same_sets && my_obj.len() == their_obj.len() && order(mine) != order(theirs) {
        push(DiffPlace::Order, Some(String::new()), Some("*".into()));
    }
    let amounts = |a: &Agreement| {
        a.budget
            .iter()
            .map(|b| (b.program.clone(), b.amount.input_text(crate::core::i18n::Lang::Id)))
            .collect::<Vec<_>>()
    };
    let (ma, ta) = (amounts(mine), amounts(theirs));
    for (program, amount) in &ta {
        let m = ma.iter().find(|(p, _)| p == program).map(|(_, a)| a.clone());
        push(DiffPlace::Amount(program.clone()), m, Some(amount.clone()));
    }
    for (program, amount) in &ma {
        if !ta.iter().any(|(p, _)| p == program) {
            push(DiffPlace::Amount(program.clone()), Some(amount.clone()), None);
        }
    }
    life_differences(mine, theirs, &mut push);
    // What was measured, per indicator (matched by id) and quarter, and per program.
    for (_, i) in theirs.indicators() {
        let Some(mine_i) = mine.find_indicator(&i.id) else { continue };
        let n = &their_ind[&i.id].0;
        let (m, t) = (&mine_i.measurement, &i.measurement);
        for q in Quarter::ALL {
            let plan = |x: &crate::core::model::Measurement| x.planned(q).map(|p| p.text().to_string());
            push(DiffPlace::Plan(n.clone(), q.number()), plan(m), plan(t));
            push(
                DiffPlace::Actual(n.clone(), q.number()),
                m.report(q).map(report_text),
                t.report(q).map(report_text),
            );
        }
        let method = |x: &crate::core::model::Measurement| {
            let chosen = (x.polarity.clone(), x.aggregation, x.plan_note.clone());
            (chosen != Default::default())
                .then(|| format!("{:?} {:?} {}", x.polarity, x.aggregation, x.plan_note))
        };
        push(DiffPlace::Method(n.clone()), method(m), method(t));
        let previous =
            |x: &crate::core::model::Measurement| x.previous.as_ref().map(|p| p.text().to_string());
        push(DiffPlace::Previous(n.clone()), previous(m), previous(t));
    }
    for b in &theirs.budget {
        let Some(mb) = mine.budget.iter().find(|x| x.program == b.program) else { continue };
        for q in Quarter::ALL {
            let spent = |a: &Amount| (*a != Amount::Blank).then(|| a.input_text(crate::core::i18n::Lang::Id));
            push(
                DiffPlace::BudgetActual(b.program.clone(), q.number()),
                spent(&mb.actual[q.index()]),
                spent(&b.actual[q.index()]),
            );
        }
    }
    out
}

/// The signed versions per number, and the Perubahan being prepared.
fn life_differences(
    mine: &Agreement,
    theirs: &Agreement,
    push: &mut impl FnMut(DiffPlace, Option<String>, Option<String>),
) {
    let mut numbers: Vec<u32> =
        mine.life.versions.iter().chain(&theirs.life.versions).map(|v| v.number).collect();
    numbers.sort_unstable();
    numbers.dedup();
    for n in numbers {
        let prints = |a: &Agreement| {
            let p: Vec<String> = a
                .life
                .versions
                .iter()
                .filter(|v| v.number == n)
                .map(|v| crate::core::model::canonical::short(&v.fingerprint))
                .collect();
            (!p.is_empty()).then(|| p.join(", "))
        };
        push(DiffPlace::Version(n), prints(mine), prints(theirs));
    }
    let revising = |a: &Agreement| match (a.stage(), &a.life.revising) {
        (crate::core::model::life::Stage::Revising(n), Some(c)) => Some(format!("{n}|{}", c.date)),
        _ => None,
    };
    push(DiffPlace::Revising, revising(mine), revising(theirs));
}

/// A realisasi as shown in a difference: the value, and the note when there is one.
fn report_text(r: &crate::core::model::measurement::Report) -> String {
    match (r.note.trim(), r.evidence.trim()) {
        ("", "") => r.value.text().to_string(),
        (note, "") => format!("{} — {note}", r.value.text()),
        (note, evidence) => format!("{} — {note} [{evidence}]", r.value.text()),
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
mod tests {
    use super::*;
    use crate::core::model::testing::*;
    use crate::core::model::{Amount, IndicatorId};

    fn base() -> Agreement {
        let mut a = agreement("a", None, 2024);
        a.objectives = vec![objective(
            "s1",
            "Sasaran",
            vec![
                indicator("i1", "Indikator satu", "75%", None),
                indicator("i2", "Indikator dua", "2 Lap", None),
            ],
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
        assert!(has(DiffPlace::Target("1.2".into()), Some("2 Lap"), Some("3 Lap")));
        assert!(has(
            DiffPlace::Indicator("1.1".into()),
            Some("Indikator satu"),
            Some("Indikator satu (revisi)")
        ));
        assert!(has(DiffPlace::Indicator("1.3".into()), None, Some("Baru")));
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
        assert!(matches!(
            classify(&ws, &[&other], None)[0],
            Status::Conflict(ConflictReason::OtherAgreement, _)
        ));
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
        assert!(matches!(
            classify(&here, &[&theirs], None)[0],
            Status::Conflict(ConflictReason::BothChanged, _)
        ));
        // Imported earlier: the fingerprint it arrived with is the base.
        let mut imported = theirs.clone();
        imported.origin = Some(crate::core::model::Origin {
            file: "f.json".into(),
            received: theirs.content_fingerprint(),
            ..Default::default()
        });
        let mut newer = theirs.clone();
        newer.notes = "versi berikutnya".into();
        assert!(matches!(
            classify(&workspace(vec![imported.clone()]), &[&newer], None)[0],
            Status::Differs(_)
        ));
        imported.notes = "lalu diubah di sini".into();
        assert!(matches!(
            classify(&workspace(vec![imported]), &[&newer], None)[0],
            Status::Conflict(ConflictReason::BothChanged, _)
        ));
    }
}
