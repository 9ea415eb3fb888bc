//! The PK as a Word document, as it is printed: the statement with both parties and the signatures,
//! then on a page of its own the lampiran (the sasaran, indicator and target table, each sasaran's
//! cells merged down its indicators; Program/Anggaran with its *Jumlah*; the signatures again) and
//! the fingerprint line of a signed version. In Indonesian, whatever the interface's language: the
//! signed text is.

use super::package::{self, TEXT_WIDTH};
use super::xml::{paragraph, table, Align, Cell, Look, Merge, Row, Table};
use super::LANG;
use crate::core::i18n::Msg;
use crate::core::model::letterhead::Image;
use crate::core::model::{Agreement, Objective, Party};
use crate::core::text::{life, name_or_placeholder, printed};

/// 13.5 pt, the print's heading.
const TITLE: Look = Look { bold: true, align: Align::Center, size: Some(27), ..Look::PLAIN };
const BODY: Look = Look { align: Align::Both, after: 120, ..Look::PLAIN };
const CENTER: Look = Look { align: Align::Center, ..Look::PLAIN };
const HEAD: Look = Look { align: Align::Center, bold: true, ..Look::PLAIN };

/// The PK as a .docx file, with the office's logo above its name on the first page when there is one.
pub fn document(a: &Agreement, logo: Option<&Image>) -> Vec<u8> {
    let mut body = String::new();
    if let Some(i) = logo {
        package::logo(&mut body, i);
    }
    statement(&mut body, a);
    lampiran(&mut body, a);
    if let Some(line) = life::fingerprint_line(a, LANG) {
        paragraph(&mut body, &line, Look::PLAIN.size(18).before(240));
    }
    package::docx(&format!("{} — {}", printed::heading(a, LANG), a.title()), &body, logo)
}

fn text(m: Msg) -> &'static str {
    m.text(LANG)
}

/// Page one: the standard wording with both parties' names and positions.
fn statement(out: &mut String, a: &Agreement) {
    paragraph(out, &a.office.to_uppercase(), Look::PLAIN.bold().align(Align::Center).after(60));
    paragraph(out, &printed::heading(a, LANG), TITLE);
    if let Some(line) = printed::revision_line(a, LANG) {
        paragraph(out, &line, CENTER);
    }
    paragraph(out, "", Look::PLAIN.after(240));
    paragraph(out, text(Msg::StatementIntro), BODY);
    party(out, &a.first_party);
    paragraph(out, text(Msg::StatementFirstParty), BODY);
    party(out, &a.second_party);
    paragraph(out, text(Msg::StatementSecondParty), BODY);
    paragraph(out, text(Msg::StatementPromise), BODY);
    paragraph(out, text(Msg::StatementSupervision), BODY);
    signatures(out, a);
}

/// `Nama : …` / `Jabatan : …`, indented as printed (the name's placeholder shows, as on paper).
fn party(out: &mut String, p: &Party) {
    let row = |label: Msg, value: String| {
        Row::new(vec![
            Cell::new("", Look::PLAIN),
            Cell::new(text(label), Look::PLAIN),
            Cell::new(":", Look::PLAIN),
            Cell::new(value, Look::PLAIN),
        ])
    };
    let widths = vec![425, 1300, 300, TEXT_WIDTH - 2025];
    let rows =
        vec![row(Msg::Name, name_or_placeholder(&p.name, LANG)), row(Msg::Position, p.position.clone())];
    table(out, &Table { widths, rows, borders: false, size: None });
    paragraph(out, "", Look::PLAIN.after(60));
}

/// Place and date, then Pihak Kedua (left) and Pihak Pertama (right) in a borderless table, a row
/// each for the role, the position, the space to sign and the name, so the names line up whatever
/// the positions' lengths. An empty name leaves its line blank, as the print does.
fn signatures(out: &mut String, a: &Agreement) {
    paragraph(
        out,
        &printed::place_date(a, LANG),
        Look::PLAIN.align(Align::Right).before(240).after(120).keep_next(),
    );
    let parties = [&a.second_party, &a.first_party];
    let half = TEXT_WIDTH / 2;
    let row = |f: &dyn Fn(&Party, Msg) -> Cell| {
        Row::new(vec![f(parties[0], Msg::SecondParty), f(parties[1], Msg::FirstParty)])
    };
    let keep = CENTER.keep_next();
    let rows = vec![
        row(&|_, role| Cell::new(text(role), HEAD.keep_next())),
        row(&|p, _| Cell::new(p.position.clone(), keep)),
        row(&|_, _| Cell::lines(vec![(String::new(), keep); 4])),
        row(&|p, _| Cell::new(p.name.trim(), Look { bold: true, underline: true, ..CENTER })),
    ];
    table(out, &Table { widths: vec![half, TEXT_WIDTH - half], rows, borders: false, size: None });
    paragraph(out, "", Look::PLAIN);
}

/// Page two: heading, unit and year, the indicator table, Program/Anggaran with its total, signatures.
fn lampiran(out: &mut String, a: &Agreement) {
    let heading = format!("{}\n{}", printed::heading(a, LANG), a.unit.to_uppercase());
    paragraph(out, &heading, TITLE.page_break().after(240));
    let fact = |label: Msg, value: String| {
        Row::new(vec![
            Cell::new(text(label), Look::PLAIN),
            Cell::new(":", Look::PLAIN),
            Cell::new(value, Look::PLAIN),
        ])
    };
    let rows = vec![fact(Msg::UnitLong, a.unit.clone()), fact(Msg::Year, a.year.to_string())];
    table(out, &Table { widths: vec![2600, 300, TEXT_WIDTH - 2900], rows, borders: false, size: None });
    paragraph(out, "", Look::PLAIN.after(120));
    indicators(out, a);
    paragraph(out, "", Look::PLAIN.after(120));
    budget(out, a);
    signatures(out, a);
}

/// `No | Sasaran Kegiatan | Indikator Kinerja | Target` with the column numbers under the heads.
fn indicators(out: &mut String, a: &Agreement) {
    let (no, target) = (620, 1700);
    let objective = (TEXT_WIDTH - no - target) * 4 / 10;
    let widths = vec![no, objective, TEXT_WIDTH - no - target - objective, target];
    let heads = [Msg::ColNo, Msg::ColObjective, Msg::ColIndicator, Msg::ColTarget];
    let mut rows = vec![
        Row::heading(heads.iter().map(|m| Cell::new(text(*m), HEAD)).collect()),
        Row::heading((1..=4).map(|n| Cell::new(n.to_string(), CENTER.size(20))).collect()),
    ];
    for (n, o) in a.objectives.iter().enumerate() {
        objective_rows(&mut rows, n + 1, o);
    }
    table(out, &Table { widths, rows, borders: true, size: None });
}

/// One sasaran: its number and text merged down all its indicators.
fn objective_rows(rows: &mut Vec<Row>, number: usize, o: &Objective) {
    let merged = o.indicators.len() > 1;
    let count = o.indicators.len().max(1);
    for k in 0..count {
        let merge = match (merged, k) {
            (false, _) => Merge::None,
            (true, 0) => Merge::Start,
            (true, _) => Merge::Continue,
        };
        let (indicator, target) =
            o.indicators.get(k).map(|i| (i.text.clone(), i.target.display(LANG))).unwrap_or_default();
        rows.push(Row::new(vec![
            Cell::new(number.to_string(), CENTER).merge(merge),
            Cell::new(o.text.clone(), Look::PLAIN).merge(merge),
            Cell::new(indicator, Look::PLAIN),
            Cell::new(target, CENTER),
        ]));
    }
}

/// `No | Program | Anggaran`, amounts as printed (`Rp 10.252.187.000`, `-` or blank), then *Jumlah*:
/// the same total as the print ([`printed::budget_total`]: the figures summed, `-` when there are none).
///
/// Kept on the page of the signatures that follow, as the print keeps them together.
fn budget(out: &mut String, a: &Agreement) {
    let (center, plain) = (CENTER.keep_next(), Look::PLAIN.keep_next());
    let (no, amount) = (620, 2900);
    let widths = vec![no, TEXT_WIDTH - no - amount, amount];
    let heads = [Msg::ColNo, Msg::ColProgram, Msg::ColBudget];
    let mut rows = vec![Row::heading(heads.iter().map(|m| Cell::new(text(*m), HEAD.keep_next())).collect())];
    for (n, b) in a.budget.iter().enumerate() {
        rows.push(Row::new(vec![
            Cell::new((n + 1).to_string(), center),
            Cell::new(b.program.clone(), plain),
            Cell::new(b.amount.display(LANG), plain),
        ]));
    }
    if let Some(total) = printed::budget_total(a, LANG) {
        let bold = plain.bold();
        rows.push(Row::new(vec![
            Cell::new(text(Msg::BudgetTotal), HEAD.keep_next()).span(2),
            Cell::new(total, bold),
        ]));
    }
    table(out, &Table { widths, rows, borders: true, size: None });
}
