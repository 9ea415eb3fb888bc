//! The indicator tables as CSV for Excel: UTF-8 with a byte order mark (so Excel keeps Indonesian text
//! intact), CRLF line ends, `;` as separator in Indonesian (Excel's list separator there, where the comma
//! is the decimal sign) and `,` in English. Cells that Excel would run as formulas are defused.

use crate::core::format;
use crate::core::i18n::{Lang, Msg};
use crate::core::model::Agreement;

/// The separator for a language.
pub fn separator(lang: Lang) -> char {
    match lang {
        Lang::Id => ';',
        Lang::En => ',',
    }
}

/// One cell, quoted when needed; text that starts like a formula gets a leading apostrophe.
fn cell(value: &str, sep: char) -> String {
    let defused = if value.starts_with(['=', '+', '-', '@', '\t', '\r']) && value != "-" {
        format!("'{value}")
    } else {
        value.to_string()
    };
    if defused.contains([sep, '"', '\n', '\r']) || defused.trim() != defused {
        format!("\"{}\"", defused.replace('"', "\"\""))
    } else {
        defused
    }
}

/// One row per indicator of the given agreements.
pub fn indicators(agreements: &[&Agreement], lang: Lang) -> String {
    let sep = separator(lang);
    let header = [
        Msg::Year,
        Msg::UnitLong,
        Msg::FirstParty,
        Msg::CsvFirstPosition,
        Msg::SecondParty,
        Msg::CsvSecondPosition,
        Msg::CsvObjectiveNo,
        Msg::ColObjective,
        Msg::CsvIndicatorNo,
        Msg::ColIndicator,
        Msg::ColTarget,
        Msg::CsvValue,
        Msg::CsvUnit,
    ];
    let mut out = String::from('\u{feff}');
    let line = |cells: Vec<String>| {
        cells.iter().map(|c| cell(c, sep)).collect::<Vec<_>>().join(&sep.to_string()) + "\r\n"
    };
    out.push_str(&line(header.iter().map(|m| m.text(lang).to_string()).collect()));
    for a in agreements {
        for (si, o) in a.objectives.iter().enumerate() {
            for (ii, i) in o.indicators.iter().enumerate() {
                let q = i.target.quantity();
                out.push_str(&line(vec![
                    a.year.to_string(),
                    a.unit.clone(),
                    a.first_party.name.clone(),
                    a.first_party.position.clone(),
                    a.second_party.name.clone(),
                    a.second_party.position.clone(),
                    (si + 1).to_string(),
                    o.text.clone(),
                    format!("{}.{}", si + 1, ii + 1),
                    i.text.clone(),
                    i.target.text().to_string(),
                    q.map(|q| format::number(q.value, lang)).unwrap_or_default(),
                    q.map(|q| q.unit.clone()).unwrap_or_default(),
                ]));
            }
        }
    }
    out
}

/// The LKj table of one PK (chapter III: No | Sasaran | Indikator | Target | Realisasi | Capaian |
/// Predikat, last year's realisasi beside it), then the realisasi anggaran: the same figures as the
/// screen and the print, from [`crate::core::measure::table`].
pub fn lkj(a: &Agreement, t: &crate::core::measure::table::Table, lang: Lang) -> String {
    use crate::core::i18n::fill;
    use crate::core::messages;
    let sep = separator(lang);
    let line = |cells: Vec<String>| {
        cells.iter().map(|c| cell(c, sep)).collect::<Vec<_>>().join(&sep.to_string()) + "\r\n"
    };
    let q = messages::quarter(t.quarter, lang);
    let previous_year = (a.year - 1).to_string();
    let mut out = String::from('\u{feff}');
    out.push_str(&line(vec![
        Msg::ColNo.text(lang).into(),
        Msg::ColObjective.text(lang).into(),
        Msg::CsvIndicatorNo.text(lang).into(),
        Msg::ColIndicator.text(lang).into(),
        Msg::ColTarget.text(lang).into(),
        fill(Msg::ColToDate.text(lang), &[("quarter", &q)]),
        Msg::ColCapaian.text(lang).into(),
        Msg::ColPredikat.text(lang).into(),
        fill(Msg::ColPrevious.text(lang), &[("year", &previous_year)]),
    ]));
    for r in &t.rows {
        out.push_str(&line(vec![
            r.objective.to_string(),
            r.objective_text.clone(),
            r.number.clone(),
            r.text.clone(),
            r.target.display(lang),
            messages::to_date(r, t.quarter, lang, ""),
            messages::capaian(r.capaian, lang),
            r.predikat.clone().unwrap_or_default(),
            r.previous.as_ref().map(|v| v.display(lang)).unwrap_or_default(),
        ]));
    }
    out.push_str("\r\n");
    out.push_str(&line(vec![
        Msg::ColProgram.text(lang).into(),
        Msg::ColBudget.text(lang).into(),
        fill(Msg::ColSpentToDate.text(lang), &[("quarter", &q)]),
        Msg::ColAbsorption.text(lang).into(),
    ]));
    for b in &t.budget {
        out.push_str(&line(vec![
            b.program.clone(),
            b.amount.display(lang),
            messages::spent_to_date(b, t.quarter, lang, ""),
            b.percent.map(|p| format::percent2(p, lang)).unwrap_or_default(),
        ]));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_lkj_table_as_csv_shows_the_screen_s_figures() {
        use crate::core::measure::{table::table, Quarter};
        let mut ws = crate::core::seed::workspace().unwrap();
        let id = crate::core::model::AgreementId::new("kpu-maluku-2024-kasubag-keuangan");
        let a = ws.agreement_mut(&id).unwrap();
        let first = a.objectives[0].indicators[0].id.clone();
        a.set_actual(&first, Quarter::new(4).unwrap(), "81%");
        a.set_budget_actual(
            0,
            Quarter::new(1).unwrap(),
            crate::core::model::Amount::parse("1.000.000.000").unwrap(),
        );
        let a = ws.agreement(&id).unwrap().clone();
        let csv = lkj(&a, &table(&ws, &a, Quarter::new(4).unwrap()), Lang::Id);
        let lines: Vec<&str> = csv.trim_start_matches('\u{feff}').split("\r\n").collect();
        assert_eq!(lines[0], "No;Sasaran Kegiatan;No Indikator;Indikator Kinerja;Target;Realisasi s.d. TW IV;Capaian;Predikat;Realisasi 2023");
        // 81% of the 90% target = 90,00% (higher is better): Tinggi (> 75 %, not > 90 %).
        assert!(lines[1].ends_with(";90%;81%;90,00%;Tinggi;"), "{}", lines[1]);
        assert!(lines[2].contains(";belum dapat dinilai: belum dilaporkan;;"), "{}", lines[2]);
        assert!(
            // Reported in TW I only: through TW IV the figure says it runs through TW I.
            csv.contains(
                "Program Dukungan Manajemen;Rp 5.138.411.000;Rp 1.000.000.000 (s.d. TW I);19,46%\r\n"
            ),
            "{csv}"
        );
    }

    #[test]
    fn excel_friendly_rows() {
        let ws = crate::core::seed::workspace().unwrap();
        let sek = ws.agreements[0].as_ref();
        let csv = indicators(&[sek], Lang::Id);
        assert!(csv.starts_with('\u{feff}'), "UTF-8 byte order mark");
        let lines: Vec<&str> =
            csv.trim_start_matches('\u{feff}').split("\r\n").filter(|l| !l.is_empty()).collect();
        assert_eq!(lines.len(), 1 + 59);
        assert!(lines[0].starts_with("Tahun;Nama/Unit Organisasi;Pihak Pertama;"));
        assert_eq!(
            lines[3],
            "2024;Sekretariat KPU Provinsi Maluku;Ilham;Sekretaris Komisi Pemilihan Umum Provinsi Maluku;Syamsul Rifan Kubangun;Ketua Komisi Pemilihan Umum Provinsi Maluku;2;Terwujudnya sistem administrasi penyelenggaraan pemilu yang tertib, efektif dan efisien;2.2;Persentase target kinerja KPU Provinsi Maluku yang tercapai sesuai dengan perjanjian kinerja;90%;90;%"
        );
        assert!(csv.contains(";97,5%;97,5;%"), "Indonesian decimal comma needs no quoting with ;");
        let en = indicators(&[sek], Lang::En);
        assert!(en.contains(",\"97,5%\",97.5,%"), "quoted where the separator appears");
    }

    #[test]
    fn quotes_and_formulas() {
        assert_eq!(cell("a;b", ';'), "\"a;b\"");
        assert_eq!(cell("say \"hi\"", ';'), "\"say \"\"hi\"\"\"");
        assert_eq!(cell("=HYPERLINK(\"x\")", ';'), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(cell("+62 812", ';'), "'+62 812");
        assert_eq!(cell("-", ';'), "-");
        assert_eq!(cell("line\nbreak", ';'), "\"line\nbreak\"");
    }
}
