//! Applies an import: for each incoming PK, the user's choice. Pure: the result is a new workspace,
//! so the previous one stays available for undo.

use super::diff::{ConflictReason, DiffPlace, Number, Status};
use crate::core::model::measurement::Quarter;
use crate::core::model::place::Placement;
use crate::core::model::{Agreement, AgreementId, IdGen, IndicatorId, Origin, Workspace};
use std::collections::{HashMap, HashSet, VecDeque};
use std::sync::Arc;

/// What to do with one incoming PK.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Choice {
    /// Add it (it is new).
    Add,
    /// Replace the PK here with the file's.
    Replace,
    /// Keep the PK here; ignore the file's.
    KeepMine,
    /// Keep both: the file's is added as a copy with new ids.
    KeepBoth,
    /// Keep the PK here and take, per indicator and quarter, the file's Rencana Aksi and realisasi (and
    /// per program its realisasi anggaran) where nothing is entered here; what is entered here stays.
    /// Signed versions are merged too ([`crate::core::model::life_merge`]): none held here is lost.
    Merge,
}

impl Choice {
    /// The sensible default for a status: add what is new, take a newer version, and never lose work
    /// done here: keep mine when the file is older or both changed, keep both when it is another PK.
    pub fn default_for(status: &Status) -> Choice {
        // Only what was measured and signed differs: merge it per indicator and quarter and version
        // (nothing here is lost).
        if status.differs() && status.differences().iter().all(|d| d.place.merges()) {
            if let Status::Differs(_)
            | Status::Older(_)
            | Status::Conflict(ConflictReason::BothChanged | ConflictReason::SignedHere, _) = status
            {
                return Choice::Merge;
            }
        }
        // The file is newer, but replacing would drop realisasi entered here (a Kepala Sub Bagian reporting
        // while the Perubahan she receives was signed): merge, which takes the file's signed versions and
        // keeps what was entered here.
        let entered_here = status.differences().iter().any(|d| d.place.is_measurement() && d.mine.is_some());
        if matches!(status, Status::Differs(_))
            && entered_here
            && Choice::options(status).contains(&Choice::Merge)
        {
            return Choice::Merge;
        }
        match status {
            Status::New => Choice::Add,
            // Two signed versions with the same number: both kept (flagged), the one here stays in force.
            Status::Conflict(ConflictReason::Diverged, _) => Choice::Merge,
            Status::Identical
            | Status::Older(_)
            | Status::Conflict(
                ConflictReason::BothChanged
                | ConflictReason::Untrusted
                | ConflictReason::SignedHere
                | ConflictReason::DraftHere,
                _,
            ) => Choice::KeepMine,
            Status::Differs(_) => Choice::Replace,
            Status::Conflict(..) => Choice::KeepBoth,
        }
    }

    /// The choices that make sense for a status.
    pub fn options(status: &Status) -> &'static [Choice] {
        match status {
            Status::New => &[Choice::Add, Choice::KeepMine],
            Status::Identical | Status::Conflict(ConflictReason::Untrusted, _) => &[Choice::KeepMine],
            Status::Conflict(ConflictReason::SignedHere | ConflictReason::Diverged, _) => {
                &[Choice::Merge, Choice::KeepMine, Choice::KeepBoth]
            }
            Status::Conflict(ConflictReason::DraftHere, _) => {
                &[Choice::KeepMine, Choice::Replace, Choice::KeepBoth]
            }
            Status::Conflict(ConflictReason::OtherAgreement | ConflictReason::TwiceInImport, _) => {
                &[Choice::Replace, Choice::KeepMine, Choice::KeepBoth]
            }
            Status::Differs(_) | Status::Older(_) | Status::Conflict(..) => {
                &[Choice::Merge, Choice::Replace, Choice::KeepMine, Choice::KeepBoth]
            }
        }
    }
}

/// The realisasi places a merge takes from the file by default: those of a quarter this workspace
/// returned (its review in force returned the figures held here, `model::reviews`), which the file
/// changes. The corrected quarter sent after a return replaces the returned figures; every other
/// quarter entered on both sides stays as it is here.
pub fn returned_places(ws: &Workspace, status: &Status, id: &AgreementId) -> Vec<DiffPlace> {
    let Some(mine) = ws.agreement(id) else { return Vec::new() };
    if ws.settings.reviews.is_empty() {
        return Vec::new();
    }
    let returned = |q: Quarter| ws.settings.reviews.standing(mine, q).returned().is_some();
    status
        .differences()
        .iter()
        .filter(|d| match &d.place {
            DiffPlace::Actual(_, q) | DiffPlace::BudgetActual(_, q) => d.mine.is_some() && returned(*q),
            _ => false,
        })
        .map(|d| d.place.clone())
        .collect()
}

/// One incoming PK, with its origin and the user's choice.
#[derive(Clone, Debug)]
pub struct Incoming {
    pub agreement: Agreement,
    pub origin: Origin,
    pub choice: Choice,
    /// With `Merge`: the measurement places entered on both sides where the file's value is taken.
    pub take: Vec<DiffPlace>,
    /// The PK here is as it arrived (its content fingerprint is its base: `diff::base_of`, the file it
    /// came in or the built-in data): after a merge it is as this file left it, and records so.
    pub unchanged_here: bool,
}

/// What an import did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Report {
    pub added: usize,
    pub replaced: usize,
    pub copies: usize,
    pub kept: usize,
    /// PKs whose measurements were merged per indicator and quarter.
    pub merged: usize,
}

impl Report {
    pub fn changed(&self) -> usize {
        self.added + self.replaced + self.copies + self.merged
    }
}

/// `mine` with the file's Rencana Aksi and realisasi taken per indicator (matched by id) and quarter where
/// nothing is entered here, and the file's realisasi anggaran per program (matched by name) likewise. A
/// quarter entered on both sides keeps what is here, unless its place is in `take` (numbered as in the
/// file, as the preview shows it). The signed versions are merged first: when the file's continue the
/// line here, the PK takes the content of the new version in force (with the realisasi here).
pub fn merge_measurement(mine: &Agreement, theirs: &Agreement, take: &[DiffPlace]) -> Agreement {
    let life = crate::core::model::life_merge::merge_life(mine, theirs);
    let adopted = life.adopt.as_ref().map(|content| {
        let mut a = mine.showing(content);
        a.life = life.life.clone();
        a
    });
    let mine = &adopted.unwrap_or_else(|| Agreement { life: life.life, ..mine.clone() });
    let numbers: HashMap<&IndicatorId, Number> = theirs
        .objectives
        .iter()
        .enumerate()
        .flat_map(|(si, o)| {
            o.indicators
                .iter()
                .enumerate()
                .map(move |(ii, i)| (&i.id, Number { objective: si, indicator: ii }))
        })
        .collect();
    let mut out = mine.clone();
    for o in &mut out.objectives {
        for i in &mut o.indicators {
            let Some(t) = theirs.find_indicator(&i.id) else { continue };
            let Some(&n) = numbers.get(&i.id) else { continue };
            for (q, quarter) in Quarter::ALL.into_iter().enumerate() {
                if i.measurement.plan[q].is_none() || take.contains(&DiffPlace::Plan(n, quarter)) {
                    i.measurement.plan[q] = t.measurement.plan[q].clone();
                }
                if i.measurement.actual[q].is_none() || take.contains(&DiffPlace::Actual(n, quarter)) {
                    i.measurement.actual[q] = t.measurement.actual[q].clone();
                }
            }
            if i.measurement.previous.is_none() || take.contains(&DiffPlace::Previous(n)) {
                i.measurement.previous = t.measurement.previous.clone();
            }
            if i.measurement.plan_note.is_empty() {
                i.measurement.plan_note = t.measurement.plan_note.clone();
            }
            i.measurement.polarity =
                i.measurement.polarity.clone().or_else(|| t.measurement.polarity.clone());
            i.measurement.aggregation = i.measurement.aggregation.or(t.measurement.aggregation);
        }
    }
    for b in &mut out.budget {
        let Some(t) = theirs.budget.iter().find(|x| x.program == b.program) else { continue };
        for (quarter, (mine, theirs)) in Quarter::ALL.into_iter().zip(b.actual.iter_mut().zip(&t.actual)) {
            let chosen = take.contains(&DiffPlace::BudgetActual(b.program.clone(), quarter));
            if *mine == crate::core::model::Amount::Blank || chosen {
                *mine = theirs.clone();
            }
        }
    }
    out
}

/// When each quarter's realisasi arrived (`Origin::quarters`) once `after` takes the place of `before`:
/// a quarter reported before keeps its date (none when it was entered here) unless this file completes it
/// (more indicators reported), a quarter it brings or completes arrived on `arrived` (the day of the
/// import), a quarter not reported has none.
pub fn arrivals(
    before: Option<&Agreement>,
    after: &Agreement,
    arrived: Option<String>,
) -> [Option<String>; 4] {
    let reported = |a: &Agreement, q: usize| a.indicators().any(|(_, i)| i.measurement.actual[q].is_some());
    std::array::from_fn(|q| match before {
        // Held, and this file completes nothing of it (the same figures, or corrected ones: a quarter
        // returned and sent again was still sent on its day): it keeps its day.
        Some(b) if reported(b, q) && (arrived.is_none() || !completes(b, after, q)) => {
            b.origin.as_ref().and_then(|o| o.quarters[q].clone())
        }
        _ if reported(after, q) => arrived.clone(),
        _ => None,
    })
}

/// Whether `after` reports a quarter for more indicators than `before` did: the quarter is more
/// complete, and counts as arrived when that file did (the grid's "received, complete").
fn completes(before: &Agreement, after: &Agreement, q: usize) -> bool {
    let count = |a: &Agreement| a.indicators().filter(|(_, i)| i.measurement.actual[q].is_some()).count();
    count(after) > count(before)
}

/// The workspace after the import.
///
/// Ids stay unique: a copy (keep both, or a "new" PK whose id is taken) gets fresh ids, and any sasaran
/// or indicator id of an incoming PK that is already used by another PK here is renewed. Parent links and
/// indicator links between the imported PKs follow the renewed ids.
pub fn apply(ws: &Workspace, incoming: &[Incoming], ids: &mut IdGen) -> (Workspace, Report) {
    let (out, report, used) = Merging::new(ws, incoming, ids.clone()).finish();
    *ids = used;
    (out, report)
}

/// [`apply`] a batch of PKs at a time, so that a page can stay responsive in between (a national file
/// of 5 500 PKs takes about a second at once). Each PK is looked at twice: first to decide its ids, then,
/// once every renewed id is known, to follow them and place the PK.
pub struct Merging<'a> {
    ws: &'a Workspace,
    incoming: &'a [Incoming],
    ids: IdGen,
    report: Report,
    replaced: HashSet<&'a AgreementId>,
    /// The ids of the PKs here before the import.
    here: HashSet<&'a AgreementId>,
    /// Sasaran and indicator ids in use.
    taken: HashSet<String>,
    agreement_ids: HashSet<AgreementId>,
    agreement_map: HashMap<AgreementId, AgreementId>,
    indicator_map: HashMap<IndicatorId, IndicatorId>,
    /// Decided (first look), waiting to be placed.
    prepared: VecDeque<(Agreement, Choice)>,
    decided: usize,
    placed: usize,
    out: Option<Placement>,
}

impl<'a> Merging<'a> {
    pub fn new(ws: &'a Workspace, incoming: &'a [Incoming], ids: IdGen) -> Self {
        let here: HashSet<&AgreementId> = ws.agreements.iter().map(|a| &a.id).collect();
        let replaced: HashSet<&AgreementId> = incoming
            .iter()
            .filter(|i| i.choice == Choice::Replace && here.contains(&i.agreement.id))
            .map(|i| &i.agreement.id)
            .collect();
        let mut taken: HashSet<String> = HashSet::new();
        for a in ws.agreements.iter().filter(|a| !replaced.contains(&a.id)) {
            for o in &a.objectives {
                taken.insert(o.id.0.clone());
                taken.extend(o.indicators.iter().map(|i| i.id.0.clone()));
            }
        }
        Merging {
            ws,
            incoming,
            ids,
            report: Report::default(),
            replaced,
            here,
            taken,
            agreement_ids: ws.agreements.iter().map(|a| a.id.clone()).collect(),
            agreement_map: HashMap::new(),
            indicator_map: HashMap::new(),
            prepared: VecDeque::new(),
            decided: 0,
            placed: 0,
            out: None,
        }
    }

    /// How far it is: (PKs looked at, looks in all), each PK counting twice.
    pub fn progress(&self) -> (usize, usize) {
        (self.decided + self.placed, self.incoming.len() * 2)
    }

    /// Works through up to `batch` PKs; false when done.
    pub fn step(&mut self, batch: usize) -> bool {
        let mut left = batch;
        while left > 0 && self.decided < self.incoming.len() {
            self.decide(&self.incoming[self.decided]);
            self.decided += 1;
            left -= 1;
        }
        if self.decided < self.incoming.len() {
            return true;
        }
        if self.out.is_none() {
            // Every id is decided: PKs merged into one here take their place; the rest are placed next.
            let mut out = Placement::new(self.ws);
            for item in self.incoming.iter().filter(|i| i.choice == Choice::Merge) {
                if let Some(mine) = out.get(&item.agreement.id) {
                    let mut merged = merge_measurement(mine, &item.agreement, &item.take);
                    // The quarters this file brings or changes arrived today; the others keep their
                    // date. A PK made here (no origin) records none: its base for later imports stays.
                    let dates = arrivals(Some(mine), &merged, item.origin.arrived());
                    // Unchanged here since its last file: it is now as this file left it (so the next
                    // file from the office is again a correction, taken by default).
                    if item.unchanged_here {
                        let received = merged.content_fingerprint();
                        merged.origin = Some(Origin { received, ..item.origin.clone() });
                    }
                    if let Some(origin) = merged.origin.as_mut() {
                        origin.quarters = dates;
                    }
                    out.replace(Arc::new(merged));
                    self.placed += 1;
                }
            }
            self.placed += self.incoming.iter().filter(|i| i.choice == Choice::KeepMine).count();
            self.out = Some(out);
        }
        while left > 0 {
            let Some((a, choice)) = self.prepared.pop_front() else { return false };
            self.place(a, choice);
            self.placed += 1;
            left -= 1;
        }
        !self.prepared.is_empty()
    }

    /// The workspace after the import, what it did, and the id generator after the ids it made.
    pub fn finish(mut self) -> (Workspace, Report, IdGen) {
        while self.step(usize::MAX) {}
        let out = self.out.take().unwrap_or_else(|| Placement::new(self.ws));
        let ws = Workspace {
            office: self.ws.office.clone(),
            notes: self.ws.notes.clone(),
            agreements: out.finish(),
            settings: self.ws.settings.clone(),
            letterhead: self.ws.letterhead.clone(),
            renstra: self.ws.renstra.clone(),
        };
        (ws, self.report, self.ids)
    }

    /// First look: the PK's ids (kept, or renewed where taken).
    fn decide(&mut self, item: &Incoming) {
        if item.choice == Choice::KeepMine {
            self.report.kept += 1;
            return;
        }
        if item.choice == Choice::Merge && self.here.contains(&item.agreement.id) {
            // The PK here stays as it is (its ids too); only missing measurements are filled in.
            self.report.merged += 1;
            return;
        }
        let mut a = item.agreement.clone();
        let before = (item.choice == Choice::Replace).then(|| self.ws.agreement(&a.id)).flatten();
        // A file that does not say the PK is a typed copy of a paper document keeps the note here.
        if let Some(b) = before {
            a.transcribed_from = b.transcription_after(&a).to_string();
        }
        let quarters = arrivals(before, &a, item.origin.arrived());
        a.origin = Some(Origin { quarters, ..item.origin.clone() });
        let is_replacement = item.choice == Choice::Replace && self.replaced.contains(&a.id);
        let as_copy = !is_replacement && self.agreement_ids.contains(&a.id);
        if as_copy {
            let new = self.ids.agreement();
            self.agreement_map.insert(a.id.clone(), new.clone());
            a.id = new;
        }
        self.agreement_ids.insert(a.id.clone());
        let (mut own_objectives, mut own_indicators) = (HashMap::new(), HashMap::new());
        for o in &mut a.objectives {
            if as_copy || self.taken.contains(&o.id.0) {
                let new = self.ids.objective();
                own_objectives.insert(o.id.clone(), new.clone());
                o.id = new;
            }
            self.taken.insert(o.id.0.clone());
            for i in &mut o.indicators {
                if as_copy || self.taken.contains(&i.id.0) {
                    let new = self.ids.indicator();
                    self.indicator_map.insert(i.id.clone(), new.clone());
                    own_indicators.insert(i.id.clone(), new.clone());
                    i.id = new;
                }
                self.taken.insert(i.id.0.clone());
            }
        }
        a.rename_in_versions(&own_objectives, &own_indicators);
        let choice = if as_copy && item.choice == Choice::KeepBoth {
            Choice::KeepBoth
        } else if is_replacement {
            Choice::Replace
        } else {
            Choice::Add
        };
        self.prepared.push_back((a, choice));
    }

    /// Second look: follow the renewed ids, then place the PK.
    fn place(&mut self, mut a: Agreement, choice: Choice) {
        if let Some(p) = a.parent.as_ref().and_then(|p| self.agreement_map.get(p)) {
            a.parent = Some(p.clone());
        }
        for o in &mut a.objectives {
            for i in &mut o.indicators {
                if let Some(new) = i.parent.as_ref().and_then(|l| self.indicator_map.get(&l.id)) {
                    if let Some(link) = i.parent.as_mut() {
                        link.id = new.clone();
                    }
                }
            }
        }
        a.relink_versions(&self.agreement_map, &self.indicator_map);
        // The content it arrives with: a later import compares against it (was it changed here since?).
        let received = a.content_fingerprint();
        if let Some(origin) = a.origin.as_mut() {
            origin.received = received;
        }
        let Some(out) = self.out.as_mut() else { return };
        // Added after its parent's subtree when the parent is here, otherwise at the end.
        match choice {
            Choice::Replace if out.contains(&a.id) => {
                out.replace(Arc::new(a));
                self.report.replaced += 1;
            }
            Choice::KeepBoth => {
                out.insert(a);
                self.report.copies += 1;
            }
            _ => {
                out.insert(a);
                self.report.added += 1;
            }
        }
    }
}

#[cfg(test)]
#[path = "merge_tests.rs"]
mod tests;
