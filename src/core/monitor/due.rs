//! Beranda's line of what is due: what this office owes next of a year (the first deliverable, by due
//! date, that its own PKs do not hold yet: due in N days, or late by N days) and, for an office that
//! collects from others, how many of them are late. Worked out from the grid's own cells
//! ([`super::cell`], [`super::grid`]), so Beranda and Pemantauan never disagree.

use super::{cell, collected, grid, Placed};
use crate::core::date::Date;
use crate::core::model::calendar::Deliverable;
use crate::core::model::{Agreement, Workspace};

/// A deliverable this office has not sent yet.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Owed {
    pub what: Deliverable,
    pub due: Date,
    /// Days from today to the due date; negative: late by that many days.
    pub days: i64,
}

/// What this office's own PKs hold of a year.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Own {
    /// The first deliverable not received yet.
    Owes(Owed),
    /// Every deliverable of the year is in.
    AllIn,
}

/// How many of the offices collected from are late (as the grid's *Hanya yang terlambat* counts them).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Late {
    pub late: usize,
    pub total: usize,
}

/// The line of a year.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DueLine {
    pub own: Own,
    /// For an office that collects from others (offices listed below it, or units of its Sekretariat).
    pub collecting: Option<Late>,
}

/// Whether Beranda speaks of `year`'s deliverables on `today`: this year, later years, and the year
/// before (its TW IV and LKj fall due in the new year). An older year is history: the grid keeps it.
pub fn speaks_of(year: i32, today: Date) -> bool {
    year + 1 >= today.year()
}

/// This office's own PKs of a year: those whose *Instansi* names its office (its units' PKs with
/// them); with no office chosen, those that name no listed office (every PK, when none is listed).
fn own<'a>(ws: &'a Workspace, placed: &Placed<'a>) -> Vec<&'a Agreement> {
    let o = &ws.settings.offices;
    if o.own.is_empty() {
        return placed.unplaced.clone();
    }
    placed.index.find(&o.own).and_then(|p| placed.by_place.get(&p)).cloned().unwrap_or_default()
}

/// The line for `year` on `today` (the office's local date), if Beranda speaks of that year.
pub fn due_line(ws: &Workspace, year: i32, today: Date) -> Option<DueLine> {
    if !speaks_of(year, today) {
        return None;
    }
    let placed = Placed::new(ws, year);
    let pks = own(ws, &placed);
    let mut dues: Vec<(Deliverable, Date)> =
        Deliverable::ALL.into_iter().map(|d| (d, ws.settings.calendar.due(year, d))).collect();
    // In the order they fall due (an office may set its own dates); a stable sort keeps the year's
    // order between equal dates (the PK before its Rencana Aksi).
    dues.sort_by_key(|(_, due)| *due);
    let own = dues
        .into_iter()
        .find(|&(d, due)| !cell(&pks, d, due, today).is_in())
        .map_or(Own::AllIn, |(what, due)| Own::Owes(Owed { what, due, days: today.days_until(due) }));
    let collecting = (!collected(ws).is_empty()).then(|| {
        let g = grid(ws, year, today);
        Late { late: g.late_rows().count(), total: g.rows.len() }
    });
    Some(DueLine { own, collecting })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::offices::{Level, Office, Offices};
    use crate::core::model::quarter::Quarter;
    use crate::core::model::testing::*;

    fn d(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    /// KPU Provinsi Maluku (its own PK, of the Sekretaris) collecting from a unit of its Sekretariat and
    /// the 11 kab/kota; Buru has a PK.
    fn province() -> Workspace {
        let mut own = agreement("sekretaris", None, 2024);
        own.office = "Komisi Pemilihan Umum Provinsi Maluku".into();
        own.objectives = vec![objective("s/s", "S", vec![indicator("s/i1", "A", "4 Lap", None)])];
        let mut buru = agreement("buru", None, 2024);
        buru.office = "KPU Kabupaten Buru".into();
        buru.objectives = vec![objective("b/s", "S", vec![indicator("b/i1", "A", "4 Lap", None)])];
        let mut ws = workspace(vec![own, buru]);
        let mut offices = Offices::maluku();
        offices.add(Office::new("Bagian Umum", Level::Unit, "KPU Provinsi Maluku")).unwrap();
        *ws.settings.offices = offices;
        ws
    }

    fn owes(line: Option<DueLine>) -> Owed {
        match line.unwrap().own {
            Own::Owes(o) => o,
            Own::AllIn => panic!("nothing owed"),
        }
    }

    #[test]
    fn the_first_deliverable_not_in_with_days_left_or_late() {
        let mut ws = province();
        // 2 January 2024: the PK is due on 31 January, in 29 days.
        let line = due_line(&ws, 2024, d("2024-01-02"));
        assert_eq!(owes(line), Owed { what: Deliverable::Pk, due: d("2024-01-31"), days: 29 });
        // Signed on 20 January: the Rencana Aksi (also 31 January) is next, in 11 days on the 20th.
        ws.agreement_mut(&aid("sekretaris")).unwrap().sign("2024-01-20", false).unwrap();
        let next = owes(due_line(&ws, 2024, d("2024-01-20")));
        assert_eq!((next.what, next.days), (Deliverable::RencanaAksi, 11));
        // A plan typed for its indicator: TW I (10 April) is next; on 15 April it is 5 days late.
        let a = ws.agreement_mut(&aid("sekretaris")).unwrap();
        a.objectives[0].indicators[0].measurement.plan[0] = Some(crate::core::model::Target::new("1 Lap"));
        let tw1 = Deliverable::Realisasi(Quarter::ALL[0]);
        let late = owes(due_line(&ws, 2024, d("2024-04-15")));
        assert_eq!(late, Owed { what: tw1, due: d("2024-04-10"), days: -5 });
        // The Sekretaris reports TW I: TW II (10 July) is next, 86 days ahead on 15 April.
        report(&mut ws, "sekretaris", "s/i1", 1, "1 Lap", "");
        let next = owes(due_line(&ws, 2024, d("2024-04-15")));
        assert_eq!(
            (next.what, next.due, next.days),
            (Deliverable::Realisasi(Quarter::ALL[1]), d("2024-07-10"), 86)
        );
        // Every quarter reported: TW IV brings the LKj too, and nothing is owed.
        for q in 2..=4 {
            report(&mut ws, "sekretaris", "s/i1", q, "1 Lap", "");
        }
        assert_eq!(due_line(&ws, 2024, d("2025-01-05")).unwrap().own, Own::AllIn);
    }

    #[test]
    fn a_collecting_office_counts_the_late_offices_as_the_grid_does() {
        let ws = province();
        // 2 January: nothing is due yet anywhere.
        let line = due_line(&ws, 2024, d("2024-01-02")).unwrap();
        assert_eq!(line.collecting, Some(Late { late: 0, total: 12 }));
        // 1 February: every office collected from (the unit and the 11 kab/kota) owes its PK.
        let line = due_line(&ws, 2024, d("2024-02-01")).unwrap();
        assert_eq!(line.collecting, Some(Late { late: 12, total: 12 }));
        assert_eq!(line.collecting.unwrap().late, grid(&ws, 2024, d("2024-02-01")).late_rows().count());
        // Buru signed on 5 February (5 days late) stays in the late count, as the grid's filter shows it.
        let mut ws = ws;
        ws.agreement_mut(&aid("buru")).unwrap().sign("2024-02-05", false).unwrap();
        let line = due_line(&ws, 2024, d("2024-02-06")).unwrap();
        assert_eq!(line.collecting, Some(Late { late: 12, total: 12 }));
    }

    #[test]
    fn an_office_with_no_list_owns_every_pk_and_collects_from_none() {
        let mut a = agreement("a", None, 2024);
        a.objectives = vec![objective("a/s", "S", vec![indicator("a/i1", "A", "4 Lap", None)])];
        let mut ws = workspace(vec![a, agreement("b", None, 2024)]);
        ws.agreement_mut(&aid("a")).unwrap().sign("2024-01-10", false).unwrap();
        // One of its two PKs signed: the PK is in (received, one still a draft); the Rencana Aksi is next.
        let line = due_line(&ws, 2024, d("2024-01-11")).unwrap();
        assert_eq!(line.collecting, None);
        assert_eq!(owes(Some(line)).what, Deliverable::RencanaAksi);
    }

    #[test]
    fn the_office_s_own_dates_set_the_order() {
        let mut ws = workspace(vec![agreement("a", None, 2024)]);
        // The PK is due on 31 May this year (a circular), after TW I (10 April).
        ws.settings.calendar.set(2024, Deliverable::Pk, Some(d("2024-05-31")));
        ws.settings.calendar.set(2024, Deliverable::RencanaAksi, Some(d("2024-05-31")));
        let first = owes(due_line(&ws, 2024, d("2024-04-01")));
        assert_eq!((first.what, first.days), (Deliverable::Realisasi(Quarter::ALL[0]), 9));
    }

    #[test]
    fn this_year_and_last_year_only() {
        let ws = province();
        // On 5 December 2026: 2026, 2025 and 2027 are spoken of, 2024 is history.
        assert!(due_line(&ws, 2024, d("2026-12-05")).is_none());
        assert!(speaks_of(2025, d("2026-12-05")));
        assert!(speaks_of(2027, d("2026-12-05")));
        // In January 2025, 2024 is still spoken of: its PK, never signed, is 340 days late (31 January
        // 2024 to 31 January 2025 is 366 days, 26 fewer to 5 January).
        let pk = owes(due_line(&ws, 2024, d("2025-01-05")));
        assert_eq!((pk.what, pk.days), (Deliverable::Pk, -340), "the first one not in, however late");
    }
}
