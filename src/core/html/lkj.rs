//! A PK's LKj table, in the markup and classes of the app's LKj page (`ui/pages/lkj.rs`): III.A (No |
//! Sasaran | Indikator | Target | Realisasi | Capaian | Predikat | last year's, each sasaran spanning its
//! indicators), what helped or hindered, III.B realisasi anggaran; and the capaian summary (indicators per
//! predikat, as the capaian page counts them, `measure::summary`). The figures are the page's own
//! (`measure::table`) in the words every view uses (`text`). In Indonesian.

use super::markup::{attr, el, escape};
use super::LANG;
use crate::core::format;
use crate::core::i18n::{fill, Msg};
use crate::core::measure::summary::summary;
use crate::core::measure::table::Table;
use crate::core::model::{Agreement, MeasureSettings};
use crate::core::text;

fn t(m: Msg) -> String {
    m.text(LANG).to_string()
}

/// A table that scrolls across on a phone: a named region reached by the keyboard, as `TableScroll`.
fn scroll(label: &str, table: &str) -> String {
    let name = fill(Msg::TableScrollLabel.text(LANG), &[("title", label)]);
    format!(
        "<div class=\"table-scroll\" role=\"region\" tabindex=\"0\"{}>{table}</div>\n",
        attr("aria-label", &name)
    )
}

/// The `<article>` of the LKj sheet through the quarter of `tb`, and the capaian summary after it.
pub fn article(a: &Agreement, tb: &Table, settings: &MeasureSettings) -> String {
    let q = text::quarter(tb.quarter, LANG);
    let mut out = String::from("<article class=\"pk-document lkj\" id=\"lkj\" lang=\"id\">\n");
    out.push_str(
        "<section class=\"sheet lkj-sheet\" aria-labelledby=\"lkj-title\">\n<header class=\"sheet-title\">",
    );
    out.push_str(&format!(
        "<h1 id=\"lkj-title\">{}<br>{}</h1>",
        escape(&fill(Msg::LkjTitle.text(LANG), &[("year", &a.year.to_string())])),
        escape(&a.title().to_uppercase())
    ));
    out.push_str(&el("p", " class=\"institution\"", &a.unit));
    out.push_str(&el("p", " class=\"lkj-subtitle\"", &fill(Msg::LkjSubtitle.text(LANG), &[("quarter", &q)])));
    out.push_str("</header>\n");
    capaian(&mut out, a, tb, &q);
    notes(&mut out, tb);
    out.push_str(&el("h2", "", &t(Msg::LkjBudgetTitle)));
    out.push('\n');
    budget(&mut out, tb, &q);
    out.push_str("</section>\n</article>\n");
    out.push_str(&counts(tb, settings));
    out
}

fn capaian(out: &mut String, a: &Agreement, tb: &Table, q: &str) {
    let to_date = fill(Msg::ColToDate.text(LANG), &[("quarter", q)]);
    let previous = fill(Msg::ColPrevious.text(LANG), &[("year", &(a.year - 1).to_string())]);
    let labels =
        [t(Msg::ColTarget), to_date.clone(), t(Msg::ColCapaian), t(Msg::ColPredikat), previous.clone()];
    let mut table = String::from("<table class=\"pk-table lkj-table\" id=\"lkj-table\">");
    table.push_str(&el("caption", " class=\"visually-hidden\"", &t(Msg::LkjAction)));
    table.push_str("<thead><tr>");
    table.push_str(&el("th", " scope=\"col\" class=\"col-no\"", &t(Msg::ColNo)));
    for head in [
        t(Msg::ColObjective),
        t(Msg::ColIndicator),
        t(Msg::ColTarget),
        to_date,
        t(Msg::ColCapaian),
        t(Msg::ColPredikat),
        previous,
    ] {
        table.push_str(&el("th", " scope=\"col\"", &head));
    }
    table.push_str("</tr></thead>\n<tbody>\n");
    let dash = || "—".to_string();
    for (n, r) in tb.rows.iter().enumerate() {
        let first = n == 0 || tb.rows[n - 1].objective != r.objective;
        table.push_str(if first { "<tr class=\"objective-start\">" } else { "<tr>" });
        if first {
            let span = tb.rows.iter().filter(|x| x.objective == r.objective).count();
            table.push_str(&format!("<td class=\"col-no\" rowspan=\"{span}\">{}</td>", r.objective));
            table.push_str(&el(
                "th",
                &format!(" scope=\"rowgroup\" class=\"objective\" rowspan=\"{span}\""),
                &r.objective_text,
            ));
        }
        table.push_str(&el("td", " class=\"indicator\"", &r.text));
        let figures = [
            ("target", r.target.display(LANG)),
            ("actual", text::to_date(r, tb.quarter, LANG, "—")),
            ("capaian", text::capaian(r.capaian, LANG)),
            ("predikat", r.predikat.clone().unwrap_or_else(dash)),
            ("previous", r.previous.as_ref().map(|v| v.display(LANG)).unwrap_or_else(dash)),
        ];
        for ((class, value), label) in figures.iter().zip(&labels) {
            table.push_str(&el(
                "td",
                &format!("{}{}", attr("class", class), attr("data-label", label)),
                value,
            ));
        }
        table.push_str("</tr>\n");
    }
    table.push_str("</tbody></table>");
    out.push_str(&scroll(&t(Msg::LkjAction), &table));
}

/// What helped or hindered, and the solutions: `1.1 (TW I): …`.
fn notes(out: &mut String, tb: &Table) {
    let lines = text::lkj::note_lines(tb, LANG);
    if lines.is_empty() {
        return;
    }
    out.push_str(&el("h2", " class=\"lkj-notes-title\"", &t(Msg::LkjNotes)));
    out.push_str("<ul class=\"lkj-notes\">");
    for line in lines {
        out.push_str(&el("li", "", &line));
    }
    out.push_str("</ul>\n");
}

fn budget(out: &mut String, tb: &Table, q: &str) {
    let mut table = String::from("<table class=\"budget-table lkj-budget\" id=\"lkj-budget\">");
    table.push_str(&el("caption", " class=\"visually-hidden\"", &t(Msg::LkjBudgetTitle)));
    table.push_str("<thead><tr>");
    table.push_str(&el("th", " scope=\"col\" class=\"col-no\"", &t(Msg::ColNo)));
    table.push_str(&el("th", " scope=\"col\"", &t(Msg::ColProgram)));
    for head in
        [t(Msg::ColBudget), fill(Msg::ColSpentToDate.text(LANG), &[("quarter", q)]), t(Msg::ColAbsorption)]
    {
        table.push_str(&el("th", " scope=\"col\" class=\"money\"", &head));
    }
    table.push_str("</tr></thead>\n<tbody>\n");
    for (n, b) in tb.budget.iter().enumerate() {
        table.push_str(&format!("<tr><td class=\"col-no\">{}</td>", n + 1));
        table.push_str(&el("td", "", &b.program));
        table.push_str(&el("td", " class=\"money\"", &b.amount.display(LANG)));
        table.push_str(&el("td", " class=\"money\"", &text::spent_to_date(b, tb.quarter, LANG, "—")));
        let share = b.percent.map(|p| format::percent2(p, LANG)).unwrap_or_else(|| "—".into());
        table.push_str(&el("td", " class=\"money\"", &share));
        table.push_str("</tr>\n");
    }
    table.push_str("</tbody></table>");
    out.push_str(&scroll(&t(Msg::LkjBudgetTitle), &table));
}

/// The capaian summary: how many indicators per predikat through the quarter, and how many cannot be
/// assessed yet (`Sangat Tinggi: 3`), as the capaian page counts them.
fn counts(tb: &Table, settings: &MeasureSettings) -> String {
    let s = summary([tb], settings);
    let mut out = String::from(
        "<section class=\"static-summary no-print\" aria-labelledby=\"capaian-summary-title\">\n",
    );
    let title = format!("{} ({})", t(Msg::PredikatCounts), text::quarter(tb.quarter, LANG));
    out.push_str(&el("h2", " id=\"capaian-summary-title\"", &title));
    out.push_str("<ul class=\"static-counts\">");
    let mut items = s.per_predikat.clone();
    items.push((t(Msg::CountNotAssessable), s.not_assessable));
    for (label, n) in items {
        out.push_str(&el("li", "", &format!("{label}: {n}")));
    }
    out.push_str("</ul>\n</section>\n");
    out
}
