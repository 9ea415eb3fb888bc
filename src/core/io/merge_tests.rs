use super::*;
use crate::core::model::testing::*;

fn origin() -> Origin {
    Origin {
        file: "dari-kabupaten.json".into(),
        office: "KPU Kota Ambon".into(),
        exported_at: "2026-11-01T00:00:00Z".into(),
        imported_at: "2026-11-28T00:00:00Z".into(),
        ..Default::default()
    }
}

fn item(a: Agreement, choice: Choice) -> Incoming {
    Incoming { agreement: a, origin: origin(), choice, take: Vec::new(), unchanged_here: false }
}

fn ws() -> Workspace {
    let mut top = agreement("top", None, 2024);
    top.objectives = vec![objective("s", "S", vec![indicator("ti", "T", "1 kali", None)])];
    workspace(vec![top, agreement("mine", Some("top"), 2024)])
}

#[test]
fn in_small_steps_gives_what_applying_at_once_gives() {
    let mut theirs = agreement("mine", Some("top"), 2024);
    theirs.notes = "from the file".into();
    let mut child = agreement("new-child", Some("new"), 2024);
    child.objectives = vec![objective("s", "S", vec![indicator("ti", "T", "1 kali", Some(("ti", "T")))])];
    let items = [
        item(theirs.clone(), Choice::Replace),
        item(agreement("new", Some("top"), 2024), Choice::Add),
        item(agreement("top", None, 2024), Choice::KeepBoth),
        item(child, Choice::Add),
        item(theirs.clone(), Choice::Merge),
        item(theirs, Choice::KeepMine),
    ];
    let at_once = apply(&ws(), &items, &mut IdGen::new("x"));
    let base = ws();
    let mut merging = Merging::new(&base, &items, IdGen::new("x"));
    let mut steps = 0;
    while merging.step(1) {
        steps += 1;
        assert!(merging.progress().0 <= merging.progress().1);
    }
    assert!(steps >= items.len(), "one PK a step: {steps}");
    let (out, report, _) = merging.finish();
    assert_eq!((out, report), at_once);
}

#[test]
fn each_choice() {
    let mut ids = IdGen::new("m");
    let mut theirs = agreement("mine", Some("top"), 2024);
    theirs.notes = "dari berkas".into();
    let new = agreement("new", Some("top"), 2024);

    let (out, report) =
        apply(&ws(), &[item(theirs.clone(), Choice::Replace), item(new.clone(), Choice::Add)], &mut ids);
    assert_eq!(report, Report { added: 1, replaced: 1, copies: 0, kept: 0, merged: 0 });
    let replaced = out.agreement(&AgreementId::new("mine")).unwrap();
    assert_eq!(replaced.notes, "dari berkas");
    assert_eq!(replaced.origin.as_ref().unwrap().file, "dari-kabupaten.json", "records where it came from");
    assert_eq!(out.position(&AgreementId::new("mine")), Some(1), "replaced in place");
    assert_eq!(out.position(&AgreementId::new("new")), Some(2), "added after its parent's subtree");

    let (out, report) = apply(&ws(), &[item(theirs.clone(), Choice::KeepMine)], &mut ids);
    assert_eq!(report.kept, 1);
    assert_eq!(out, ws());

    let (out, report) = apply(&ws(), &[item(theirs, Choice::KeepBoth)], &mut ids);
    assert_eq!(report.copies, 1);
    assert_eq!(out.agreements.len(), 3);
    assert_eq!(out.agreement(&AgreementId::new("mine")).unwrap().notes, "", "mine untouched");
    assert_eq!(out.agreements[2].notes, "dari berkas");
    assert_ne!(out.agreements[2].id.as_str(), "mine");
}

#[test]
fn ids_stay_unique_when_a_file_reuses_them() {
    let mut ids = IdGen::new("m");
    // A "new" PK that reuses the sasaran and indicator ids of "top".
    let mut other = agreement("other", None, 2024);
    other.objectives = vec![objective("s", "S", vec![indicator("ti", "T", "1 kali", None)])];
    let mut child = agreement("other-child", Some("other"), 2024);
    child.objectives = vec![objective("cs", "S", vec![indicator("ci", "T", "1 kali", Some(("ti", "T")))])];
    let (out, report) = apply(&ws(), &[item(other, Choice::Add), item(child, Choice::Add)], &mut ids);
    assert_eq!(report.added, 2);
    let text = crate::core::io::file::write(&out, None, &Default::default());
    assert!(crate::core::io::file::read(&text).is_ok(), "no duplicate ids after the merge");
    let other = out.agreement(&AgreementId::new("other")).unwrap();
    assert_ne!(other.objectives[0].indicators[0].id.as_str(), "ti");
    assert_eq!(
        out.agreement(&AgreementId::new("top")).unwrap().objectives[0].indicators[0].id.as_str(),
        "ti",
        "what was here keeps its ids"
    );
    let child = out.agreement(&AgreementId::new("other-child")).unwrap();
    assert_eq!(
        child.objectives[0].indicators[0].parent.as_ref().unwrap().id,
        other.objectives[0].indicators[0].id,
        "links follow the renewed id"
    );
    // Adding a PK whose agreement id is taken adds it as a copy.
    let (out, report) = apply(&ws(), &[item(agreement("mine", None, 2030), Choice::Add)], &mut ids);
    assert_eq!((report.added, out.agreements.len()), (1, 3));
}

#[test]
fn a_copy_takes_its_children_from_the_same_file_along() {
    let mut ids = IdGen::new("m");
    let mut top = agreement("top", None, 2024);
    top.objectives = vec![objective("s", "S", vec![indicator("ti", "T berkas", "1 kali", None)])];
    let mut child = agreement("child", Some("top"), 2024);
    child.objectives =
        vec![objective("cs", "S", vec![indicator("ci", "T berkas", "1 kali", Some(("ti", "T berkas")))])];
    let (out, _) = apply(&ws(), &[item(top, Choice::KeepBoth), item(child, Choice::Add)], &mut ids);
    let copy = out
        .agreements
        .iter()
        .find(|a| {
            a.id.as_str() != "top"
                && a.objectives.first().is_some_and(|o| o.id.as_str() != "s")
                && a.parent.is_none()
        })
        .unwrap();
    let child = out.agreement(&AgreementId::new("child")).unwrap();
    assert_eq!(child.parent.as_ref(), Some(&copy.id));
    assert_eq!(
        child.objectives[0].indicators[0].parent.as_ref().unwrap().id,
        copy.objectives[0].indicators[0].id
    );
}

#[test]
fn realisasi_are_merged_per_indicator_and_quarter() {
    use crate::core::io::diff::{classify, DiffPlace};
    use crate::core::model::measurement::Quarter;
    let q = |n| Quarter::new(n).unwrap();
    let mut base = agreement("k", None, 2024);
    base.objectives = vec![objective("s", "S", vec![indicator("i", "Persentase arsip", "87,5%", None)])];
    base.budget = vec![line("Program", "1.000")];
    let id = IndicatorId::new("i");
    // Here: TW I entered as 55 %. In the file: TW I 50 %, TW II 70 %, and TW I's budget.
    let mut mine = base.clone();
    mine.set_actual(&id, q(1), "55%");
    let mut theirs = base.clone();
    theirs.set_actual(&id, q(1), "50%");
    theirs.set_actual(&id, q(2), "70%");
    theirs.set_budget_actual(0, q(1), crate::core::model::Amount::parse("400").unwrap());
    let ws = workspace(vec![mine]);
    let status = &classify(&ws, &[&theirs], Some(&workspace(vec![base])))[0];
    let places: Vec<&DiffPlace> = status.differences().iter().map(|d| &d.place).collect();
    assert_eq!(
        places,
        [
            &DiffPlace::Actual(Number { objective: 0, indicator: 0 }, Quarter::new(1).unwrap()),
            &DiffPlace::Actual(Number { objective: 0, indicator: 0 }, Quarter::new(2).unwrap()),
            &DiffPlace::BudgetActual("Program".into(), Quarter::new(1).unwrap())
        ]
    );
    assert_eq!(Choice::default_for(status), Choice::Merge, "only measurements differ: merge, lose nothing");
    let incoming = Incoming {
        agreement: theirs.clone(),
        origin: origin(),
        choice: Choice::Merge,
        take: Vec::new(),
        unchanged_here: false,
    };
    let (out, report) = apply(&ws, &[incoming], &mut IdGen::new("t"));
    assert_eq!(report.merged, 1);
    let k = out.agreement(&AgreementId::new("k")).unwrap();
    let m = &k.objectives[0].indicators[0].measurement;
    assert_eq!(m.report(q(1)).unwrap().value.text(), "55%", "entered here: kept");
    assert_eq!(m.report(q(2)).unwrap().value.text(), "70%", "new from the file: taken");
    assert_eq!(k.budget[0].actual[0], crate::core::model::Amount::parse("400").unwrap());
    assert_eq!(out.agreements.len(), 1, "no copy");
    // The user takes the file's TW I for this indicator: only that quarter changes.
    let take = vec![DiffPlace::Actual(Number { objective: 0, indicator: 0 }, Quarter::new(1).unwrap())];
    let incoming =
        Incoming { agreement: theirs, origin: origin(), choice: Choice::Merge, take, unchanged_here: false };
    let (out, _) = apply(&ws, &[incoming], &mut IdGen::new("t"));
    let m = &out.agreement(&AgreementId::new("k")).unwrap().objectives[0].indicators[0].measurement;
    assert_eq!(m.report(q(1)).unwrap().value.text(), "50%", "chosen: the file's");
    assert_eq!(m.report(q(2)).unwrap().value.text(), "70%");
}

#[test]
fn each_quarter_records_the_day_it_arrived() {
    // The kabupaten's PK arrives on 20 April (local date) with TW I.
    let mut theirs = agreement("kab", None, 2024);
    theirs.objectives = vec![objective(
        "k/s",
        "S",
        vec![indicator("k/i", "A", "4 Lap", None), indicator("k/j", "B", "4 Lap", None)],
    )];
    let mut ws = workspace(vec![]);
    let mut with_tw1 = workspace(vec![theirs.clone()]);
    report(&mut with_tw1, "kab", "k/i", 1, "1 Lap", "");
    let at = |stamp: &str| Origin { imported_at: stamp.into(), ..origin() };
    let incoming = |from: &Workspace, stamp: &str, choice| Incoming {
        agreement: from.agreement(&aid("kab")).unwrap().clone(),
        origin: at(stamp),
        choice,
        take: Vec::new(),
        unchanged_here: false,
    };
    let mut ids = IdGen::new("t");
    let (next, _) = apply(&ws, &[incoming(&with_tw1, "2024-04-20T08:00:00+09:00", Choice::Add)], &mut ids);
    ws = next;
    let dates = |ws: &Workspace| ws.agreement(&aid("kab")).unwrap().origin.as_ref().unwrap().quarters.clone();
    assert_eq!(dates(&ws), [Some("2024-04-20".into()), None, None, None]);
    // TW II arrives on 8 July, merged: TW I keeps 20 April.
    let mut with_tw2 = with_tw1.clone();
    report(&mut with_tw2, "kab", "k/i", 2, "2 Lap", "");
    let (next, _) = apply(&ws, &[incoming(&with_tw2, "2024-07-08T09:00:00+09:00", Choice::Merge)], &mut ids);
    ws = next;
    assert_eq!(dates(&ws), [Some("2024-04-20".into()), Some("2024-07-08".into()), None, None]);
    // Replaced by a later file (TW I corrected): the dates of quarters held stay.
    let (next, _) =
        apply(&ws, &[incoming(&with_tw2, "2024-07-09T09:00:00+09:00", Choice::Replace)], &mut ids);
    assert_eq!(dates(&next), [Some("2024-04-20".into()), Some("2024-07-08".into()), None, None]);
    // A file on 22 July that corrects TW I's figure: still sent on 20 April (a quarter returned and sent
    // again keeps its day); one that completes TW I (its second indicator): arrived, complete, on 22 July.
    let mut corrected = with_tw2.clone();
    report(&mut corrected, "kab", "k/i", 1, "2 Lap", "");
    let take = vec![DiffPlace::Actual(Number { objective: 0, indicator: 0 }, Quarter::ALL[0])];
    let item =
        Incoming { take: take.clone(), ..incoming(&corrected, "2024-07-22T09:00:00+09:00", Choice::Merge) };
    let (next, _) = apply(&ws, &[item], &mut ids);
    assert_eq!(dates(&next), [Some("2024-04-20".into()), Some("2024-07-08".into()), None, None]);
    report(&mut corrected, "kab", "k/j", 1, "1 Lap", "");
    let item = Incoming {
        take,
        unchanged_here: true,
        ..incoming(&corrected, "2024-07-22T09:00:00+09:00", Choice::Merge)
    };
    let (next, _) = apply(&ws, &[item], &mut ids);
    assert_eq!(dates(&next), [Some("2024-07-22".into()), Some("2024-07-08".into()), None, None]);
    // Unchanged here since the last file, the PK is now as this file left it: the next file from the
    // office is compared with it.
    let kab = next.agreement(&aid("kab")).unwrap();
    let o = kab.origin.as_ref().unwrap();
    assert_eq!(
        (o.received.as_str(), o.imported_at.as_str()),
        (kab.content_fingerprint().as_str(), "2024-07-22T09:00:00+09:00")
    );
    // Origin's local date: the stamp's own date, with its offset.
    assert_eq!(at("2024-04-20T23:30:00+09:00").arrived().as_deref(), Some("2024-04-20"));
    assert_eq!(at("").arrived(), None);
}

#[test]
fn a_quarter_returned_here_takes_the_corrected_figures_by_default() {
    use crate::core::io::diff::classify;
    use crate::core::model::measurement::Quarter;
    use crate::core::model::reviews::{Review, Verdict};
    let q = |n| Quarter::new(n).unwrap();
    let mut base = agreement("k", None, 2024);
    base.objectives = vec![objective("s", "S", vec![indicator("i", "Persentase arsip", "87,5%", None)])];
    let id = IndicatorId::new("i");
    // Here: TW I 55 % (returned) and TW II 60 % (not reviewed). The file: TW I 50 %, TW II 70 %.
    let mut mine = base.clone();
    mine.set_actual(&id, q(1), "55%");
    mine.set_actual(&id, q(2), "60%");
    let mut theirs = base.clone();
    theirs.set_actual(&id, q(1), "50%");
    theirs.set_actual(&id, q(2), "70%");
    let mut ws = workspace(vec![mine.clone()]);
    let status = &classify(&ws, &[&theirs], Some(&workspace(vec![base])))[0];
    assert_eq!(Choice::default_for(status), Choice::Merge);
    assert!(returned_places(&ws, status, &aid("k")).is_empty(), "no review: nothing taken by default");
    ws.settings.reviews.add(Review {
        agreement: aid("k"),
        quarter: 1,
        verdict: Verdict::Returned,
        note: "cek".into(),
        indicators: vec![],
        by: "Prov".into(),
        at: "2024-04-25T09:00:00+09:00".into(),
        figures: mine.quarter_fingerprint(q(1)),
    });
    let take = returned_places(&ws, status, &aid("k"));
    assert_eq!(take, [DiffPlace::Actual(Number { objective: 0, indicator: 0 }, q(1))]);
    let incoming =
        Incoming { agreement: theirs, origin: origin(), choice: Choice::Merge, take, unchanged_here: false };
    let (out, _) = apply(&ws, &[incoming], &mut IdGen::new("t"));
    let m = &out.agreement(&aid("k")).unwrap().objectives[0].indicators[0].measurement;
    assert_eq!(m.report(q(1)).unwrap().value.text(), "50%", "the returned quarter, corrected");
    assert_eq!(m.report(q(2)).unwrap().value.text(), "60%", "entered here, not returned: kept");
}
