//! The differences between two versions of one PK, field by field.

use super::{DiffPlace, Difference, Number};
use crate::core::model::edit::Field;
use crate::core::model::measurement::Quarter;
use crate::core::model::{Agreement, Amount};
use std::collections::HashMap;

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

/// Same content, ignoring where it was imported from; a file that does not say where the PK was
/// transcribed from (`b`, every file before version 6) keeps `a`'s note (`Agreement::transcription_after`).
pub fn same_content(a: &Agreement, b: &Agreement) -> bool {
    let theirs =
        Agreement { origin: None, transcribed_from: a.transcription_after(b).to_string(), ..b.clone() };
    Agreement { origin: None, ..a.clone() } == theirs
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
            objectives.insert(o.id.clone(), (si, o.text.clone()));
            for (ii, i) in o.indicators.iter().enumerate() {
                let n = Number { objective: si, indicator: ii };
                indicators.insert(i.id.clone(), (n, i.text.clone(), i.target.text().to_string()));
            }
        }
        (objectives, indicators)
    };
    let (my_obj, my_ind) = numbered(mine);
    let (their_obj, their_ind) = numbered(theirs);
    for o in &theirs.objectives {
        let (n, t) = &their_obj[&o.id];
        push(DiffPlace::Objective(*n), my_obj.get(&o.id).map(|m| m.1.clone()), Some(t.clone()));
    }
    for o in &mine.objectives {
        if !their_obj.contains_key(&o.id) {
            push(DiffPlace::Objective(my_obj[&o.id].0), Some(o.text.clone()), None);
        }
    }
    for (_, i) in theirs.indicators() {
        let (n, text, target) = &their_ind[&i.id];
        let m = my_ind.get(&i.id);
        push(DiffPlace::Indicator(*n), m.map(|m| m.1.clone()), Some(text.clone()));
        if m.is_some() {
            push(DiffPlace::Target(*n), m.map(|m| m.2.clone()), Some(target.clone()));
        }
    }
    for (_, i) in mine.indicators() {
        if !their_ind.contains_key(&i.id) {
            push(DiffPlace::Indicator(my_ind[&i.id].0), Some(i.text.clone()), None);
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
        let n = their_ind[&i.id].0;
        let (m, t) = (&mine_i.measurement, &i.measurement);
        for q in Quarter::ALL {
            let plan = |x: &crate::core::model::Measurement| x.planned(q).map(|p| p.text().to_string());
            push(DiffPlace::Plan(n, q), plan(m), plan(t));
            push(DiffPlace::Actual(n, q), m.report(q).map(report_text), t.report(q).map(report_text));
        }
        let method = |x: &crate::core::model::Measurement| {
            let chosen = (x.polarity.clone(), x.aggregation, x.plan_note.clone());
            (chosen != Default::default())
                .then(|| format!("{:?} {:?} {}", x.polarity, x.aggregation, x.plan_note))
        };
        push(DiffPlace::Method(n), method(m), method(t));
        let previous =
            |x: &crate::core::model::Measurement| x.previous.as_ref().map(|p| p.text().to_string());
        push(DiffPlace::Previous(n), previous(m), previous(t));
    }
    for b in &theirs.budget {
        let Some(mb) = mine.budget.iter().find(|x| x.program == b.program) else { continue };
        for q in Quarter::ALL {
            let spent = |a: &Amount| (*a != Amount::Blank).then(|| a.input_text(crate::core::i18n::Lang::Id));
            push(
                DiffPlace::BudgetActual(b.program.clone(), q),
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
