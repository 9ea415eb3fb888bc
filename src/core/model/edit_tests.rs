use super::*;
use crate::core::model::history::History;
use crate::core::model::testing::*;

/// Runs `op` on a copy of `ws`, checks it changed something, that undo restores `ws` exactly and redo
/// gives the changed state back. Returns the changed workspace.
fn undoable(ws: &Workspace, op: impl FnOnce(&mut Workspace)) -> Workspace {
    let before = ws.clone();
    let mut after = ws.clone();
    op(&mut after);
    assert_ne!(after, before, "the operation changes something");
    let mut h = History::default();
    h.record(&before, &after, crate::core::i18n::Msg::ChangeField, None);
    let undone = h.undo(&after).expect("undo");
    assert_eq!(undone, before, "undo restores the state before");
    assert_eq!(h.redo(&undone).expect("redo"), after, "redo restores the state after");
    after
}

fn ids() -> IdGen {
    IdGen::new("t")
}

fn iid(s: &str) -> IndicatorId {
    IndicatorId::new(s)
}

fn oid(s: &str) -> ObjectiveId {
    ObjectiveId::new(s)
}

/// top (2 sasaran: s1 with i1,i2; s2 with i3) <- child (carries i1) ; other unrelated.
fn sample() -> Workspace {
    let mut top = agreement("top", None, 2024);
    top.objectives = vec![
        objective(
            "s1",
            "Sasaran satu",
            vec![
                indicator("i1", "Indikator satu", "75%", None),
                indicator("i2", "Indikator dua", "8 kali", None),
            ],
        ),
        objective("s2", "Sasaran dua", vec![indicator("i3", "Indikator tiga", "2 Lap", None)]),
    ];
    top.budget = vec![line("Program A", "1.000.000"), line("Program B", "-")];
    let mut child = agreement("child", Some("top"), 2024);
    child.objectives = vec![objective(
        "c1",
        "Sasaran satu",
        vec![indicator("ci1", "Indikator satu", "75%", Some(("i1", "Indikator satu")))],
    )];
    let grandchild = agreement("grandchild", Some("child"), 2024);
    workspace(vec![top, child, grandchild, agreement("other", None, 2024)])
}

fn texts(ws: &Workspace, a: &str) -> Vec<Vec<String>> {
    ws.agreement(&aid(a))
        .unwrap()
        .objectives
        .iter()
        .map(|o| o.indicators.iter().map(|i| i.id.0.clone()).collect())
        .collect()
}

#[test]
fn edit_fields_year_and_parties() {
    let ws = undoable(&sample(), |ws| {
        let a = ws.agreement_mut(&aid("top")).unwrap();
        assert!(a.set_field(Field::FirstName, "Ilham"));
        assert!(a.set_field(Field::SecondPosition, "Ketua"));
        assert!(a.set_year(2025));
        assert!(!a.set_field(Field::FirstName, "Ilham"), "same value: no change");
    });
    let a = ws.agreement(&aid("top")).unwrap();
    assert_eq!(
        (a.first_party.name.as_str(), a.second_party.position.as_str(), a.year),
        ("Ilham", "Ketua", 2025)
    );
    for f in [
        Field::Office,
        Field::Unit,
        Field::Place,
        Field::Date,
        Field::Notes,
        Field::FirstPosition,
        Field::SecondName,
    ] {
        undoable(&ws, |ws| {
            assert!(ws.agreement_mut(&aid("top")).unwrap().set_field(f, "baru"));
        });
    }
}

#[test]
fn add_edit_move_delete_objectives() {
    let mut gen = ids();
    let ws = undoable(&sample(), |ws| {
        let a = ws.agreement_mut(&aid("top")).unwrap();
        let (o, i) = a.add_objective(Some(&oid("s1")), &mut gen);
        assert!(a.set_objective_text(&o, "Sasaran baru"));
        assert!(a.set_indicator_text(&i, "Indikator baru"));
    });
    let a = ws.agreement(&aid("top")).unwrap();
    assert_eq!(
        a.objectives.iter().map(|o| o.text.as_str()).collect::<Vec<_>>(),
        ["Sasaran satu", "Sasaran baru", "Sasaran dua"]
    );
    assert_eq!(a.objectives[1].indicators.len(), 1);

    let ws = undoable(&sample(), |ws| {
        assert!(ws.agreement_mut(&aid("top")).unwrap().move_objective(&oid("s2"), -1))
    });
    assert_eq!(texts(&ws, "top"), vec![vec!["i3"], vec!["i1", "i2"]]);
    let mut unchanged = sample();
    assert!(
        !unchanged.agreement_mut(&aid("top")).unwrap().move_objective(&oid("s1"), -1),
        "the first cannot move up"
    );

    let ws = undoable(&sample(), |ws| {
        assert!(ws.agreement_mut(&aid("top")).unwrap().delete_objective(&oid("s1")))
    });
    assert_eq!(texts(&ws, "top"), vec![vec!["i3"]]);
}

#[test]
fn add_edit_move_delete_indicators() {
    let mut gen = ids();
    let ws = undoable(&sample(), |ws| {
        let a = ws.agreement_mut(&aid("top")).unwrap();
        let new = a.add_indicator(&oid("s1"), Some(&iid("i1")), &mut gen).unwrap();
        assert!(a.set_indicator_text(&new, "Baru"));
        assert!(a.set_target(&new, "97,5%"));
    });
    let a = ws.agreement(&aid("top")).unwrap();
    assert_eq!(a.objectives[0].indicators[1].text, "Baru");
    assert_eq!(a.objectives[0].indicators[1].target.quantity().unwrap().unit, "%");

    let ws = undoable(&sample(), |ws| {
        assert!(ws.agreement_mut(&aid("top")).unwrap().move_indicator(&iid("i2"), -1))
    });
    assert_eq!(texts(&ws, "top"), vec![vec!["i2", "i1"], vec!["i3"]]);
    // Past the edge of its sasaran an indicator moves into the neighbour.
    let ws = undoable(&sample(), |ws| {
        assert!(ws.agreement_mut(&aid("top")).unwrap().move_indicator(&iid("i2"), 1))
    });
    assert_eq!(texts(&ws, "top"), vec![vec!["i1"], vec!["i2", "i3"]]);
    let ws = undoable(&sample(), |ws| {
        assert!(ws.agreement_mut(&aid("top")).unwrap().move_indicator(&iid("i3"), -1))
    });
    assert_eq!(texts(&ws, "top"), vec![vec!["i1", "i2", "i3"], vec![]]);
    let mut edge = sample();
    assert!(
        !edge.agreement_mut(&aid("top")).unwrap().move_indicator(&iid("i3"), 1),
        "the last cannot move down"
    );

    let ws = undoable(&sample(), |ws| {
        assert!(ws.agreement_mut(&aid("top")).unwrap().delete_indicator(&iid("i1")))
    });
    assert_eq!(texts(&ws, "top"), vec![vec!["i2"], vec!["i3"]]);
}

#[test]
fn budget_lines() {
    let ws = undoable(&sample(), |ws| {
        let a = ws.agreement_mut(&aid("top")).unwrap();
        let i = a.add_budget_line();
        assert!(a.set_program(i, "Program C"));
        assert!(a.set_amount(i, Amount::parse("Rp 10.252.187.000").unwrap()));
    });
    let a = ws.agreement(&aid("top")).unwrap();
    assert_eq!(a.budget[2].amount.display(crate::core::i18n::Lang::Id), "Rp 10.252.187.000");
    let ws =
        undoable(&sample(), |ws| assert!(ws.agreement_mut(&aid("top")).unwrap().move_budget_line(1, -1)));
    assert_eq!(ws.agreement(&aid("top")).unwrap().budget[0].program, "Program B");
    let ws = undoable(&sample(), |ws| assert!(ws.agreement_mut(&aid("top")).unwrap().delete_budget_line(0)));
    assert_eq!(ws.agreement(&aid("top")).unwrap().budget.len(), 1);
    let mut none = sample();
    assert!(!none.agreement_mut(&aid("top")).unwrap().delete_budget_line(9));
}

#[test]
fn create_duplicate_and_delete_agreements() {
    let mut gen = ids();
    let mut new_id = None;
    let ws = undoable(&sample(), |ws| new_id = Some(ws.create_agreement(2024, &mut gen)));
    let new = ws.agreement(new_id.as_ref().unwrap()).unwrap();
    assert_eq!(
        (new.year, new.office.as_str(), new.unit.as_str(), new.date.as_str()),
        (2024, "KPU Contoh", "Sekretariat", "Januari 2024")
    );

    let mut copy_id = None;
    let ws = undoable(&sample(), |ws| copy_id = ws.duplicate_agreement(&aid("child"), &mut gen));
    let copy = ws.agreement(copy_id.as_ref().unwrap()).unwrap();
    assert_eq!(ws.position(copy_id.as_ref().unwrap()), Some(2), "right after the original");
    assert_eq!(copy.parent, Some(aid("top")));
    assert_ne!(copy.objectives[0].indicators[0].id, iid("ci1"), "fresh indicator ids");
    assert_eq!(
        copy.objectives[0].indicators[0].parent.as_ref().unwrap().id,
        iid("i1"),
        "still carries the same parent indicator"
    );

    // Detach: the children stay and become top-level.
    let ws = undoable(&sample(), |ws| {
        assert_eq!(ws.delete_agreement(&aid("child"), Children::Detach), vec![aid("child")])
    });
    assert_eq!(ws.agreement(&aid("grandchild")).unwrap().parent, None);
    // Delete all: the whole subtree goes.
    let ws = undoable(&sample(), |ws| {
        assert_eq!(
            ws.delete_agreement(&aid("top"), Children::DeleteAll),
            vec![aid("top"), aid("child"), aid("grandchild")]
        )
    });
    assert_eq!(ws.agreements.len(), 1);
}

#[test]
fn the_own_office_is_the_office_files_come_from() {
    // A kabupaten that started from the province's file, then chose its own office.
    let mut ws = sample();
    ws.office = "Komisi Pemilihan Umum Provinsi Maluku".into();
    *ws.settings.offices = super::offices::Offices::maluku();
    assert!(ws.choose_own_office("Komisi Pemilihan Umum Kab. Buru"));
    assert_eq!(ws.settings.offices.own, "KPU Kabupaten Buru");
    assert_eq!(ws.office, "KPU Kabupaten Buru");
    // The province choosing itself keeps the name it writes in full.
    ws.office = "Komisi Pemilihan Umum Provinsi Maluku".into();
    assert!(ws.choose_own_office("KPU Provinsi Maluku"));
    assert_eq!(ws.office, "Komisi Pemilihan Umum Provinsi Maluku");
    assert!(!ws.choose_own_office("KPU Provinsi Maluku"), "nothing changed");
}

#[test]
fn deleting_says_everything_it_takes() {
    // top → child → grandchild: "delete it with its lower PKs" takes two, one of them signed.
    let mut ws = sample();
    let d = ws.deletion(&aid("top"));
    assert_eq!(d, super::Deletion { children: 1, below: 2, signed_below: 0 });
    let g = ws.agreement_mut(&aid("grandchild")).unwrap();
    g.objectives = vec![objective("s", "S", vec![indicator("g1", "G", "75%", None)])];
    g.sign("2024-01-02", false).unwrap();
    assert_eq!(ws.deletion(&aid("top")).signed_below, 1);
    assert_eq!(ws.deletion(&aid("child")), super::Deletion { children: 1, below: 1, signed_below: 1 });
    assert_eq!(ws.deletion(&aid("grandchild")), Default::default(), "itself is not below itself");
}

#[test]
fn parent_links_refuse_cycles() {
    let ws = undoable(&sample(), |ws| assert!(ws.set_parent(&aid("other"), Some(aid("child")))));
    assert_eq!(ws.agreement(&aid("other")).unwrap().parent, Some(aid("child")));
    let mut ws = sample();
    assert!(!ws.set_parent(&aid("top"), Some(aid("grandchild"))), "a descendant cannot become the parent");
    assert!(!ws.set_parent(&aid("top"), Some(aid("top"))));
    assert!(!ws.set_parent(&aid("top"), Some(aid("missing"))));
    assert!(ws.set_parent(&aid("child"), None));
}

#[test]
fn cascade_copies_and_links_the_chosen_indicators() {
    let mut gen = ids();
    let first = Party { name: "Baru".into(), position: "Kepala Sub Bagian".into() };
    let mut new_id = None;
    let ws = undoable(&sample(), |ws| {
        new_id = ws.cascade_from(&aid("top"), &[iid("i2"), iid("i3")], first.clone(), &mut gen)
    });
    let new_id = new_id.unwrap();
    let top = ws.agreement(&aid("top")).unwrap();
    let c = ws.agreement(&new_id).unwrap();
    assert_eq!(c.parent, Some(aid("top")));
    assert_eq!(c.second_party, top.first_party, "Pihak Kedua is the higher PK's Pihak Pertama");
    assert_eq!(c.first_party, first);
    assert_eq!(
        (c.year, c.place.as_str(), c.date.as_str()),
        (top.year, top.place.as_str(), top.date.as_str())
    );
    assert_eq!(
        c.objectives.iter().map(|o| o.text.as_str()).collect::<Vec<_>>(),
        ["Sasaran satu", "Sasaran dua"]
    );
    let links: Vec<(&str, &str, &str)> = c
        .indicators()
        .map(|(_, i)| (i.text.as_str(), i.target.text(), i.parent.as_ref().unwrap().id.as_str()))
        .collect();
    assert_eq!(links, [("Indikator dua", "8 kali", "i2"), ("Indikator tiga", "2 Lap", "i3")]);
    assert_eq!(
        c.budget.iter().map(|b| (b.program.as_str(), b.amount.clone())).collect::<Vec<_>>(),
        [("Program A", Amount::Blank), ("Program B", Amount::Blank)]
    );
    // Placed after the parent's subtree (top, child, grandchild, <new>, other).
    assert_eq!(ws.position(&new_id), Some(3));
    assert!(ws.clone().cascade_from(&aid("missing"), &[], Party::default(), &mut gen).is_none());
}

#[test]
fn parent_text_changes_show_up_and_can_be_taken_or_kept() {
    let mut ws = sample();
    assert!(ws.parent_changes(&aid("child")).is_empty());
    ws.agreement_mut(&aid("top")).unwrap().set_indicator_text(&iid("i1"), "Indikator satu (diubah)");
    let changes = ws.parent_changes(&aid("child"));
    assert_eq!(
        changes,
        vec![ParentChange {
            indicator: iid("ci1"),
            was: "Indikator satu".into(),
            now: Some("Indikator satu (diubah)".into())
        }]
    );

    let took = undoable(&ws, |ws| assert!(ws.take_parent_text(&aid("child"), &iid("ci1"))));
    assert_eq!(
        took.agreement(&aid("child")).unwrap().objectives[0].indicators[0].text,
        "Indikator satu (diubah)"
    );
    assert!(took.parent_changes(&aid("child")).is_empty());

    let kept = undoable(&ws, |ws| assert!(ws.keep_own_text(&aid("child"), &iid("ci1"))));
    assert_eq!(kept.agreement(&aid("child")).unwrap().objectives[0].indicators[0].text, "Indikator satu");
    assert!(kept.parent_changes(&aid("child")).is_empty());

    // The parent indicator deleted: reported with no current text, and the link can be removed.
    let mut gone = sample();
    gone.agreement_mut(&aid("top")).unwrap().delete_indicator(&iid("i1"));
    assert_eq!(gone.parent_changes(&aid("child"))[0].now, None);
    let unlinked = undoable(&gone, |ws| assert!(ws.unlink_indicator(&aid("child"), &iid("ci1"))));
    assert!(unlinked.parent_changes(&aid("child")).is_empty());
    // And a link can be made by hand.
    let relinked =
        undoable(&unlinked, |ws| assert!(ws.link_indicator(&aid("child"), &iid("ci1"), &iid("i2"))));
    assert_eq!(
        relinked.agreement(&aid("child")).unwrap().objectives[0].indicators[0].parent.as_ref().unwrap().text,
        "Indikator dua"
    );
}

#[test]
fn appended_rows_become_sasaran_and_indicators() {
    let mut gen = ids();
    let rows = vec![("Sasaran X".to_string(), vec![("Indikator X".to_string(), "12 Satker".to_string())])];
    let ws = undoable(&sample(), |ws| {
        assert_eq!(ws.agreement_mut(&aid("other")).unwrap().append_objectives(&rows, &mut gen), 1)
    });
    let a = ws.agreement(&aid("other")).unwrap();
    assert_eq!(a.objectives[0].text, "Sasaran X");
    assert_eq!(a.objectives[0].indicators[0].target.quantity().unwrap().value, 12.into());
}
