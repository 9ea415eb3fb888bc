//! Pages whose code is loaded when first opened.
//!
//! The first page (the list of agreements) is in the main WebAssembly module; every other page is a
//! split point: the build (`.ci/bin/wasm-bindgen`) cuts its code into a file of its group, fetched the first
//! time one of the group's pages is opened and kept by the service worker for offline use. A group's loader
//! returns the function that draws its pages; once loaded, pages are drawn synchronously like any other view.
//!
//! Four groups (`Part`), of pages used together. One file per page would make 129 small files of code
//! shared by some of them, and the whole app 9 % larger than grouped (measured); the first page is the
//! same either way.

use super::pages::{capaian, cascade, data, document, editor, lkj, measure, rollup, tree};
use super::services::browser;
use crate::core::i18n::Msg;
use crate::core::route::Page;
use crate::ui::services::Language;
use leptos::prelude::*;
use leptos::wasm_split::{wasm_split, SplitLoaderError};
use std::cell::Cell;

/// Draws a page from its route.
type Draw = fn(Page) -> AnyView;

/// The groups of pages loaded on demand, each one file.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Part {
    /// A PK as a document, a signed version, its LKj.
    Document,
    /// The editor, the realisasi, Turunkan.
    Editing,
    /// Rollup, capaian, pohon kinerja.
    Views,
    /// Import, export, storage.
    Data,
}

impl Part {
    /// The group whose code draws `page`; `None` for the first page (in the main module) and for a
    /// page there is nothing to draw for (unknown, or the realisasi in the public view). The one place
    /// that says which group a page is in: each group's loader below draws exactly its pages.
    pub fn of(page: &Page, read_only: bool) -> Option<Part> {
        match page {
            Page::Agreement { edit: true, .. } if !read_only => Some(Part::Editing),
            Page::Agreement { .. } | Page::Version { .. } | Page::Lkj { .. } => Some(Part::Document),
            Page::Cascade { .. } => Some(Part::Editing),
            Page::Measure { .. } if !read_only => Some(Part::Editing),
            Page::Capaian { .. } | Page::Rollup { .. } | Page::Tree { .. } => Some(Part::Views),
            Page::Data | Page::Monitor { .. } | Page::Renstra => Some(Part::Data),
            Page::Measure { .. } | Page::Home { .. } | Page::NotFound => None,
        }
    }
}

/// One slot per group: follows the enum (its last variant).
const PARTS: usize = Part::Data as usize + 1;

thread_local! {
    static LOADED: [Cell<Option<Draw>>; PARTS] = Default::default();
}

/// The page for `page`, drawn by its group's code ([`Part::of`]): at once when loaded, else after loading
/// it (with a message while it loads, and one that says so if it cannot be loaded); the not-found page
/// when no group draws it.
pub fn page(page: Page, read_only: bool) -> AnyView {
    let Some(part) = Part::of(&page, read_only) else { return unreachable_page() };
    if let Some(draw) = LOADED.with(|l| l[part as usize].get()) {
        return untrack(|| draw(page));
    }
    let state = RwSignal::new(Loading::Waiting);
    leptos::task::spawn_local(async move {
        let next = match load(part).await {
            Ok(draw) => {
                LOADED.with(|l| l[part as usize].set(Some(draw)));
                Loading::Ready(draw)
            }
            Err(_) => Loading::Failed,
        };
        // The user may have left the page while it loaded.
        if state.try_set(next).is_none() {
            // Drawn now: the focus waited on <main> for the page's heading (a page that focuses a field
            // of its own has done so by the next frame).
            request_animation_frame(|| {
                if browser::focus_is_on("main") {
                    browser::focus_page_heading("main");
                }
            });
        }
    });
    let i18n = expect_context::<Language>();
    (move || match state.get() {
        Loading::Waiting => view! {
            <section class="page narrow" aria-busy="true"><p class="loading-page">{move || i18n.t(Msg::PageLoading)}</p></section>
        }
        .into_any(),
        Loading::Failed => view! {
            <section class="page narrow" role="alert">
                <h1>{move || i18n.t(Msg::PageLoadFailedTitle)}</h1>
                <p>{move || i18n.t(Msg::PageLoadFailedBody)}</p>
                <p><a href="#/">{move || i18n.t(Msg::BackHome)}</a></p>
            </section>
        }
        .into_any(),
        Loading::Ready(draw) => untrack(|| draw(page.clone())),
    })
    .into_any()
}

#[derive(Clone, Copy)]
enum Loading {
    Waiting,
    Ready(Draw),
    Failed,
}

async fn load(part: Part) -> Result<Draw, SplitLoaderError> {
    match part {
        Part::Document => document_code().await,
        Part::Editing => editing_code().await,
        Part::Views => views_code().await,
        Part::Data => data_code().await,
    }
}

#[wasm_split(kinerja_document, wasm_split_path = ::leptos::wasm_split, fallible)]
fn document_code() -> Result<Draw, SplitLoaderError> {
    Ok(|page| match page {
        Page::Agreement { id, .. } => view! { <document::AgreementPage id/> }.into_any(),
        Page::Version { id, number } => view! { <document::AgreementPage id version=number/> }.into_any(),
        Page::Lkj { id } => view! { <lkj::LkjPage id/> }.into_any(),
        _ => unreachable_page(),
    })
}

#[wasm_split(kinerja_editing, wasm_split_path = ::leptos::wasm_split, fallible)]
fn editing_code() -> Result<Draw, SplitLoaderError> {
    Ok(|page| match page {
        Page::Agreement { id, .. } => view! { <editor::EditorPage id/> }.into_any(),
        Page::Measure { id } => view! { <measure::MeasurePage id/> }.into_any(),
        Page::Cascade { id } => view! { <cascade::CascadePage id/> }.into_any(),
        _ => unreachable_page(),
    })
}

#[wasm_split(kinerja_views, wasm_split_path = ::leptos::wasm_split, fallible)]
fn views_code() -> Result<Draw, SplitLoaderError> {
    Ok(|page| match page {
        Page::Rollup { year, root } => view! { <rollup::RollupPage year root/> }.into_any(),
        Page::Capaian { year, root } => view! { <capaian::CapaianPage year root/> }.into_any(),
        Page::Tree { year, root } => view! { <tree::TreePage year root/> }.into_any(),
        _ => unreachable_page(),
    })
}

#[wasm_split(kinerja_data, wasm_split_path = ::leptos::wasm_split, fallible)]
fn data_code() -> Result<Draw, SplitLoaderError> {
    Ok(|page| match page {
        Page::Data => view! { <data::DataPage/> }.into_any(),
        Page::Monitor { year } => view! { <super::pages::monitor::MonitorPage year/> }.into_any(),
        Page::Renstra => view! { <super::pages::renstra::RenstraPage/> }.into_any(),
        _ => unreachable_page(),
    })
}

/// A group is only asked for the pages [`Part::of`] gives it; anything else shows the not-found page.
fn unreachable_page() -> AnyView {
    view! { <super::common::NotFound/> }.into_any()
}

#[cfg(test)]
mod tests {
    use super::Part;
    use crate::core::model::AgreementId;
    use crate::core::route::Page;

    /// Every page and the group that draws it, for staff and in the public view.
    #[test]
    fn each_page_has_its_group() {
        let id = || AgreementId::new("pk");
        let cases = [
            (Page::Home { year: None }, None, None),
            (Page::Agreement { id: id(), edit: false }, Some(Part::Document), Some(Part::Document)),
            (Page::Agreement { id: id(), edit: true }, Some(Part::Editing), Some(Part::Document)),
            (Page::Version { id: id(), number: 1 }, Some(Part::Document), Some(Part::Document)),
            (Page::Lkj { id: id() }, Some(Part::Document), Some(Part::Document)),
            (Page::Cascade { id: id() }, Some(Part::Editing), Some(Part::Editing)),
            (Page::Measure { id: id() }, Some(Part::Editing), None),
            (Page::Capaian { year: None, root: None }, Some(Part::Views), Some(Part::Views)),
            (Page::Rollup { year: Some(2024), root: Some(id()) }, Some(Part::Views), Some(Part::Views)),
            (Page::Tree { year: None, root: None }, Some(Part::Views), Some(Part::Views)),
            (Page::Data, Some(Part::Data), Some(Part::Data)),
            (Page::Renstra, Some(Part::Data), Some(Part::Data)),
            (Page::Monitor { year: None }, Some(Part::Data), Some(Part::Data)),
            (Page::NotFound, None, None),
        ];
        for (page, staff, public) in cases {
            assert_eq!(Part::of(&page, false), staff, "{page:?} for staff");
            assert_eq!(Part::of(&page, true), public, "{page:?} in the public view");
        }
    }
}
