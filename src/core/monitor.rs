//! The monitoring grid: the offices a workspace collects from down, the year's deliverables across, each
//! cell worked out from the data held and the due dates (`model::calendar`), never typed. A quarter is
//! received when the office's PKs hold its realisasi, on the date it first arrived by file
//! (`Origin::quarters`, version 6). Beranda's line of what is due is worked out from the same cells
//! ([`due`]).

pub mod due;

use crate::core::date::Date;
use crate::core::model::calendar::Deliverable;
use crate::core::model::offices::{key, Level, Office};
use crate::core::model::{Agreement, AgreementId, Workspace};
use std::collections::HashMap;

/// Days before a due date from which a cell says "due in N days" rather than "not due yet".
pub const SOON: i64 = 14;

/// What a cell says.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Cell {
    /// Due in more than [`SOON`] days.
    NotDue { days: i64 },
    /// Due in `days` days (0: today).
    DueSoon { days: i64 },
    /// Due `days` days ago, nothing received.
    Late { days: i64 },
    /// Received (on the date it arrived, when recorded), with the indicators still missing, and how
    /// many days after the due date it arrived.
    Received { on: Option<Date>, missing: usize, late: Option<i64> },
    /// (A quarter) received again after it was returned: a new version, not reviewed yet.
    Resent { on: Option<Date>, missing: usize, late: Option<i64> },
    /// (A quarter) accepted by this office's review of the figures held (`model::reviews`), on the
    /// review's date; `late` as received.
    Accepted { on: Option<Date>, late: Option<i64> },
    /// (A quarter) returned to the office with the review's note, the figures held being those reviewed.
    Returned { on: Option<Date>, note: String, late: Option<i64> },
}

impl Cell {
    /// Something received, complete or not, on time or not: nothing more is owed.
    pub fn is_in(&self) -> bool {
        self.is_received()
    }

    /// Late: nothing received after the due date, or received after it.
    pub fn is_late(&self) -> bool {
        matches!(
            self,
            Cell::Late { .. }
                | Cell::Received { late: Some(_), .. }
                | Cell::Resent { late: Some(_), .. }
                | Cell::Accepted { late: Some(_), .. }
                | Cell::Returned { late: Some(_), .. }
        )
    }

    /// Received in any state (received, sent again, accepted, returned).
    pub fn is_received(&self) -> bool {
        !matches!(self, Cell::NotDue { .. } | Cell::DueSoon { .. } | Cell::Late { .. })
    }

    fn due(due: Date, today: Date) -> Cell {
        match today.days_until(due) {
            days if days > SOON => Cell::NotDue { days },
            days if days >= 0 => Cell::DueSoon { days },
            days => Cell::Late { days: -days },
        }
    }

    fn received(on: Option<Date>, missing: usize, due: Date) -> Cell {
        let late = on.map(|d| due.days_until(d)).filter(|d| *d > 0);
        Cell::Received { on, missing, late }
    }
}

/// One office's row.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    pub office: Office,
    /// Its PKs of the year, in workspace order (the first is linked from the row).
    pub agreements: Vec<AgreementId>,
    /// One cell per deliverable, in the order of [`Deliverable::ALL`].
    pub cells: Vec<Cell>,
}

/// The grid of a year.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Grid {
    pub year: i32,
    pub rows: Vec<Row>,
}

/// How many cells of a column are in each state.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct Counts {
    pub late: usize,
    pub received: usize,
    pub soon: usize,
    pub not_due: usize,
    /// Accepted and returned by this office's reviews (also counted as received).
    pub accepted: usize,
    pub returned: usize,
}

impl Grid {
    /// The counts of each column.
    pub fn counts(&self) -> Vec<Counts> {
        let mut out = vec![Counts::default(); Deliverable::ALL.len()];
        for row in &self.rows {
            for (c, cell) in out.iter_mut().zip(&row.cells) {
                match cell {
                    Cell::DueSoon { .. } => c.soon += 1,
                    Cell::NotDue { .. } => c.not_due += 1,
                    Cell::Late { .. } => {}
                    Cell::Accepted { .. } => c.accepted += 1,
                    Cell::Returned { .. } => c.returned += 1,
                    Cell::Received { .. } | Cell::Resent { .. } => {}
                }
                if cell.is_received() {
                    c.received += 1;
                }
                if cell.is_late() {
                    c.late += 1;
                }
            }
        }
        out
    }

    /// The rows with a late cell.
    pub fn late_rows(&self) -> impl Iterator<Item = &Row> {
        self.rows.iter().filter(|r| r.cells.iter().any(Cell::is_late))
    }
}

/// The offices a workspace collects from: the units of its own office's Sekretariat, then the offices
/// below it; with no own office chosen, every listed office.
pub fn collected(ws: &Workspace) -> Vec<Office> {
    let o = &ws.settings.offices;
    if o.own.is_empty() {
        return o.list.clone();
    }
    o.units(&o.own).chain(o.below(&o.own)).cloned().collect()
}

/// Whether this workspace collects `a`'s realisasi: it belongs to an office collected from (its
/// quarters are reviewed here, `model::reviews`).
pub fn collects(ws: &Workspace, a: &Agreement) -> bool {
    let index = ws.settings.offices.index();
    let Some(place) = index.find(&a.office) else { return false };
    collected(ws).iter().any(|o| match o.level {
        Level::Unit => index.find(&o.parent) == Some(place) && in_unit(o, a),
        _ => index.find(&o.name) == Some(place),
    })
}

/// Whether a PK of a unit's office is the unit's: its unit or its Pihak Pertama's position names it.
fn in_unit(unit: &Office, a: &Agreement) -> bool {
    let k = key(&unit.name);
    key(&a.unit).contains(&k) || key(&a.first_party.position).contains(&k)
}

/// The PKs of a year by the office their *Instansi* names (its place in the list), and those that name
/// no listed office: one look-up per PK (a national year has 5 520 PKs and 552 offices).
pub(crate) struct Placed<'a> {
    pub index: crate::core::model::offices::Index,
    pub by_place: HashMap<usize, Vec<&'a Agreement>>,
    pub unplaced: Vec<&'a Agreement>,
}

impl<'a> Placed<'a> {
    pub fn new(ws: &'a Workspace, year: i32) -> Placed<'a> {
        let index = ws.settings.offices.index();
        let mut by_place: HashMap<usize, Vec<&Agreement>> = HashMap::new();
        let mut unplaced = Vec::new();
        for a in ws.agreements.iter().map(|a| a.as_ref()).filter(|a| a.year == year) {
            match index.find(&a.office) {
                Some(p) => by_place.entry(p).or_default().push(a),
                None => unplaced.push(a),
            }
        }
        Placed { index, by_place, unplaced }
    }

    /// The PKs of `office`: those whose *Instansi* names it; for a unit, those of the unit's office
    /// whose unit or Pihak Pertama's position names the unit.
    pub fn of(&self, office: &Office) -> Vec<&'a Agreement> {
        let name = if office.level == Level::Unit { &office.parent } else { &office.name };
        let Some(pks) = self.index.find(name).and_then(|p| self.by_place.get(&p)) else {
            return Vec::new();
        };
        if office.level != Level::Unit {
            return pks.clone();
        }
        pks.iter().copied().filter(|a| in_unit(office, a)).collect()
    }
}

/// The grid of `year` on `today` (the office's local date).
pub fn grid(ws: &Workspace, year: i32, today: Date) -> Grid {
    let placed = Placed::new(ws, year);
    let dues = Deliverable::ALL.map(|d| ws.settings.calendar.due(year, d));
    let reviews = ws.settings.reviews.index();
    let rows = collected(ws)
        .into_iter()
        .map(|office| {
            let pks = placed.of(&office);
            let cells = Deliverable::ALL
                .into_iter()
                .zip(dues)
                .map(|(d, due)| reviewed(&reviews, &pks, d, cell(&pks, d, due, today)))
                .collect();
            Row { office, agreements: pks.iter().map(|a| a.id.clone()).collect(), cells }
        })
        .collect();
    Grid { year, rows }
}

/// One cell: what the office's PKs hold of a deliverable.
fn cell(pks: &[&Agreement], d: Deliverable, due: Date, today: Date) -> Cell {
    let indicators = || pks.iter().flat_map(|a| a.indicators().map(|(_, i)| i));
    let total = indicators().count();
    match d {
        Deliverable::Pk => {
            let signed: Vec<Date> = pks
                .iter()
                .filter_map(|a| a.life.versions.first().and_then(|v| Date::parse(&v.signed_on)))
                .collect();
            let drafts = pks.iter().filter(|a| a.life.is_draft()).count();
            match signed.iter().min() {
                Some(&on) => Cell::received(Some(on), drafts, due),
                None => Cell::due(due, today),
            }
        }
        Deliverable::RencanaAksi => {
            let planned = indicators().filter(|i| i.measurement.plan.iter().any(Option::is_some)).count();
            if planned == 0 {
                return Cell::due(due, today);
            }
            Cell::received(None, total - planned, due)
        }
        Deliverable::Realisasi(_) | Deliverable::Lkj => {
            // The LKj is drawn from the year's realisasi: it is in once TW IV is.
            let q = match d {
                Deliverable::Realisasi(q) => q,
                _ => crate::core::model::quarter::Quarter::ALL[3],
            };
            let reported = indicators().filter(|i| i.measurement.report(q).is_some()).count();
            if reported == 0 {
                return Cell::due(due, today);
            }
            let on = pks
                .iter()
                .filter_map(|a| a.origin.as_ref()?.quarters[q.index()].as_deref().and_then(Date::parse))
                .min();
            Cell::received(on, total - reported, due)
        }
    }
}

/// A received quarter as this office's reviews left it (`model::reviews`): returned when a PK's review in
/// force returned these very figures, accepted when every PK that reported it is accepted as it stands,
/// sent again when a returned quarter changed since. A review of other figures never applies.
fn reviewed(
    reviews: &crate::core::model::reviews::Index,
    pks: &[&Agreement],
    d: Deliverable,
    received: Cell,
) -> Cell {
    let (Deliverable::Realisasi(q), Cell::Received { on, missing, late }) = (d, &received) else {
        return received;
    };
    let reported: Vec<&Agreement> = pks
        .iter()
        .copied()
        .filter(|a| a.indicators().any(|(_, i)| i.measurement.report(q).is_some()))
        .collect();
    let standings: Vec<_> = reported.iter().map(|a| reviews.standing(a, q)).collect();
    if let Some(r) = standings.iter().find_map(|s| s.returned()) {
        let note = if r.note.trim().is_empty() {
            r.indicators.first().map(|n| n.note.clone()).unwrap_or_default()
        } else {
            r.note.clone()
        };
        return Cell::Returned { on: r.date(), note, late: *late };
    }
    if !standings.is_empty() && standings.iter().all(|s| s.locked()) {
        let on = standings.iter().filter_map(|s| s.current().and_then(|r| r.date())).max();
        return Cell::Accepted { on, late: *late };
    }
    if standings.iter().any(|s| s.resent()) {
        return Cell::Resent { on: *on, missing: *missing, late: *late };
    }
    received
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::offices::Offices;
    use crate::core::model::testing::*;
    use crate::core::model::Origin;

    fn d(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    /// The Maluku preset with a unit; Buru with one PK of two indicators, Ambon with one of one.
    fn province() -> Workspace {
        let mut buru = agreement("buru", None, 2024);
        buru.office = "Komisi Pemilihan Umum Kab. Buru".into();
        buru.objectives = vec![objective(
            "b/s",
            "S",
            vec![indicator("b/i1", "A", "4 Lap", None), indicator("b/i2", "B", "100%", None)],
        )];
        let mut ambon = agreement("ambon", None, 2024);
        ambon.office = "KPU Kota Ambon".into();
        ambon.objectives = vec![objective("a/s", "S", vec![indicator("a/i1", "A", "4 Lap", None)])];
        let mut bagian = agreement("bagian", None, 2024);
        bagian.office = "Komisi Pemilihan Umum Provinsi Maluku".into();
        bagian.first_party.position = "Kepala Bagian Perencanaan, Data dan Informasi".into();
        let mut other_year = agreement("buru-2023", None, 2023);
        other_year.office = "KPU Kabupaten Buru".into();
        let mut ws = workspace(vec![buru, ambon, bagian, other_year]);
        let mut offices = Offices::maluku();
        offices
            .add(Office::new("Bagian Perencanaan, Data dan Informasi", Level::Unit, "KPU Provinsi Maluku"))
            .unwrap();
        *ws.settings.offices = offices;
        ws
    }

    #[test]
    fn rows_are_the_offices_collected_from_with_their_pks() {
        let g = grid(&province(), 2024, d("2024-04-01"));
        // The unit first, then the 11 kab/kota; KPU RI and the province itself are not collected from.
        assert_eq!(g.rows.len(), 12);
        assert_eq!(g.rows[0].office.name, "Bagian Perencanaan, Data dan Informasi");
        assert_eq!(g.rows[0].agreements, [aid("bagian")]);
        assert_eq!(g.rows[1].office.name, "KPU Kabupaten Buru");
        assert_eq!(g.rows[1].agreements, [aid("buru")], "tolerant match, this year only");
        assert_eq!(g.rows[10].agreements, [aid("ambon")]);
        assert!(g.rows[2].agreements.is_empty());
        let ws = province();
        assert!(collects(&ws, ws.agreement(&aid("buru")).unwrap()));
        assert!(collects(&ws, ws.agreement(&aid("bagian")).unwrap()), "a unit of the Sekretariat");
        let mut own = agreement("prov", None, 2024);
        own.office = "KPU Provinsi Maluku".into();
        assert!(!collects(&ws, &own), "the province's own PK is not collected from another office");
    }

    #[test]
    fn cells_from_dates_and_data() {
        let mut ws = province();
        // 1 April 2024: the PK was due 31 January (61 days ago), TW I is due 10 April (in 9 days), TW II
        // 10 July (in 100 days).
        let g = grid(&ws, 2024, d("2024-04-01"));
        let buru = &g.rows[1].cells;
        assert_eq!(buru[0], Cell::Late { days: 61 });
        assert_eq!(buru[2], Cell::DueSoon { days: 9 });
        assert_eq!(buru[3], Cell::NotDue { days: 100 });
        // Buru's TW I arrives by file on 20 April with one of its two indicators: received 10 days late,
        // one indicator missing.
        report(&mut ws, "buru", "b/i1", 1, "1 Lap", "");
        let a = ws.agreement_mut(&aid("buru")).unwrap();
        let mut origin = Origin { file: "buru.json".into(), ..Default::default() };
        origin.quarters[0] = Some("2024-04-20".into());
        a.origin = Some(origin);
        let g = grid(&ws, 2024, d("2024-04-25"));
        assert_eq!(
            g.rows[1].cells[2],
            Cell::Received { on: Some(d("2024-04-20")), missing: 1, late: Some(10) }
        );
        assert!(g.rows[1].cells[2].is_late());
        // Ambon's entered here (no arrival date), complete: received, not counted late.
        report(&mut ws, "ambon", "a/i1", 1, "1 Lap", "");
        let g = grid(&ws, 2024, d("2024-04-25"));
        assert_eq!(g.rows[10].cells[2], Cell::Received { on: None, missing: 0, late: None });
        // TW I on 25 April: two received (one late), ten late with nothing.
        let tw1 = g.counts()[2];
        assert_eq!(tw1, Counts { late: 11, received: 2, soon: 0, not_due: 0, accepted: 0, returned: 0 });
        assert_eq!(g.late_rows().count(), 12, "every office still owes its PK");
    }

    #[test]
    fn reviews_mark_the_quarter_returned_resent_then_accepted() {
        use crate::core::model::reviews::{Review, Verdict};
        let mut ws = province();
        report(&mut ws, "buru", "b/i1", 1, "1 Lap", "");
        report(&mut ws, "buru", "b/i2", 1, "80%", "");
        let q1 = crate::core::model::quarter::Quarter::ALL[0];
        let review = |ws: &Workspace, verdict, at: &str, note: &str| Review {
            agreement: aid("buru"),
            quarter: 1,
            verdict,
            note: note.into(),
            indicators: vec![],
            by: "KPU Provinsi Maluku".into(),
            at: at.into(),
            figures: ws.agreement(&aid("buru")).unwrap().quarter_fingerprint(q1),
        };
        // Entered here (no arrival date), complete, due 10 April: on 25 April it is received.
        let today = d("2024-04-25");
        assert_eq!(
            grid(&ws, 2024, today).rows[1].cells[2],
            Cell::Received { on: None, missing: 0, late: None }
        );
        // Returned on 26 April with a note.
        let returned = review(&ws, Verdict::Returned, "2024-04-26T09:00:00+09:00", "Bukti TW I belum ada");
        ws.settings.reviews.add(returned);
        let g = grid(&ws, 2024, today);
        let expected =
            Cell::Returned { on: Some(d("2024-04-26")), note: "Bukti TW I belum ada".into(), late: None };
        assert_eq!(g.rows[1].cells[2], expected);
        assert_eq!(g.counts()[2].returned, 1);
        assert_eq!(g.counts()[2].received, 1, "a returned quarter was received");
        // Corrected and sent again: a new version, the return does not apply to it.
        report(&mut ws, "buru", "b/i2", 1, "85%", "bukti: laporan.pdf");
        assert_eq!(
            grid(&ws, 2024, today).rows[1].cells[2],
            Cell::Resent { on: None, missing: 0, late: None }
        );
        // Accepted on 2 May: accepted, TW II untouched.
        let accepted = review(&ws, Verdict::Accepted, "2024-05-02T10:00:00+09:00", "");
        ws.settings.reviews.add(accepted);
        let g = grid(&ws, 2024, today);
        assert_eq!(g.rows[1].cells[2], Cell::Accepted { on: Some(d("2024-05-02")), late: None });
        assert_eq!(g.rows[1].cells[3], Cell::NotDue { days: 76 });
        let c = g.counts()[2];
        assert_eq!((c.accepted, c.returned, c.received), (1, 0, 1));
    }

    #[test]
    fn a_signed_pk_is_received_on_its_signing_date() {
        let mut ws = province();
        let a = ws.agreement_mut(&aid("ambon")).unwrap();
        a.sign("2024-02-05", false).unwrap();
        let g = grid(&ws, 2024, d("2024-03-01"));
        // Due 31 January, signed 5 February: received 5 days late.
        assert_eq!(
            g.rows[10].cells[0],
            Cell::Received { on: Some(d("2024-02-05")), missing: 0, late: Some(5) }
        );
    }
}
