//! The SAKIP year's deliverables and their due dates: defaults with their sources, and the dates an
//! office sets for a year (carried in its files under `measure_settings.calendar`). How many days are
//! left or late counts from the office's local date (`core::date`).

use super::quarter::Quarter;
use crate::core::date::Date;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A deliverable of a year.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Deliverable {
    /// The PK signed.
    Pk,
    /// The Rencana Aksi (the PK's targets per quarter).
    RencanaAksi,
    /// A quarter's realisasi.
    Realisasi(Quarter),
    /// The Laporan Kinerja.
    Lkj,
}

impl Deliverable {
    /// Every deliverable of a year, in the order they fall due.
    pub const ALL: [Deliverable; 7] = [
        Deliverable::Pk,
        Deliverable::RencanaAksi,
        Deliverable::Realisasi(Quarter::ALL[0]),
        Deliverable::Realisasi(Quarter::ALL[1]),
        Deliverable::Realisasi(Quarter::ALL[2]),
        Deliverable::Realisasi(Quarter::ALL[3]),
        Deliverable::Lkj,
    ];

    /// Its key in files: `pk`, `rencana_aksi`, `tw1` … `tw4`, `lkj`.
    pub fn key(self) -> String {
        match self {
            Deliverable::Pk => "pk".into(),
            Deliverable::RencanaAksi => "rencana_aksi".into(),
            Deliverable::Realisasi(q) => format!("tw{}", q.number()),
            Deliverable::Lkj => "lkj".into(),
        }
    }

    pub fn from_key(key: &str) -> Option<Deliverable> {
        Deliverable::ALL.into_iter().find(|d| d.key() == key)
    }

    /// The default due date for `year`: the PK and its Rencana Aksi by 31 January (one month after the
    /// DIPA is approved, PermenPANRB 53/2014); a quarter's realisasi on the 10th day after the quarter
    /// ends (10 April, 10 July, 10 October, 10 January; PP 39/2006 gives 5 working days for the satker,
    /// 10 for programme reports); the LKj by the end of February after the year (PermenPANRB 53/2014).
    pub fn default_due(self, year: i32) -> Date {
        let day = |y, m, d| Date::new(y, m, d).unwrap_or_else(|| Date::from_days(0));
        match self {
            Deliverable::Pk | Deliverable::RencanaAksi => day(year, 1, 31),
            Deliverable::Realisasi(q) => match q.number() {
                4 => day(year + 1, 1, 10),
                n => day(year, n * 3 + 1, 10),
            },
            Deliverable::Lkj => day(year + 1, 3, 1).add_days(-1),
        }
    }
}

/// The due dates an office set, per year and deliverable (ISO dates); the rest are the defaults.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Calendar(BTreeMap<i32, BTreeMap<String, String>>);

impl Calendar {
    pub fn is_empty(&self) -> bool {
        self.0.values().all(BTreeMap::is_empty)
    }

    /// The date set for a deliverable of `year`, if any.
    pub fn set_date(&self, year: i32, d: Deliverable) -> Option<Date> {
        self.0.get(&year)?.get(&d.key()).and_then(|t| Date::parse(t))
    }

    /// When a deliverable of `year` is due: the date set, else the default.
    pub fn due(&self, year: i32, d: Deliverable) -> Date {
        self.set_date(year, d).unwrap_or_else(|| d.default_due(year))
    }

    /// Sets (or, with `None`, goes back to the default for) a deliverable's due date; whether it changed.
    pub fn set(&mut self, year: i32, d: Deliverable, date: Option<Date>) -> bool {
        let before = self.set_date(year, d);
        let date = date.filter(|x| *x != d.default_due(year));
        if before == date {
            return false;
        }
        let entries = self.0.entry(year).or_default();
        match date {
            Some(x) => entries.insert(d.key(), x.iso()),
            None => entries.remove(&d.key()),
        };
        if entries.is_empty() {
            self.0.remove(&year);
        }
        true
    }

    /// The year's deliverables with their due dates and the days from `today` (negative: late).
    pub fn year(&self, year: i32, today: Date) -> Vec<(Deliverable, Date, i64)> {
        Deliverable::ALL
            .into_iter()
            .map(|d| {
                let due = self.due(year, d);
                (d, due, today.days_until(due))
            })
            .collect()
    }

    /// The next deliverable not yet due (today counts), if any.
    pub fn next(&self, year: i32, today: Date) -> Option<(Deliverable, Date, i64)> {
        self.year(year, today).into_iter().find(|(_, _, days)| *days >= 0)
    }

    /// The entries as stored, for checks: (year, key, text).
    pub fn entries(&self) -> impl Iterator<Item = (i32, &str, &str)> {
        self.0.iter().flat_map(|(y, e)| e.iter().map(move |(k, v)| (*y, k.as_str(), v.as_str())))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    #[test]
    fn defaults_follow_the_rules() {
        let due = |x: Deliverable| x.default_due(2024).iso();
        assert_eq!(due(Deliverable::Pk), "2024-01-31");
        assert_eq!(due(Deliverable::RencanaAksi), "2024-01-31");
        let tw = |n| due(Deliverable::Realisasi(Quarter::new(n).unwrap()));
        assert_eq!([tw(1), tw(2), tw(3), tw(4)], ["2024-04-10", "2024-07-10", "2024-10-10", "2025-01-10"]);
        // Two months after the year: the end of February, 29 in a leap year.
        assert_eq!(due(Deliverable::Lkj), "2025-02-28");
        assert_eq!(Deliverable::Lkj.default_due(2027).iso(), "2028-02-29");
        for x in Deliverable::ALL {
            assert_eq!(Deliverable::from_key(&x.key()), Some(x));
        }
        assert_eq!(Deliverable::from_key("tw5"), None);
    }

    #[test]
    fn days_left_and_late_from_the_local_date() {
        let mut c = Calendar::default();
        // 2 January 2024 (07:30 in Maluku, still 1 January in UTC): the PK is due in 29 days.
        assert_eq!(c.next(2024, d("2024-01-02")), Some((Deliverable::Pk, d("2024-01-31"), 29)));
        // 31 December: TW IV's realisasi is due on 10 January, in 10 days; TW III was 82 days ago.
        let year = c.year(2024, d("2024-12-31"));
        assert_eq!(year[5], (Deliverable::Realisasi(Quarter::ALL[3]), d("2025-01-10"), 10));
        assert_eq!(year[4].2, -82);
        // An office's own due date for TW I (its circular says the 15th).
        let tw1 = Deliverable::Realisasi(Quarter::ALL[0]);
        assert!(c.set(2024, tw1, Some(d("2024-04-15"))));
        assert!(!c.set(2024, tw1, Some(d("2024-04-15"))), "unchanged");
        assert_eq!(c.due(2024, tw1), d("2024-04-15"));
        assert_eq!(c.due(2025, tw1), d("2025-04-10"), "other years keep the default");
        let json = serde_json::to_string(&c).unwrap();
        assert_eq!(json, r#"{"2024":{"tw1":"2024-04-15"}}"#);
        assert_eq!(serde_json::from_str::<Calendar>(&json).unwrap(), c);
        // Back to the default: nothing stored.
        assert!(c.set(2024, tw1, Some(d("2024-04-10"))));
        assert!(c.is_empty());
        assert_eq!(serde_json::to_string(&c).unwrap(), "{}");
    }
}
