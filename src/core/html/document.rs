//! A PK as its document, in the markup and classes of the app's document page (`ui/pages/document/`),
//! so the same style sheets show and print it: the statement with both parties, the lampiran (each
//! sasaran's cells spanning its indicators, Program/Anggaran with its *Jumlah*), place and date, both
//! signatures and the fingerprint line. The words and figures are those of `text::printed` and
//! `text::life`, the definitions the page, its print and the Word download use. In Indonesian.

use super::markup::{attr, el, escape};
use super::LANG;
use crate::core::i18n::Msg;
use crate::core::model::letterhead::Letterhead;
use crate::core::model::{Agreement, Objective, Party};
use crate::core::text::{life, name_shown, printed};

fn t(m: Msg) -> &'static str {
    m.text(LANG)
}

/// The `<article>` of the document.
pub fn article(a: &Agreement, letterhead: &Letterhead) -> String {
    let mut out = format!(
        "<article class=\"pk-document\" id=\"pk-document\" lang=\"id\"{}>\n",
        attr("aria-label", a.title())
    );
    statement(&mut out, a, letterhead);
    lampiran(&mut out, a);
    if let Some(line) = life::fingerprint_line(a, LANG) {
        out.push_str(&el("p", " class=\"fingerprint-line\" id=\"fingerprint\"", &line));
        out.push('\n');
    }
    out.push_str("</article>\n");
    out
}

fn statement(out: &mut String, a: &Agreement, letterhead: &Letterhead) {
    let class = if letterhead.is_empty() { "sheet statement" } else { "sheet statement with-letterhead" };
    out.push_str(&format!(
        "<section class=\"{class}\" aria-labelledby=\"statement-title\">\n<header class=\"sheet-title\">\n"
    ));
    if let Some(logo) = &letterhead.logo {
        // Beside the office name it stands for: decorative to a screen reader.
        out.push_str(&format!(
            "<img class=\"letterhead-logo\" id=\"letterhead-logo\"{} alt=\"\">\n",
            attr("src", logo)
        ));
    }
    out.push_str(&el("p", " class=\"institution\"", &a.office.to_uppercase()));
    out.push_str(&el("h1", " id=\"statement-title\"", &printed::heading(a, LANG)));
    if let Some(line) = printed::revision_line(a, LANG) {
        out.push_str(&el("p", " class=\"revision-line\" id=\"revision-line\"", &line));
    }
    out.push_str("\n</header>\n");
    out.push_str(&el("p", "", t(Msg::StatementIntro)));
    party(out, &a.first_party, Msg::StatementFirstParty);
    party(out, &a.second_party, Msg::StatementSecondParty);
    out.push_str(&el("p", "", t(Msg::StatementPromise)));
    out.push_str(&el("p", "", t(Msg::StatementSupervision)));
    signatures(out, a);
    out.push_str("</section>\n");
}

fn party(out: &mut String, p: &Party, role: Msg) {
    out.push_str("\n<table class=\"party\"><tbody>");
    let row = |label: Msg, class: &str, value: &str| {
        format!(
            "<tr><th scope=\"row\">{}</th><td class=\"colon\">:</td>{}</tr>",
            escape(t(label)),
            el("td", &attr("class", class), value)
        )
    };
    out.push_str(&row(Msg::Name, "party-name", &name_shown(&p.name, LANG, true)));
    out.push_str(&row(Msg::Position, "party-position", &p.position));
    out.push_str("</tbody></table>\n");
    out.push_str(&el("p", "", t(role)));
}

/// Place and date, then Pihak Kedua (left) and Pihak Pertama (right).
fn signatures(out: &mut String, a: &Agreement) {
    out.push_str("\n<div class=\"signatures\">");
    out.push_str(&el("p", " class=\"place-date\"", &printed::place_date(a, LANG)));
    out.push_str("<div class=\"signature-blocks\">");
    for (p, class, role) in [
        (&a.second_party, "second-party", Msg::SecondParty),
        (&a.first_party, "first-party", Msg::FirstParty),
    ] {
        let missing = if p.name.trim().is_empty() { " missing" } else { "" };
        out.push_str(&format!("<div class=\"signature {class}\">"));
        out.push_str(&el("p", " class=\"role\"", t(role)));
        out.push_str(&el("p", " class=\"position\"", &p.position));
        out.push_str("<div class=\"sign-space\" aria-hidden=\"true\"></div>");
        out.push_str(&el("p", &format!(" class=\"name{missing}\""), &name_shown(&p.name, LANG, true)));
        out.push_str("</div>");
    }
    out.push_str("</div></div>\n");
}

fn lampiran(out: &mut String, a: &Agreement) {
    out.push_str("<section class=\"sheet lampiran\" aria-labelledby=\"lampiran-title\">\n<header class=\"sheet-title\">");
    out.push_str(&format!(
        "<h1 id=\"lampiran-title\">{}<br>{}</h1></header>\n",
        escape(&printed::heading(a, LANG)),
        escape(&a.unit.to_uppercase())
    ));
    out.push_str("<table class=\"facts\"><tbody>");
    for (label, value) in [(Msg::UnitLong, a.unit.clone()), (Msg::Year, a.year.to_string())] {
        out.push_str(&format!(
            "<tr><th scope=\"row\">{}</th><td class=\"colon\">:</td>{}</tr>",
            escape(t(label)),
            el("td", "", &value)
        ));
    }
    out.push_str("</tbody></table>\n<table class=\"pk-table\" id=\"pk-table\">");
    out.push_str(&el("caption", " class=\"visually-hidden\"", t(Msg::IndicatorTableCaption)));
    out.push_str("<thead><tr>");
    for (m, class) in [
        (Msg::ColNo, "col-no"),
        (Msg::ColObjective, ""),
        (Msg::ColIndicator, ""),
        (Msg::ColTarget, "col-target"),
    ] {
        let class = if class.is_empty() { String::new() } else { attr("class", class) };
        out.push_str(&el("th", &format!(" scope=\"col\"{class}"), t(m)));
    }
    out.push_str("</tr><tr class=\"col-numbers\" aria-hidden=\"true\"><td>1</td><td>2</td><td>3</td><td>4</td></tr></thead>\n<tbody>\n");
    for (n, o) in a.objectives.iter().enumerate() {
        objective_rows(out, n + 1, o);
    }
    out.push_str("</tbody></table>\n<div class=\"closing\">\n");
    budget(out, a);
    signatures(out, a);
    out.push_str("</div>\n</section>\n");
}

/// The rows of one sasaran: its number and text span all its indicators.
fn objective_rows(out: &mut String, number: usize, o: &Objective) {
    let span = o.indicators.len().max(1);
    let label = attr("data-label", t(Msg::ColTarget));
    let cells = |i: Option<&crate::core::model::Indicator>| {
        let (text, target) = i.map(|i| (i.text.clone(), i.target.display(LANG))).unwrap_or_default();
        format!(
            "{}{}",
            el("td", " class=\"indicator\"", &text),
            el("td", &format!(" class=\"target\"{label}"), &target)
        )
    };
    out.push_str(&format!(
        "<tr class=\"objective-start\"><td class=\"col-no\" rowspan=\"{span}\">{number}</td>{}{}</tr>\n",
        el("th", &format!(" scope=\"rowgroup\" class=\"objective\" rowspan=\"{span}\""), &o.text),
        cells(o.indicators.first())
    ));
    for i in o.indicators.iter().skip(1) {
        out.push_str(&format!("<tr>{}</tr>\n", cells(Some(i))));
    }
}

/// `No | Program | Anggaran`, amounts as printed, then *Jumlah* ([`printed::budget_total`]).
fn budget(out: &mut String, a: &Agreement) {
    out.push_str("<table class=\"budget-table\" id=\"budget-table\">");
    out.push_str(&el("caption", " class=\"visually-hidden\"", t(Msg::BudgetTableCaption)));
    out.push_str(&format!(
        "<thead><tr>{}{}{}</tr></thead>\n<tbody>\n",
        el("th", " scope=\"col\" class=\"col-no\"", t(Msg::ColNo)),
        el("th", " scope=\"col\"", t(Msg::ColProgram)),
        el("th", " scope=\"col\" class=\"money\"", t(Msg::ColBudget)),
    ));
    for (n, b) in a.budget.iter().enumerate() {
        out.push_str(&format!(
            "<tr><td class=\"col-no\">{}</td>{}{}</tr>\n",
            n + 1,
            el("td", "", &b.program),
            el("td", " class=\"money\"", &b.amount.display(LANG))
        ));
    }
    out.push_str("</tbody>");
    if let Some(total) = printed::budget_total(a, LANG) {
        out.push_str(&format!(
            "<tfoot><tr class=\"budget-total\" id=\"budget-jumlah\"><td class=\"col-no\"></td>{}{}</tr></tfoot>",
            el("th", " scope=\"row\"", t(Msg::BudgetTotal)),
            el("td", " class=\"money\"", &total)
        ));
    }
    out.push_str("</table>\n");
}
