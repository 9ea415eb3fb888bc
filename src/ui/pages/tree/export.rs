//! The drawing as files (SVG and PNG downloads) and on paper (whether the page is being printed).

use super::tree_title;
use crate::core::i18n::{fill, Msg};
use crate::core::io::names;
use crate::core::model::AgreementId;
use crate::core::tree_chart::{svg, Chart};
use crate::ui::services::clock;
use crate::ui::services::export::Downloads;
use crate::ui::services::picture;
use crate::ui::services::{Document, Language, NoticeKind, Notices};
use leptos::prelude::*;

/// What the downloads are made of: the chart and the page it is on.
#[derive(Clone, Copy)]
pub struct Files {
    pub doc: Document,
    pub i18n: Language,
    pub notices: Notices,
    pub downloads: Downloads,
    pub chart: Memo<Chart>,
    pub year: Memo<i32>,
    pub root: StoredValue<Option<AgreementId>>,
}

impl Files {
    /// The file's name, like the other exports': the subtree's PK or the office, the year, today.
    fn name(self, ext: &str) -> String {
        let Files { doc, root, year, .. } = self;
        let what = root
            .get_value()
            .and_then(|r| doc.ws.with_untracked(|ws| ws.agreement(&r).map(|a| a.title().to_string())))
            .unwrap_or_else(|| doc.ws.with_untracked(|ws| ws.office.clone()));
        names::tree_file_name(&what, year.get_untracked(), clock::today(), ext)
    }

    /// The drawing as an SVG file, with its width and height.
    fn svg(self) -> (String, f64, f64) {
        let t = self.root.with_value(|r| tree_title(self.doc, self.i18n, self.year.get(), r.as_ref()));
        self.chart.with_untracked(|c| (svg::svg(c, &t), c.width + 2.0, c.height + 2.0))
    }

    pub fn download_svg(self) {
        let name = self.name("svg");
        let (text, _, _) = self.svg();
        self.downloads.offer(&name, "image/svg+xml", &text);
    }

    pub fn download_png(self) {
        let (notices, i18n) = (self.notices, self.i18n);
        let name = self.name("png");
        let (text, w, h) = self.svg();
        let shown = name.clone();
        picture::download_png(name, &text, w, h, move |result| match result {
            Ok(()) => notices.notify_keyed(
                "download",
                NoticeKind::Success,
                fill(i18n.t_now(Msg::Exported), &[("file", &shown)]),
            ),
            Err(_) => notices.notify_keyed(
                "download",
                NoticeKind::Error,
                i18n.t_now(Msg::TreePngFailed).to_string(),
            ),
        });
    }
}

/// True while the page is printed (from the browser's `beforeprint` to its `afterprint`).
pub fn printing() -> ReadSignal<bool> {
    let (on, set) = signal(false);
    let before = window_event_listener_untyped("beforeprint", move |_| set.set(true));
    let after = window_event_listener_untyped("afterprint", move |_| set.set(false));
    on_cleanup(move || {
        before.remove();
        after.remove();
    });
    on
}
