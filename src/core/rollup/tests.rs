use super::*;
use crate::core::model::testing::*;
use crate::core::model::IndicatorId;
use rust_decimal_macros::dec;

/// top: budget A 1.000 / B 500; indicators: t1 "Persentase A" 75%, t2 "Jumlah laporan" 12 Lap, t3 "Presentase C" 90%.
/// kid1: A 600, B "-"; carries t1 (linked, 75%) and t2 (linked, 5 Lap).
/// kid2: A 300, B 500; carries t2 by link (7 Lap), "persentase  c" by text only (80%), and an orphan.
fn cascade() -> Workspace {
    let mut top = agreement("top", None, 2024);
    top.objectives = vec![objective(
        "s1",
        "S",
        vec![
            indicator("t1", "Persentase A", "75%", None),
            indicator("t2", "Jumlah laporan", "12 Lap", None),
            indicator("t3", "Presentase C", "90%", None),
        ],
    )];
    top.budget = vec![line("Program A", "1.000"), line("Program B", "500")];
    let mut kid1 = agreement("kid1", Some("top"), 2024);
    kid1.objectives = vec![objective(
        "k1s1",
        "S",
        vec![
            indicator("k1i1", "Persentase A", "75%", Some(("t1", "Persentase A"))),
            indicator("k1i2", "Jumlah laporan", "5 Lap", Some(("t2", "Jumlah laporan"))),
        ],
    )];
    kid1.budget = vec![line("Program A", "600"), line("Program B", "-")];
    let mut kid2 = agreement("kid2", Some("top"), 2024);
    kid2.objectives = vec![objective(
        "k2s1",
        "S",
        vec![
            indicator("k2i1", "Jumlah laporan", "7 lap", Some(("t2", "Jumlah laporan"))),
            indicator("k2i2", "persentase  c.", "80%", None),
            indicator("k2i3", "Sesuatu yang lain", "1 kali", None),
        ],
    )];
    kid2.budget = vec![line("program a", "300"), line("Program B", "500")];
    workspace(vec![top, kid1, kid2])
}

#[test]
fn budgets_per_program_with_exact_differences() {
    let r = rollup(&cascade(), 2024, None);
    let top = r.node(&aid("top")).unwrap();
    assert_eq!(top.programs.len(), 2, "programs matched by normalised name");
    let a = &top.programs[0];
    assert_eq!(
        (a.children_sum, a.difference, a.status),
        (dec!(900), dec!(-100), BudgetStatus::UnderAllocated)
    );
    let b = &top.programs[1];
    assert_eq!(
        b.children,
        vec![(aid("kid1"), Amount::Dash), (aid("kid2"), Amount::Value(dec!(500)))],
        "a dash is shown as such"
    );
    assert_eq!((b.children_sum, b.status), (dec!(500), BudgetStatus::Consistent));
    // Each program names the PK's own line, for "fix here" links; one only the children list has none.
    assert_eq!((a.line, b.line), (Some(0), Some(1)));
    let mut ws = cascade();
    ws.agreement_mut(&aid("kid1")).unwrap().budget.push(line("Program C", "10"));
    let top = rollup(&ws, 2024, None).node(&aid("top")).unwrap().programs.clone();
    assert_eq!((top.len(), top[2].line), (3, None));
    // Leaves are not flagged.
    assert!(r.node(&aid("kid1")).unwrap().is_leaf());
    assert!(r.node(&aid("kid1")).unwrap().programs.is_empty());
    assert_eq!(
        (r.summary.budget_flags, r.summary.under_allocated, r.summary.over_allocated),
        (1, dec!(100), dec!(0))
    );
}

#[test]
fn over_allocation_is_flagged_and_a_fix_clears_it() {
    let mut ws = cascade();
    ws.agreement_mut(&aid("kid2")).unwrap().set_amount(0, Amount::Value(dec!(500)));
    let r = rollup(&ws, 2024, None);
    let a = &r.node(&aid("top")).unwrap().programs[0];
    assert_eq!((a.difference, a.status), (dec!(100), BudgetStatus::OverAllocated));
    ws.agreement_mut(&aid("kid2")).unwrap().set_amount(0, Amount::Value(dec!(400)));
    assert!(rollup(&ws, 2024, None).summary.budget_consistent());
}

#[test]
fn coverage_links_text_matches_and_orphans() {
    let r = rollup(&cascade(), 2024, None);
    let top = r.node(&aid("top")).unwrap();
    let how = |id: &str| top.coverage.iter().find(|c| c.id.0 == id).unwrap();
    assert_eq!(
        how("t1").carriers.iter().map(|c| (c.agreement.0.as_str(), c.how)).collect::<Vec<_>>(),
        [("kid1", Match::Linked)]
    );
    assert_eq!(how("t3").carriers[0].how, Match::SameText, "matched by normalised text: shown as such");
    assert_eq!(top.unconfirmed().count(), 1);
    assert_eq!(
        top.orphans.iter().map(|o| (o.indicator.0.as_str(), o.number.as_str())).collect::<Vec<_>>(),
        [("k2i3", "1.3")]
    );
    assert_eq!(top.not_cascaded().count(), 0);
    assert_eq!(
        (r.summary.cascadable, r.summary.cascaded, r.summary.orphans, r.summary.unconfirmed),
        (3, 3, 1, 1)
    );
}

#[test]
fn counts_may_be_split_percentages_never_summed() {
    let r = rollup(&cascade(), 2024, None);
    let top = r.node(&aid("top")).unwrap();
    let check = |id: &str| top.coverage.iter().find(|c| c.id.0 == id).unwrap().check.clone();
    assert_eq!(check("t1"), TargetCheck::Same);
    assert_eq!(check("t2"), TargetCheck::SplitAddsUp { sum: dec!(12) }, "5 Lap + 7 lap = 12 Lap");
    assert_eq!(check("t3"), TargetCheck::Differs { sum: None }, "80% is not 90%");

    // Two children each with 50% of a 100% parent: percentages are not added up.
    let mut ws = cascade();
    ws.agreement_mut(&aid("top")).unwrap().set_target(&IndicatorId::new("t1"), "100%");
    ws.agreement_mut(&aid("kid1")).unwrap().set_target(&IndicatorId::new("k1i1"), "50%");
    let kid2 = ws.agreement_mut(&aid("kid2")).unwrap();
    kid2.objectives[0].indicators.push(indicator(
        "k2i4",
        "Persentase A",
        "50%",
        Some(("t1", "Persentase A")),
    ));
    let r = rollup(&ws, 2024, None);
    let t1 = r.node(&aid("top")).unwrap().coverage.iter().find(|c| c.id.0 == "t1").unwrap().check.clone();
    assert_eq!(t1, TargetCheck::Differs { sum: None });
    // A split that does not add up says what it adds up to.
    ws.agreement_mut(&aid("kid2")).unwrap().set_target(&IndicatorId::new("k2i1"), "8 Lap");
    let r = rollup(&ws, 2024, None);
    let t2 = r.node(&aid("top")).unwrap().coverage.iter().find(|c| c.id.0 == "t2").unwrap().check.clone();
    assert_eq!(t2, TargetCheck::Differs { sum: Some(dec!(13)) });
    let coverage = |r: &Rollup, id: &str| {
        r.node(&aid("top")).unwrap().coverage.iter().find(|c| c.id.0 == id).unwrap().clone()
    };
    let carriers =
        |c: &IndicatorCoverage| c.differing_carriers().map(|k| k.agreement.0.clone()).collect::<Vec<_>>();
    assert_eq!(
        carriers(&coverage(&r, "t2")),
        ["kid1", "kid2"],
        "a split that does not add up: every part is a place to fix"
    );
}

#[test]
fn only_carriers_with_another_target_are_places_to_fix() {
    // The reviewer's case: parent 87,5 %; one carrier 87,5 % (already right), a new one 90 %.
    let mut ws = cascade();
    ws.agreement_mut(&aid("top")).unwrap().set_target(&IndicatorId::new("t1"), "87,5%");
    ws.agreement_mut(&aid("kid1")).unwrap().set_target(&IndicatorId::new("k1i1"), "87,5%");
    let kid2 = ws.agreement_mut(&aid("kid2")).unwrap();
    kid2.objectives[0].indicators.push(indicator(
        "k2i4",
        "Persentase A",
        "90%",
        Some(("t1", "Persentase A")),
    ));
    let r = rollup(&ws, 2024, None);
    let t1 = r.node(&aid("top")).unwrap().coverage.iter().find(|c| c.id.0 == "t1").unwrap().clone();
    assert_eq!(t1.check, TargetCheck::Differs { sum: None });
    let fix: Vec<_> =
        t1.differing_carriers().map(|k| (k.agreement.0.as_str(), k.indicator.0.as_str())).collect();
    assert_eq!(fix, [("kid2", "k2i4")]);
    let same = r.node(&aid("top")).unwrap().coverage.iter().find(|c| c.id.0 == "t2").unwrap().clone();
    assert_eq!(same.differing_carriers().count(), 0, "a split that adds up has nothing to fix");
}

#[test]
fn not_cascaded_and_a_subtree() {
    let mut ws = cascade();
    ws.agreement_mut(&aid("kid1")).unwrap().delete_indicator(&IndicatorId::new("k1i1"));
    let mut grandkid = agreement("grandkid", Some("kid1"), 2024);
    grandkid.budget = vec![line("Program A", "600")];
    ws.insert_agreement(grandkid, None);
    let r = rollup(&ws, 2024, Some(&aid("kid1")));
    assert_eq!(
        r.nodes.iter().map(|n| (n.id.0.as_str(), n.depth)).collect::<Vec<_>>(),
        [("kid1", 0), ("grandkid", 1)]
    );
    assert_eq!(r.summary.per_level, vec![1, 1]);
    let r = rollup(&ws, 2024, None);
    let top = r.node(&aid("top")).unwrap();
    assert_eq!(top.not_cascaded().map(|c| c.id.0.as_str()).collect::<Vec<_>>(), ["t1"]);
    assert_eq!(r.summary.per_level, vec![1, 2, 1]);
}

/// The embedded 2024 dataset, worked out by hand from the source document:
/// - Sekretaris, Penyelenggaraan Pemilu: Kabag PDI 798.139.000 + Kabag KUL 430.835.000 + Kabag Teknis
///   2.169.272.000 = 3.398.246.000 against 3.652.389.000: Rp 254.143.000 under-allocated.
/// - Kabag PDI, Penyelenggaraan Pemilu: Kasubag Perencanaan 798.139.000 + Kasubag Datin 254.143.000 =
///   1.052.282.000 against 798.139.000: Rp 254.143.000 over-allocated.
/// - Kabag KUL, Dukungan Manajemen: Kasubag Keuangan 5.138.411.000 + Kasubag Umum 5.113.766.000 =
///   10.252.177.000 against 10.252.187.000: Rp 10.000 under-allocated.
/// - Every other program adds up (blank and "-" count as zero); the leaves are not checked.
/// - Coverage: each of the 59 + 7 + 22 + 30 indicators of the four PKs with children is carried by exactly
///   one lower PK (linked), no lower indicator is an orphan, and every carried target equals its parent's
///   (`12 Satker (Provinsi/Kabupaten/ Kota)` = `12 Satker (Provinsi/Kabupaten/Kota)`).
#[test]
fn the_embedded_dataset() {
    let ws = crate::core::seed::workspace().unwrap();
    let r = rollup(&ws, 2024, None);
    let p = |key: &str| aid(&format!("kpu-maluku-2024-{key}"));
    let flags: Vec<(String, String, Decimal, BudgetStatus)> = r
        .nodes
        .iter()
        .flat_map(|n| {
            n.budget_flags().map(move |f| {
                (
                    n.id.0.trim_start_matches("kpu-maluku-2024-").to_string(),
                    f.program.clone(),
                    f.difference,
                    f.status,
                )
            })
        })
        .collect();
    assert_eq!(
        flags,
        vec![
            (
                "sekretaris".into(),
                "Penyelenggaraan Pemilu dalam proses Konsolidasi Demokrasi".into(),
                dec!(-254143000),
                BudgetStatus::UnderAllocated
            ),
            (
                "kabag-perencanaan-data-informasi".into(),
                "Penyelenggaraan Pemilu dalam proses Konsolidasi Demokrasi".into(),
                dec!(254143000),
                BudgetStatus::OverAllocated
            ),
            (
                "kabag-keuangan-umum-logistik".into(),
                "Program Dukungan Manajemen".into(),
                dec!(-10000),
                BudgetStatus::UnderAllocated
            ),
        ]
    );
    let sek = r.node(&p("sekretaris")).unwrap();
    assert_eq!(sek.programs[0].children_sum, dec!(10252187000));
    assert_eq!(sek.programs[0].status, BudgetStatus::Consistent);
    assert_eq!(sek.programs[1].children_sum, dec!(3398246000));
    let teknis = r.node(&p("kabag-teknis-hukum-sdm")).unwrap();
    assert!(teknis.budget_flags().next().is_none(), "1.885.191.000 + 284.081.000 = 2.169.272.000");
    assert_eq!(teknis.programs[0].own, Amount::Blank);
    assert_eq!(
        teknis.programs[0].children,
        vec![(p("kasubag-teknis-parmas"), Amount::Dash), (p("kasubag-hukum-sdm"), Amount::Dash)]
    );

    let s = &r.summary;
    assert_eq!(s.per_level, vec![1, 3, 6]);
    assert_eq!((s.agreements, s.indicators, s.cascadable, s.cascaded), (10, 177, 118, 118));
    assert_eq!((s.orphans, s.target_differences, s.unconfirmed), (0, 0, 0));
    assert!(s.coverage_complete());
    assert!(!s.budget_consistent());
    assert_eq!((s.budget_flags, s.over_allocated, s.under_allocated), (3, dec!(254143000), dec!(254153000)));
    for n in r.nodes.iter().filter(|n| !n.is_leaf()) {
        assert!(
            n.coverage.iter().all(|c| c.carriers.len() == 1
                && c.carriers[0].how == Match::Linked
                && c.check == TargetCheck::Same),
            "{}",
            n.id
        );
    }
}

#[test]
fn without_links_the_dataset_is_matched_by_text() {
    // Files from older tools have no links: the normalised text still finds every parent indicator,
    // despite "Presentase"/"Persentase", "di ajukan"/"diajukan" and unclosed quotes.
    let mut ws = crate::core::seed::workspace().unwrap();
    for a in ws.agreements.iter_mut() {
        let a = std::sync::Arc::make_mut(a);
        for o in &mut a.objectives {
            for i in &mut o.indicators {
                i.parent = None;
            }
        }
    }
    let s = rollup(&ws, 2024, None).summary;
    assert_eq!((s.cascaded, s.orphans, s.unconfirmed, s.target_differences), (118, 0, 118, 0));
}

#[test]
fn worked_out_in_steps_equals_at_once() {
    // The embedded year (10 PKs, three budget gaps) and the small cascade above, in steps of every size,
    // whole and from a subtree: the same rollup as in one piece.
    let embedded = crate::core::seed::workspace().unwrap();
    let small = cascade();
    let sekretaris = embedded.agreements[0].id.clone();
    let cases: [(&Workspace, Option<&AgreementId>); 3] =
        [(&embedded, None), (&embedded, Some(&sekretaris)), (&small, None)];
    for (ws, root) in cases {
        steps::assert_steps_of_every_size(|| RollupWork::new(ws, 2024, root));
    }
}
