//! A Renstra's table pasted from Word or Excel: one row per IKU,
//! `No | Sasaran strategis | IKU | Satuan | <year 1> … <year 5> | Target akhir periode`
//! (the `No` column may be left out). The header row names the years; without one, the years are the
//! period's. A row with no number and no sasaran continues the sasaran above. Cells are read as the PK
//! table's are ([`super::paste::records`]: Excel's quoted cells, Word's wrapped lines); every line not
//! taken is listed with the reason. The polarity of each IKU is the one its words and target suggest
//! (`measure::infer`), to be changed on the page.

use super::paste::{clean, is_number, records, SkipReason, SkippedLine};
use crate::core::measure::infer;
use crate::core::model::renstra::{Goal, Iku, YearTarget, PERIOD_YEARS};
use crate::core::model::{IdGen, Target, YEARS};

/// What a pasted Renstra table gave.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PastedRenstra {
    pub goals: Vec<Goal>,
    pub skipped: Vec<SkippedLine>,
    /// The years the header named (empty: none, the period's were used).
    pub years: Vec<i32>,
}

impl PastedRenstra {
    pub fn iku_count(&self) -> usize {
        self.goals.iter().map(|g| g.iku.len()).sum()
    }

    /// Lines that were not understood (headers excluded).
    pub fn not_understood(&self) -> impl Iterator<Item = &SkippedLine> {
        self.skipped.iter().filter(|s| !s.reason.is_expected())
    }
}

/// The year in a header cell (`2025`, `Target 2025`, `Tahun 2025`).
fn year_of(cell: &str) -> Option<i32> {
    let digits: String = cell.chars().filter(char::is_ascii_digit).collect();
    let y = digits.parse::<i32>().ok()?;
    (digits.len() == 4 && YEARS.contains(&y)).then_some(y)
}

/// Reads a pasted table for a Renstra whose period starts in `start`; new IKU get ids from `ids`.
pub fn parse(text: &str, start: i32, ids: &mut IdGen) -> PastedRenstra {
    let mut out = PastedRenstra::default();
    let mut years: Vec<i32> = (start..start + PERIOD_YEARS).collect();
    let width = 3 + PERIOD_YEARS as usize + 1;
    for (line, cells, raw) in records(text) {
        let mut cells: Vec<String> = cells.iter().map(|c| clean(c)).collect();
        while cells.last().is_some_and(String::is_empty) {
            cells.pop();
        }
        if cells.iter().all(String::is_empty) {
            continue;
        }
        let skip = |reason| SkippedLine { line, text: raw.trim().to_string(), reason };
        let named: Vec<i32> = cells.iter().filter_map(|c| year_of(c)).collect();
        if named.len() >= 2 && cells.iter().any(|c| !c.is_empty() && year_of(c).is_none()) {
            if named.len() == PERIOD_YEARS as usize {
                years = named.clone();
                out.years = named;
            }
            out.skipped.push(skip(SkipReason::Header));
            continue;
        }
        if cells.len() > 1 && cells.iter().all(|c| is_number(c)) {
            out.skipped.push(skip(SkipReason::ColumnNumbers));
            continue;
        }
        if cells.len() == 1 {
            out.skipped.push(skip(SkipReason::NoColumns));
            continue;
        }
        // With or without the number column.
        // With or without the number column: a row of full width holds it when it starts with a number
        // or with two empty cells (a continuation row whose end-of-period target is left empty).
        let numbered = cells.len() > width
            || (cells.len() == width && (is_number(&cells[0]) || cells[0].is_empty() && cells[1].is_empty()));
        let row: &[String] = if numbered { &cells[1..] } else { &cells };
        if row.len() > width || row.len() < 4 {
            let reason = if row.len() > width { SkipReason::TooManyColumns } else { SkipReason::Ambiguous };
            out.skipped.push(skip(reason));
            continue;
        }
        let cell = |i: usize| row.get(i).cloned().unwrap_or_default();
        let (goal, text, unit) = (cell(0), cell(1), cell(2));
        if goal.is_empty() && out.goals.is_empty() {
            out.skipped.push(skip(SkipReason::NoObjective));
            continue;
        }
        if !goal.is_empty() && out.goals.last().is_none_or(|g| g.text != goal) {
            out.goals.push(Goal { text: goal, iku: Vec::new() });
        }
        let targets: Vec<YearTarget> = years
            .iter()
            .enumerate()
            .filter_map(|(n, y)| {
                let t = cell(3 + n);
                (!t.is_empty()).then(|| YearTarget { year: *y, target: Target::new(t) })
            })
            .collect();
        let end_target = Target::new(cell(3 + PERIOD_YEARS as usize));
        let sample = if end_target.text().is_empty() {
            targets.last().map(|t| t.target.clone()).unwrap_or_default()
        } else {
            end_target.clone()
        };
        let iku = Iku {
            id: ids.indicator(),
            polarity: infer::polarity(&text, &sample),
            text,
            unit,
            targets,
            end_target,
            links: Vec::new(),
        };
        if let Some(g) = out.goals.last_mut() {
            g.iku.push(iku);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::measurement::Polarity;

    const TABLE: &str = "No\tSasaran Strategis\tIndikator Kinerja Utama\tSatuan\t2025\t2026\t2027\t2028\t2029\tTarget Akhir\n\
        1\t2\t3\t4\t5\t6\t7\t8\t9\t10\n\
        1\tMeningkatnya partisipasi pemilih\tPersentase partisipasi pemilih\t%\t75%\t76%\t77%\t78%\t80%\t80%\n\
        \t\t\"Persentase KPU Kab/Kota yang\nmemutakhirkan data pemilih tepat waktu\"\t%\t100%\t100%\t100%\t100%\t100%\t100%\n\
        2\tTata kelola yang akuntabel\tOpini BPK atas laporan keuangan\tOpini\tWTP\tWTP\tWTP\tWTP\tWTP\tWTP\n\
        catatan lepas\n";

    #[test]
    fn reads_goals_iku_years_and_the_end_target() {
        let mut ids = IdGen::new("t");
        let p = parse(TABLE, 2025, &mut ids);
        assert_eq!(p.years, vec![2025, 2026, 2027, 2028, 2029]);
        assert_eq!(p.goals.len(), 2);
        assert_eq!(p.iku_count(), 3);
        let first = &p.goals[0].iku[0];
        assert_eq!(first.text, "Persentase partisipasi pemilih");
        assert_eq!(first.unit, "%");
        assert_eq!(first.target(2027).unwrap().text(), "77%");
        assert_eq!(first.end_target.text(), "80%");
        assert_eq!(first.polarity, Polarity::Higher);
        assert_eq!(
            p.goals[0].iku[1].text,
            "Persentase KPU Kab/Kota yang memutakhirkan data pemilih tepat waktu"
        );
        assert!(matches!(p.goals[1].iku[0].polarity, Polarity::Scale(_)), "WTP is on the opinion scale");
        let reasons: Vec<SkipReason> = p.skipped.iter().map(|s| s.reason).collect();
        assert_eq!(reasons, vec![SkipReason::Header, SkipReason::ColumnNumbers, SkipReason::NoColumns]);
        assert_eq!(p.not_understood().count(), 1);
    }

    #[test]
    fn without_a_header_or_number_column_the_period_gives_the_years() {
        let mut ids = IdGen::new("t");
        let p = parse("Sasaran A\tIKU A\tLap\t1 Lap\t\t\t\t2 Lap\t2 Lap\n\t\t\t\n", 2030, &mut ids);
        assert_eq!(p.iku_count(), 1);
        let k = &p.goals[0].iku[0];
        assert_eq!(k.targets.iter().map(|t| t.year).collect::<Vec<_>>(), vec![2030, 2034]);
        assert_eq!(k.end_target.text(), "2 Lap");
        let p = parse("\tIKU tanpa sasaran\t%\t1%\n", 2025, &mut ids);
        assert_eq!(p.skipped[0].reason, SkipReason::NoObjective);
    }
}
