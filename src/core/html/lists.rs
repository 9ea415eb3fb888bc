//! The lists of the static public view: the published PKs of an office, each year as its cascade (a PK
//! under the PK it cascades from) with its status as the public view says it; and, when the data holds
//! more than one office (a whole country), the index of offices with how many PKs each published and
//! their status, each office's list a page of its own.

use super::markup::{el, escape, link};
use super::LANG;
use crate::core::i18n::{fill, Msg};
use crate::core::model::links::Links;
use crate::core::model::{Agreement, AgreementId};
use crate::core::route::{file_part, Page, Route};
use crate::core::text::{life, name_shown, printed};
use std::collections::HashSet;

/// An office of the published data and its PKs (in the workspace's order).
pub struct Office<'a> {
    pub name: String,
    pub file: String,
    pub agreements: Vec<&'a Agreement>,
}

/// The static file of a public route (`publik-pk-<id>.html`).
pub fn file_of(page: Page) -> String {
    Route { public: true, page }.static_file().unwrap_or_else(|| "publik.html".to_string())
}

/// The offices of the data, in the order they first appear, each PK in the office of its *Instansi*
/// (names compared as the office list does, `offices::key`).
pub fn offices<'a>(agreements: &'a [std::sync::Arc<Agreement>]) -> Vec<Office<'a>> {
    let mut out: Vec<Office> = Vec::new();
    let mut keys: Vec<String> = Vec::new();
    for a in agreements {
        let key = crate::core::model::offices::key(&a.office);
        match keys.iter().position(|k| *k == key) {
            Some(i) => out[i].agreements.push(a),
            None => {
                let name =
                    if a.office.trim().is_empty() { a.unit.clone() } else { a.office.trim().to_string() };
                out.push(Office {
                    name,
                    file: format!("publik-kantor-{}.html", file_part(&key)),
                    agreements: vec![a],
                });
                keys.push(key);
            }
        }
    }
    out
}

/// Signed (or signed on paper and transcribed) and drafts, as the public view says each PK's status.
fn office_status(agreements: &[&Agreement]) -> String {
    let signed =
        agreements.iter().filter(|a| a.in_force().is_some() || !a.transcribed_from.trim().is_empty()).count();
    let drafts = agreements.len() - signed;
    fill(
        Msg::StaticOfficeStatus.text(LANG),
        &[("signed", &signed.to_string()), ("drafts", &drafts.to_string())],
    )
}

/// The index of offices: `Kantor | Jumlah PK | Status`, each office a link to its list.
pub fn office_index(offices: &[Office]) -> String {
    let pks: usize = offices.iter().map(|o| o.agreements.len()).sum();
    let mut out = el("h1", " id=\"static-title\"", Msg::StaticOfficesTitle.text(LANG));
    let intro = fill(
        Msg::StaticOfficesIntro.text(LANG),
        &[("offices", &offices.len().to_string()), ("pks", &pks.to_string())],
    );
    out.push_str(&el("p", " class=\"lead\"", &intro));
    out.push_str("\n<div class=\"table-scroll\" role=\"region\" tabindex=\"0\"");
    out.push_str(&super::markup::attr(
        "aria-label",
        &fill(Msg::TableScrollLabel.text(LANG), &[("title", Msg::StaticOfficesTitle.text(LANG))]),
    ));
    out.push_str("><table class=\"static-offices\" id=\"static-offices\">");
    out.push_str(&el("caption", " class=\"visually-hidden\"", Msg::StaticOfficesTitle.text(LANG)));
    out.push_str("<thead><tr>");
    for m in [Msg::StaticColOffice, Msg::StaticColCount, Msg::StaticColStatus] {
        out.push_str(&el("th", " scope=\"col\"", m.text(LANG)));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for o in offices {
        out.push_str(&format!(
            "<tr><th scope=\"row\">{}</th><td class=\"count\">{}</td>{}</tr>\n",
            link(&o.file, "", &o.name),
            o.agreements.len(),
            el("td", "", &office_status(&o.agreements))
        ));
    }
    out.push_str("</tbody></table></div>\n");
    out
}

/// The list of `agreements` (of one office, or all): each year, newest first, as its cascade.
pub fn pk_list(links: &Links, agreements: &[&Agreement], heading: &str, back: Option<&str>) -> String {
    let mut out = String::new();
    if let Some(back) = back {
        out.push_str(&nav(&[(back, Msg::StaticBackToOffices.text(LANG))]));
    }
    out.push_str(&el("h1", " id=\"static-title\"", heading));
    out.push('\n');
    let ids: HashSet<&AgreementId> = agreements.iter().map(|a| &a.id).collect();
    let mut years: Vec<i32> = agreements.iter().map(|a| a.year).collect();
    years.sort_unstable_by(|a, b| b.cmp(a));
    years.dedup();
    for year in years {
        let label = fill(Msg::StaticYear.text(LANG), &[("year", &year.to_string())]);
        out.push_str(&format!("<section class=\"static-year\" aria-labelledby=\"year-{year}\">\n"));
        out.push_str(&el("h2", &format!(" id=\"year-{year}\""), &label));
        out.push_str("\n<ul class=\"static-pks\">\n");
        for row in links.cascade(year).into_iter().filter(|r| ids.contains(&r.id)) {
            let Some(a) = links.agreement(&row.id) else { continue };
            out.push_str(&format!("<li class=\"static-pk depth-{}\">", row.depth.min(6)));
            out.push_str(&link(
                &file_of(Page::Agreement { id: a.id.clone(), edit: false }),
                "static-pk-title",
                a.title(),
            ));
            out.push_str(&el(
                "span",
                " class=\"static-pk-name\"",
                &name_shown(&a.first_party.name, LANG, true),
            ));
            if let Some(total) = printed::budget_total(a, LANG) {
                out.push_str(&el("span", " class=\"static-pk-budget\"", &total));
            }
            out.push_str(&el("span", " class=\"static-pk-stage\"", &life::public_stage(a, LANG)));
            out.push_str("</li>\n");
        }
        out.push_str("</ul>\n</section>\n");
    }
    out
}

/// A line of links above a page's content.
pub fn nav(links: &[(&str, &str)]) -> String {
    let mut out =
        format!("<nav class=\"toolbar no-print\" aria-label=\"{}\">", escape(Msg::StaticNav.text(LANG)));
    for (href, text) in links {
        out.push_str(&link(href, "button-link", text));
    }
    out.push_str("</nav>\n");
    out
}
