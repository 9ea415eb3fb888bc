//! The tree drawn: its toolbar, the boxes and lines on a canvas that pans and zooms, the pages printed,
//! and the nested list.

use super::export::{printing, Files};
use super::gestures::Camera;
use super::listing::{text_list, Entry};
use super::tree_title;
use crate::core::i18n::{fill, Msg};
use crate::core::model::{AgreementId, Workspace};
use crate::core::route::{Page, Route};
use crate::core::text::tree::{PublicTreeWords, TreeWords};
use crate::core::tree_chart::tiles::{tiles, Paper};
use crate::core::tree_chart::view::{ZOOM_IN, ZOOM_OUT};
use crate::core::tree_chart::Words;
use crate::core::tree_chart::{self, svg, Chart, MarkKind};
use crate::ui::services::browser;
use crate::ui::services::picture;
use crate::ui::services::{Document, Language, Nav, Notices};
use leptos::prelude::*;
use std::collections::{HashMap, HashSet};

#[component]
pub fn TreeDrawing(years: Memo<Vec<i32>>, year: Memo<i32>, root: Option<AgreementId>) -> impl IntoView {
    let i18n = expect_context::<Language>();
    let nav = expect_context::<Nav>();
    let doc = expect_context::<Document>();
    let notices = expect_context::<Notices>();
    let public = move || nav.route.with(|r| r.public);
    let root = StoredValue::new(root);
    let expanded = RwSignal::new(HashSet::<AgreementId>::new());
    // The versions in force; the rollup and the latest quarter once per change of the data, the layout
    // again whenever a PK is opened or closed.
    let in_force = Memo::new(move |_| doc.ws.with(Workspace::in_force));
    // The public view's words say a name the document does not give is not given (not "to fill in").
    let words = move |lang| -> Box<dyn Words> {
        if public() {
            Box::new(PublicTreeWords(lang))
        } else {
            Box::new(TreeWords(lang))
        }
    };
    // The staff's boxes say each PK's status (from the live data: a Perubahan being prepared is a draft).
    let facts = Memo::new(move |_| {
        let (lang, y) = (i18n.lang.get(), year.get());
        let words = words(lang);
        let mut f =
            in_force.with(|ws| root.with_value(|r| tree_chart::facts(ws, y, r.as_ref(), words.as_ref())));
        if !public() {
            doc.ws.with(|live| f.with_status(live, &TreeWords(lang)));
        }
        f
    });
    let only = expect_context::<crate::ui::services::OnlyWork>().0;
    let chart: Memo<Chart> = Memo::new(move |_| {
        let words = words(i18n.lang.get());
        expanded
            .with(|open| facts.with(|f| in_force.with(|ws| tree_chart::arrange(ws, f, open, words.as_ref()))))
    });
    let title = move || root.with_value(|r| tree_title(doc, i18n, year.get(), r.as_ref()));
    // Each box is its own element, keyed by its content: opening a PK re-creates that box only, the
    // others just move (their position follows the layout).
    let boxes = Memo::new(move |_| {
        chart.with(|c| {
            c.nodes
                .iter()
                .map(|n| {
                    let settled = n.marks.iter().any(|m| m.kind == MarkKind::Status { needs_work: false });
                    (n.id.0.clone(), svg::box_class(n), n.expanded, svg::box_content(n), settled)
                })
                .collect::<Vec<_>>()
        })
    });
    let places = Memo::new(move |_| {
        chart.with(|c| c.nodes.iter().map(|n| (n.id.0.clone(), (n.x, n.y))).collect::<HashMap<_, _>>())
    });
    let camera = Camera::new(chart);
    request_animation_frame(move || camera.open());
    // Focus returns to the box whose indicators were just shown or hidden (the drawing is redrawn); a box
    // just opened is brought into sight whole across, its top first (on a phone, as a panel).
    let refocus: StoredValue<Option<String>> = StoredValue::new(None);
    Effect::new(move |_| {
        boxes.track();
        if let Some(id) = refocus.try_update_value(Option::take).flatten() {
            let opened = expanded.with_untracked(|open| open.contains(&AgreementId::new(id.clone())));
            request_animation_frame(move || {
                if opened {
                    camera.panel(&id);
                }
                picture::focus_box(&id);
            });
        }
    });
    let toggle = move |id: String| {
        let id = AgreementId::new(id);
        expanded.update(|open| {
            if !open.remove(&id) {
                open.insert(id.clone());
            }
        });
        refocus.set_value(Some(id.0));
    };
    let open_pk = move |id: String| {
        browser::go(
            &Route { public: public(), page: Page::Agreement { id: AgreementId::new(id), edit: false } }
                .href(),
        );
    };
    // On a box, Enter opens its PK and Space shows its indicators; anywhere, the keys that move the view.
    let keydown = move |e: web_sys::KeyboardEvent| {
        let handled = match (e.key().as_str(), picture::box_of(e.target())) {
            ("Enter", Some(id)) => {
                open_pk(id);
                true
            }
            (" " | "Spacebar", Some(id)) => {
                toggle(id);
                true
            }
            (key, _) => camera.key(key),
        };
        if handled {
            e.prevent_default();
        }
    };
    let click = move |e: web_sys::MouseEvent| {
        if let (false, Some(id)) = (camera.dragged(), picture::box_of(e.target())) {
            toggle(id);
        }
    };
    let paper = RwSignal::new(Paper::A4);
    let pages = Memo::new(move |_| chart.with(|c| tiles(c.width + 2.0, c.height + 2.0, paper.get())));
    let files = Files {
        doc,
        i18n,
        notices,
        downloads: crate::ui::services::export::Downloads::here(),
        chart,
        year,
        root,
    };
    let all_ids =
        move || chart.with_untracked(|c| c.nodes.iter().map(|n| n.id.clone()).collect::<HashSet<_>>());
    let printing = printing();
    // The nested list does not change when a box is opened (only the drawing's layout does).
    let listing = Memo::new(move |_| chart.with(|c| c.nodes.iter().map(Entry::of).collect::<Vec<_>>()));
    view! {
        <section class="page tree-page" aria-labelledby="tree-title">
            <div class="toolbar no-print" role="toolbar" aria-label=move || i18n.t(Msg::DocumentTools)>
                <Show when=move || root.get_value().is_some()>
                    <a class="button-link" href=move || Route { public: public(), page: Page::Tree { year: Some(year.get()), root: None } }.href()>
                        {move || i18n.t(Msg::RollupWholeYear)}
                    </a>
                </Show>
                <button type="button" id="tree-zoom-in" on:click=move |_| camera.zoom_centre(ZOOM_IN)>{move || i18n.t(Msg::TreeZoomIn)}</button>
                <button type="button" id="tree-zoom-out" on:click=move |_| camera.zoom_centre(ZOOM_OUT)>{move || i18n.t(Msg::TreeZoomOut)}</button>
                <button type="button" id="tree-fit" on:click=move |_| camera.fit()>{move || i18n.t(Msg::TreeFit)}</button>
                <button type="button" id="tree-expand-all" on:click=move |_| expanded.set(all_ids())>{move || i18n.t(Msg::TreeExpandAll)}</button>
                <button type="button" id="tree-collapse-all" on:click=move |_| expanded.set(HashSet::new())>{move || i18n.t(Msg::TreeCollapseAll)}</button>
                <button type="button" id="tree-svg" on:click=move |_| files.download_svg()>{move || i18n.t(Msg::TreeExportSvg)}</button>
                <button type="button" id="tree-png" on:click=move |_| files.download_png()>{move || i18n.t(Msg::TreeExportPng)}</button>
                <label for="tree-paper">{move || i18n.t(Msg::TreePaper)}</label>
                <select id="tree-paper" on:change=move |e| paper.set(if event_target_value(&e) == "A3" { Paper::A3 } else { Paper::A4 })>
                    <option value="A4" selected=move || paper.get() == Paper::A4>"A4"</option>
                    <option value="A3" selected=move || paper.get() == Paper::A3>"A3"</option>
                </select>
                <button type="button" id="tree-print" on:click=move |_| browser::print()>{move || i18n.t(Msg::Print)}</button>
            </div>
            <h1 id="tree-title">{title}</h1>
            <crate::ui::widgets::YearTabs years current=Signal::derive(move || Some(year.get())) show=root.get_value().is_none()
                href=|y, public| Route { public, page: Page::Tree { year: Some(y), root: None } }.href()/>
            <Show when=move || !public()>
                <crate::ui::widgets::StatusTally year=Signal::derive(move || year.get()) root=root.get_value() list=true/>
            </Show>
            // The keys and the mouse on a computer; fingers on a phone or tablet (style/main.css).
            <p class="hint no-print" id="tree-hint">{move || i18n.t(Msg::TreeIntro)}" "
                <span class="keys-desktop">{move || i18n.t(Msg::TreeKeys)}</span>
                <span class="keys-touch">{move || i18n.t(Msg::TreeTouch)}</span></p>
            <p class="hint no-print" id="tree-pages">{move || {
                let n = pages.with(Vec::len).to_string();
                fill(i18n.t(Msg::TreePrintPages), &[("n", &n), ("paper", paper.get().key())])
            }}</p>
            <Show when=move || chart.with(|c| c.nodes.is_empty())>
                <p class="empty" id="tree-empty">{move || i18n.t(Msg::TreeEmpty)}</p>
            </Show>
            <div class="tree-canvas no-print" id="tree-canvas" node_ref=camera.canvas tabindex="0" role="region"
                aria-label=move || fill(i18n.t(Msg::TreeCanvasLabel), &[("n", &chart.with(|c| c.nodes.len()).to_string())])
                on:keydown=keydown on:pointerdown=move |e| camera.pointer_down(e) on:pointermove=move |e| camera.pointer_move(e)
                on:pointerup=move |e| camera.pointer_up(e) on:pointercancel=move |e| camera.pointer_up(e)
                on:pointerleave=move |e| camera.pointer_up(e) on:click=click on:wheel=move |e| camera.wheel(e)
                on:focusin=move |e| if let Some(id) = picture::box_of(e.target()) { camera.show(&id) }>
                <div class="tree-stage" id="tree-stage" style:transform=move || camera.view.get().transform()>
                    // A fixed viewport the drawing overflows (style/main.css says why).
                    <svg xmlns="http://www.w3.org/2000/svg" class="tree-svg" role="group" aria-label=title
                        width="1" height="1">
                        <g id=svg::DRAWING_ID>
                            <g class="edges" aria-hidden="true" inner_html=move || chart.with(svg::edges)></g>
                            <g class="boxes">
                                <For each=move || boxes.get() key=|b| (b.0.clone(), b.3.clone()) let:b>
                                    {
                                        let id = b.0.clone();
                                        // With the filter set, the boxes that need no work step back.
                                        let settled = b.4;
                                        let class = b.1.clone();
                                        view! {
                                            <g class=move || if settled && only.get() && !public() { format!("{class} settled") } else { class.clone() } data-id=b.0 tabindex="0" role="button" aria-expanded=b.2.to_string()
                                                transform=move || places.with(|p| p.get(&id).map(|(x, y)| format!("translate({x} {y})")))
                                                inner_html=b.3></g>
                                        }
                                    }
                                </For>
                            </g>
                        </g>
                    </svg>
                </div>
            </div>
            <div class=move || format!("tree-print print-only {}", paper.get().key().to_lowercase()) aria-hidden="true">
                <p class="tree-print-title">{title}</p>
                {move || pages.get().into_iter().map(|t| view! { <div class="tree-sheet" inner_html=move || svg::tile(t, printing.get())></div> }).collect_view()}
            </div>
            <details class="tree-text no-print" id="tree-text">
                <summary>{move || i18n.t(Msg::TreeTextTitle)}</summary>
                {move || listing.with(|l| text_list(l, None, public()))}
            </details>
        </section>
    }
}
