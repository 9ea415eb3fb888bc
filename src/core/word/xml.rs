//! WordprocessingML, the little of it a PK needs: paragraphs of one run, tables with borders, cells
//! merged down (`w:vMerge`) and across (`w:gridSpan`), borderless layout tables, page breaks. Every text
//! goes through [`escape`]. Sizes are in twips (1/20 pt) and half-points, as Word counts them.

use std::fmt::Write;

/// `&`, `<`, `>`, `"` and `'` as entities; characters XML 1.0 cannot hold (control characters other
/// than tab and line breaks, lone surrogates cannot occur in a `str`, U+FFFE and U+FFFF) are left out.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

#[derive(Clone, Copy, PartialEq, Eq, Debug, Default)]
pub enum Align {
    #[default]
    Left,
    Center,
    Right,
    /// Justified.
    Both,
}

impl Align {
    fn value(self) -> &'static str {
        match self {
            Align::Left => "left",
            Align::Center => "center",
            Align::Right => "right",
            Align::Both => "both",
        }
    }
}

/// How a paragraph looks.
#[derive(Clone, Copy, Debug, Default)]
pub struct Look {
    pub align: Align,
    pub bold: bool,
    pub underline: bool,
    /// Font size in half-points (`None`: the document's, 12 pt).
    pub size: Option<u32>,
    /// Space before and after, in twips.
    pub before: u32,
    pub after: u32,
    /// Left indent, in twips.
    pub indent: u32,
    /// Kept on the page of the next paragraph (a heading with its table).
    pub keep_next: bool,
    /// Starts a new page.
    pub page_break: bool,
}

impl Look {
    pub const PLAIN: Look = Look {
        align: Align::Left,
        bold: false,
        underline: false,
        size: None,
        before: 0,
        after: 0,
        indent: 0,
        keep_next: false,
        page_break: false,
    };

    pub fn align(self, align: Align) -> Look {
        Look { align, ..self }
    }

    pub fn bold(self) -> Look {
        Look { bold: true, ..self }
    }

    pub fn size(self, half_points: u32) -> Look {
        Look { size: Some(half_points), ..self }
    }

    pub fn after(self, twips: u32) -> Look {
        Look { after: twips, ..self }
    }

    pub fn before(self, twips: u32) -> Look {
        Look { before: twips, ..self }
    }

    pub fn indent(self, twips: u32) -> Look {
        Look { indent: twips, ..self }
    }

    pub fn keep_next(self) -> Look {
        Look { keep_next: true, ..self }
    }

    pub fn page_break(self) -> Look {
        Look { page_break: true, ..self }
    }
}

/// One paragraph: `text` in one run, line breaks in it kept as `w:br`.
pub fn paragraph(out: &mut String, text: &str, look: Look) {
    out.push_str("<w:p><w:pPr>");
    if look.keep_next {
        out.push_str("<w:keepNext/>");
    }
    if look.page_break {
        out.push_str("<w:pageBreakBefore/>");
    }
    let _ = write!(out, "<w:spacing w:before=\"{}\" w:after=\"{}\"/>", look.before, look.after);
    if look.indent > 0 {
        let _ = write!(out, "<w:ind w:left=\"{}\"/>", look.indent);
    }
    let _ = write!(out, "<w:jc w:val=\"{}\"/>", look.align.value());
    out.push_str("</w:pPr>");
    if !text.is_empty() {
        let mut props = String::new();
        if look.bold {
            props.push_str("<w:b/>");
        }
        if look.underline {
            props.push_str("<w:u w:val=\"single\"/>");
        }
        if let Some(size) = look.size {
            let _ = write!(props, "<w:sz w:val=\"{size}\"/><w:szCs w:val=\"{size}\"/>");
        }
        out.push_str("<w:r>");
        if !props.is_empty() {
            let _ = write!(out, "<w:rPr>{props}</w:rPr>");
        }
        for (n, line) in text.split('\n').enumerate() {
            if n > 0 {
                out.push_str("<w:br/>");
            }
            let _ = write!(out, "<w:t xml:space=\"preserve\">{}</w:t>", escape(line.trim_end_matches('\r')));
        }
        out.push_str("</w:r>");
    }
    out.push_str("</w:p>");
}

/// How a cell takes part in a merge down its column.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Default)]
pub enum Merge {
    #[default]
    None,
    /// The first cell of a merge: its text is shown across the cells below that continue it.
    Start,
    /// Merged into the cell above (its own text is not shown).
    Continue,
}

/// A table cell: paragraphs, how many grid columns it spans, its merge down.
#[derive(Clone, Debug, Default)]
pub struct Cell {
    pub paragraphs: Vec<(String, Look)>,
    pub span: usize,
    pub merge: Merge,
}

impl Cell {
    pub fn new(text: impl Into<String>, look: Look) -> Cell {
        Cell { paragraphs: vec![(text.into(), look)], span: 1, merge: Merge::None }
    }

    /// A cell of several paragraphs.
    pub fn lines(paragraphs: Vec<(String, Look)>) -> Cell {
        Cell { paragraphs, span: 1, merge: Merge::None }
    }

    pub fn span(self, span: usize) -> Cell {
        Cell { span, ..self }
    }

    pub fn merge(self, merge: Merge) -> Cell {
        Cell { merge, ..self }
    }
}

/// A table row; a heading row repeats at the top of every page the table runs onto.
#[derive(Clone, Debug, Default)]
pub struct Row {
    pub cells: Vec<Cell>,
    pub heading: bool,
}

impl Row {
    pub fn new(cells: Vec<Cell>) -> Row {
        Row { cells, heading: false }
    }

    pub fn heading(cells: Vec<Cell>) -> Row {
        Row { cells, heading: true }
    }
}

/// A table of fixed column widths (twips).
#[derive(Clone, Debug, Default)]
pub struct Table {
    pub widths: Vec<u32>,
    pub rows: Vec<Row>,
    /// Single lines around and between cells (else none: a layout table, such as the signatures).
    pub borders: bool,
    /// Font size of its text in half-points (`None`: the document's).
    pub size: Option<u32>,
}

/// The table's XML; a paragraph must follow a table in a cell or at the end of a document.
pub fn table(out: &mut String, t: &Table) {
    let total: u32 = t.widths.iter().sum();
    out.push_str("<w:tbl><w:tblPr>");
    let _ = write!(out, "<w:tblW w:w=\"{total}\" w:type=\"dxa\"/><w:tblLayout w:type=\"fixed\"/>");
    let line = if t.borders {
        "w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\""
    } else {
        "w:val=\"nil\""
    };
    out.push_str("<w:tblBorders>");
    for side in ["top", "left", "bottom", "right", "insideH", "insideV"] {
        let _ = write!(out, "<w:{side} {line}/>");
    }
    out.push_str("</w:tblBorders>");
    let (across, down) = if t.borders { (80, 30) } else { (60, 0) };
    let _ = write!(
        out,
        "<w:tblCellMar><w:top w:w=\"{down}\" w:type=\"dxa\"/><w:left w:w=\"{across}\" w:type=\"dxa\"/>\
         <w:bottom w:w=\"{down}\" w:type=\"dxa\"/><w:right w:w=\"{across}\" w:type=\"dxa\"/></w:tblCellMar>"
    );
    out.push_str("</w:tblPr><w:tblGrid>");
    for w in &t.widths {
        let _ = write!(out, "<w:gridCol w:w=\"{w}\"/>");
    }
    out.push_str("</w:tblGrid>");
    for row in &t.rows {
        out.push_str("<w:tr><w:trPr><w:cantSplit/>");
        if row.heading {
            out.push_str("<w:tblHeader/>");
        }
        out.push_str("</w:trPr>");
        let mut column = 0;
        for cell in &row.cells {
            let span = cell.span.max(1);
            let width: u32 = t.widths.iter().skip(column).take(span).sum();
            column += span;
            let _ = write!(out, "<w:tc><w:tcPr><w:tcW w:w=\"{width}\" w:type=\"dxa\"/>");
            if span > 1 {
                let _ = write!(out, "<w:gridSpan w:val=\"{span}\"/>");
            }
            match cell.merge {
                Merge::Start => out.push_str("<w:vMerge w:val=\"restart\"/>"),
                Merge::Continue => out.push_str("<w:vMerge/>"),
                Merge::None => {}
            }
            out.push_str("</w:tcPr>");
            let empty = [(String::new(), Look::PLAIN)];
            let paragraphs = if cell.paragraphs.is_empty() || cell.merge == Merge::Continue {
                &empty[..]
            } else {
                &cell.paragraphs[..]
            };
            for (text, look) in paragraphs {
                let look = match (look.size, t.size) {
                    (None, Some(size)) => look.size(size),
                    _ => *look,
                };
                paragraph(out, text, look);
            }
            out.push_str("</w:tc>");
        }
        out.push_str("</w:tr>");
    }
    out.push_str("</w:tbl>");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped() {
        assert_eq!(
            escape("R&D <b> \"kutip\" 'satu'"),
            "R&amp;D &lt;b&gt; &quot;kutip&quot; &apos;satu&apos;"
        );
        // Non-ASCII stays as it is (UTF-8); a control character XML cannot hold is left out.
        assert_eq!(
            escape("Perubahan ke-1 · 20 Juli 2024 — ≥ 90%\u{1}"),
            "Perubahan ke-1 · 20 Juli 2024 — ≥ 90%"
        );
    }

    #[test]
    fn a_paragraph_keeps_its_line_breaks_and_look() {
        let mut out = String::new();
        paragraph(&mut out, "A & B\nC", Look::PLAIN.bold().align(Align::Center).size(22));
        assert_eq!(
            out,
            "<w:p><w:pPr><w:spacing w:before=\"0\" w:after=\"0\"/><w:jc w:val=\"center\"/></w:pPr><w:r>\
             <w:rPr><w:b/><w:sz w:val=\"22\"/><w:szCs w:val=\"22\"/></w:rPr>\
             <w:t xml:space=\"preserve\">A &amp; B</w:t><w:br/><w:t xml:space=\"preserve\">C</w:t></w:r></w:p>"
        );
    }

    #[test]
    fn cells_span_and_merge() {
        let t = Table {
            widths: vec![100, 200, 300],
            rows: vec![
                Row::heading(vec![Cell::new("No", Look::PLAIN).span(2), Cell::new("X", Look::PLAIN)]),
                Row::new(vec![
                    Cell::new("1", Look::PLAIN).merge(Merge::Start),
                    Cell::new("a", Look::PLAIN),
                    Cell::new("b", Look::PLAIN),
                ]),
                Row::new(vec![
                    Cell::new("1", Look::PLAIN).merge(Merge::Continue),
                    Cell::new("c", Look::PLAIN),
                    Cell::new("d", Look::PLAIN),
                ]),
            ],
            borders: true,
            size: None,
        };
        let mut out = String::new();
        table(&mut out, &t);
        assert!(out.contains("<w:tblW w:w=\"600\" w:type=\"dxa\"/>"));
        assert!(out.contains("<w:tcW w:w=\"300\" w:type=\"dxa\"/><w:gridSpan w:val=\"2\"/>"), "{out}");
        assert!(out.contains("<w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>"));
        assert_eq!(out.matches("<w:vMerge w:val=\"restart\"/>").count(), 1);
        assert_eq!(out.matches("<w:vMerge/>").count(), 1);
        // The continued cell is empty: its text is the first cell's.
        assert_eq!(out.matches(">1</w:t>").count(), 1);
        assert!(out.contains("<w:top w:val=\"single\""));
    }
}
