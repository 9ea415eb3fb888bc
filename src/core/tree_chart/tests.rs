use super::*;
use crate::core::i18n::Lang;
use crate::core::model::testing::*;
use crate::core::text::tree::TreeWords;

fn no_overlap(c: &Chart) {
    for (i, a) in c.nodes.iter().enumerate() {
        for b in &c.nodes[i + 1..] {
            let apart = a.x + a.width <= b.x
                || b.x + b.width <= a.x
                || a.y + a.height <= b.y
                || b.y + b.height <= a.y;
            assert!(apart, "{} overlaps {}", a.id, b.id);
        }
    }
}

#[test]
fn wraps_words_to_the_box() {
    assert_eq!(wrap("Kepala Sub Bagian Keuangan", 12), vec!["Kepala Sub", "Bagian", "Keuangan"]);
    assert_eq!(wrap("", 10), vec![""]);
    assert_eq!(wrap("abcdefghijkl", 5), vec!["abcde", "fghij", "kl"]);
}

#[test]
fn the_quarters_wrap_between_quarters() {
    // 27 characters a line: two quarters fit when their figures are short, else one a line; a quarter's
    // name stays with its figure.
    assert_eq!(wrap_parts("TW I 50,00% · TW II 80,00%", MARK_CHARS), vec!["TW I 50,00% · TW II 80,00%"]);
    assert_eq!(
        wrap_parts("TW I 50,00% · TW II 80,00% · TW III belum dilaporkan", MARK_CHARS),
        vec!["TW I 50,00% · TW II 80,00%", "TW III belum dilaporkan"]
    );
    assert_eq!(
        wrap_parts("TW I 100,00% · TW II 100,00% · TW III 100,00% · TW IV 100,00%", MARK_CHARS),
        vec!["TW I 100,00%", "TW II 100,00%", "TW III 100,00%", "TW IV 100,00%"]
    );
    // A part longer than a line is wrapped by words.
    assert_eq!(
        wrap_parts("Indikator ini belum diturunkan ke PK di bawahnya", MARK_CHARS),
        vec!["Indikator ini belum", "diturunkan ke PK di", "bawahnya"]
    );
}

#[test]
fn the_embedded_year_is_a_readable_tree_with_its_three_budget_gaps() {
    let ws = crate::core::seed::workspace().unwrap();
    let c = chart(&ws, 2024, None, &HashSet::new(), &TreeWords(Lang::Id));
    assert_eq!(c.nodes.len(), 10);
    no_overlap(&c);
    // The Sekretaris on top, centred over the three Kepala Bagian.
    let top = &c.nodes[0];
    assert!(top.id.0.ends_with("sekretaris") && top.parent.is_none());
    let kabag: Vec<&Node> = c.nodes.iter().filter(|n| n.parent.as_ref() == Some(&top.id)).collect();
    assert_eq!(kabag.len(), 3);
    let centre = |n: &Node| n.x + n.width / 2.0;
    assert_eq!(centre(top), (centre(kabag[0]) + centre(kabag[2])) / 2.0);
    // Each Kepala Bagian's Kepala Sub Bagian are stacked under it.
    assert!(c.nodes.iter().filter(|n| n.id.0.contains("kasubag")).all(|n| n.stacked));
    // The three budget gaps of the source document, each with its words.
    let gaps: Vec<&Mark> = c
        .nodes
        .iter()
        .flat_map(|n| &n.marks)
        .filter(|m| matches!(m.kind, MarkKind::BudgetOver | MarkKind::BudgetUnder))
        .collect();
    assert_eq!(gaps.len(), 3, "{gaps:?}");
    assert!(gaps.iter().all(|m| m.text.starts_with("⚠ ") && m.text.contains("Rp ")));
    assert_eq!(c.edges.len(), 9, "one line per lower PK");
    // Stable output: the same data gives the same picture.
    assert_eq!(chart(&ws, 2024, None, &HashSet::new(), &TreeWords(Lang::Id)), c);
    assert_eq!(
        (c.width.round(), c.nodes.len()),
        (chart(&ws, 2024, None, &HashSet::new(), &TreeWords(Lang::En)).width.round(), 10)
    );
}

#[test]
fn an_expanded_pk_lists_its_indicators_and_lines_follow_the_links() {
    let mut top = agreement("a", None, 2024);
    top.objectives = vec![objective(
        "s1",
        "Sasaran",
        vec![indicator("i1", "Laporan keuangan", "12 Lap", None), indicator("i2", "Arsip", "80%", None)],
    )];
    let mut low = agreement("b", Some("a"), 2024);
    low.objectives = vec![objective(
        "s2",
        "Sasaran bawah",
        vec![indicator("j1", "Laporan keuangan", "12 Lap", Some(("i1", "Laporan keuangan")))],
    )];
    let mut ws = workspace(vec![top, low]);
    report(&mut ws, "b", "j1", 1, "3 Lap", "");
    report(&mut ws, "b", "j1", 3, "3 Lap", "");
    let closed = chart(&ws, 2024, None, &HashSet::new(), &TreeWords(Lang::Id));
    assert!(closed.nodes[0]
        .marks
        .iter()
        .any(|m| m.kind == MarkKind::NotCascaded && m.text == "⚠ 1 indikator belum diturunkan"));
    let open: HashSet<AgreementId> = [aid("a"), aid("b")].into();
    let c = chart(&ws, 2024, None, &open, &TreeWords(Lang::Id));
    no_overlap(&c);
    assert!(c.nodes[0].height > closed.nodes[0].height);
    let rows: Vec<Option<&IndicatorId>> = c.nodes[0].rows.iter().map(|r| r.indicator.as_ref()).collect();
    assert_eq!(rows, vec![None, Some(&IndicatorId::new("i1")), Some(&IndicatorId::new("i2"))]);
    assert!(c.nodes[0].rows[2].marks.iter().any(|m| m.kind == MarkKind::NotCascaded));
    // One line per linked indicator, starting at the parent's row.
    let lines: Vec<&Edge> = c.edges.iter().filter(|e| e.indicator).collect();
    assert_eq!(lines.len(), 1);
    // TW I: 3 of 12 Lap, a count per quarter compared with the year's target: 25,00 %. TW II is not
    // reported and says so (never TW I's figure again); TW III: 3 + 3 = 6 of 12 Lap = 50,00 %.
    let low_row = &c.nodes[1].rows[1];
    // Wrapped inside the box, a quarter a line here (the line ran past the border), none split.
    let texts: Vec<&str> = low_row.marks.iter().map(|m| m.text.as_str()).collect();
    assert_eq!(texts, vec!["TW I 25,00%", "TW II belum dilaporkan", "TW III 50,00%"], "{:?}", low_row.marks);
}

#[test]
fn a_province_of_120_pks_is_laid_out_without_overlap_and_stays_a_few_screens_wide() {
    // Sekretaris → 4 Kepala Bagian (3 Kepala Sub Bagian each) and 11 regency offices (Sekretaris →
    // 3 Kepala Sub Bagian … with a further level under one): 120 PKs, the province scale of the benchmark.
    let mut all = vec![agreement("prov", None, 2024)];
    let mut add = |id: String, parent: &str| all.push(agreement(&id, Some(parent), 2024));
    for b in 0..4 {
        add(format!("kabag{b}"), "prov");
        for s in 0..3 {
            add(format!("kasubag{b}-{s}"), &format!("kabag{b}"));
        }
    }
    for k in 0..11 {
        add(format!("kab{k}"), "prov");
        for s in 0..8 {
            add(format!("kab{k}-sub{s}"), &format!("kab{k}"));
        }
    }
    for extra in 0..4 {
        add(format!("staf{extra}"), "kasubag0-0");
    }
    assert_eq!(all.len(), 1 + 4 * 4 + 11 * 9 + 4);
    let ws = workspace(all);
    let c = chart(&ws, 2024, None, &HashSet::new(), &TreeWords(Lang::Id));
    assert_eq!(c.nodes.len(), 120);
    no_overlap(&c);
    // Leaves stacked: 18 columns (15 under the Sekretaris, the Kepala Bagian with a deeper level taking
    // three), not 100 side by side.
    // (a stacked column is its indent wider than a box).
    assert!(
        c.width > 17.0 * (BOX_WIDTH + layout::GAP_X) && c.width < 19.0 * (BOX_WIDTH + layout::GAP_X),
        "{}",
        c.width
    );
    let top = &c.nodes[0];
    let below: Vec<&Node> = c.nodes.iter().filter(|n| n.parent.as_ref() == Some(&top.id)).collect();
    let centre = |n: &Node| n.x + n.width / 2.0;
    assert_eq!(centre(top), (centre(below[0]) + centre(below[below.len() - 1])) / 2.0);
}

#[test]
fn a_tree_too_large_to_draw_offers_its_parts() {
    use crate::core::model::testing::{agreement, workspace};
    // 41 offices of 10 PKs (410 > MAX_BOXES): each office's top PK with its 10.
    let mut all = Vec::new();
    for o in 0..41 {
        let top = format!("o{o}");
        all.push(agreement(&top, None, 2025));
        for k in 0..3 {
            let kabag = format!("o{o}-k{k}");
            all.push(agreement(&kabag, Some(&top), 2025));
            for s in 0..2 {
                all.push(agreement(&format!("o{o}-k{k}-s{s}"), Some(&kabag), 2025));
            }
        }
    }
    all.push(agreement("other-year", None, 2024));
    let ws = workspace(all);
    let parts = too_large(&ws, 2025, None).expect("410 PKs are too many");
    assert_eq!(parts.len(), 41);
    assert!(parts.iter().all(|(_, n)| *n == 10));
    assert_eq!(parts[7].0.as_str(), "o7");
    assert_eq!(too_large(&ws, 2025, Some(&AgreementId::new("o7"))), None, "one office is drawn");
    assert_eq!(too_large(&ws, 2024, None), None);
    let province = crate::core::seed::workspace().unwrap();
    assert_eq!(too_large(&province, 2024, None), None);
    // One PK with 401 below it: its own lower PKs to choose from.
    let mut wide = vec![agreement("big", None, 2025)];
    wide.extend((0..401).map(|i| agreement(&format!("big-{i}"), Some("big"), 2025)));
    let parts = too_large(&workspace(wide), 2025, Some(&AgreementId::new("big"))).unwrap();
    assert_eq!((parts.len(), parts[0].1), (401, 1));
}

#[test]
fn the_staff_tree_says_each_pk_status_first_and_the_box_grows_for_it() {
    let mut ws = crate::core::seed::workspace().unwrap();
    let id = crate::core::model::AgreementId::new("kpu-maluku-2024-kasubag-keuangan");
    ws.agreement_mut(&id).unwrap().sign("2024-01-02", false).unwrap();
    let plain = facts(&ws, 2024, None, &TreeWords(Lang::Id));
    let mut with = plain.clone();
    with.with_status(&ws, &TreeWords(Lang::Id));
    let at = |f: &Facts, id: &str| f.nodes.iter().position(|n| n.id.0 == id).unwrap();
    let signed = &with.nodes[at(&with, "kpu-maluku-2024-kasubag-keuangan")];
    assert_eq!(signed.marks[0].text, "Ditandatangani 2 Januari 2024");
    assert_eq!(signed.marks[0].kind, MarkKind::Status { needs_work: false });
    let draft = &with.nodes[at(&with, "kpu-maluku-2024-kabag-teknis-hukum-sdm")];
    assert_eq!(draft.marks[0].text, "Draf · 1 belum lengkap", "its first party's name is empty");
    assert_eq!(draft.marks[0].kind, MarkKind::Status { needs_work: true });
    for (a, b) in plain.nodes.iter().zip(&with.nodes) {
        let lines = wrap(&b.marks[0].text, MARK_CHARS).len() as f64;
        assert_eq!(b.height, a.height + LINE * lines, "the status's lines more for {}", a.id);
    }
    // The status never colours the side band: the band still says what the rollup flags.
    let c = arrange(&ws, &with, &HashSet::new(), &TreeWords(Lang::Id));
    let c0 = arrange(&ws, &plain, &HashSet::new(), &TreeWords(Lang::Id));
    for (a, b) in c0.nodes.iter().zip(&c.nodes) {
        assert_eq!(svg::box_class(a), svg::box_class(b));
    }
}
