//! Tables pasted from Word or Excel: tab-separated `No<TAB>Sasaran<TAB>Indikator<TAB>Target` rows.
//!
//! A row with a number or a sasaran starts a sasaran; a row with both empty continues the sasaran above
//! with another indicator. Header rows (`No  Sasaran ...`) and the column-number row (`1 2 3 4`) are
//! skipped. Excel's quoted cells (a cell with a line break or tab is wrapped in `"…"`) are understood.
//! Every line that cannot be understood is listed with the reason, never silently dropped.

/// A pasted sasaran with its indicators.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PastedObjective {
    /// The number as written (may be empty); numbering in the app follows the order.
    pub number: String,
    pub text: String,
    /// (indicator, target) pairs.
    pub indicators: Vec<(String, String)>,
    /// 1-based line where it starts.
    pub line: usize,
}

/// Why a line was not taken.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SkipReason {
    /// The table's header (`No  Sasaran Kegiatan  Indikator  Target`).
    Header,
    /// The column-number row (`1 2 3 4`).
    ColumnNumbers,
    /// A line of dashes.
    Separator,
    /// No tab-separated columns.
    NoColumns,
    /// More than four non-empty columns.
    TooManyColumns,
    /// An indicator row before any sasaran.
    NoObjective,
    /// Two columns only: which is the indicator and which the target cannot be told.
    Ambiguous,
}

impl SkipReason {
    /// Whether the line was expected to be skipped (headers), rather than not understood.
    pub fn is_expected(self) -> bool {
        matches!(self, SkipReason::Header | SkipReason::ColumnNumbers)
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SkippedLine {
    pub line: usize,
    pub text: String,
    pub reason: SkipReason,
}

/// The result of reading a pasted table.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Pasted {
    pub objectives: Vec<PastedObjective>,
    pub skipped: Vec<SkippedLine>,
}

impl Pasted {
    pub fn indicator_count(&self) -> usize {
        self.objectives.iter().map(|o| o.indicators.len()).sum()
    }

    /// Lines that were not understood (headers excluded).
    pub fn not_understood(&self) -> impl Iterator<Item = &SkippedLine> {
        self.skipped.iter().filter(|s| !s.reason.is_expected())
    }

    /// (sasaran, [(indicator, target)]) for `Agreement::append_objectives`.
    pub fn rows(&self) -> Vec<(String, Vec<(String, String)>)> {
        self.objectives.iter().map(|o| (o.text.clone(), o.indicators.clone())).collect()
    }
}

/// Splits text into records of cells, honouring Excel's quoting. Returns (first line number, cells, raw).
pub(crate) fn records(text: &str) -> Vec<(usize, Vec<String>, String)> {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut cells = vec![String::new()];
    let mut raw = String::new();
    let mut line = 1;
    let mut start_line = 1;
    let mut i = 0;
    let mut at_cell_start = true;
    while i < chars.len() {
        let c = chars[i];
        if at_cell_start && c == '"' {
            // A quoted cell: up to the closing quote that is followed by a tab, a line break or the end.
            let mut j = i + 1;
            let mut value = String::new();
            let mut closed = None;
            while j < chars.len() {
                if chars[j] == '"' {
                    if chars.get(j + 1) == Some(&'"') {
                        value.push('"');
                        j += 2;
                        continue;
                    }
                    if matches!(chars.get(j + 1), None | Some('\t') | Some('\n')) {
                        closed = Some(j);
                    }
                    break;
                }
                value.push(chars[j]);
                j += 1;
            }
            if let Some(end) = closed {
                line += value.matches('\n').count();
                raw.extend(&chars[i..=end]);
                if let Some(c) = cells.last_mut() {
                    c.push_str(&value);
                }
                i = end + 1;
                at_cell_start = false;
                continue;
            }
        }
        at_cell_start = false;
        match c {
            '\t' => {
                cells.push(String::new());
                raw.push(c);
                at_cell_start = true;
            }
            '\n' => {
                out.push((
                    start_line,
                    std::mem::replace(&mut cells, vec![String::new()]),
                    std::mem::take(&mut raw),
                ));
                line += 1;
                start_line = line;
                at_cell_start = true;
            }
            _ => {
                raw.push(c);
                if let Some(cell) = cells.last_mut() {
                    cell.push(c);
                }
            }
        }
        i += 1;
    }
    if !raw.is_empty() || cells.len() > 1 {
        out.push((start_line, cells, raw));
    }
    out
}

/// Joins the lines inside a cell with spaces and trims (Word wraps long cells).
pub(crate) fn clean(cell: &str) -> String {
    cell.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A row number such as `12` or `12.`.
pub(crate) fn is_number(cell: &str) -> bool {
    let digits = cell.trim_end_matches('.');
    !digits.is_empty() && digits.chars().all(|c| c.is_ascii_digit())
}

/// Reads a pasted table.
pub fn parse(text: &str) -> Pasted {
    let mut result = Pasted::default();
    for (line, cells, raw) in records(text) {
        let mut cells: Vec<String> = cells.iter().map(|c| clean(c)).collect();
        while cells.len() > 1 && cells.last().is_some_and(String::is_empty) {
            cells.pop();
        }
        if cells.iter().all(String::is_empty) {
            continue;
        }
        let skip = |reason| SkippedLine { line, text: raw.trim_end().to_string(), reason };
        if cells
            .iter()
            .all(|c| !c.is_empty() && c.chars().all(|ch| ch == '-' || ch == '–' || ch == '—' || ch == '_'))
        {
            result.skipped.push(skip(SkipReason::Separator));
            continue;
        }
        let lower: Vec<String> = cells.iter().map(|c| c.to_lowercase()).collect();
        if lower.first().is_some_and(|c| c == "no" || c == "no." || c == "nomor")
            && lower.get(1).is_some_and(|c| c.contains("sasaran"))
        {
            result.skipped.push(skip(SkipReason::Header));
            continue;
        }
        if cells.len() >= 3 && cells.iter().enumerate().all(|(i, c)| *c == (i + 1).to_string()) {
            result.skipped.push(skip(SkipReason::ColumnNumbers));
            continue;
        }
        let (number, objective, indicator, target) = match cells.len() {
            1 => {
                result.skipped.push(skip(SkipReason::NoColumns));
                continue;
            }
            // "No, Sasaran" with the rest empty: a sasaran without indicators (yet).
            2 if is_number(&cells[0]) => (cells[0].clone(), cells[1].clone(), String::new(), String::new()),
            2 => {
                result.skipped.push(skip(SkipReason::Ambiguous));
                continue;
            }
            3 => (cells[0].clone(), cells[1].clone(), cells[2].clone(), String::new()),
            4 => (cells[0].clone(), cells[1].clone(), cells[2].clone(), cells[3].clone()),
            _ => {
                result.skipped.push(skip(SkipReason::TooManyColumns));
                continue;
            }
        };
        if !number.is_empty() || !objective.is_empty() {
            let indicators =
                if indicator.is_empty() && target.is_empty() { vec![] } else { vec![(indicator, target)] };
            result.objectives.push(PastedObjective { number, text: objective, indicators, line });
        } else {
            match result.objectives.last_mut() {
                Some(o) => o.indicators.push((indicator, target)),
                None => result.skipped.push(skip(SkipReason::NoObjective)),
            }
        }
    }
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_continuations_and_headers() {
        let text = "No\tSasaran Kegiatan\tIndikator kerja\tTarget\n1\t2\t3\t4\n\
                    1\tSasaran A\tIndikator A1\t8 kali\n\
                    \t\tIndikator A2\t75%\n\
                    2\tSasaran B\tIndikator B1\t97,5%\n";
        let p = parse(text);
        assert_eq!(p.objectives.len(), 2);
        assert_eq!(p.objectives[0].text, "Sasaran A");
        assert_eq!(
            p.objectives[0].indicators,
            vec![("Indikator A1".into(), "8 kali".into()), ("Indikator A2".into(), "75%".into())]
        );
        assert_eq!(p.objectives[1].line, 5);
        assert_eq!(
            p.skipped.iter().map(|s| s.reason).collect::<Vec<_>>(),
            [SkipReason::Header, SkipReason::ColumnNumbers]
        );
        assert_eq!(p.not_understood().count(), 0);
    }

    #[test]
    fn lines_that_cannot_be_understood_are_listed() {
        let text = "\t\tIndikator tanpa sasaran\t1\njust a sentence\nA\tB\n1\tS\tI\tT\textra\n----\t---\t--\t-----\n";
        let p = parse(text);
        assert!(p.objectives.is_empty());
        let reasons: Vec<(usize, SkipReason)> = p.skipped.iter().map(|s| (s.line, s.reason)).collect();
        assert_eq!(
            reasons,
            [
                (1, SkipReason::NoObjective),
                (2, SkipReason::NoColumns),
                (3, SkipReason::Ambiguous),
                (4, SkipReason::TooManyColumns),
                (5, SkipReason::Separator)
            ]
        );
        assert_eq!(p.skipped[1].text, "just a sentence");
    }

    #[test]
    fn excel_quoted_cells_and_windows_line_ends() {
        let text = "1\t\"Sasaran\r\ndua baris\"\t\"Indikator \"\"kutip\"\"\"\t75%\r\n\t\tLanjutan\t2 Lap\r\n";
        let p = parse(text);
        assert_eq!(p.objectives.len(), 1);
        assert_eq!(p.objectives[0].text, "Sasaran dua baris");
        assert_eq!(p.objectives[0].indicators[0].0, "Indikator \"kutip\"");
        assert_eq!(p.objectives[0].indicators[1], ("Lanjutan".into(), "2 Lap".into()));
        // A quote inside a cell (not a quoted cell) is kept as written.
        let p = parse("1\tS\tmemiliki \"Pendidikan Pemilih\t100%");
        assert_eq!(p.objectives[0].indicators[0].0, "memiliki \"Pendidikan Pemilih");
    }

    #[test]
    fn three_columns_mean_no_target_and_a_sasaran_may_have_no_indicator() {
        let p = parse("1\tSasaran\tIndikator\n2\tSasaran kosong\t\t\n");
        assert_eq!(p.objectives[0].indicators, vec![("Indikator".into(), String::new())]);
        assert!(p.objectives[1].indicators.is_empty());
    }
}
