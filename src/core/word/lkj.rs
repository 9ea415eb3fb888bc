//! The LKj table of one PK as a Word document, as the LKj page prints it: III.A capaian kinerja (No |
//! Sasaran | Indikator | Target | Realisasi | Capaian | Predikat | last year's realisasi, each sasaran
//! merged down its indicators), what helped or hindered, and III.B realisasi anggaran. The figures are
//! the page's own ([`crate::core::measure::table`]) in the words every view uses; in Indonesian.

use super::package::{self, TEXT_WIDTH};
use super::xml::{paragraph, table, Align, Cell, Look, Merge, Row, Table};
use super::LANG;
use crate::core::format;
use crate::core::i18n::{fill, Msg};
use crate::core::measure::table::Table as Measured;
use crate::core::model::Agreement;
use crate::core::text;

const CENTER: Look = Look { align: Align::Center, ..Look::PLAIN };
const HEAD: Look = Look { align: Align::Center, bold: true, ..Look::PLAIN };
/// The print's LKj table is 10 pt.
const SMALL: u32 = 20;

/// The LKj table of `a` through the quarter of `t` as a .docx file.
pub fn document(a: &Agreement, t: &Measured) -> Vec<u8> {
    let q = text::quarter(t.quarter, LANG);
    let title = fill(Msg::LkjTitle.text(LANG), &[("year", &a.year.to_string())]);
    let mut body = String::new();
    let heading = format!("{title}\n{}", a.title().to_uppercase());
    paragraph(&mut body, &heading, HEAD.size(27));
    paragraph(&mut body, &a.unit, HEAD.before(60));
    paragraph(
        &mut body,
        &fill(Msg::LkjSubtitle.text(LANG), &[("quarter", &q)]),
        CENTER.before(60).after(240),
    );
    capaian(&mut body, a, t, &q);
    notes(&mut body, t);
    paragraph(
        &mut body,
        Msg::LkjBudgetTitle.text(LANG),
        Look::PLAIN.bold().before(240).after(120).keep_next(),
    );
    budget(&mut body, t, &q);
    paragraph(&mut body, "", Look::PLAIN);
    package::docx(&format!("{title} — {}", a.title()), &body, None)
}

/// III.A: one row per indicator, the sasaran's number and text merged down its indicators.
fn capaian(out: &mut String, a: &Agreement, t: &Measured, q: &str) {
    let fixed = [500, 900, 1150, 950, 1000, 1050];
    let rest = TEXT_WIDTH - fixed.iter().sum::<u32>();
    let objective = rest * 4 / 10;
    let widths =
        vec![fixed[0], objective, rest - objective, fixed[1], fixed[2], fixed[3], fixed[4], fixed[5]];
    let heads = [
        Msg::ColNo.text(LANG).to_string(),
        Msg::ColObjective.text(LANG).into(),
        Msg::ColIndicator.text(LANG).into(),
        Msg::ColTarget.text(LANG).into(),
        fill(Msg::ColToDate.text(LANG), &[("quarter", q)]),
        Msg::ColCapaian.text(LANG).into(),
        Msg::ColPredikat.text(LANG).into(),
        fill(Msg::ColPrevious.text(LANG), &[("year", &(a.year - 1).to_string())]),
    ];
    let mut rows = vec![Row::heading(heads.into_iter().map(|h| Cell::new(h, HEAD)).collect())];
    for (n, r) in t.rows.iter().enumerate() {
        let first = n == 0 || t.rows[n - 1].objective != r.objective;
        let alone = t.rows.iter().filter(|x| x.objective == r.objective).count() == 1;
        let merge = match (alone, first) {
            (true, _) => Merge::None,
            (false, true) => Merge::Start,
            (false, false) => Merge::Continue,
        };
        let dash = || "—".to_string();
        rows.push(Row::new(vec![
            Cell::new(r.objective.to_string(), CENTER).merge(merge),
            Cell::new(r.objective_text.clone(), Look::PLAIN).merge(merge),
            Cell::new(r.text.clone(), Look::PLAIN),
            Cell::new(r.target.display(LANG), CENTER),
            Cell::new(text::to_date(r, t.quarter, LANG, "—"), CENTER),
            Cell::new(text::capaian(r.capaian, LANG), CENTER),
            Cell::new(r.predikat.clone().unwrap_or_else(dash), CENTER),
            Cell::new(r.previous.as_ref().map(|v| v.display(LANG)).unwrap_or_else(dash), CENTER),
        ]));
    }
    table(out, &Table { widths, rows, borders: true, size: Some(SMALL) });
}

/// What helped or hindered, and the solutions: `1.1 (TW I): …`, as the page lists them.
fn notes(out: &mut String, t: &Measured) {
    let lines = text::lkj::note_lines(t, LANG);
    if lines.is_empty() {
        return;
    }
    paragraph(out, Msg::LkjNotes.text(LANG), Look::PLAIN.bold().before(240).after(60).keep_next());
    for line in lines {
        paragraph(out, &line, Look::PLAIN.align(Align::Both).indent(284).after(60));
    }
}

/// III.B: `No | Program | Anggaran | Realisasi s.d. … | Serapan`.
fn budget(out: &mut String, t: &Measured, q: &str) {
    let fixed = [500, 2300, 2500, 1100];
    let widths = vec![fixed[0], TEXT_WIDTH - fixed.iter().sum::<u32>(), fixed[1], fixed[2], fixed[3]];
    let heads = [
        Msg::ColNo.text(LANG).to_string(),
        Msg::ColProgram.text(LANG).into(),
        Msg::ColBudget.text(LANG).into(),
        fill(Msg::ColSpentToDate.text(LANG), &[("quarter", q)]),
        Msg::ColAbsorption.text(LANG).into(),
    ];
    let mut rows = vec![Row::heading(heads.into_iter().map(|h| Cell::new(h, HEAD)).collect())];
    for (n, b) in t.budget.iter().enumerate() {
        rows.push(Row::new(vec![
            Cell::new((n + 1).to_string(), CENTER),
            Cell::new(b.program.clone(), Look::PLAIN),
            Cell::new(b.amount.display(LANG), Look::PLAIN),
            Cell::new(text::spent_to_date(b, t.quarter, LANG, "—"), Look::PLAIN),
            Cell::new(b.percent.map(|p| format::percent2(p, LANG)).unwrap_or_else(|| "—".into()), CENTER),
        ]));
    }
    table(out, &Table { widths, rows, borders: true, size: Some(SMALL) });
}
