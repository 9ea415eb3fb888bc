//! Printing the tree: on one landscape page when it stays readable, else split into pages (tiles) at
//! the smallest readable scale.

/// The paper the tree is printed on, landscape.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Paper {
    A4,
    A3,
}

/// Below this scale the boxes' text (13 px) is smaller than about 6.5 px: the tree is split instead.
pub const MIN_SCALE: f64 = 0.5;

impl Paper {
    /// The printable area in CSS pixels (96 per inch), landscape, with 10 mm margins.
    pub fn area(self) -> (f64, f64) {
        let mm = 96.0 / 25.4;
        match self {
            Paper::A4 => (277.0 * mm, 190.0 * mm),
            Paper::A3 => (400.0 * mm, 277.0 * mm),
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            Paper::A4 => "A4",
            Paper::A3 => "A3",
        }
    }
}

/// The parts of a `width` × `height` picture printed one per page (`[x, y, w, h]` in its units).
pub fn tiles(width: f64, height: f64, paper: Paper) -> Vec<[f64; 4]> {
    let (pw, ph) = paper.area();
    let fit = (pw / width).min(ph / height);
    if fit >= MIN_SCALE || width <= 0.0 || height <= 0.0 {
        return vec![[0.0, 0.0, width.max(1.0), height.max(1.0)]];
    }
    let (tw, th) = (pw / MIN_SCALE, ph / MIN_SCALE);
    let cols = (width / tw).ceil() as usize;
    let rows = (height / th).ceil() as usize;
    let mut out = Vec::new();
    for r in 0..rows {
        for c in 0..cols {
            let (x, y) = (c as f64 * tw, r as f64 * th);
            // Every page the same size, the last ones running past the drawing: a smaller last part
            // would be stretched to the paper and printed at another scale than the others.
            out.push([x, y, tw, th]);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_page_when_readable_else_pages_that_cover_everything() {
        assert_eq!(tiles(900.0, 600.0, Paper::A4), vec![[0.0, 0.0, 900.0, 600.0]]);
        // 1.047 px wide A4 area: a 2.000 px tree still fits at 0,52.
        assert_eq!(tiles(2000.0, 700.0, Paper::A4).len(), 1);
        let wide = tiles(5000.0, 700.0, Paper::A4);
        let (tw, _) = Paper::A4.area();
        assert_eq!(wide.len(), (5000.0 / (tw / MIN_SCALE)).ceil() as usize);
        // Every page at one scale (the same part of the paper each), together covering the whole width.
        assert!(wide.iter().all(|t| t[2] == tw / MIN_SCALE && t[3] == Paper::A4.area().1 / MIN_SCALE));
        let last = wide.last().unwrap();
        assert!(last[0] < 5000.0 && last[0] + last[2] >= 5000.0, "the pages cover the whole width");
        assert!(tiles(5000.0, 700.0, Paper::A3).len() < wide.len(), "A3 needs fewer pages");
    }
}
