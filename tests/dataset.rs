//! The embedded 2024 dataset checked against the source document (the signed PKs of Sekretariat KPU
//! Provinsi Maluku). Every figure below was read off the document by hand.

use kinerja::core::io::file::{self, WriteOptions};
use kinerja::core::model::{Agreement, AgreementId, Amount, Workspace};
use kinerja::core::seed;
use rust_decimal_macros::dec;

const P: &str = "kpu-maluku-2024-";

fn ws() -> Workspace {
    seed::workspace().expect("the embedded dataset reads without problems")
}

fn pk<'a>(ws: &'a Workspace, key: &str) -> &'a Agreement {
    ws.agreement(&AgreementId::new(format!("{P}{key}"))).unwrap_or_else(|| panic!("no PK {key}"))
}

#[test]
fn ten_agreements_in_document_order_with_their_sizes() {
    let ws = ws();
    let sizes: Vec<(String, usize, usize)> = ws
        .agreements
        .iter()
        .map(|a| (a.id.0.trim_start_matches(P).to_string(), a.objectives.len(), a.indicator_count()))
        .collect();
    let expected = [
        ("sekretaris", 38, 59),
        ("kabag-perencanaan-data-informasi", 3, 7),
        ("kabag-keuangan-umum-logistik", 13, 22),
        ("kabag-teknis-hukum-sdm", 22, 30),
        ("kasubag-perencanaan", 2, 4),
        ("kasubag-data-informasi", 1, 3),
        ("kasubag-teknis-parmas", 9, 13),
        ("kasubag-hukum-sdm", 13, 17),
        ("kasubag-keuangan", 5, 6),
        ("kasubag-umum-logistik", 8, 16),
    ];
    let expected: Vec<(String, usize, usize)> =
        expected.iter().map(|(k, s, i)| (k.to_string(), *s, *i)).collect();
    assert_eq!(sizes, expected);
    assert_eq!(ws.agreements.iter().map(|a| a.indicator_count()).sum::<usize>(), 177);
    assert!(ws.agreements.iter().all(|a| a.year == 2024
        && a.unit == "Sekretariat KPU Provinsi Maluku"
        && a.office == "Komisi Pemilihan Umum Provinsi Maluku"
        && a.place == "Ambon"
        && a.date == "Januari 2024"));
}

#[test]
fn parties_as_signed() {
    let ws = ws();
    let parties = |key: &str| {
        let a = pk(&ws, key);
        (
            a.first_party.name.as_str(),
            a.first_party.position.as_str(),
            a.second_party.name.as_str(),
            a.second_party.position.as_str(),
        )
    };
    assert_eq!(
        parties("sekretaris"),
        (
            "Ilham",
            "Sekretaris Komisi Pemilihan Umum Provinsi Maluku",
            "Syamsul Rifan Kubangun",
            "Ketua Komisi Pemilihan Umum Provinsi Maluku"
        )
    );
    assert_eq!(
        parties("kabag-perencanaan-data-informasi"),
        (
            "Moliabansa Latupono",
            "Kepala Bagian Perencanaan, Data dan Informasi",
            "Ilham",
            "Sekretaris Komisi Pemilihan Umum Provinsi Maluku"
        )
    );
    assert_eq!(parties("kabag-keuangan-umum-logistik").0, "M.Taha.Rahawarin");
    assert_eq!(parties("kabag-keuangan-umum-logistik").1, "Kepala Bagian Keuangan, Umum dan Logistik");
    // The Kepala Bagian Teknis's name is not in the source text.
    assert_eq!(parties("kabag-teknis-hukum-sdm").0, "");
    assert_eq!(
        parties("kabag-teknis-hukum-sdm").1,
        "Kepala Bagian Teknis Penyelenggaraan Pemilu, Partisipasi dan Hubungan Masyarakat, Hukum dan SDM"
    );
    assert_eq!(parties("kasubag-perencanaan").0, "Mirawaty Aksan");
    assert_eq!(parties("kasubag-perencanaan").1, "Kepala Bagian Perencanaan", "kept as printed");
    assert_eq!(parties("kasubag-data-informasi").0, "Vanny.D.Kastanja");
    assert_eq!(parties("kasubag-teknis-parmas").0, "Rachel Gaspersz");
    assert_eq!(parties("kasubag-hukum-sdm").0, "Ahmad Kotabanda");
    assert_eq!(parties("kasubag-hukum-sdm").1, "Kepala Sub Bagian Hukum dan SDM");
    assert_eq!(parties("kasubag-keuangan").0, "Erlita Reny Latuconsina");
    assert_eq!(parties("kasubag-umum-logistik").0, "Earlynda Lisapaly");
    assert_eq!(parties("kasubag-umum-logistik").2, "M.Taha.Rahawarin");
}

#[test]
fn cascade_links_follow_who_signs_with_whom() {
    let ws = ws();
    let parent = |key: &str| pk(&ws, key).parent.as_ref().map(|p| p.0.trim_start_matches(P).to_string());
    assert_eq!(parent("sekretaris"), None);
    for kabag in
        ["kabag-perencanaan-data-informasi", "kabag-keuangan-umum-logistik", "kabag-teknis-hukum-sdm"]
    {
        assert_eq!(parent(kabag).as_deref(), Some("sekretaris"));
    }
    for (sub, kabag) in [
        ("kasubag-perencanaan", "kabag-perencanaan-data-informasi"),
        ("kasubag-data-informasi", "kabag-perencanaan-data-informasi"),
        ("kasubag-teknis-parmas", "kabag-teknis-hukum-sdm"),
        ("kasubag-hukum-sdm", "kabag-teknis-hukum-sdm"),
        ("kasubag-keuangan", "kabag-keuangan-umum-logistik"),
        ("kasubag-umum-logistik", "kabag-keuangan-umum-logistik"),
    ] {
        assert_eq!(parent(sub).as_deref(), Some(kabag), "{sub}");
        // Each child's Pihak Kedua is its parent's Pihak Pertama (by position).
        assert_eq!(pk(&ws, sub).second_party.position, pk(&ws, kabag).first_party.position);
    }
    let tree = ws.cascade(2024);
    assert_eq!(tree.len(), 10);
    assert_eq!(tree.iter().filter(|r| r.depth == 0).count(), 1);
    assert_eq!(tree.iter().filter(|r| r.depth == 1).count(), 3);
    assert_eq!(tree.iter().filter(|r| r.depth == 2).count(), 6);
    assert!(tree.iter().all(|r| r.problem.is_none()));
}

#[test]
fn every_child_indicator_is_linked_to_an_indicator_of_its_parent() {
    let ws = ws();
    let mut links = 0;
    for a in ws.agreements.iter().filter(|a| a.parent.is_some()) {
        let parent = ws.agreement(a.parent.as_ref().unwrap()).unwrap();
        for (_, ind) in a.indicators() {
            let link = ind.parent.as_ref().unwrap_or_else(|| panic!("{} not linked", ind.id));
            let p = parent.find_indicator(&link.id).unwrap_or_else(|| panic!("{} links to nothing", ind.id));
            assert_eq!(link.text, p.text, "the link records the parent's text");
            links += 1;
        }
    }
    assert_eq!(links, 177 - 59);
    // Sekretaris' indicators are not linked to anything above (the Ketua signs no PK here).
    assert!(pk(&ws, "sekretaris").indicators().all(|(_, i)| i.parent.is_none()));
}

#[test]
fn budgets_exactly_as_printed() {
    let ws = ws();
    let budget = |key: &str| pk(&ws, key).budget.iter().map(|b| b.amount.clone()).collect::<Vec<_>>();
    assert_eq!(budget("sekretaris"), vec![Amount::Value(dec!(10252187000)), Amount::Value(dec!(3652389000))]);
    assert_eq!(
        budget("kabag-perencanaan-data-informasi"),
        vec![Amount::Blank, Amount::Value(dec!(798139000))]
    );
    assert_eq!(
        budget("kabag-keuangan-umum-logistik"),
        vec![Amount::Value(dec!(10252187000)), Amount::Value(dec!(430835000))]
    );
    assert_eq!(budget("kabag-teknis-hukum-sdm"), vec![Amount::Blank, Amount::Value(dec!(2169272000))]);
    assert_eq!(budget("kasubag-perencanaan"), vec![Amount::Blank, Amount::Value(dec!(798139000))]);
    assert_eq!(budget("kasubag-data-informasi"), vec![Amount::Dash, Amount::Value(dec!(254143000))]);
    assert_eq!(budget("kasubag-teknis-parmas"), vec![Amount::Dash, Amount::Value(dec!(1885191000))]);
    assert_eq!(budget("kasubag-hukum-sdm"), vec![Amount::Dash, Amount::Value(dec!(284081000))]);
    assert_eq!(budget("kasubag-keuangan"), vec![Amount::Value(dec!(5138411000)), Amount::Dash]);
    assert_eq!(
        budget("kasubag-umum-logistik"),
        vec![Amount::Value(dec!(5113766000)), Amount::Value(dec!(430835000))]
    );
    for a in &ws.agreements {
        let programs: Vec<&str> = a.budget.iter().map(|b| b.program.as_str()).collect();
        assert_eq!(
            programs,
            ["Program Dukungan Manajemen", "Penyelenggaraan Pemilu dalam proses Konsolidasi Demokrasi"]
        );
    }
}

#[test]
fn sekretaris_table_spot_checks_and_repairs() {
    let ws = ws();
    let s = pk(&ws, "sekretaris");
    let first = &s.objectives[0];
    assert_eq!(
        first.text,
        "Terwujudnya rencana kerja dan anggaran KPU Provinsi Maluku yang efektif dan efisien"
    );
    assert_eq!(first.indicators[0].target.text(), "8 kali");
    // The two rows printed "8" are kept, in order, as sasaran 8 and 9.
    assert_eq!(s.objectives[7].text, "Pembentukan Badan Adhock");
    assert_eq!(s.objectives[7].indicators[0].target.text(), "12 Satker (Provinsi/Kabupaten/ Kota)");
    assert_eq!(s.objectives[8].text, "Meningkatnya pembinaan perbendaharaan");
    assert_eq!(s.objectives[2].indicators[0].target.text(), "97,5%");
    // Printed 27 and 29: targets cut by the extraction, restored.
    assert_eq!(s.objectives[27].text, "Pengelolaan Calon Peserta Pemilu");
    assert_eq!(s.objectives[27].indicators[0].target.text(), "12 Satker (Provinsi/Kabupaten/Kota)");
    assert_eq!(s.objectives[29].indicators[0].target.text(), "12 Satker (Provinsi/Kabupaten/Kota)");
    // Printed 33 keeps one indicator; the logistics indicator moved to printed 34 (first of four).
    assert_eq!(s.objectives[33].indicators.len(), 1);
    assert_eq!(s.objectives[34].indicators.len(), 4);
    assert!(s.objectives[34].indicators[0]
        .text
        .contains("tanpa ada permasalahan anggaran dalam pemenuhan kebutuhan logistik"));
    assert_eq!(
        s.objectives[37].indicators.last().unwrap().text,
        "Persentase Aplikasi KPU yang diterapkan secara terintegrasi"
    );
    assert_eq!(s.objectives[37].indicators.last().unwrap().target.text(), "80%");
    for note in ["8", "Svamsul", "Provinsi/Kabupaten/", "logistik"] {
        assert!(s.notes.contains(note), "the repair notes mention {note}");
    }
}

#[test]
fn other_repairs_are_recorded() {
    let ws = ws();
    let hukum = pk(&ws, "kasubag-hukum-sdm");
    let last = hukum.objectives.last().unwrap();
    assert_eq!(last.text, "Terlaksananya penyelesaian sengketa dan pelayanan pertimbangan hukum");
    assert_eq!(last.indicators.len(), 2);
    assert_eq!(last.indicators[0].target.text(), "3 Perkara");
    assert_eq!(last.indicators[1].target.text(), "88%");
    assert!(hukum.notes.contains("---- --- -- -----"));
    let teknis = pk(&ws, "kabag-teknis-hukum-sdm");
    assert_eq!(teknis.objectives[15].indicators[0].target.text(), "12 Satker (Provinsi/Kabupaten/Kota)");
    assert!(teknis.notes.contains("Nama Pihak Pertama tidak terdapat"));
    assert!(pk(&ws, "kabag-keuangan-umum-logistik").notes.contains("dipasangkan"));
    assert!(ws.notes.contains("dipulihkan"));
}

#[test]
fn targets_parse_to_value_and_unit() {
    let ws = ws();
    let mut units = std::collections::BTreeSet::new();
    for a in &ws.agreements {
        for (_, i) in a.indicators() {
            let q = i
                .target
                .quantity()
                .unwrap_or_else(|| panic!("target {:?} of {} parses", i.target.text(), i.id));
            units.insert(q.unit_key());
        }
    }
    let units: Vec<&str> = units.iter().map(String::as_str).collect();
    assert_eq!(units, ["%", "kali", "lap", "orang", "perkara", "satker", "satker(provinsi/kabupaten/kota)"]);
}

/// After a format change, `KINERJA_WRITE_SEED=1 cargo test --test dataset` rewrites the shipped file in
/// the current version (its content is checked by every other test here).
#[test]
fn the_shipped_file_is_in_the_app_s_own_canonical_form() {
    let ws = ws();
    let written = file::write(&ws, None, &WriteOptions { pretty: true, ..Default::default() });
    if std::env::var_os("KINERJA_WRITE_SEED").is_some() {
        std::fs::write(
            concat!(env!("CARGO_MANIFEST_DIR"), "/public/data/kpu-maluku-2024.json"),
            format!("{written}\n"),
        )
        .unwrap();
        return;
    }
    assert_eq!(written.trim_end(), seed::JSON.trim_end(), "re-writing the dataset changes nothing");
    assert!(
        seed::JSON.contains(&format!("\"version\": {}", file::VERSION)),
        "the dataset is in the current format version"
    );
}
