//! The public view as static HTML files, written when the data is published (`make dist`, through the
//! `static_pages` program, and *Publikasikan ke situs web* on Data): readable at once on a slow link,
//! with no JavaScript, and by search engines. The app takes a page over on the same address when it has
//! loaded (`core::route`: `publik-pk-<id>.html` is `#/publik/pk/<id>`).
//!
//! - `publik.html`: the published PKs, each year as its cascade, with each PK's status as the public
//!   view says it; when the data holds several offices (a whole country), the index of offices with
//!   their counts and status, and a page per office (`publik-kantor-<office>.html`) opened on demand;
//! - `publik-pk-<id>.html`: the PK as its document (`document.rs`);
//! - `publik-lkj-<id>.html`: its LKj table and capaian summary (`lkj.rs`).
//!
//! One rendering: the pages are made of the definitions the app's pages, print, CSV and Word use
//! (`text::printed`, `text::life`, `measure::table`, `measure::summary`), in the app's markup and
//! classes, so its style sheets (print included) apply. Indonesian, as the signed documents are.
//!
//! The floor above `text`, beside `word`.

mod document;
mod lists;
mod lkj;
mod markup;
mod page;
#[cfg(test)]
mod tests;

pub use page::Shell;

use crate::core::i18n::{fill, Lang, Msg};
use crate::core::measure::{latest_reported, Quarter};
use crate::core::model::links::Links;
use crate::core::model::{Agreement, Workspace};
use crate::core::route::Page;
use crate::core::text::printed;
use lists::file_of;
use page::Meta;

/// The pages are in Indonesian: the signed PKs are.
const LANG: Lang = Lang::Id;

/// Writes every static page of the published workspace `ws`: `emit(file name, html)`, the list first.
/// `published_at` (ISO) is said in each page's footer.
pub fn site(ws: &Workspace, shell: &Shell, published_at: Option<&str>, emit: &mut dyn FnMut(String, String)) {
    let links = Links::new(ws);
    let offices = lists::offices(&ws.agreements);
    let office_name = if ws.office.trim().is_empty() {
        offices.first().map(|o| o.name.clone()).unwrap_or_default()
    } else {
        ws.office.trim().to_string()
    };
    let list_title = Msg::StaticListTitle.text(LANG);
    let describe = |office: &str| fill(Msg::StaticListDescription.text(LANG), &[("office", office)]);
    let meta =
        |title: &str, description: &str| -> (String, String) { (title.to_string(), description.to_string()) };
    let write = |emit: &mut dyn FnMut(String, String),
                 file: String,
                 (title, description): (String, String),
                 body: String| {
        let html = page::page(shell, &Meta { title: &title, description: &description, published_at }, &body);
        emit(file, html);
    };
    // The list, or the index of offices with a list per office.
    let several = offices.len() > 1;
    if several {
        let title = format!("{} — {}", Msg::StaticOfficesTitle.text(LANG), office_name);
        write(
            emit,
            "publik.html".into(),
            meta(&title, &describe(&office_name)),
            lists::office_index(&offices),
        );
        for o in &offices {
            let heading = format!("{list_title} — {}", o.name);
            let body = lists::pk_list(&links, &o.agreements, &heading, Some("publik.html"));
            write(emit, o.file.clone(), meta(&heading, &describe(&o.name)), body);
        }
    } else {
        let heading = format!("{list_title} — {office_name}");
        let all: Vec<&Agreement> = ws.agreements.iter().map(|a| a.as_ref()).collect();
        write(
            emit,
            "publik.html".into(),
            meta(&heading, &describe(&office_name)),
            lists::pk_list(&links, &all, &heading, None),
        );
    }
    for o in &offices {
        let list = if several { o.file.as_str() } else { "publik.html" };
        for a in &o.agreements {
            let (pk, lkj) = pages_of(a);
            let about =
                [("year", a.year.to_string()), ("title", a.title().to_string()), ("office", o.name.clone())];
            let about: Vec<(&str, &str)> = about.iter().map(|(k, v)| (*k, v.as_str())).collect();
            // The document.
            let mut body =
                lists::nav(&[(list, Msg::BackToCascade.text(LANG)), (&lkj, Msg::LkjAction.text(LANG))]);
            body.push_str(&markup::el(
                "p",
                " class=\"public-stage no-print\" id=\"public-stage\"",
                &crate::core::text::life::public_stage(a, LANG),
            ));
            body.push('\n');
            body.push_str(&document::article(a, &ws.letterhead));
            let title = format!("{} — {}", printed::heading(a, LANG), a.title());
            write(emit, pk.clone(), meta(&title, &fill(Msg::StaticPkDescription.text(LANG), &about)), body);
            // Its LKj table, through the latest quarter reported (the year's end when none is), as the page.
            let q = latest_reported([*a]).unwrap_or(Quarter::ALL[3]);
            let tables = crate::core::measure::table::tables_in(&links, a);
            let mut body =
                lists::nav(&[(&pk, Msg::BackToDocument.text(LANG)), (list, Msg::BackToCascade.text(LANG))]);
            body.push_str(&lkj::article(a, &tables[q.index()], &ws.settings));
            let title = format!(
                "{} — {}",
                fill(Msg::LkjTitle.text(LANG), &[("year", &a.year.to_string())]),
                a.title()
            );
            write(emit, lkj, meta(&title, &fill(Msg::StaticLkjDescription.text(LANG), &about)), body);
        }
    }
}

/// What Data's publish download gives (*Publikasikan ke situs web*): `data/index.json` (the published
/// file, `published`) and the static pages of it, as `make dist` writes them into a build, in one ZIP to
/// unpack into the site's folder. `None` when the file does not read back (it was just written: never).
pub fn site_zip(published: &str, shell: &Shell) -> Option<Vec<u8>> {
    let loaded = crate::core::io::file::read(published).ok()?;
    let mut ws = loaded.workspace;
    ws.office = loaded.meta.source.office.clone();
    let at = loaded.meta.exported_at.filter(|d| !d.trim().is_empty());
    let mut zip = crate::core::word::zip::Zip::default();
    zip.add("data/index.json", published.as_bytes());
    site(&ws, shell, at.as_deref(), &mut |name, html| zip.add(&name, html.as_bytes()));
    Some(zip.finish())
}

/// The files of a PK's two pages: its document and its LKj table.
fn pages_of(a: &Agreement) -> (String, String) {
    (file_of(Page::Agreement { id: a.id.clone(), edit: false }), file_of(Page::Lkj { id: a.id.clone() }))
}
