//! `#/pohon/<year>[/<id>]`: the pohon kinerja drawn as SVG from the core's chart. Pan and zoom with the
//! mouse (drag, wheel), touch (drag, pinch) or the keyboard (arrows, + and −, 0 to fit); every box is
//! focusable (Enter opens the PK, Space or a click shows its indicators). Printed on A4 or A3 landscape,
//! split into pages when one page would be unreadable; downloaded as SVG or PNG. The same tree as a
//! nested list for screen readers and for copying.
//!
//! `drawing.rs` draws the chart and its toolbar, `gestures.rs` moves the view (the arithmetic is
//! [`crate::core::tree_chart::view`]'s), `export.rs` makes the files and follows printing, `listing.rs`
//! is the nested list.

mod drawing;
mod export;
mod gestures;
mod listing;

use crate::core::i18n::{fill, Msg};
use crate::core::model::{AgreementId, Workspace};
use crate::core::route::{Page, Route};
use crate::core::tree_chart;
use crate::ui::services::{Document, Language, Nav};
use drawing::TreeDrawing;
use leptos::prelude::*;

/// `#/pohon/<year>[/<id>]`: the tree, or the PKs to choose from when it is too large to draw.
#[component]
pub fn TreePage(year: Option<i32>, root: Option<AgreementId>) -> impl IntoView {
    let doc = expect_context::<Document>();
    let years = Memo::new(move |_| doc.ws.with(Workspace::years));
    let year = Memo::new(move |_| year.or_else(|| years.with(|y| y.first().copied())).unwrap_or(2024));
    let lookup = root.clone();
    let parts = Memo::new(move |_| {
        let y = year.get();
        doc.ws.with(|ws| tree_chart::too_large(ws, y, lookup.as_ref()))
    });
    let whole = root.clone();
    view! {
        <Show when=move || parts.with(Option::is_none)
            fallback=move || view! { <TooLarge years year root=whole.clone() parts/> }>
            <TreeDrawing years year root=root.clone()/>
        </Show>
    }
}

/// The page's heading: the tree of the year, or of one PK's subtree.
fn tree_title(doc: Document, i18n: Language, year: i32, root: Option<&AgreementId>) -> String {
    let y = year.to_string();
    match root.and_then(|r| doc.ws.with(|ws| ws.agreement(r).map(|a| a.title().to_string()))) {
        Some(t) => fill(i18n.t(Msg::TreeTitleSubtree), &[("title", &t), ("year", &y)]),
        None => fill(i18n.t(Msg::TreeTitleYear), &[("year", &y)]),
    }
}

/// A tree too large to draw: what it holds, and a link to each part's own tree.
#[component]
fn TooLarge(
    years: Memo<Vec<i32>>,
    year: Memo<i32>,
    root: Option<AgreementId>,
    parts: Memo<Option<Vec<(AgreementId, usize)>>>,
) -> impl IntoView {
    let i18n = expect_context::<Language>();
    let nav = expect_context::<Nav>();
    let doc = expect_context::<Document>();
    let public = move || nav.route.with(|r| r.public);
    let title_of = move |id: &AgreementId| {
        doc.ws.with(|ws| ws.agreement(id).map(|a| a.title().to_string()).unwrap_or_default())
    };
    let title = {
        let root = root.clone();
        move || tree_title(doc, i18n, year.get(), root.as_ref())
    };
    let total = move || parts.with(|p| p.as_ref().map_or(0, |p| p.iter().map(|(_, n)| n).sum::<usize>()));
    view! {
        <section class="page tree-page" aria-labelledby="tree-title">
            <h1 id="tree-title">{title}</h1>
            <crate::ui::widgets::YearTabs years current=Signal::derive(move || Some(year.get())) show=root.is_none()
                href=|y, public| Route { public, page: Page::Tree { year: Some(y), root: None } }.href()/>
            <p id="tree-too-large">{move || {
                let lang = i18n.lang.get();
                let n = total() + usize::from(root.is_some());
                fill(Msg::TreeTooLarge.text(lang), &[
                    ("n", &crate::core::format::number(n.into(), lang)),
                    ("max", &tree_chart::MAX_BOXES.to_string()),
                ])
            }}</p>
            <ul class="tree-choices" id="tree-choices">
                {move || {
                    let lang = i18n.lang.get();
                    parts.get().unwrap_or_default().into_iter().map(|(id, n)| {
                        let href = Route { public: public(), page: Page::Tree { year: Some(year.get()), root: Some(id.clone()) } }.href();
                        view! {
                            <li><a href=href>{title_of(&id)}</a>" — "{fill(Msg::TreeChoiceSize.text(lang), &[("n", &n.to_string())])}</li>
                        }
                    }).collect_view()
                }}
            </ul>
        </section>
    }
}
