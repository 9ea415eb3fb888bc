//! `#/pohon/<year>[/<id>]`: the pohon kinerja drawn as SVG from the core's chart. Pan and zoom with the
//! mouse (drag, wheel), touch (drag, pinch) or the keyboard (arrows, + and −, 0 to fit); every box is
//! focusable (Enter opens the PK, Space or a click shows its indicators). Printed on A4 or A3 landscape,
//! split into pages when one page would be unreadable; downloaded as SVG or PNG. The same tree as a
//! nested list for screen readers and for copying.

use crate::core::i18n::{fill, Msg};
use crate::core::io::names;
use crate::core::model::{AgreementId, Workspace};
use crate::core::route::{Page, Route};
use crate::core::text::tree::TreeWords;
use crate::core::tree_chart::tiles::{tiles, Paper};
use crate::core::tree_chart::{self, svg, Chart, Node};
use crate::ui::services::picture;
use crate::ui::services::state::{expect_app, App, NoticeKind};
use crate::ui::services::{browser, clock};
use leptos::prelude::*;
use std::collections::{HashMap, HashSet};

/// Where the drawing is and how large, in the canvas's pixels.
#[derive(Clone, Copy, Debug, PartialEq)]
struct View {
    x: f64,
    y: f64,
    scale: f64,
}

const MIN_SCALE: f64 = 0.05;
const MAX_SCALE: f64 = 4.0;
const STEP: f64 = 60.0;

impl View {
    /// Zoomed by `factor` around the canvas point (`px`, `py`).
    fn zoom(self, factor: f64, px: f64, py: f64) -> View {
        let scale = (self.scale * factor).clamp(MIN_SCALE, MAX_SCALE);
        let k = scale / self.scale;
        View { x: px - (px - self.x) * k, y: py - (py - self.y) * k, scale }
    }
}

/// Pointers down on the canvas (for dragging and pinching).
#[derive(Default)]
struct Gesture {
    pointers: HashMap<i32, (f64, f64)>,
    moved: f64,
    pinch: Option<f64>,
}

/// `#/pohon/<year>[/<id>]`: the tree, or the PKs to choose from when it is too large to draw.
#[component]
pub fn TreePage(year: Option<i32>, root: Option<AgreementId>) -> impl IntoView {
    let app = expect_app();
    let years = Memo::new(move |_| app.ws.with(Workspace::years));
    let year = Memo::new(move |_| year.or_else(|| years.with(|y| y.first().copied())).unwrap_or(2024));
    let lookup = root.clone();
    let parts = Memo::new(move |_| {
        let y = year.get();
        app.ws.with(|ws| tree_chart::too_large(ws, y, lookup.as_ref()))
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
fn tree_title(app: App, year: i32, root: Option<&AgreementId>) -> String {
    let y = year.to_string();
    match root.and_then(|r| app.ws.with(|ws| ws.agreement(r).map(|a| a.title().to_string()))) {
        Some(t) => fill(app.t(Msg::TreeTitleSubtree), &[("title", &t), ("year", &y)]),
        None => fill(app.t(Msg::TreeTitleYear), &[("year", &y)]),
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
    let app = expect_app();
    let public = move || app.route.with(|r| r.public);
    let title_of = move |id: &AgreementId| {
        app.ws.with(|ws| ws.agreement(id).map(|a| a.title().to_string()).unwrap_or_default())
    };
    let title = {
        let root = root.clone();
        move || tree_title(app, year.get(), root.as_ref())
    };
    let total = move || parts.with(|p| p.as_ref().map_or(0, |p| p.iter().map(|(_, n)| n).sum::<usize>()));
    view! {
        <section class="page tree-page" aria-labelledby="tree-title">
            <h1 id="tree-title">{title}</h1>
            <crate::ui::common::YearTabs years current=Signal::derive(move || Some(year.get())) show=root.is_none()
                href=|y, public| Route { public, page: Page::Tree { year: Some(y), root: None } }.href()/>
            <p id="tree-too-large">{move || {
                let lang = app.lang.get();
                let n = total() + usize::from(root.is_some());
                fill(Msg::TreeTooLarge.text(lang), &[
                    ("n", &crate::core::format::number(n.into(), lang)),
                    ("max", &tree_chart::MAX_BOXES.to_string()),
                ])
            }}</p>
            <ul class="tree-choices" id="tree-choices">
                {move || {
                    let lang = app.lang.get();
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

#[component]
fn TreeDrawing(years: Memo<Vec<i32>>, year: Memo<i32>, root: Option<AgreementId>) -> impl IntoView {
    let app = expect_app();
    let public = move || app.route.with(|r| r.public);
    let root = StoredValue::new(root);
    let expanded = RwSignal::new(HashSet::<AgreementId>::new());
    // The versions in force; the rollup and the latest quarter once per change of the data, the layout
    // again whenever a PK is opened or closed.
    let in_force = Memo::new(move |_| app.ws.with(Workspace::in_force));
    let facts = Memo::new(move |_| {
        let (lang, y) = (app.lang.get(), year.get());
        in_force.with(|ws| root.with_value(|r| tree_chart::facts(ws, y, r.as_ref(), &TreeWords(lang))))
    });
    let chart: Memo<Chart> = Memo::new(move |_| {
        let lang = app.lang.get();
        expanded.with(|open| {
            facts.with(|f| in_force.with(|ws| tree_chart::arrange(ws, f, open, &TreeWords(lang))))
        })
    });
    let title = move || root.with_value(|r| tree_title(app, year.get(), r.as_ref()));
    // Each box is its own element, keyed by its content: opening a PK re-creates that box only, the
    // others just move (their position follows the layout).
    let boxes = Memo::new(move |_| {
        chart.with(|c| {
            c.nodes
                .iter()
                .map(|n| (n.id.0.clone(), svg::box_class(n), n.expanded, svg::box_content(n)))
                .collect::<Vec<_>>()
        })
    });
    let places = Memo::new(move |_| {
        chart.with(|c| c.nodes.iter().map(|n| (n.id.0.clone(), (n.x, n.y))).collect::<HashMap<_, _>>())
    });
    let view = RwSignal::new(View { x: 0.0, y: 0.0, scale: 1.0 });
    let canvas = NodeRef::<leptos::html::Div>::new();
    let size = move || canvas.get_untracked().map(|el| (el.client_width() as f64, el.client_height() as f64));
    let fit = move || {
        let Some((w, h)) = size() else { return };
        let (cw, ch) = chart.with_untracked(|c| (c.width + 2.0, c.height + 2.0));
        let scale = (w / cw).min(h / ch).clamp(MIN_SCALE, 1.0);
        view.set(View { x: ((w - cw * scale) / 2.0).max(0.0), y: ((h - ch * scale) / 2.0).max(0.0), scale });
    };
    request_animation_frame(fit);
    let zoom_centre = move |factor: f64| {
        if let Some((w, h)) = size() {
            view.update(|v| *v = v.zoom(factor, w / 2.0, h / 2.0));
        }
    };
    // Focus returns to the box whose indicators were just shown or hidden (the drawing is redrawn).
    let refocus: StoredValue<Option<String>> = StoredValue::new(None);
    Effect::new(move |_| {
        boxes.track();
        if let Some(id) = refocus.try_update_value(Option::take).flatten() {
            request_animation_frame(move || picture::focus_box(&id));
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
    // A focused box that is out of sight is brought to the middle.
    let show = move |id: &str| {
        let Some((w, h)) = size() else { return };
        let Some((x, y, bw, bh)) = chart.with_untracked(|c| {
            c.nodes.iter().find(|n| n.id.0 == id).map(|n| (n.x, n.y, n.width, n.height.min(200.0)))
        }) else {
            return;
        };
        let v = view.get_untracked();
        let (sx, sy) = (v.x + x * v.scale, v.y + y * v.scale);
        if sx < 0.0 || sy < 0.0 || sx + bw * v.scale > w || sy + bh * v.scale > h {
            view.set(View { x: w / 2.0 - (x + bw / 2.0) * v.scale, y: h / 3.0 - y * v.scale, ..v });
        }
    };
    let keydown = move |e: web_sys::KeyboardEvent| {
        let target = picture::box_of(e.target());
        let pan = |dx: f64, dy: f64| view.update(|v| *v = View { x: v.x + dx, y: v.y + dy, ..*v });
        let handled = match (e.key().as_str(), target) {
            ("Enter", Some(id)) => {
                open_pk(id);
                true
            }
            (" " | "Spacebar", Some(id)) => {
                toggle(id);
                true
            }
            ("ArrowLeft", _) => {
                pan(STEP, 0.0);
                true
            }
            ("ArrowRight", _) => {
                pan(-STEP, 0.0);
                true
            }
            ("ArrowUp", _) => {
                pan(0.0, STEP);
                true
            }
            ("ArrowDown", _) => {
                pan(0.0, -STEP);
                true
            }
            ("+" | "=", _) => {
                zoom_centre(1.25);
                true
            }
            ("-" | "_", _) => {
                zoom_centre(0.8);
                true
            }
            ("0", _) => {
                fit();
                true
            }
            _ => false,
        };
        if handled {
            e.prevent_default();
        }
    };
    let gesture = StoredValue::new(Gesture::default());
    let local = move |e: &web_sys::MouseEvent| {
        let rect = canvas.get_untracked().map(|c| c.get_bounding_client_rect());
        rect.map_or((0.0, 0.0), |r| (e.client_x() as f64 - r.left(), e.client_y() as f64 - r.top()))
    };
    let pointerdown = move |e: web_sys::PointerEvent| {
        let p = local(&e);
        gesture.update_value(|g| {
            g.pointers.insert(e.pointer_id(), p);
            g.moved = 0.0;
            g.pinch = None;
        });
    };
    let pointermove = move |e: web_sys::PointerEvent| {
        let p = local(&e);
        let change = gesture
            .try_update_value(|g| {
                let before = g.pointers.get(&e.pointer_id()).copied()?;
                g.pointers.insert(e.pointer_id(), p);
                if g.pointers.len() == 2 {
                    let pts: Vec<(f64, f64)> = g.pointers.values().copied().collect();
                    let d = ((pts[0].0 - pts[1].0).powi(2) + (pts[0].1 - pts[1].1).powi(2)).sqrt();
                    let centre = ((pts[0].0 + pts[1].0) / 2.0, (pts[0].1 + pts[1].1) / 2.0);
                    let factor = g.pinch.map_or(1.0, |old| if old > 0.0 { d / old } else { 1.0 });
                    g.pinch = Some(d);
                    g.moved += 10.0;
                    return Some((0.0, 0.0, factor, centre));
                }
                let (dx, dy) = (p.0 - before.0, p.1 - before.1);
                g.moved += dx.abs() + dy.abs();
                Some((dx, dy, 1.0, p))
            })
            .flatten();
        if let Some((dx, dy, factor, (px, py))) = change {
            view.update(|v| {
                let moved = View { x: v.x + dx, y: v.y + dy, ..*v };
                *v = if factor == 1.0 { moved } else { moved.zoom(factor, px, py) };
            });
        }
    };
    let pointerup = move |e: web_sys::PointerEvent| {
        gesture.update_value(|g| {
            g.pointers.remove(&e.pointer_id());
            g.pinch = None;
        });
    };
    let click = move |e: web_sys::MouseEvent| {
        let dragged = gesture.with_value(|g| g.moved > 6.0);
        if let (false, Some(id)) = (dragged, picture::box_of(e.target())) {
            toggle(id);
        }
    };
    let wheel = move |e: web_sys::WheelEvent| {
        e.prevent_default();
        let (px, py) = local(&e);
        let factor = if e.delta_y() < 0.0 { 1.15 } else { 1.0 / 1.15 };
        view.update(|v| *v = v.zoom(factor, px, py));
    };
    let paper = RwSignal::new(Paper::A4);
    let pages = Memo::new(move |_| chart.with(|c| tiles(c.width + 2.0, c.height + 2.0, paper.get())));
    let file_name = move |ext: &str| {
        let what = root
            .get_value()
            .and_then(|r| app.ws.with_untracked(|ws| ws.agreement(&r).map(|a| a.title().to_string())))
            .unwrap_or_else(|| app.ws.with_untracked(|ws| ws.office.clone()));
        names::tree_file_name(&what, year.get_untracked(), clock::today(), ext)
    };
    let file_svg = move || {
        let t = title();
        chart.with_untracked(|c| (svg::svg(c, &t), c.width + 2.0, c.height + 2.0))
    };
    let export_svg = move |_| {
        let name = file_name("svg");
        let (text, _, _) = file_svg();
        crate::ui::services::export::offer(&app, &name, "image/svg+xml", &text);
    };
    let export_png = move |_| {
        let name = file_name("png");
        let (text, w, h) = file_svg();
        let shown = name.clone();
        picture::download_png(name, &text, w, h, move |result| match result {
            Ok(()) => app.notify_keyed(
                "download",
                NoticeKind::Success,
                fill(app.t_now(Msg::Exported), &[("file", &shown)]),
            ),
            Err(_) => {
                app.notify_keyed("download", NoticeKind::Error, app.t_now(Msg::TreePngFailed).to_string())
            }
        });
    };
    let all_ids =
        move || chart.with_untracked(|c| c.nodes.iter().map(|n| n.id.clone()).collect::<HashSet<_>>());
    let printing = printing();
    // The nested list does not change when a box is opened (only the drawing's layout does).
    let listing = Memo::new(move |_| chart.with(|c| c.nodes.iter().map(Entry::of).collect::<Vec<_>>()));
    view! {
        <section class="page tree-page" aria-labelledby="tree-title">
            <div class="toolbar no-print" role="toolbar" aria-label=move || app.t(Msg::DocumentTools)>
                <Show when=move || root.get_value().is_some()>
                    <a class="button-link" href=move || Route { public: public(), page: Page::Tree { year: Some(year.get()), root: None } }.href()>
                        {move || app.t(Msg::RollupWholeYear)}
                    </a>
                </Show>
                <button type="button" id="tree-zoom-in" on:click=move |_| zoom_centre(1.25)>{move || app.t(Msg::TreeZoomIn)}</button>
                <button type="button" id="tree-zoom-out" on:click=move |_| zoom_centre(0.8)>{move || app.t(Msg::TreeZoomOut)}</button>
                <button type="button" id="tree-fit" on:click=move |_| fit()>{move || app.t(Msg::TreeFit)}</button>
                <button type="button" id="tree-expand-all" on:click=move |_| expanded.set(all_ids())>{move || app.t(Msg::TreeExpandAll)}</button>
                <button type="button" id="tree-collapse-all" on:click=move |_| expanded.set(HashSet::new())>{move || app.t(Msg::TreeCollapseAll)}</button>
                <button type="button" id="tree-svg" on:click=export_svg>{move || app.t(Msg::TreeExportSvg)}</button>
                <button type="button" id="tree-png" on:click=export_png>{move || app.t(Msg::TreeExportPng)}</button>
                <label for="tree-paper">{move || app.t(Msg::TreePaper)}</label>
                <select id="tree-paper" on:change=move |e| paper.set(if event_target_value(&e) == "A3" { Paper::A3 } else { Paper::A4 })>
                    <option value="A4" selected=move || paper.get() == Paper::A4>"A4"</option>
                    <option value="A3" selected=move || paper.get() == Paper::A3>"A3"</option>
                </select>
                <button type="button" id="tree-print" on:click=move |_| browser::print()>{move || app.t(Msg::Print)}</button>
            </div>
            <h1 id="tree-title">{title}</h1>
            <crate::ui::common::YearTabs years current=Signal::derive(move || Some(year.get())) show=root.get_value().is_none()
                href=|y, public| Route { public, page: Page::Tree { year: Some(y), root: None } }.href()/>
            <p class="hint no-print">{move || app.t(Msg::TreeIntro)}" "{move || app.t(Msg::TreeKeys)}</p>
            <p class="hint no-print" id="tree-pages">{move || {
                let n = pages.with(Vec::len).to_string();
                fill(app.t(Msg::TreePrintPages), &[("n", &n), ("paper", paper.get().key())])
            }}</p>
            <Show when=move || chart.with(|c| c.nodes.is_empty())>
                <p class="empty" id="tree-empty">{move || app.t(Msg::TreeEmpty)}</p>
            </Show>
            <div class="tree-canvas no-print" id="tree-canvas" node_ref=canvas tabindex="0" role="region"
                aria-label=move || fill(app.t(Msg::TreeCanvasLabel), &[("n", &chart.with(|c| c.nodes.len()).to_string())])
                on:keydown=keydown on:pointerdown=pointerdown on:pointermove=pointermove on:pointerup=pointerup
                on:pointercancel=pointerup on:pointerleave=pointerup on:click=click on:wheel=wheel
                on:focusin=move |e| if let Some(id) = picture::box_of(e.target()) { show(&id) }>
                <div class="tree-stage" id="tree-stage"
                    style:transform=move || { let v = view.get(); format!("translate({}px, {}px) scale({})", v.x, v.y, v.scale) }>
                    // A fixed viewport the drawing overflows (style/main.css says why).
                    <svg xmlns="http://www.w3.org/2000/svg" class="tree-svg" role="group" aria-label=title
                        width="1" height="1">
                        <g id=svg::DRAWING_ID>
                            <g class="edges" aria-hidden="true" inner_html=move || chart.with(svg::edges)></g>
                            <g class="boxes">
                                <For each=move || boxes.get() key=|b| (b.0.clone(), b.3.clone()) let:b>
                                    {
                                        let id = b.0.clone();
                                        view! {
                                            <g class=b.1 data-id=b.0 tabindex="0" role="button" aria-expanded=b.2.to_string()
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
                <summary>{move || app.t(Msg::TreeTextTitle)}</summary>
                {move || listing.with(|l| text_list(l, None, public()))}
            </details>
        </section>
    }
}

/// True while the page is printed (from the browser's `beforeprint` to its `afterprint`).
fn printing() -> ReadSignal<bool> {
    let (on, set) = signal(false);
    let before = window_event_listener_untyped("beforeprint", move |_| set.set(true));
    let after = window_event_listener_untyped("afterprint", move |_| set.set(false));
    on_cleanup(move || {
        before.remove();
        after.remove();
    });
    on
}

/// One PK as the nested list shows it.
#[derive(Clone, PartialEq)]
struct Entry {
    id: AgreementId,
    parent: Option<AgreementId>,
    title: String,
    name: String,
    budget: String,
    marks: Vec<String>,
}

impl Entry {
    fn of(n: &Node) -> Entry {
        Entry {
            id: n.id.clone(),
            parent: n.parent.clone(),
            title: n.title.join(" "),
            name: n.name.clone(),
            budget: n.budget.clone(),
            marks: n.marks.iter().map(|m| m.text.clone()).collect(),
        }
    }
}

/// The tree as nested lists: each PK with a link, its name, budget and marks.
fn text_list(entries: &[Entry], parent: Option<&AgreementId>, public: bool) -> AnyView {
    let kids: Vec<&Entry> = entries.iter().filter(|n| n.parent.as_ref() == parent).collect();
    if kids.is_empty() {
        return ().into_any();
    }
    view! {
        <ul>
            {kids.into_iter().map(|n| {
                let href = Route { public, page: Page::Agreement { id: n.id.clone(), edit: false } }.href();
                let marks = n.marks.clone();
                view! {
                    <li data-id=n.id.0.clone()>
                        <a href=href>{n.title.clone()}</a>", "{n.name.clone()}". "{n.budget.clone()}
                        {(!marks.is_empty()).then(|| view! { <ul class="marks">{marks.into_iter().map(|m| view! { <li>{m}</li> }).collect_view()}</ul> })}
                        {text_list(entries, Some(&n.id), public)}
                    </li>
                }
            }).collect_view()}
        </ul>
    }
    .into_any()
}
