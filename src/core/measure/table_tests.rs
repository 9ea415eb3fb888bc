use super::*;
use crate::core::i18n::Lang;
use crate::core::measure::cascade::Source;
use crate::core::measure::spent::*;
use crate::core::measure::summary::*;
use crate::core::measure::Cap;
use crate::core::model::testing::*;
use crate::core::model::Amount;
use rust_decimal_macros::dec;

fn sample() -> Workspace {
    let mut a = agreement("a", None, 2024);
    a.objectives = vec![
        objective(
            "s1",
            "Terlaksananya pelaporan",
            vec![
                indicator("i1", "Jumlah laporan keuangan", "12 Lap", None),
                indicator("i2", "Persentase partisipasi pemilih", "80%", None),
            ],
        ),
        objective("s2", "Pengawasan", vec![indicator("i3", "Jumlah temuan BPK", "2 temuan", None)]),
    ];
    a.budget = vec![line("Program Dukungan Manajemen", "1.000.000"), line("Program lain", "-")];
    workspace(vec![a])
}

#[test]
fn a_year_of_realisasi_in_the_lkj_shape() {
    let mut ws = sample();
    for (q, v) in [(1, "3 Lap"), (2, "3 Lap"), (3, "2 Lap"), (4, "4 Lap")] {
        report(&mut ws, "a", "i1", q, v, "");
    }
    report(&mut ws, "a", "i2", 2, "66%", "");
    report(&mut ws, "a", "i2", 4, "83%", "Sosialisasi di 11 kabupaten/kota");
    report(&mut ws, "a", "i3", 4, "1", "");
    let a = ws.agreement(&aid("a")).unwrap().clone();
    let t = table(&ws, &a, Quarter::new(4).unwrap());
    let row = |n: &str| t.rows.iter().find(|r| r.number == n).unwrap();
    // 3 + 3 + 2 + 4 = 12 Lap of 12 Lap.
    assert_eq!(row("1.1").actual, Some(Target::new("12 Lap")));
    assert_eq!(row("1.1").capaian, Capaian::Percent(dec!(100)));
    // Last value: 83% of 80% = 103,75% (the Sarolangun row), predikat Sangat Tinggi.
    assert_eq!(row("1.2").actual, Some(Target::new("83%")));
    assert_eq!(row("1.2").capaian, Capaian::Percent(dec!(103.75)));
    assert_eq!(row("1.2").predikat.as_deref(), Some("Sangat Tinggi"));
    assert_eq!(
        row("1.2").notes,
        vec![(Quarter::new(4).unwrap(), "Sosialisasi di 11 kabupaten/kota".to_string())]
    );
    // Lower is better (inferred from "temuan"): 1 of at most 2 → (2 − 1/2) × 100 = 150%.
    assert_eq!(row("2.1").capaian, Capaian::Percent(dec!(150)));
    assert_eq!(t.missing(), 0);
    // Through TW II: the percentage's latest value, 66% of 80% = 82,5% (a KPU report printed 80%).
    let t2 = table(&ws, &a, Quarter::new(2).unwrap());
    let r = t2.rows.iter().find(|r| r.number == "1.2").unwrap();
    assert_eq!(r.capaian, Capaian::Percent(dec!(82.50)));
    assert_eq!(r.predikat.as_deref(), Some("Tinggi"));
    assert_eq!(t2.missing(), 1, "the temuan are not reported for TW II");
    // Capping is the workspace's setting, the same for every view.
    ws.settings.cap = Cap::At100;
    let capped = table(&ws, &a, Quarter::new(4).unwrap());
    assert_eq!(capped.rows[1].capaian, Capaian::Percent(dec!(100)));
    assert_eq!(capped.rows[2].capaian, Capaian::Percent(dec!(100)));
}

#[test]
fn a_quarter_not_reported_never_looks_reported() {
    // Only TW I is entered: 1 Lap of the 12 Lap (1 / 12 = 8,33 %).
    let mut ws = sample();
    report(&mut ws, "a", "i1", 1, "1 Lap", "");
    let a = ws.agreement(&aid("a")).unwrap().clone();
    let t1 = table(&ws, &a, Quarter::new(1).unwrap());
    assert_eq!(t1.rows[0].capaian, Capaian::Percent(dec!(8.33)));
    assert_eq!(t1.rows[0].through, Quarter::new(1));
    assert_eq!(crate::core::text::to_date(&t1.rows[0], t1.quarter, Lang::Id, "—"), "1 Lap");
    // TW II has nothing: no capaian, no predikat; the year to date says it runs through TW I.
    let t2 = table(&ws, &a, Quarter::new(2).unwrap());
    let r = &t2.rows[0];
    assert!(r.missing);
    assert_eq!(r.capaian, Capaian::NotAssessable(NotAssessable::NotReported));
    assert_eq!(r.predikat, None);
    assert_eq!(r.actual, Some(Target::new("1 Lap")));
    assert_eq!(r.through, Quarter::new(1));
    assert_eq!(crate::core::text::to_date(r, t2.quarter, Lang::Id, "—"), "1 Lap (s.d. TW I)");
    assert_eq!(crate::core::text::to_date(r, t2.quarter, Lang::En, "—"), "1 Lap (to Q1)");
    assert_eq!(crate::core::text::capaian(r.capaian, Lang::Id), "belum dapat dinilai: belum dilaporkan");
    // Nothing at all yet: no quarter to run through.
    assert_eq!(t2.rows[1].through, None);
    assert_eq!(crate::core::text::to_date(&t2.rows[1], t2.quarter, Lang::Id, "—"), "—");
}

#[test]
fn realisasi_anggaran_to_date() {
    let mut ws = sample();
    let a = ws.agreement_mut(&aid("a")).unwrap();
    a.budget[0].actual =
        [Amount::parse("150.000").unwrap(), Amount::parse("250.000").unwrap(), Amount::Blank, Amount::Blank];
    let a = ws.agreement(&aid("a")).unwrap().clone();
    let t = table(&ws, &a, Quarter::new(2).unwrap());
    assert_eq!(t.budget[0].spent, Some(dec!(400000)));
    assert_eq!(t.budget[0].percent, Some(dec!(40)), "Rp 400.000 of Rp 1.000.000");
    assert_eq!(t.budget[1].spent, None, "nothing reported");
    // TW III has no figure: the spending so far says it runs through TW II.
    let t3 = table(&ws, &a, Quarter::new(3).unwrap());
    assert_eq!(t3.budget[0].through, Quarter::new(2));
    assert_eq!(
        crate::core::text::spent_to_date(&t3.budget[0], t3.quarter, Lang::Id, "—"),
        "Rp 400.000 (s.d. TW II)"
    );
    assert_eq!(crate::core::text::spent_to_date(&t.budget[0], t.quarter, Lang::Id, "—"), "Rp 400.000");
    assert_eq!(t.budget[1].percent, None);
    assert_eq!(absorption(dec!(1), &Amount::parse("3").unwrap()), Some(dec!(33.33)));
    assert_eq!(absorption(dec!(1), &Amount::Dash), None, "no percentage of a dash");
    assert_eq!(t.budget[0].children_spent, None, "no lower PKs");
    // Lower PKs' spending on the same program adds up beside it.
    let mut kid = agreement("kid", Some("a"), 2024);
    kid.budget = vec![line("program dukungan  manajemen", "600.000")];
    kid.budget[0].actual[1] = Amount::parse("100.000").unwrap();
    ws.agreements.push(std::sync::Arc::new(kid));
    let t = table(&ws, &a, Quarter::new(2).unwrap());
    assert_eq!(t.budget[0].children_spent, Some(dec!(100000)));
    // TW II is entered here (250.000) and below (100.000): the entry here counts, and is flagged.
    assert_eq!(t.budget[0].spent, Some(dec!(400000)));
    assert_eq!(t.budget[0].differs, vec![Quarter::new(2).unwrap()]);
    assert!(!t.budget[0].from_below);
}

#[test]
fn realisasi_anggaran_rolls_up_the_cascade() {
    // Sekretaris → Kepala Bagian → Kepala Sub Bagian, Program Dukungan Manajemen at each level;
    // the realisasi is entered only at the Kepala Sub Bagian: Rp 1.250.000.000 in TW I.
    let program = "Program Dukungan Manajemen";
    let mut sek = agreement("sek", None, 2024);
    sek.budget = vec![line(program, "10.252.187.000")];
    let mut kabag = agreement("kabag", Some("sek"), 2024);
    kabag.budget = vec![line(program, "5.000.000.000")];
    let mut kasubag = agreement("kasubag", Some("kabag"), 2024);
    kasubag.budget = vec![line("program dukungan manajemen", "2.500.000.000")];
    kasubag.budget[0].actual[0] = Amount::parse("1.250.000.000").unwrap();
    let mut other = agreement("other", Some("kabag"), 2024);
    other.budget = vec![line(program, "1.000.000.000")];
    other.budget[0].actual[1] = Amount::parse("250.000.000").unwrap();
    let ws = workspace(vec![sek, kabag, kasubag, other]);
    let q = |n| Quarter::new(n).unwrap();
    let spent = |id: &str, n| table(&ws, ws.agreement(&aid(id)).unwrap(), q(n)).budget[0].clone();
    // TW I reaches the Kepala Bagian and the Sekretaris: 1.250.000.000 / 10.252.187.000 = 12,19 %.
    let sek1 = spent("sek", 1);
    assert_eq!(sek1.spent, Some(dec!(1250000000)));
    assert_eq!(sek1.percent, Some(dec!(12.19)));
    assert!(sek1.from_below);
    assert_eq!(spent("kabag", 1).spent, Some(dec!(1250000000)));
    assert_eq!(spent("kabag", 1).percent, Some(dec!(25)), "of Rp 5.000.000.000");
    // To date through TW II: 1.250.000.000 + 250.000.000 from the other Kepala Sub Bagian.
    assert_eq!(spent("sek", 2).spent, Some(dec!(1500000000)));
    assert_eq!(spent("sek", 2).children_spent, Some(dec!(1500000000)));
    assert!(spent("sek", 2).differs.is_empty());
    // Nothing reported anywhere in a quarter adds nothing; no quarter at all: none.
    assert_eq!(spent("sek", 4).spent, Some(dec!(1500000000)));
    // A loop in the parent links (a broken file) ends instead of going round for ever.
    let mut a = agreement("loop-a", Some("loop-b"), 2024);
    a.budget = vec![line(program, "1.000")];
    let mut b = agreement("loop-b", Some("loop-a"), 2024);
    b.budget = vec![line(program, "1.000")];
    b.budget[0].actual[0] = Amount::parse("500").unwrap();
    let looped = workspace(vec![a, b]);
    let t = table(&looped, looped.agreement(&aid("loop-a")).unwrap(), q(1));
    assert_eq!(t.budget[0].spent, Some(dec!(500)));
    let empty = workspace(vec![agreement("x", None, 2024)]);
    assert!(table(&empty, empty.agreement(&aid("x")).unwrap(), q(4)).budget.is_empty());
}

#[test]
fn the_four_quarters_at_once_are_each_quarter_alone() {
    let mut ws = sample();
    let mut kid = agreement("kid", Some("a"), 2024);
    kid.objectives = vec![objective(
        "k",
        "S",
        vec![indicator("k1", "Jumlah laporan keuangan", "6 Lap", Some(("i1", "Jumlah laporan keuangan")))],
    )];
    kid.budget = vec![line("Program Dukungan Manajemen", "500.000")];
    kid.budget[0].actual[2] = Amount::parse("20.000").unwrap();
    ws.agreements.push(std::sync::Arc::new(kid));
    report(&mut ws, "kid", "k1", 1, "2 Lap", "");
    report(&mut ws, "a", "i2", 2, "66%", "catatan");
    report(&mut ws, "a", "i1", 3, "4 Lap", "");
    let links = Links::new(&ws);
    for id in ["a", "kid"] {
        let a = ws.agreement(&aid(id)).unwrap();
        let all = tables_in(&links, a);
        for q in Quarter::ALL {
            assert_eq!(all[q.index()], table(&ws, a, q), "{id} {q:?}");
        }
    }
    // The kid's 2 Lap is carried up in TW I; TW III has the Kasubag's own 4 Lap: 2 + 4 to date.
    let top = tables_in(&links, ws.agreement(&aid("a")).unwrap());
    assert_eq!(top[0].rows[0].flow.source, Source::Carried { from: aid("kid") });
    assert_eq!(top[2].rows[0].actual, Some(Target::new("6 Lap")));
    assert_eq!(top[2].budget[0].children_spent, Some(dec!(20000)));
}

#[test]
fn last_year_beside_this_year() {
    let mut ws = sample();
    let mut old = ws.agreement(&aid("a")).unwrap().clone();
    old.id = aid("a-2023");
    old.year = 2023;
    ws.agreements.push(std::sync::Arc::new(old));
    report(&mut ws, "a-2023", "i2", 4, "77%", "");
    let a = ws.agreement(&aid("a")).unwrap().clone();
    let t = table(&ws, &a, Quarter::new(4).unwrap());
    assert_eq!(t.rows[1].previous, Some(Target::new("77%")));
    assert!(!t.rows[1].previous_entered);
    assert_eq!(t.rows[0].previous, None, "not reported last year");
    // Typed by hand (last year's figure known from the printed LKj 2023): it counts over the PK's.
    ws.agreement_mut(&aid("a")).unwrap().set_previous(&crate::core::model::IndicatorId::new("i1"), "11 Lap");
    ws.agreement_mut(&aid("a")).unwrap().set_previous(&crate::core::model::IndicatorId::new("i2"), "78%");
    let a = ws.agreement(&aid("a")).unwrap().clone();
    let t = table(&ws, &a, Quarter::new(4).unwrap());
    assert_eq!(t.rows[0].previous, Some(Target::new("11 Lap")));
    assert!(t.rows[0].previous_entered);
    assert_eq!(t.rows[1].previous, Some(Target::new("78%")));
}

#[test]
fn counts_per_predikat_and_who_has_not_reported() {
    let mut ws = sample();
    report(&mut ws, "a", "i2", 1, "66%", "");
    report(&mut ws, "a", "i3", 1, "1", "");
    let a = ws.agreement(&aid("a")).unwrap().clone();
    let t = table(&ws, &a, Quarter::new(1).unwrap());
    let s = summary([&t], &ws.settings);
    let count = |label: &str| s.per_predikat.iter().find(|(l, _)| l == label).unwrap().1;
    assert_eq!(count("Tinggi"), 1, "66/80 = 82,50 %");
    assert_eq!(count("Sangat Tinggi"), 1, "1 of at most 2 temuan = 150 %");
    assert_eq!(s.not_assessable, 1, "the laporan were not reported");
    assert_eq!(s.not_reported, vec![(aid("a"), 1)]);
    assert_eq!(s.per_predikat.len(), 5);
}

#[test]
fn past_quarters_keep_the_target_in_force_then() {
    let mut ws = sample();
    // 80% promised; TW I reports 40% (capaian 50%). A Perubahan dated in July raises it to 100%.
    report(&mut ws, "a", "i2", 1, "40%", "");
    report(&mut ws, "a", "i2", 3, "80%", "");
    let a = ws.agreement_mut(&aid("a")).unwrap();
    a.sign("2024-01-02", false).unwrap();
    a.begin_revision(crate::core::model::life::Change {
        reason: crate::core::model::life::Reason::Budget,
        text: String::new(),
        basis: "DIPA revisi 1".into(),
        date: "2024-07-15".into(),
    })
    .unwrap();
    a.set_target(&IndicatorId::new("i2"), "100%");
    a.sign("2024-07-16", true).unwrap();
    let a = ws.agreement(&aid("a")).unwrap();
    let row = |q: u8| table(&ws, a, Quarter::new(q).unwrap()).rows[1].clone();
    // 40 / 80 = 50,00% against the target signed in January.
    assert_eq!(row(1).target.text(), "80%");
    assert_eq!(row(1).capaian.percent(), Some(dec!(50)));
    // 80 / 100 = 80,00% against the Perubahan from TW III on.
    assert_eq!(row(3).target.text(), "100%");
    assert_eq!(row(3).capaian.percent(), Some(dec!(80)));
}

#[test]
fn last_year_follows_the_predecessor_link() {
    let mut ws = sample();
    report(&mut ws, "a", "i2", 4, "77%", "");
    let mut ids = crate::core::model::IdGen::new("n");
    let made = ws.prepare_next_year(2024, None, &mut ids);
    let new = ws.agreement_mut(&made.created[0]).unwrap();
    // Renamed next year: only the link tells which indicator it was.
    new.first_party.position = "Jabatan baru".into();
    let id = new.objectives[0].indicators[1].id.clone();
    new.set_indicator_text(&id, "Tingkat partisipasi pemilih");
    let new = ws.agreement(&made.created[0]).unwrap();
    let t = table(&ws, new, Quarter::new(4).unwrap());
    assert_eq!(t.rows[1].previous.as_ref().map(|p| p.text().to_string()), Some("77%".to_string()));
}

#[test]
fn a_band_is_counted_by_its_place_even_when_two_share_a_label() {
    // An office that wrote "Tinggi" for both of the two upper bands still gets each band counted apart:
    // 82,50 % falls in the second band (≥ 70 %), 150 % in the first (> 90 %).
    let mut ws = sample();
    ws.settings.bands[0].label = "Tinggi".into();
    report(&mut ws, "a", "i2", 1, "66%", "");
    report(&mut ws, "a", "i3", 1, "1", "");
    let a = ws.agreement(&aid("a")).unwrap().clone();
    let t = table(&ws, &a, Quarter::new(1).unwrap());
    assert_eq!(t.rows.iter().map(|r| r.band).collect::<Vec<_>>(), [None, Some(1), Some(0)]);
    let s = summary([&t], &ws.settings);
    assert_eq!(s.per_predikat[0], ("Tinggi".to_string(), 1));
    assert_eq!(s.per_predikat[1], ("Tinggi".to_string(), 1));
}
