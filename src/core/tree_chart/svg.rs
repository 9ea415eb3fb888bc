//! The tree as SVG markup: each box's content and the lines, which the page draws box by box (styled by
//! the app's CSS, boxes focusable), and the whole tree as a standalone file for the SVG and PNG downloads
//! (with its own style, since nothing else comes with the file).

use super::{Chart, Mark, MarkKind, Node, LINE, PAD};

/// The colours of the marks, the same as `style/main.css` gives the page.
pub const STYLE: &str = "\
.tree-svg{font-family:'Segoe UI',Roboto,Arial,sans-serif;font-size:13px;}\
.box-frame{fill:#fff;stroke:#4b5563;stroke-width:1.2;}\
.box-title{font-weight:700;fill:#111827;}.box-text{fill:#1f2937;}.box-muted{fill:#4b5563;}\
.box-row-objective{font-weight:700;fill:#1f2937;}\
.edge{fill:none;stroke:#6b7280;stroke-width:1.4;}.edge.indicator{stroke:#1d4ed8;stroke-dasharray:5 3;}\
.tb-mark{font-weight:600;}.tb-band{fill:#d1d5db;}\
.tb-mark.not-cascaded,.tb-mark.orphan,.tb-mark.target-differs{fill:#92400e;}.tb-band.not-cascaded,.tb-band.orphan,.tb-band.target-differs{fill:#f59e0b;}\
.tb-mark.budget-over,.tb-mark.budget-under{fill:#b91c1c;}.tb-band.budget-over,.tb-band.budget-under{fill:#dc2626;}\
.tb-mark.predikat-0,.tb-mark.predikat-1{fill:#166534;}.tb-band.predikat-0,.tb-band.predikat-1{fill:#16a34a;}\
.tb-mark.predikat-2{fill:#854d0e;}.tb-band.predikat-2{fill:#eab308;}\
.tb-mark.predikat-3,.tb-mark.predikat-4{fill:#991b1b;}.tb-band.predikat-3,.tb-band.predikat-4{fill:#ef4444;}\
.tb-mark.not-assessable{fill:#4b5563;}\
.tb-mark.status-work{fill:#92400e;}.tb-mark.status-done{fill:#166534;}";

fn esc(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// The most serious mark of a box gives its side band (a budget gap before a cascade gap before the
/// predikat).
fn band(marks: &[Mark]) -> String {
    let rank = |k: &MarkKind| match k {
        MarkKind::BudgetOver | MarkKind::BudgetUnder => 0,
        MarkKind::NotCascaded | MarkKind::Orphan | MarkKind::TargetDiffers => 1,
        MarkKind::Predikat(n) if *n >= 3 => 2,
        MarkKind::Predikat(2) => 3,
        MarkKind::Predikat(_) => 4,
        MarkKind::NotAssessable => 5,
        MarkKind::Status { .. } => 6,
    };
    // The mark's own class; the style colours five predikat (the last for any lower band).
    match marks.iter().min_by_key(|m| rank(&m.kind)).map(|m| &m.kind) {
        Some(MarkKind::NotAssessable | MarkKind::Status { .. }) | None => "none".into(),
        Some(MarkKind::Predikat(n)) => MarkKind::Predikat((*n).min(4)).class(),
        Some(kind) => kind.class(),
    }
}

fn text_line(out: &mut String, y: f64, class: &str, text: &str) {
    out.push_str(&format!("<text x=\"{}\" y=\"{}\" class=\"{class}\">{}</text>", PAD + 4.0, y, esc(text)));
}

/// The classes of a box: `box`, `expanded`, and the flag of its side band.
pub fn box_class(n: &Node) -> String {
    let band = band(&n.marks);
    format!(
        "box{}{}",
        if n.expanded { " expanded" } else { "" },
        if band == "none" { String::new() } else { format!(" flag-{band}") }
    )
}

/// What is inside a box: its frame, band and text lines (placed at the box's own origin).
pub fn box_content(n: &Node) -> String {
    let mut out = String::with_capacity(1024);
    out.push_str(&format!(
        "<rect class=\"box-frame\" width=\"{}\" height=\"{}\" rx=\"6\"/>",
        n.width, n.height
    ));
    out.push_str(&format!(
        "<rect class=\"tb-band {}\" width=\"6\" height=\"{}\" rx=\"3\"/>",
        band(&n.marks),
        n.height
    ));
    let mut y = PAD + 12.0;
    for line in &n.title {
        text_line(&mut out, y, "box-title", line);
        y += LINE;
    }
    text_line(&mut out, y, "box-text", &n.name);
    y += LINE;
    text_line(&mut out, y, "box-muted", &n.budget);
    y += LINE;
    for m in &n.marks {
        for line in super::wrap(&m.text, super::MARK_CHARS) {
            text_line(&mut out, y, &format!("tb-mark {}", m.kind.class()), &line);
            y += LINE;
        }
    }
    for r in &n.rows {
        let mut y = r.y + 12.0;
        let class = if r.indicator.is_some() { "box-text" } else { "box-row-objective" };
        for line in &r.lines {
            text_line(&mut out, y, class, line);
            y += LINE;
        }
        for m in &r.marks {
            text_line(&mut out, y, &format!("tb-mark {}", m.kind.class()), &m.text);
            y += LINE;
        }
    }
    out
}

/// The lines between the boxes.
pub fn edges(chart: &Chart) -> String {
    let mut out = String::new();
    for e in &chart.edges {
        out.push_str(&format!(
            "<path class=\"edge{}\" d=\"{}\"/>",
            if e.indicator { " indicator" } else { "" },
            e.path
        ));
    }
    out
}

fn node(out: &mut String, n: &Node) {
    out.push_str(&format!(
        "<g class=\"{}\" data-id=\"{}\" transform=\"translate({} {})\">{}</g>",
        box_class(n),
        esc(&n.id.0),
        n.x,
        n.y,
        box_content(n)
    ));
}

/// The id of the drawing inside the page's SVG, which the printed pages show part by part (`<use>`).
pub const DRAWING_ID: &str = "tree-drawing";

/// One printed page: the part `tile` (`[x, y, w, h]`) of the page's drawing. The drawing is only
/// referenced while `printing`: a browser copies a referenced drawing into every `<use>` again on each
/// change of it, even out of sight, which made opening a box twice as slow with six pages.
pub fn tile(tile: [f64; 4], printing: bool) -> String {
    let [x, y, w, h] = tile;
    let drawing = if printing { format!("<use href=\"#{DRAWING_ID}\"/>") } else { String::new() };
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"tree-svg\" viewBox=\"{x} {y} {w} {h}\" aria-hidden=\"true\">{drawing}</svg>"
    )
}

/// The whole tree as SVG.
pub fn svg(chart: &Chart, title: &str) -> String {
    let (w, h) = (chart.width.max(1.0) + 2.0, chart.height.max(1.0) + 2.0);
    let mut out = String::with_capacity(4096 + chart.nodes.len() * 1024);
    out.push_str(&format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"tree-svg\" viewBox=\"-1 -1 {w} {h}\" width=\"{w}\" height=\"{h}\" role=\"group\" aria-label=\"{}\">",
        esc(title)
    ));
    out.push_str(&format!("<title>{}</title>", esc(title)));
    out.push_str(&format!(
        "<style>{STYLE}</style><rect x=\"-1\" y=\"-1\" width=\"{w}\" height=\"{h}\" fill=\"#fff\"/>"
    ));
    out.push_str(&format!("<g id=\"{DRAWING_ID}\"><g class=\"edges\" aria-hidden=\"true\">{}", edges(chart)));
    out.push_str("</g><g class=\"boxes\">");
    for n in &chart.nodes {
        node(&mut out, n);
    }
    out.push_str("</g></g></svg>");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn the_file_holds_every_pk_its_marks_and_its_own_style() {
        let ws = crate::core::seed::workspace().unwrap();
        let c = super::super::chart(
            &ws,
            2024,
            None,
            &HashSet::new(),
            &crate::core::text::tree::TreeWords(crate::core::i18n::Lang::Id),
        );
        let file = svg(&c, "Pohon kinerja 2024");
        assert!(file.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
        assert!(file.contains("<style>") && file.ends_with("</svg>"));
        assert_eq!(file.matches(" data-id=\"").count(), 10);
        let with_gap =
            c.nodes.iter().filter(|n| n.marks.iter().any(|m| m.kind.class().starts_with("budget-"))).count();
        assert!(with_gap > 0);
        assert_eq!(file.matches(" flag-budget-").count(), with_gap, "a budget gap colours its box's band");
        assert!(file.contains("class=\"tb-mark budget-"), "and says so in words");
        assert!(file.contains("Sekretaris"));
        assert!(!file.contains("tabindex"), "nothing interactive in a file");
        // The page draws the same boxes one by one (keyed), from the same parts.
        assert!(file.contains(&box_content(&c.nodes[0])) && file.contains(&edges(&c)));
        assert!(esc("a<b & \"c\"") == "a&lt;b &amp; &quot;c&quot;");
    }

    #[test]
    fn a_printed_page_shows_the_drawing_only_while_printing() {
        let page = tile([10.0, 20.0, 300.0, 200.0], true);
        assert!(page.contains("viewBox=\"10 20 300 200\""));
        assert!(page.contains("<use href=\"#tree-drawing\"/>"));
        let idle = tile([10.0, 20.0, 300.0, 200.0], false);
        assert!(idle.contains("viewBox=\"10 20 300 200\"") && !idle.contains("<use"));
    }
}
