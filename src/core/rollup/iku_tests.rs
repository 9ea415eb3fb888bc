use super::*;
use crate::core::model::testing::{agreement, iku, indicator, objective, renstra, workspace};

fn t(s: &str) -> Target {
    Target::new(s)
}

#[test]
fn higher_is_better_needs_at_least_the_renstra_value() {
    let p = Polarity::Higher;
    assert_eq!(strength(&t("80%"), &t("80%"), &p), Strength::NoWeaker);
    assert_eq!(strength(&t("82,5%"), &t("80%"), &p), Strength::NoWeaker);
    assert_eq!(strength(&t("79,99%"), &t("80%"), &p), Strength::Weaker);
    assert_eq!(strength(&t("12 Lap"), &t("11 lap"), &p), Strength::NoWeaker, "units by their letters");
    assert_eq!(strength(&t("12 Lap"), &t("80%"), &p), Strength::NotComparable, "another unit");
    assert_eq!(strength(&t("banyak"), &t("80%"), &p), Strength::NotComparable, "no number");
}

#[test]
fn lower_is_better_needs_at_most_the_renstra_value() {
    let p = Polarity::Lower;
    assert_eq!(strength(&t("0,2%"), &t("0,2%"), &p), Strength::NoWeaker);
    assert_eq!(strength(&t("6,5"), &t("7"), &p), Strength::NoWeaker);
    assert_eq!(strength(&t("9"), &t("8"), &p), Strength::Weaker);
}

#[test]
fn a_range_must_lie_inside_the_renstra_range() {
    let p = Polarity::Range;
    assert_eq!(strength(&t("80–90%"), &t("80-90 %"), &p), Strength::NoWeaker);
    assert_eq!(strength(&t("82–88%"), &t("80–90%"), &p), Strength::NoWeaker, "narrower inside");
    assert_eq!(strength(&t("85%"), &t("80–90%"), &p), Strength::NoWeaker, "one value inside");
    assert_eq!(strength(&t("70–90%"), &t("80–90%"), &p), Strength::Weaker, "reaches below");
    assert_eq!(strength(&t("80–95%"), &t("80–90%"), &p), Strength::Weaker, "reaches above");
    assert_eq!(strength(&t("8–9 Lap"), &t("80–90%"), &p), Strength::NotComparable);
}

#[test]
fn a_scale_needs_at_least_the_renstra_grade() {
    let p = Polarity::Scale(vec!["WTP".into(), "WDP".into(), "TW".into(), "TMP".into()]);
    assert_eq!(strength(&t("WTP"), &t("WDP"), &p), Strength::NoWeaker);
    assert_eq!(strength(&t(" wdp "), &t("WDP"), &p), Strength::NoWeaker);
    assert_eq!(strength(&t("TW"), &t("WDP"), &p), Strength::Weaker);
    assert_eq!(strength(&t("Baik"), &t("WDP"), &p), Strength::NotComparable, "off the scale");
}

/// A province's head PK for 2025 and a PK below it, with a Renstra of three IKU.
fn office() -> Workspace {
    let mut head = agreement("head", None, 2025);
    head.office = "KPU Provinsi Maluku".into();
    head.objectives = vec![objective(
        "s1",
        "Sasaran",
        vec![
            indicator("a", "Presentase  partisipasi pemilih.", "76%", None),
            indicator("b", "Opini BPK atas laporan keuangan", "WDP", None),
            indicator("c", "Jumlah temuan berulang", "3 temuan", None),
        ],
    )];
    let mut below = agreement("below", Some("head"), 2025);
    below.office = "KPU Provinsi Maluku".into();
    let mut ws = workspace(vec![head, below]);
    let scale = Polarity::Scale(vec!["WTP".into(), "WDP".into(), "TW".into(), "TMP".into()]);
    ws.renstra = vec![renstra(
        "KPU Provinsi Maluku",
        2025,
        vec![
            iku(
                "k1",
                "Persentase partisipasi pemilih",
                Polarity::Higher,
                &[(2025, "75%"), (2026, "77%")],
                "80%",
            ),
            iku("k2", "Opini BPK", scale, &[(2025, "WTP")], "WTP"),
            iku(
                "k3",
                "Persentase pemutakhiran data pemilih tepat waktu",
                Polarity::Higher,
                &[(2025, "100%")],
                "100%",
            ),
            iku("k4", "Jumlah temuan", Polarity::Lower, &[(2025, "2 temuan")], "0 temuan"),
        ],
    )];
    ws
}

fn states(c: &PkAgainstRenstra) -> Vec<(&str, IkuState)> {
    let PkAgainstRenstra::Checked { iku, .. } = c else { panic!("not checked: {c:?}") };
    iku.iter().map(|k| (k.iku.as_str(), k.state.clone())).collect()
}

#[test]
fn the_head_pk_is_matched_by_words_and_by_links_and_flags_missing_and_weaker() {
    let mut ws = office();
    let head = ws.agreement(&AgreementId::new("head")).unwrap().clone();
    let c = check(&ws, &head);
    assert_eq!(
        states(&c),
        vec![
            ("k1", IkuState::Carried { indicator: IndicatorId::new("a"), how: Match::SameText }),
            ("k2", IkuState::Missing),
            ("k3", IkuState::Missing),
            ("k4", IkuState::Missing),
        ],
        "the words of k2 and k4 differ from the PK's"
    );
    // Linked by hand where the words differ.
    ws.renstra[0].find_iku_mut(&IndicatorId::new("k2")).unwrap().links.push(IndicatorId::new("b"));
    ws.renstra[0].find_iku_mut(&IndicatorId::new("k4")).unwrap().links.push(IndicatorId::new("c"));
    let c = check(&ws, &head);
    assert_eq!(
        states(&c)[1..],
        [
            (
                "k2",
                IkuState::Weaker {
                    indicator: IndicatorId::new("b"),
                    how: Match::Linked,
                    target: t("WDP"),
                    comparable: true
                }
            ),
            ("k3", IkuState::Missing),
            (
                "k4",
                IkuState::Weaker {
                    indicator: IndicatorId::new("c"),
                    how: Match::Linked,
                    target: t("3 temuan"),
                    comparable: true
                }
            ),
        ]
    );
    assert_eq!(c.flags().map(|f| f.number.as_str()).collect::<Vec<_>>(), ["1.2", "1.3", "1.4"]);
}

#[test]
fn only_the_head_is_checked_only_the_years_iku_and_uncovered_years_get_a_note() {
    let ws = office();
    let below = ws.agreement(&AgreementId::new("below")).unwrap();
    assert_eq!(check(&ws, below), PkAgainstRenstra::NotHead);
    let mut head = ws.agreement(&AgreementId::new("head")).unwrap().clone();
    head.year = 2026;
    assert_eq!(
        states(&check(&ws, &head)),
        vec![(
            "k1",
            IkuState::Weaker {
                indicator: IndicatorId::new("a"),
                how: Match::SameText,
                target: t("76%"),
                comparable: true
            }
        )],
        "2026: only k1 has a target (77%), and 76% is below it"
    );
    head.year = 2024;
    assert_eq!(check(&ws, &head), PkAgainstRenstra::NotCovered);
    head.year = 2030;
    assert_eq!(check(&ws, &head), PkAgainstRenstra::NotCovered);
    head.office = "KPU Kota Ambon".into();
    head.year = 2025;
    assert_eq!(check(&ws, &head), PkAgainstRenstra::NotCovered, "another office's Renstra does not cover it");
}

#[test]
fn a_national_year_is_checked_at_once() {
    // 552 offices, each a head PK with 10 PKs below it: the year's check is one pass.
    let mut list = Vec::new();
    let mut renstra_list = Vec::new();
    for o in 0..552 {
        let office = format!("KPU {o}");
        let mut head = agreement(&format!("h{o}"), None, 2025);
        head.office = office.clone();
        head.objectives = vec![objective(
            "s",
            "S",
            vec![indicator(&format!("h{o}i"), "Persentase partisipasi pemilih", "75%", None)],
        )];
        list.push(head);
        for c in 0..9 {
            let mut below = agreement(&format!("b{o}-{c}"), Some(&format!("h{o}")), 2025);
            below.office = office.clone();
            list.push(below);
        }
        renstra_list.push(renstra(
            &office,
            2025,
            vec![iku("k", "Persentase partisipasi pemilih", Polarity::Higher, &[(2025, "75%")], "80%")],
        ));
    }
    let mut ws = workspace(list);
    ws.renstra = renstra_list;
    let started = std::time::Instant::now();
    let y = year(&ws, 2025);
    assert_eq!(y.len(), 552);
    assert!(y.iter().all(|(_, c)| c.flags().count() == 0));
    assert!(started.elapsed().as_millis() < 2000, "took {:?}", started.elapsed());
}

#[test]
fn a_year_lists_every_head_and_nothing_without_a_renstra() {
    let ws = office();
    let y = year(&ws, 2025);
    assert_eq!(y.len(), 1);
    assert_eq!(y[0].0, AgreementId::new("head"));
    assert_eq!(y[0].1.flags().count(), 3);
    let mut none = ws.clone();
    none.renstra.clear();
    assert!(year(&none, 2025).is_empty());
}
