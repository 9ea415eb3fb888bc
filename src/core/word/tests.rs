//! The documents read back as a Word reader would: the archive, its parts, the page, the tables with
//! their merged cells, the texts.

use super::testing::{events, paragraphs, part, tables, unzip, CellText};
use super::{agreement_docx, lkj_docx};
use crate::core::measure::{table::table, Quarter};
use crate::core::model::life::{Change, Reason};
use crate::core::model::testing::*;
use crate::core::model::{Agreement, AgreementId, Amount, Workspace};

fn seed() -> Workspace {
    crate::core::seed::workspace().unwrap()
}

fn seed_pk(ws: &Workspace, id: &str) -> Agreement {
    ws.agreement(&AgreementId::new(id)).unwrap().clone()
}

/// Every part is well-formed XML; the content types come first, as Word expects.
fn document_xml(bytes: &[u8]) -> String {
    let entries = unzip(bytes);
    assert_eq!(entries[0].0, "[Content_Types].xml");
    let names: Vec<&str> = entries.iter().map(|(n, _)| n.as_str()).collect();
    for needed in ["_rels/.rels", "word/document.xml", "word/_rels/document.xml.rels", "word/styles.xml"] {
        assert!(names.contains(&needed), "{needed} in {names:?}");
    }
    for (name, _) in entries.iter().filter(|(n, _)| !n.starts_with("word/media/")) {
        let xml = part(&entries, name);
        assert!(xml.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"), "{name}");
        if let Err(e) = events(&xml) {
            panic!("{name} is not well-formed: {e}");
        }
    }
    // Each part a relationship names is in the archive.
    let rels = part(&entries, "word/_rels/document.xml.rels");
    for target in ["styles.xml", "settings.xml", "footer1.xml"] {
        assert!(
            rels.contains(&format!("Target=\"{target}\""))
                && names.contains(&format!("word/{target}").as_str())
        );
    }
    part(&entries, "word/document.xml")
}

#[test]
fn the_pk_reads_as_printed_on_a4() {
    let ws = seed();
    let a = seed_pk(&ws, "kpu-maluku-2024-sekretaris");
    let xml = document_xml(&agreement_docx(&a, None));
    // A4 portrait, the print's margins (18 mm and 16 mm).
    assert!(xml.contains("<w:pgSz w:w=\"11906\" w:h=\"16838\"/>"), "A4");
    assert!(xml.contains("w:top=\"1021\" w:right=\"907\" w:bottom=\"1021\" w:left=\"907\""));
    let text = paragraphs(&xml);
    let has = |s: &str| text.iter().any(|p| p == s);
    assert!(has("KOMISI PEMILIHAN UMUM PROVINSI MALUKU"));
    // The heading twice: the statement and the lampiran (with the unit under it).
    assert_eq!(text.iter().filter(|p| p.starts_with("PERJANJIAN KINERJA TAHUN 2024")).count(), 2);
    assert!(has("PERJANJIAN KINERJA TAHUN 2024\nSEKRETARIAT KPU PROVINSI MALUKU"), "{text:?}");
    assert!(!text.iter().any(|p| p.contains("PERUBAHAN")));
    assert!(has("Selanjutnya disebut pihak pertama") && has("Pihak Pertama") && has("Pihak Kedua"));
    assert!(has(&a.first_party.name) && has(&a.second_party.name) && has(&a.first_party.position));
    // The place and date above both blocks of signatures, as written.
    assert_eq!(text.iter().filter(|p| *p == "Ambon, Januari 2024").count(), 2);
    // Indonesian whatever the interface: no English word of the print.
    assert!(!text.iter().any(|p| p.contains("First Party") || p.contains("PERFORMANCE AGREEMENT")));

    let t = tables(&xml);
    // Statement: two parties, signatures; lampiran: facts, indicators, budget, signatures.
    assert_eq!(t.len(), 7);
    let indicators = &t[4];
    let cells = |row: &Vec<CellText>| row.iter().map(|c| c.0.clone()).collect::<Vec<_>>();
    assert_eq!(cells(&indicators[0]), ["No", "Sasaran Kegiatan", "Indikator Kinerja", "Target"]);
    assert_eq!(cells(&indicators[1]), ["1", "2", "3", "4"]);
    assert_eq!(indicators.len() - 2, a.indicator_count(), "one row per indicator");
    // Each sasaran's number and text are merged down its indicators: a restart, then continues.
    let mut row = 2;
    for (n, o) in a.objectives.iter().enumerate() {
        let first = &indicators[row];
        assert_eq!(first[0].0, (n + 1).to_string());
        assert_eq!(first[1].0, o.text);
        let merge = if o.indicators.len() > 1 { "restart" } else { "" };
        assert_eq!((first[0].1, first[1].1), (merge, merge), "sasaran {}", n + 1);
        for (k, i) in o.indicators.iter().enumerate() {
            let r = &indicators[row + k];
            assert_eq!(r[2].0, i.text);
            assert_eq!(r[3].0, i.target.display(crate::core::i18n::Lang::Id));
            if k > 0 {
                assert_eq!(
                    (r[0].1, r[1].1, r[0].0.as_str()),
                    ("continue", "continue", ""),
                    "continued, empty"
                );
            }
        }
        row += o.indicators.len().max(1);
    }
    // Program/Anggaran and its total: Rp 10.252.187.000 + Rp 3.652.389.000 = Rp 13.904.576.000.
    let budget = &t[5];
    assert_eq!(cells(&budget[0]), ["No", "Program", "Anggaran"]);
    assert_eq!(budget[1][2].0, "Rp 10.252.187.000");
    assert_eq!(budget[2][2].0, "Rp 3.652.389.000");
    assert_eq!(cells(&budget[3]), ["Jumlah", "Rp 13.904.576.000"]);
    assert_eq!(budget[3][0].2, 2, "Jumlah spans No and Program");
    // Signatures: role, position, space, name; Pihak Kedua on the left.
    let signatures = &t[6];
    assert_eq!(cells(&signatures[0]), ["Pihak Kedua", "Pihak Pertama"]);
    assert_eq!(cells(&signatures[3]), [a.second_party.name.clone(), a.first_party.name.clone()]);
    assert!(xml.contains("<w:tblHeader/>"), "the table's heads repeat on each page");
    assert!(xml.contains("<w:pageBreakBefore/>"), "the lampiran on a page of its own");
}

#[test]
fn a_perubahan_says_so_with_its_own_date() {
    let mut a = agreement("a", None, 2024);
    a.objectives = vec![objective("s", "S", vec![indicator("i", "Indikator", "75%", None)])];
    a.budget = vec![line("Program A", "1.000.000"), line("Program B", "-"), line("Program C", "100.000")];
    a.sign("2024-01-02", false).unwrap();
    let change = Change {
        reason: Reason::Budget,
        text: "revisi".into(),
        basis: String::new(),
        date: "2024-07-15".into(),
    };
    a.begin_revision(change).unwrap();
    a.budget[2] = line("Program C", "250.000");
    a.objectives[0].indicators[0].target = crate::core::model::Target::new("80%");
    a.sign("2024-07-20", false).unwrap();
    let text = paragraphs(&document_xml(&agreement_docx(&a, None)));
    let count = |s: &str| text.iter().filter(|p| p.starts_with(s)).count();
    assert_eq!(count("PERJANJIAN KINERJA PERUBAHAN TAHUN 2024"), 2, "{text:?}");
    assert_eq!(count("Perubahan ke-1 · 20 Juli 2024"), 1);
    assert_eq!(count("Ambon, 20 Juli 2024"), 2);
    assert_eq!(count("Ambon, Januari 2024"), 0);
    assert_eq!(count("Sidik versi bertanda tangan: "), 1);
    // Rp 1.000.000 + "-" (nothing) + Rp 250.000.
    assert!(text.iter().any(|p| p == "Rp 1.250.000"), "{text:?}");

    // The original version, as signed.
    let text = paragraphs(&document_xml(&agreement_docx(&a.as_version(0).unwrap(), None)));
    assert_eq!(text.iter().filter(|p| p.starts_with("PERJANJIAN KINERJA TAHUN 2024")).count(), 2);
    assert!(text.iter().any(|p| p == "Ambon, Januari 2024"));
}

#[test]
fn any_text_is_escaped_and_kept() {
    let mut a = agreement("a", None, 2024);
    a.unit = "Biro R&D <Umum> \"Ö\" 'ß'".into();
    a.first_party.name = "Dr. Ñoño & <Rekan>".into();
    a.first_party.position = String::new();
    a.objectives = vec![objective(
        "s",
        "Sasaran < 5 & > 1",
        vec![indicator("i", "Indeks \"kepuasan\" ≥ 3,5 — ✓\nbaris dua", "≥ 90%", None)],
    )];
    a.budget = vec![line("Program <A> & B", "1.000")];
    let xml = document_xml(&agreement_docx(&a, None));
    let text = paragraphs(&xml);
    for expected in ["Dr. Ñoño & <Rekan>", "Program <A> & B", "Indeks \"kepuasan\" ≥ 3,5 — ✓\nbaris dua"]
    {
        assert!(text.iter().any(|p| p == expected), "{expected} in {text:?}");
    }
    assert!(
        text.iter().any(|p| p == "PERJANJIAN KINERJA TAHUN 2024\nBIRO R&D <UMUM> \"Ö\" 'SS'"),
        "{text:?}"
    );
    // The empty position leaves its cell empty; an empty name too, where signatures are.
    a.first_party.name = String::new();
    let text = paragraphs(&document_xml(&agreement_docx(&a, None)));
    assert!(
        text.iter().any(|p| p == "(nama belum diisi)"),
        "the statement shows the placeholder, as printed"
    );
}

#[test]
fn an_empty_pk_is_still_a_document() {
    let mut a = agreement("a", None, 2024);
    a.place = String::new();
    let xml = document_xml(&agreement_docx(&a, None));
    let t = tables(&xml);
    // The indicator table has its heads; the budget table no Jumlah for no lines.
    assert_eq!(t[4].len(), 2);
    assert_eq!(t[5].len(), 1);
    assert!(paragraphs(&xml).iter().any(|p| p == "Januari 2024"));
}

#[test]
fn the_lkj_table_has_the_page_s_figures() {
    let mut ws = seed();
    let id = AgreementId::new("kpu-maluku-2024-kasubag-keuangan");
    let a = ws.agreement_mut(&id).unwrap();
    let first = a.objectives[0].indicators[0].id.clone();
    a.set_actual(&first, Quarter::new(4).unwrap(), "81%");
    a.set_budget_actual(0, Quarter::new(1).unwrap(), Amount::parse("1.000.000.000").unwrap());
    a.objectives[0].indicators[0].measurement.actual[3].as_mut().unwrap().note =
        "Rapat & <koordinasi>".into();
    let a = ws.agreement(&id).unwrap().clone();
    let measured = table(&ws, &a, Quarter::new(4).unwrap());
    let xml = document_xml(&lkj_docx(&a, &measured));
    assert!(xml.contains("<w:pgSz w:w=\"11906\" w:h=\"16838\"/>"), "A4");
    let text = paragraphs(&xml);
    let has = |s: &str| text.iter().any(|p| p == s);
    assert!(has("Capaian Kinerja 2024\nKEPALA SUB BAGIAN KEUANGAN"), "{text:?}");
    assert!(has("Laporan Kinerja Bab III.A, s.d. TW IV"));
    assert!(has("III.B Realisasi Anggaran"));
    assert!(has("Faktor pendukung, penghambat dan solusi"));
    assert!(has("1.1 (TW IV): Rapat & <koordinasi>"), "{text:?}");

    let t = tables(&xml);
    assert_eq!(t.len(), 2);
    let cells = |row: &Vec<CellText>| row.iter().map(|c| c.0.clone()).collect::<Vec<_>>();
    assert_eq!(
        cells(&t[0][0]),
        [
            "No",
            "Sasaran Kegiatan",
            "Indikator Kinerja",
            "Target",
            "Realisasi s.d. TW IV",
            "Capaian",
            "Predikat",
            "Realisasi 2023"
        ]
    );
    assert_eq!(t[0].len() - 1, measured.rows.len());
    // 81% of the 90% target = 90,00% (higher is better): Tinggi (> 75 %, not > 90 %).
    assert_eq!(cells(&t[0][1])[3..], ["90%", "81%", "90,00%", "Tinggi", "—"]);
    assert_eq!(cells(&t[0][2])[5], "belum dapat dinilai: belum dilaporkan");
    // Sasaran merged down their indicators, as in the PK.
    let restarts = t[0].iter().filter(|r| r[0].1 == "restart").count();
    let several = a.objectives.iter().filter(|o| o.indicators.len() > 1).count();
    assert_eq!(restarts, several);
    // III.B: reported in TW I only, through TW IV the figure says so; 1.000.000.000 / 5.138.411.000.
    assert_eq!(
        cells(&t[1][1]),
        ["1", "Program Dukungan Manajemen", "Rp 5.138.411.000", "Rp 1.000.000.000 (s.d. TW I)", "19,46%"]
    );
}

#[test]
fn the_same_pk_gives_the_same_bytes() {
    let ws = seed();
    let a = seed_pk(&ws, "kpu-maluku-2024-kasubag-umum-logistik");
    assert_eq!(agreement_docx(&a, None), agreement_docx(&a, None));
}

#[test]
fn the_letterhead_logo_is_on_the_first_page_as_printed() {
    let ws = seed();
    let a = seed_pk(&ws, "kpu-maluku-2024-kasubag-umum-logistik");
    // A 300 × 60 PNG header: five times wider than high, so 22 mm high would be 110 mm wide; the print
    // keeps it within 40 mm (1 440 000 EMU), 8 mm high (288 000 EMU).
    let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
    png.extend_from_slice(&[0, 0, 1, 44, 0, 0, 0, 60, 8, 6, 0, 0, 0]);
    let url = crate::core::model::letterhead::logo_from_bytes(&png).unwrap();
    let bytes = agreement_docx(&a, Some(&url));
    let xml = document_xml(&bytes);
    let entries = unzip(&bytes);
    let media = entries.iter().find(|(n, _)| n == "word/media/logo.png").expect("the image part");
    assert_eq!(media.1, png, "the logo's own bytes");
    assert!(part(&entries, "[Content_Types].xml")
        .contains("<Default Extension=\"png\" ContentType=\"image/png\"/>"));
    assert!(part(&entries, "word/_rels/document.xml.rels").contains("Id=\"rId4\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/image\" Target=\"media/logo.png\""));
    assert!(xml.contains("<wp:extent cx=\"1440000\" cy=\"288000\"/>"), "{xml}");
    // Once, before the office name of the first page.
    assert_eq!(xml.matches("<w:drawing>").count(), 1);
    assert!(xml.find("<w:drawing>") < xml.find("KOMISI PEMILIHAN UMUM"));
    // A narrow logo (60 × 120) is 22 mm high and 11 mm wide.
    let img =
        crate::core::model::letterhead::Image { bytes: vec![], extension: "png", width: 60, height: 120 };
    assert_eq!(super::package::logo_extent(&img), (396_000, 792_000));
    // Without a logo, or with one whose size cannot be read, the document has no image.
    let plain = unzip(&agreement_docx(&a, None));
    assert!(plain.iter().all(|(n, _)| !n.starts_with("word/media/")));
    let broken = crate::core::model::letterhead::logo_from_bytes(b"\x89PNG\r\n\x1a\n").unwrap();
    assert!(!document_xml(&agreement_docx(&a, Some(&broken))).contains("<w:drawing>"));
}

#[test]
fn the_checker_finds_broken_xml() {
    assert!(events("<a><b></a>").is_err());
    assert!(events("<a>R&D</a>").is_err());
    assert!(events("<a x=1/>").is_err());
    assert!(events("<a/><b/>").is_err());
    assert!(events("<a>1 < 2</a>").is_err());
    assert!(
        events("<a x=\"&amp;\">&lt;&#x41;</a>").is_err(),
        "numeric references are not written, so not read"
    );
    assert!(events("<?xml version=\"1.0\"?>\n<a x=\"&amp;\">&lt;b&gt;</a>").is_ok());
}
