//! How the pohon kinerja is looked at on the screen: where the drawing sits in its canvas and how
//! large (`View`), moved by the keyboard (arrows, + and −, 0 to fit), the wheel, and pointers (drag with
//! one, pinch with two: `Gesture`). Plain arithmetic on the canvas's pixels; the page only reads the
//! events and draws the result.

use std::collections::HashMap;

/// The smallest scale the drawing is shown at.
pub const MIN_SCALE: f64 = 0.05;
/// The largest.
pub const MAX_SCALE: f64 = 4.0;
/// How far an arrow key moves the drawing, in the canvas's pixels.
pub const PAN_STEP: f64 = 60.0;
/// One step of zooming in (a button, or +).
pub const ZOOM_IN: f64 = 1.25;
/// One step of zooming out (a button, or −): undoes a step in.
pub const ZOOM_OUT: f64 = 0.8;
/// One notch of the wheel.
pub const WHEEL_STEP: f64 = 1.15;
/// How far pointers travel (in pixels) before a press is a drag rather than a click.
pub const DRAG_OVER: f64 = 6.0;
/// How much of a box's height must be in sight for it to count as shown (an opened box is tall).
const SHOWN_HEIGHT: f64 = 200.0;
/// The smallest scale the tree opens at: the boxes' 13 px text shown at 12 px. A tree that fits only
/// smaller opens at this scale on its top box, to be explored by panning (fitting it whole is a button).
pub const LEGIBLE: f64 = 12.0 / 13.0;
/// The largest scale an opened box is shown at to fill a narrow canvas (a phone): its text at 16 px.
pub const PANEL_MAX: f64 = 1.25;
/// The room kept around a box brought into view, in the canvas's pixels.
const MARGIN: f64 = 8.0;

/// Where the drawing is and how large, in the canvas's pixels: a point of the drawing at (`px`, `py`)
/// is shown at (`x + px · scale`, `y + py · scale`).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct View {
    pub x: f64,
    pub y: f64,
    pub scale: f64,
}

/// What a key does to the view.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum KeyMove {
    /// Moves the drawing by (dx, dy).
    Pan(f64, f64),
    /// Zooms around the canvas's centre.
    Zoom(f64),
    /// Fits the whole drawing in the canvas.
    Fit,
}

/// The move of `key` (the browser's `KeyboardEvent.key`), if it is one: an arrow moves the drawing the
/// way it points to look (the drawing itself goes the other way).
pub fn key_move(key: &str) -> Option<KeyMove> {
    match key {
        "ArrowLeft" => Some(KeyMove::Pan(PAN_STEP, 0.0)),
        "ArrowRight" => Some(KeyMove::Pan(-PAN_STEP, 0.0)),
        "ArrowUp" => Some(KeyMove::Pan(0.0, PAN_STEP)),
        "ArrowDown" => Some(KeyMove::Pan(0.0, -PAN_STEP)),
        "+" | "=" => Some(KeyMove::Zoom(ZOOM_IN)),
        "-" | "_" => Some(KeyMove::Zoom(ZOOM_OUT)),
        "0" => Some(KeyMove::Fit),
        _ => None,
    }
}

impl View {
    /// The drawing at its own size, in the canvas's top left corner.
    pub const START: View = View { x: 0.0, y: 0.0, scale: 1.0 };

    /// Zoomed by `factor` around the canvas point (`px`, `py`), which stays where it is.
    pub fn zoom(self, factor: f64, px: f64, py: f64) -> View {
        let scale = (self.scale * factor).clamp(MIN_SCALE, MAX_SCALE);
        let k = scale / self.scale;
        View { x: px - (px - self.x) * k, y: py - (py - self.y) * k, scale }
    }

    /// Zoomed by `factor` around the centre of a canvas of `canvas` (width, height).
    pub fn zoom_centre(self, factor: f64, canvas: (f64, f64)) -> View {
        self.zoom(factor, canvas.0 / 2.0, canvas.1 / 2.0)
    }

    /// Moved by (`dx`, `dy`).
    pub fn pan(self, dx: f64, dy: f64) -> View {
        View { x: self.x + dx, y: self.y + dy, ..self }
    }

    /// One wheel notch at (`px`, `py`): in when the wheel turns up (`delta_y` below zero), else out.
    pub fn wheel(self, delta_y: f64, px: f64, py: f64) -> View {
        let factor = if delta_y < 0.0 { WHEEL_STEP } else { 1.0 / WHEEL_STEP };
        self.zoom(factor, px, py)
    }

    /// A drawing of `drawing` (width, height) whole in a canvas of `canvas`, centred; never larger than
    /// its own size, never smaller than [`MIN_SCALE`] (then it starts at the canvas's edge).
    pub fn fit(canvas: (f64, f64), drawing: (f64, f64)) -> View {
        let ((w, h), (cw, ch)) = (canvas, drawing);
        let scale = (w / cw).min(h / ch).clamp(MIN_SCALE, 1.0);
        View { x: ((w - cw * scale) / 2.0).max(0.0), y: ((h - ch * scale) / 2.0).max(0.0), scale }
    }

    /// How the tree opens: whole when it is legible so ([`View::fit`]), else at [`LEGIBLE`] with its top
    /// in sight and the point `focus_x` of the drawing (its top box's middle) centred across, never
    /// leaving empty canvas beside a drawing wider than it.
    pub fn open(canvas: (f64, f64), drawing: (f64, f64), focus_x: f64) -> View {
        let fit = View::fit(canvas, drawing);
        if fit.scale >= LEGIBLE {
            return fit;
        }
        let (w, dw) = (canvas.0, drawing.0 * LEGIBLE);
        let x = if dw <= w { (w - dw) / 2.0 } else { (w / 2.0 - focus_x * LEGIBLE).clamp(w - dw, 0.0) };
        View { x, y: 0.0, scale: LEGIBLE }
    }

    /// The view of a box just opened (`x`, `y`, width, height in the drawing): on a canvas too narrow to
    /// show it larger than [`PANEL_MAX`] (a phone) it fills the width, read as a panel; elsewhere the
    /// scale stays. Either way its whole width and its top are in sight (moved only when they were not).
    pub fn panel(self, canvas: (f64, f64), (x, y, bw, bh): (f64, f64, f64, f64)) -> View {
        let (w, h) = canvas;
        let fill = (w - 2.0 * MARGIN) / bw;
        let scale = if fill <= PANEL_MAX { fill.max(MIN_SCALE) } else { self.scale };
        let (sx, sy) = (self.x + x * scale, self.y + y * scale);
        let inside = scale == self.scale
            && sx >= 0.0
            && sy >= 0.0
            && sx + bw * scale <= w
            && sy + bh.min(SHOWN_HEIGHT) * scale <= h;
        if inside {
            return self;
        }
        let left = if bw * scale <= w { w / 2.0 - (x + bw / 2.0) * scale } else { MARGIN - x * scale };
        View { x: left, y: MARGIN - y * scale, scale }
    }

    /// The view that brings a box (`x`, `y`, width, height in the drawing) into sight in a canvas of
    /// `canvas`, at the same scale: centred across, its top a third of the way down; `None` when it is
    /// in sight already (of a tall box, its first [`SHOWN_HEIGHT`] pixels).
    pub fn reveal(self, canvas: (f64, f64), (x, y, bw, bh): (f64, f64, f64, f64)) -> Option<View> {
        let ((w, h), bh, v) = (canvas, bh.min(SHOWN_HEIGHT), self);
        let (sx, sy) = (v.x + x * v.scale, v.y + y * v.scale);
        let out = sx < 0.0 || sy < 0.0 || sx + bw * v.scale > w || sy + bh * v.scale > h;
        out.then(|| View { x: w / 2.0 - (x + bw / 2.0) * v.scale, y: h / 3.0 - y * v.scale, ..v })
    }

    /// After a pointer's move ([`Gesture::moved`]): moved, then zoomed by a pinch around its centre.
    pub fn follow(self, change: Change) -> View {
        let moved = self.pan(change.dx, change.dy);
        if change.factor == 1.0 {
            moved
        } else {
            moved.zoom(change.factor, change.centre.0, change.centre.1)
        }
    }

    /// The CSS transform that shows the drawing so.
    pub fn transform(self) -> String {
        format!("translate({}px, {}px) scale({})", self.x, self.y, self.scale)
    }
}

/// What one pointer's move does to the view: moved by (`dx`, `dy`), zoomed by `factor` around
/// `centre` (a pinch).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Change {
    pub dx: f64,
    pub dy: f64,
    pub factor: f64,
    pub centre: (f64, f64),
}

/// The pointers down on the canvas, by id, for dragging (one) and pinching (two).
#[derive(Clone, Debug, Default)]
pub struct Gesture {
    pointers: HashMap<i32, (f64, f64)>,
    /// How far the pointers travelled since the last went down (a pinch counts as a drag).
    moved: f64,
    /// The distance between two pointers at the pinch's last move.
    pinch: Option<f64>,
}

impl Gesture {
    /// Pointer `id` went down at `at` (canvas pixels).
    pub fn down(&mut self, id: i32, at: (f64, f64)) {
        self.pointers.insert(id, at);
        self.moved = 0.0;
        self.pinch = None;
    }

    /// Pointer `id` moved to `at`: what that does to the view (`None` for a pointer that is not down).
    /// With two pointers down it is a pinch: zoomed by how much farther apart they are than at the
    /// last move, around the point between them.
    pub fn moved(&mut self, id: i32, at: (f64, f64)) -> Option<Change> {
        let before = self.pointers.get(&id).copied()?;
        self.pointers.insert(id, at);
        if self.pointers.len() == 2 {
            let pts: Vec<(f64, f64)> = self.pointers.values().copied().collect();
            let d = ((pts[0].0 - pts[1].0).powi(2) + (pts[0].1 - pts[1].1).powi(2)).sqrt();
            let centre = ((pts[0].0 + pts[1].0) / 2.0, (pts[0].1 + pts[1].1) / 2.0);
            let factor = self.pinch.map_or(1.0, |old| if old > 0.0 { d / old } else { 1.0 });
            self.pinch = Some(d);
            self.moved += 10.0;
            return Some(Change { dx: 0.0, dy: 0.0, factor, centre });
        }
        let (dx, dy) = (at.0 - before.0, at.1 - before.1);
        self.moved += dx.abs() + dy.abs();
        Some(Change { dx, dy, factor: 1.0, centre: at })
    }

    /// Pointer `id` went up (or away).
    pub fn up(&mut self, id: i32) {
        self.pointers.remove(&id);
        self.pinch = None;
    }

    /// Whether the pointers travelled far enough for the press to be a drag rather than a click.
    pub fn dragged(&self) -> bool {
        self.moved > DRAG_OVER
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const CANVAS: (f64, f64) = (800.0, 600.0);

    fn view(x: f64, y: f64, scale: f64) -> View {
        View { x, y, scale }
    }

    #[test]
    fn zooming_keeps_the_point_under_it() {
        // Twice as large around (100, 50): that point stays, the origin moves away from it.
        assert_eq!(View::START.zoom(2.0, 100.0, 50.0), view(-100.0, -50.0, 2.0));
        // Around the canvas's centre (400, 300).
        assert_eq!(View::START.zoom_centre(2.0, CANVAS), view(-400.0, -300.0, 2.0));
        // Clamped: 2 × 4 stops at 4, so only twice as large around (0, 0).
        assert_eq!(view(10.0, 20.0, 2.0).zoom(4.0, 0.0, 0.0), view(20.0, 40.0, MAX_SCALE));
        // 0.1 × 0.25 stops at 0.05: half as large around (100, 100).
        assert_eq!(view(0.0, 0.0, 0.1).zoom(0.25, 100.0, 100.0), view(50.0, 50.0, MIN_SCALE));
    }

    #[test]
    fn the_wheel_zooms_a_notch() {
        assert_eq!(View::START.wheel(-3.0, 0.0, 0.0), view(0.0, 0.0, 1.15));
        assert_eq!(View::START.wheel(3.0, 0.0, 0.0), view(0.0, 0.0, 1.0 / 1.15));
    }

    #[test]
    fn keys_pan_zoom_and_fit() {
        assert_eq!(key_move("ArrowLeft"), Some(KeyMove::Pan(60.0, 0.0)));
        assert_eq!(key_move("ArrowRight"), Some(KeyMove::Pan(-60.0, 0.0)));
        assert_eq!(key_move("ArrowUp"), Some(KeyMove::Pan(0.0, 60.0)));
        assert_eq!(key_move("ArrowDown"), Some(KeyMove::Pan(0.0, -60.0)));
        for key in ["+", "="] {
            assert_eq!(key_move(key), Some(KeyMove::Zoom(1.25)));
        }
        for key in ["-", "_"] {
            assert_eq!(key_move(key), Some(KeyMove::Zoom(0.8)));
        }
        assert_eq!(key_move("0"), Some(KeyMove::Fit));
        for key in ["Enter", " ", "a", "1"] {
            assert_eq!(key_move(key), None, "{key:?}");
        }
        assert_eq!(view(5.0, 5.0, 0.5).pan(60.0, -60.0), view(65.0, -55.0, 0.5));
    }

    #[test]
    fn fitting_centres_the_drawing_never_larger_than_itself() {
        // Small: at its own size, centred: (800 − 400) / 2, (600 − 300) / 2.
        assert_eq!(View::fit(CANVAS, (400.0, 300.0)), view(200.0, 150.0, 1.0));
        // Wide: half its size fills the width, centred down: (600 − 300) / 2.
        assert_eq!(View::fit(CANVAS, (1600.0, 600.0)), view(0.0, 150.0, 0.5));
        // Too wide for the smallest scale: 0.05, from the left edge; (600 − 5) / 2 down.
        assert_eq!(View::fit(CANVAS, (100_000.0, 100.0)), view(0.0, 297.5, MIN_SCALE));
    }

    #[test]
    fn a_box_out_of_sight_is_brought_in() {
        // In sight: left alone.
        assert_eq!(View::START.reveal(CANVAS, (100.0, 100.0, 260.0, 80.0)), None);
        // A tall box counts as shown when its first 200 pixels are: 100 + 200 ≤ 600.
        assert_eq!(View::START.reveal(CANVAS, (100.0, 100.0, 260.0, 5000.0)), None);
        // Off the right edge (900 + 260 > 800): centred across (400 − 1030), its top at a third (200 − 100).
        assert_eq!(View::START.reveal(CANVAS, (900.0, 100.0, 260.0, 80.0)), Some(view(-630.0, 100.0, 1.0)));
        // At half size, above the canvas (0 + −400 × 0.5 < 0): 400 − (100 + 130) × 0.5, 200 − (−400) × 0.5.
        assert_eq!(
            view(0.0, 0.0, 0.5).reveal(CANVAS, (100.0, -400.0, 260.0, 80.0)),
            Some(view(285.0, 400.0, 0.5))
        );
    }

    #[test]
    fn one_pointer_drags() {
        let mut g = Gesture::default();
        assert_eq!(g.moved(1, (5.0, 5.0)), None, "a pointer that is not down");
        g.down(1, (10.0, 10.0));
        let change = g.moved(1, (12.0, 12.0)).unwrap();
        assert_eq!(change, Change { dx: 2.0, dy: 2.0, factor: 1.0, centre: (12.0, 12.0) });
        assert!(!g.dragged(), "4 pixels is a click");
        g.moved(1, (15.0, 13.0));
        assert!(g.dragged(), "4 + 3 + 1 pixels is a drag");
        assert_eq!(View::START.follow(change), view(2.0, 2.0, 1.0));
        g.up(1);
        assert_eq!(g.moved(1, (20.0, 20.0)), None);
        // A new press starts counting again.
        g.down(1, (0.0, 0.0));
        assert!(!g.dragged());
    }

    #[test]
    fn two_pointers_pinch() {
        let mut g = Gesture::default();
        g.down(1, (0.0, 0.0));
        g.down(2, (100.0, 0.0));
        // The first move of a pinch sets its distance (100): no zoom yet.
        let first = g.moved(2, (100.0, 0.0)).unwrap();
        assert_eq!(first, Change { dx: 0.0, dy: 0.0, factor: 1.0, centre: (50.0, 0.0) });
        assert!(g.dragged(), "a pinch is never a click");
        // Twice as far apart: twice as large around the point between them (100, 0).
        let second = g.moved(2, (200.0, 0.0)).unwrap();
        assert_eq!(second, Change { dx: 0.0, dy: 0.0, factor: 2.0, centre: (100.0, 0.0) });
        assert_eq!(View::START.follow(second), view(-100.0, 0.0, 2.0));
        // One lifted: the other drags again.
        g.up(2);
        assert_eq!(g.moved(1, (1.0, 0.0)).unwrap().factor, 1.0);
    }

    #[test]
    fn the_transform_in_css() {
        assert_eq!(view(10.0, -5.5, 0.5).transform(), "translate(10px, -5.5px) scale(0.5)");
    }

    #[test]
    fn the_tree_opens_legible_and_an_opened_box_reads_as_a_panel() {
        // Small enough to fit at 0,5 or more legibly: fitted whole, as before.
        assert_eq!(View::open((800.0, 600.0), (400.0, 300.0), 200.0), view(200.0, 150.0, 1.0));
        // The province's tree (2 700 × 500) on a phone's canvas (340 × 500): fitted it would be 0,126 (text
        // 1,6 px); it opens at 12/13 on its top box (middle at 1 350): x = 170 − 1 350 × 12/13.
        let phone = View::open((340.0, 500.0), (2700.0, 500.0), 1350.0);
        assert_eq!(phone.scale, LEGIBLE);
        assert!((phone.x - (170.0 - 1350.0 * 12.0 / 13.0)).abs() < 1e-9 && phone.y == 0.0, "{phone:?}");
        // A top box at the drawing's left edge: the drawing starts at the canvas's edge, no empty canvas.
        assert_eq!(View::open((340.0, 500.0), (2700.0, 500.0), 130.0).x, 0.0);
        // Opened on the phone: the 260 px box fills the 340 px canvas less 8 px each side, 324 / 260.
        let opened = phone.panel((340.0, 500.0), (1220.0, 0.0, 260.0, 900.0));
        assert!((opened.scale - 324.0 / 260.0).abs() < 1e-9);
        assert!((opened.x + 1220.0 * opened.scale - 8.0).abs() < 1e-9, "its left edge 8 px in: {opened:?}");
        assert_eq!(opened.y, 8.0);
        // On a wide canvas the scale stays; a box in sight does not move, one running off it comes in.
        let wide = view(0.0, 0.0, 0.5);
        assert_eq!(wide.panel(CANVAS, (100.0, 100.0, 260.0, 900.0)), wide);
        let moved = wide.panel(CANVAS, (1500.0, 100.0, 260.0, 900.0));
        assert_eq!(moved, view(400.0 - 1630.0 * 0.5, 8.0 - 50.0, 0.5));
    }
}
