//! The source document's own tables, pasted back, reproduce its agreements. The only differences are
//! the documented repairs of the text extraction (tests/fixtures/table-*.tsv are the tables verbatim).

use kinerja::core::io::paste::{self, SkipReason};
use kinerja::core::model::{Agreement, AgreementId};
use kinerja::core::seed;

fn table(name: &str) -> String {
    std::fs::read_to_string(format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

/// (sasaran, [(indicator, target)]) of an agreement.
fn rows(a: &Agreement) -> Vec<(String, Vec<(String, String)>)> {
    a.objectives
        .iter()
        .map(|o| {
            (
                o.text.clone(),
                o.indicators.iter().map(|i| (i.text.clone(), i.target.text().to_string())).collect(),
            )
        })
        .collect()
}

#[test]
fn clean_tables_reproduce_their_agreements_exactly() {
    let ws = seed::workspace().unwrap();
    let clean = [
        "table-02-kabag-perencanaan-data-informasi",
        "table-03-kabag-keuangan-umum-logistik",
        "table-05-kasubag-perencanaan",
        "table-06-kasubag-data-informasi",
        "table-07-kasubag-teknis-parmas",
        "table-09-kasubag-keuangan",
        "table-10-kasubag-umum-logistik",
    ];
    for name in clean {
        let pasted = paste::parse(&table(&format!("{name}.tsv")));
        let id = AgreementId::new(format!("kpu-maluku-2024-{}", &name[9..]));
        let a = ws.agreement(&id).unwrap_or_else(|| panic!("{id}"));
        assert_eq!(pasted.rows(), rows(a), "{name}");
        assert_eq!(pasted.not_understood().count(), 0, "{name}");
        let skipped: Vec<SkipReason> = pasted.skipped.iter().map(|s| s.reason).collect();
        assert_eq!(skipped, [SkipReason::Header, SkipReason::ColumnNumbers], "{name}");
    }
}

#[test]
fn damaged_tables_differ_exactly_by_the_documented_repairs() {
    let ws = seed::workspace().unwrap();
    let get = |key: &str| ws.agreement(&AgreementId::new(format!("kpu-maluku-2024-{key}"))).unwrap();

    // Sekretaris: cut targets restored; the logistics indicator moved from printed 33 to 34.
    let mut pasted = paste::parse(&table("table-01-sekretaris.tsv")).rows();
    assert_eq!(pasted.len(), 38, "the duplicated number 8 still gives two sasaran");
    for (_, inds) in pasted.iter_mut() {
        for (_, target) in inds.iter_mut() {
            if target == "12 Satker (Provinsi/Kabupaten/" {
                *target = "12 Satker (Provinsi/Kabupaten/Kota)".into();
            }
        }
    }
    let moved = pasted[33].1.pop().unwrap();
    assert!(moved.0.contains("pemenuhan kebutuhan logistik"));
    pasted[34].1.insert(0, moved);
    assert_eq!(pasted, rows(get("sekretaris")));

    // Kabag Teknis: one cut target.
    let mut pasted = paste::parse(&table("table-04-kabag-teknis-hukum-sdm.tsv")).rows();
    assert_eq!(pasted[15].1[0].1, "12 Satker (Provinsi/Kabupaten/");
    pasted[15].1[0].1 = "12 Satker (Provinsi/Kabupaten/Kota)".into();
    assert_eq!(pasted, rows(get("kabag-teknis-hukum-sdm")));

    // Kasubag Hukum dan SDM: sasaran 13 split over two rows, and a separator row listed as skipped.
    let result = paste::parse(&table("table-08-kasubag-hukum-sdm.tsv"));
    assert_eq!(result.not_understood().map(|s| s.reason).collect::<Vec<_>>(), [SkipReason::Separator]);
    let mut pasted = result.rows();
    assert_eq!(pasted.len(), 14);
    let second_half = pasted.pop().unwrap();
    assert_eq!(second_half.0, "sengketa dan pelayanan pertimbangan hukum");
    pasted[12].0 = "Terlaksananya penyelesaian sengketa dan pelayanan pertimbangan hukum".into();
    pasted[12].1.extend(second_half.1);
    assert_eq!(pasted, rows(get("kasubag-hukum-sdm")));
}
