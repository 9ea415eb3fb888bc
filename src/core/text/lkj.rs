//! The LKj table of one PK as CSV cells in words (`core::io::csv` writes them as a file).

use crate::core::format;
use crate::core::i18n::{fill, Lang, Msg};
use crate::core::io::csv;
use crate::core::measure::table::Table;
use crate::core::model::Agreement;

/// The notes under the LKj table (what helped or hindered, and the solutions), each with the number of
/// its indicator and its quarter: `1.1 (TW I): …`. The page, its print, the static page and the Word file
/// list them so.
pub fn note_lines(t: &Table, lang: Lang) -> Vec<String> {
    t.rows
        .iter()
        .flat_map(|r| {
            r.notes.iter().map(move |(q, n)| format!("{} ({}): {n}", r.number, super::quarter(*q, lang)))
        })
        .collect()
}

/// The LKj table of one PK (chapter III: No | Sasaran | Indikator | Target | Realisasi | Capaian |
/// Predikat, last year's realisasi beside it), then the realisasi anggaran: the same figures as the
/// screen and the print, from [`crate::core::measure::table`].
pub fn lkj_csv(a: &Agreement, t: &Table, lang: Lang) -> String {
    let q = super::quarter(t.quarter, lang);
    let previous_year = (a.year - 1).to_string();
    let mut rows = vec![vec![
        Msg::ColNo.text(lang).into(),
        Msg::ColObjective.text(lang).into(),
        Msg::CsvIndicatorNo.text(lang).into(),
        Msg::ColIndicator.text(lang).into(),
        Msg::ColTarget.text(lang).into(),
        fill(Msg::ColToDate.text(lang), &[("quarter", &q)]),
        Msg::ColCapaian.text(lang).into(),
        Msg::ColPredikat.text(lang).into(),
        fill(Msg::ColPrevious.text(lang), &[("year", &previous_year)]),
    ]];
    for r in &t.rows {
        rows.push(vec![
            r.objective.to_string(),
            r.objective_text.clone(),
            r.number.clone(),
            r.text.clone(),
            r.target.display(lang),
            super::to_date(r, t.quarter, lang, ""),
            super::capaian(r.capaian, lang),
            r.predikat.clone().unwrap_or_default(),
            r.previous.as_ref().map(|v| v.display(lang)).unwrap_or_default(),
        ]);
    }
    let budget_head = vec![
        Msg::ColProgram.text(lang).into(),
        Msg::ColBudget.text(lang).into(),
        fill(Msg::ColSpentToDate.text(lang), &[("quarter", &q)]),
        Msg::ColAbsorption.text(lang).into(),
    ];
    let budget = t.budget.iter().map(|b| {
        vec![
            b.program.clone(),
            b.amount.display(lang),
            super::spent_to_date(b, t.quarter, lang, ""),
            b.percent.map(|p| format::percent2(p, lang)).unwrap_or_default(),
        ]
    });
    let mut out = csv::write(rows, lang);
    // An empty line between the two tables.
    out.push_str("\r\n");
    out.push_str(csv::write(std::iter::once(budget_head).chain(budget), lang).trim_start_matches('\u{feff}'));
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
        let csv = lkj_csv(&a, &table(&ws, &a, Quarter::new(4).unwrap()), Lang::Id);
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
}
