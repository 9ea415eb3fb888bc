//! The monitoring grid in words: each cell, the grid as CSV, and Beranda's line of what is due.

use crate::core::format;
use crate::core::i18n::{fill, Lang, Msg};
use crate::core::model::calendar::Deliverable;
use crate::core::monitor::due::{Late, Own};
use crate::core::monitor::{Cell, Grid};

/// A cell in words: `terlambat 15 hari`, `diterima 20 April 2024, 1 indikator belum diisi, terlambat 10 hari`.
pub fn cell(c: &Cell, lang: Lang) -> String {
    let n = |m: Msg, n: i64| fill(m.text(lang), &[("n", &n.to_string())]);
    match c {
        Cell::NotDue { days } => n(Msg::CellNotDue, *days),
        Cell::DueSoon { days: 0 } => Msg::CellDueToday.text(lang).to_string(),
        Cell::DueSoon { days } => n(Msg::CellDueIn, *days),
        Cell::Late { days } => n(Msg::CellLate, *days),
        Cell::Accepted { on, late } => {
            let date = on.map(|d| format::date(d, lang)).unwrap_or_default();
            let mut parts = vec![fill(Msg::CellAccepted.text(lang), &[("date", &date)])];
            if let Some(l) = late {
                parts.push(n(Msg::CellReceivedLate, *l));
            }
            parts.join(", ")
        }
        Cell::Returned { on, note, late } => {
            let date = on.map(|d| format::date(d, lang)).unwrap_or_default();
            let mut parts = vec![fill(Msg::CellReturned.text(lang), &[("date", &date), ("note", note)])];
            if let Some(l) = late {
                parts.push(n(Msg::CellReceivedLate, *l));
            }
            parts.join(", ")
        }
        Cell::Received { on, missing, late } | Cell::Resent { on, missing, late } => {
            let mut parts = vec![match on {
                Some(d) => fill(Msg::CellReceivedOn.text(lang), &[("date", &format::date(*d, lang))]),
                None => Msg::CellReceived.text(lang).to_string(),
            }];
            parts.push(match missing {
                0 => Msg::CellComplete.text(lang).to_string(),
                m => n(Msg::CellMissing, *m as i64),
            });
            if let Some(l) = late {
                parts.push(n(Msg::CellReceivedLate, *l));
            }
            if matches!(c, Cell::Resent { .. }) {
                parts.push(Msg::CellResent.text(lang).to_string());
            }
            parts.join(", ")
        }
    }
}

/// What this office owes next of `year`: `Tenggat berikutnya: Realisasi TW I, 10 April 2024 (8 hari
/// lagi).`, `Belum dikirim: Realisasi TW I, tenggat 10 April 2024 (terlambat 5 hari).`, or that everything
/// is in.
pub fn own_due(own: &Own, year: i32, lang: Lang) -> String {
    match own {
        Own::Owes(o) => fill(
            if o.days < 0 { Msg::NextDueLate } else { Msg::NextDue }.text(lang),
            &[
                ("what", &super::deliverable(o.what, lang)),
                ("date", &format::date(o.due, lang)),
                ("left", &super::days_left(o.days, lang)),
            ],
        ),
        Own::AllIn => fill(Msg::NextDueAllIn.text(lang), &[("year", &year.to_string())]),
    }
}

/// How many offices collected from are late: `Kantor yang Anda pantau: 3 dari 12 terlambat.`
pub fn late_offices(late: &Late, lang: Lang) -> String {
    let n = |v: usize| format::number(v.into(), lang);
    fill(Msg::MonitorLateLine.text(lang), &[("late", &n(late.late)), ("total", &n(late.total))])
}

/// The grid as CSV for Excel: the office, then each deliverable's cell in words.
pub fn grid_csv(g: &Grid, lang: Lang) -> String {
    let head = std::iter::once(Msg::MonitorColOffice.text(lang).to_string())
        .chain(Deliverable::ALL.into_iter().map(|d| super::deliverable(d, lang)));
    let rows = g.rows.iter().map(|r| {
        std::iter::once(r.office.name.clone())
            .chain(r.cells.iter().map(|c| cell(c, lang)))
            .collect::<Vec<_>>()
    });
    crate::core::io::csv::write(std::iter::once(head.collect()).chain(rows), lang)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::date::Date;

    #[test]
    fn cells_in_words() {
        let d = Date::parse("2024-04-20");
        assert_eq!(cell(&Cell::Late { days: 15 }, Lang::Id), "terlambat 15 hari");
        assert_eq!(cell(&Cell::DueSoon { days: 0 }, Lang::Id), "jatuh tempo hari ini");
        assert_eq!(cell(&Cell::DueSoon { days: 1 }, Lang::En), "due in 1 day");
        assert_eq!(cell(&Cell::NotDue { days: 100 }, Lang::Id), "belum jatuh tempo (100 hari lagi)");
        assert_eq!(
            cell(&Cell::Received { on: d, missing: 1, late: Some(10) }, Lang::Id),
            "diterima 20 April 2024, 1 indikator belum diisi, terlambat 10 hari"
        );
        assert_eq!(
            cell(&Cell::Received { on: None, missing: 0, late: None }, Lang::En),
            "received, complete"
        );
        assert_eq!(
            cell(&Cell::Returned { on: d, note: "Bukti belum ada".into(), late: Some(10) }, Lang::Id),
            "Dikembalikan 20 April 2024: Bukti belum ada, terlambat 10 hari"
        );
        assert_eq!(
            cell(&Cell::Resent { on: None, missing: 0, late: None }, Lang::En),
            "received, complete, new version after the return"
        );
        assert_eq!(
            cell(&Cell::Accepted { on: d, late: None }, Lang::En),
            "accepted (reviewed 20 April 2024)"
        );
    }

    #[test]
    fn the_due_line_in_words() {
        use crate::core::monitor::due::Owed;
        let tw1 = Deliverable::Realisasi(crate::core::model::quarter::Quarter::ALL[0]);
        let due = Date::parse("2024-04-10").unwrap();
        let soon = Own::Owes(Owed { what: tw1, due, days: 8 });
        assert_eq!(
            own_due(&soon, 2024, Lang::Id),
            "Tenggat berikutnya: Realisasi TW I, 10 April 2024 (8 hari lagi)."
        );
        let late = Own::Owes(Owed { what: tw1, due, days: -5 });
        assert_eq!(
            own_due(&late, 2024, Lang::Id),
            "Belum dikirim: Realisasi TW I, tenggat 10 April 2024 (terlambat 5 hari)."
        );
        assert_eq!(
            own_due(&late, 2024, Lang::En),
            "Not sent yet: Realisasi Q1, due 10 April 2024 (5 days late)."
        );
        assert_eq!(own_due(&Own::AllIn, 2024, Lang::En), "Everything due for 2024 is in.");
        let offices = Late { late: 1, total: 552 };
        assert_eq!(late_offices(&offices, Lang::Id), "Kantor yang Anda pantau: 1 dari 552 terlambat.");
        assert_eq!(late_offices(&offices, Lang::En), "Offices you collect from: 1 of 552 late.");
    }
}
