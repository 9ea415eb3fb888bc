//! The drawing's view on its canvas, moved by the keyboard, the wheel and pointers: the browser's
//! events read here, the arithmetic done by [`crate::core::tree_chart::view`].

use crate::core::tree_chart::view::{key_move, Gesture, KeyMove, View};
use crate::core::tree_chart::Chart;
use leptos::prelude::*;

/// Where the drawing is shown in its canvas, and the pointers down on it.
#[derive(Clone, Copy)]
pub struct Camera {
    pub view: RwSignal<View>,
    pub canvas: NodeRef<leptos::html::Div>,
    gesture: StoredValue<Gesture>,
    chart: Memo<Chart>,
}

impl Camera {
    /// For the drawing of `chart`, at its own size until fitted.
    pub fn new(chart: Memo<Chart>) -> Camera {
        Camera {
            view: RwSignal::new(View::START),
            canvas: NodeRef::new(),
            gesture: StoredValue::new(Gesture::default()),
            chart,
        }
    }

    /// The canvas's size in pixels, once it is on the page.
    fn size(self) -> Option<(f64, f64)> {
        self.canvas.get_untracked().map(|el| (el.client_width() as f64, el.client_height() as f64))
    }

    /// The whole drawing in sight.
    pub fn fit(self) {
        let Some(canvas) = self.size() else { return };
        let drawing = self.chart.with_untracked(|c| (c.width + 2.0, c.height + 2.0));
        self.view.set(View::fit(canvas, drawing));
    }

    /// How the tree opens: whole if legible so, else legible on its top box (`View::open`).
    pub fn open(self) {
        let Some(canvas) = self.size() else { return };
        let (drawing, focus) = self.chart.with_untracked(|c| {
            let top = c.nodes.iter().min_by(|a, b| a.y.total_cmp(&b.y).then(a.x.total_cmp(&b.x)));
            ((c.width + 2.0, c.height + 2.0), top.map_or(0.0, |n| n.x + n.width / 2.0))
        });
        self.view.set(View::open(canvas, drawing, focus));
    }

    /// The box of PK `id`, just opened, in sight as a panel (`View::panel`).
    pub fn panel(self, id: &str) {
        let Some(canvas) = self.size() else { return };
        let found = self
            .chart
            .with_untracked(|c| c.nodes.iter().find(|n| n.id.0 == id).map(|n| (n.x, n.y, n.width, n.height)));
        if let Some(found) = found {
            self.view.update(|v| *v = v.panel(canvas, found));
        }
    }

    /// Zoomed by `factor` around the canvas's centre.
    pub fn zoom_centre(self, factor: f64) {
        if let Some(canvas) = self.size() {
            self.view.update(|v| *v = v.zoom_centre(factor, canvas));
        }
    }

    /// The box of PK `id` brought to the middle when it is out of sight (it took the focus).
    pub fn show(self, id: &str) {
        let Some(canvas) = self.size() else { return };
        let Some(found) = self
            .chart
            .with_untracked(|c| c.nodes.iter().find(|n| n.id.0 == id).map(|n| (n.x, n.y, n.width, n.height)))
        else {
            return;
        };
        if let Some(next) = self.view.get_untracked().reveal(canvas, found) {
            self.view.set(next);
        }
    }

    /// Moves the view as `key` says (arrows, + and −, 0); `false` when the key is not one of them.
    pub fn key(self, key: &str) -> bool {
        let Some(step) = key_move(key) else { return false };
        match step {
            KeyMove::Pan(dx, dy) => self.view.update(|v| *v = v.pan(dx, dy)),
            KeyMove::Zoom(factor) => self.zoom_centre(factor),
            KeyMove::Fit => self.fit(),
        }
        true
    }

    /// Where a mouse or pointer event happened, in the canvas's pixels.
    fn local(self, e: &web_sys::MouseEvent) -> (f64, f64) {
        let rect = self.canvas.get_untracked().map(|c| c.get_bounding_client_rect());
        rect.map_or((0.0, 0.0), |r| (e.client_x() as f64 - r.left(), e.client_y() as f64 - r.top()))
    }

    pub fn pointer_down(self, e: web_sys::PointerEvent) {
        let at = self.local(&e);
        self.gesture.update_value(|g| g.down(e.pointer_id(), at));
    }

    pub fn pointer_move(self, e: web_sys::PointerEvent) {
        let at = self.local(&e);
        let change = self.gesture.try_update_value(|g| g.moved(e.pointer_id(), at)).flatten();
        if let Some(change) = change {
            self.view.update(|v| *v = v.follow(change));
        }
    }

    pub fn pointer_up(self, e: web_sys::PointerEvent) {
        self.gesture.update_value(|g| g.up(e.pointer_id()));
    }

    /// Whether the press that ends in a click dragged the drawing (then the click opens nothing).
    pub fn dragged(self) -> bool {
        self.gesture.with_value(Gesture::dragged)
    }

    pub fn wheel(self, e: web_sys::WheelEvent) {
        e.prevent_default();
        let (px, py) = self.local(&e);
        self.view.update(|v| *v = v.wheel(e.delta_y(), px, py));
    }
}
