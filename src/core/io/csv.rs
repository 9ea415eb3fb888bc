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

/// A whole CSV file from its rows of cells: the byte order mark, the language's separator, CRLF.
pub fn write(rows: impl IntoIterator<Item = Vec<String>>, lang: Lang) -> String {
    let sep = separator(lang);
    let mut out = String::from('\u{feff}');
    for cells in rows {
        out.push_str(&line(cells, sep));
    }
    out
}

/// One line of cells, with its CRLF.
fn line(cells: Vec<String>, sep: char) -> String {
    cells.iter().map(|c| cell(c, sep)).collect::<Vec<_>>().join(&sep.to_string()) + "\r\n"
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
    out.push_str(&line(header.iter().map(|m| m.text(lang).to_string()).collect(), sep));
    for a in agreements {
        for (si, o) in a.objectives.iter().enumerate() {
            for (ii, i) in o.indicators.iter().enumerate() {
                let q = i.target.quantity();
                out.push_str(&line(
                    vec![
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
                    ],
                    sep,
                ));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

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
