//! Never the only copy: when to remind the office to keep a copy outside the browser, and which restore
//! points (compressed snapshots kept inside the app's storage) to keep. Plain rules on dates and sizes; the
//! browser side is `store.rs` and the UI's backup service.

use crate::core::date::{wall_clock, Date, Now};
use serde::{Deserialize, Serialize};

/// The reminder's default: a week of changes without a copy.
pub const REMIND_AFTER_DAYS: u32 = 7;
/// The most restore points kept, whatever room there is.
pub const MAX_POINTS: usize = 10;

/// What the app remembers about copies of the workspace (a small value of its own in storage).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Copies {
    /// When the whole workspace was last written outside the browser (exported or autosaved), ISO 8601.
    #[serde(default)]
    pub last_copy: Option<String>,
    /// The first change of the user's own since then (an import or the built-in data are not: they came
    /// from a file), ISO 8601.
    #[serde(default)]
    pub changed_since: Option<String>,
    /// Days of changes without a copy before the reminder shows (0: never).
    #[serde(default = "default_days")]
    pub remind_after_days: u32,
}

fn default_days() -> u32 {
    REMIND_AFTER_DAYS
}

impl Default for Copies {
    fn default() -> Self {
        Copies { last_copy: None, changed_since: None, remind_after_days: REMIND_AFTER_DAYS }
    }
}

/// The local date of a stored stamp, seen at the reader's offset.
fn local_date(stamp: &str, offset_minutes: i32) -> Option<Date> {
    wall_clock(stamp, offset_minutes).map(|w| w.date)
}

impl Copies {
    /// A change of the user's own was made at `now`: remembered if it is the first since the last copy.
    pub fn changed(&mut self, now: Now) {
        if self.changed_since.is_none() {
            self.changed_since = Some(now.stamp());
        }
    }

    /// The whole workspace was written outside the browser at `now`.
    pub fn copied(&mut self, now: Now) {
        self.last_copy = Some(now.stamp());
        self.changed_since = None;
    }

    /// Days since the last copy (or, never copied, since the first change) when the reminder is due: there
    /// are changes of the user's own since, and at least `remind_after_days` local days have passed.
    pub fn reminder(&self, now: Now) -> Option<Reminder> {
        let since = self.changed_since.as_deref()?;
        if self.remind_after_days == 0 {
            return None;
        }
        let offset = now.offset_minutes();
        let (from, never) = match self.last_copy.as_deref().and_then(|s| local_date(s, offset)) {
            Some(copy) => (copy, false),
            None => (local_date(since, offset)?, true),
        };
        let days = from.days_until(now.today());
        (days >= i64::from(self.remind_after_days)).then_some(Reminder { days, never })
    }
}

/// The reminder to show.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Reminder {
    /// Days since the last copy, or since the first change when there never was one.
    pub days: i64,
    /// No copy was ever made.
    pub never: bool,
}

/// Why a restore point was kept.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Occasion {
    /// Before a file was imported.
    Import,
    /// Before the built-in data replaced the workspace.
    BuiltIn,
    /// Before a restore point replaced the workspace.
    Restore,
    /// The first save of a day.
    Daily,
}

/// A restore point as listed (its data is stored beside it).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Point {
    /// Unique among the points: the time it was made, in milliseconds.
    pub id: i64,
    /// ISO 8601 with the local offset.
    pub at: String,
    pub occasion: Occasion,
    /// What the file imported was called (an import), for the list.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub about: String,
    /// How many PKs it holds.
    pub agreements: usize,
    /// The characters its stored (compressed) data takes.
    pub chars: usize,
}

/// Whether the day's restore point is still to be made: none of the points is from today.
pub fn daily_due(points: &[Point], now: Now) -> bool {
    let today = now.today();
    !points.iter().any(|p| local_date(&p.at, now.offset_minutes()) == Some(today))
}

/// Which points (oldest first in `points`) to drop so that one more of `new_chars` fits in `room` characters
/// and the count stays within [`MAX_POINTS`]; `None` when it does not fit even alone (then nothing is
/// dropped and no point is made).
pub fn make_room(points: &[Point], new_chars: usize, room: usize) -> Option<Vec<i64>> {
    if new_chars > room {
        return None;
    }
    let mut used: usize = points.iter().map(|p| p.chars).sum();
    let mut drop = Vec::new();
    for p in points {
        if used + new_chars <= room && points.len() - drop.len() < MAX_POINTS {
            break;
        }
        used -= p.chars;
        drop.push(p.id);
    }
    Some(drop)
}

/// The room restore points may take: what the workspace leaves of `quota` characters, less a reserve as
/// large as the workspace itself (so that it can grow to twice its size before a point is in the way), and
/// never more than a quarter of the quota.
pub fn room(quota: usize, workspace_chars: usize, other_chars: usize) -> usize {
    let free = quota.saturating_sub(workspace_chars.saturating_mul(2)).saturating_sub(other_chars);
    free.min(quota / 4)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// 2024-03-10 09:00 in Maluku (UTC+9) is 2024-03-10 00:00 UTC.
    fn maluku(date: &str, hour: i64) -> Now {
        let d = Date::parse(date).unwrap();
        Now::new((d.days() * 1440 + (hour - 9) * 60) * 60_000, 540)
    }

    #[test]
    fn no_reminder_without_changes_of_ones_own() {
        let c = Copies::default();
        assert_eq!(c.reminder(maluku("2024-12-31", 10)), None, "seed or imported data only");
    }

    #[test]
    fn a_week_of_changes_without_a_copy_reminds_and_a_copy_ends_it() {
        let mut c = Copies::default();
        c.copied(maluku("2024-03-01", 16));
        c.changed(maluku("2024-03-02", 8));
        c.changed(maluku("2024-03-05", 8));
        assert_eq!(c.changed_since.as_deref(), Some("2024-03-02T08:00:00+09:00"), "the first change counts");
        assert_eq!(c.reminder(maluku("2024-03-07", 23)), None, "six days");
        assert_eq!(c.reminder(maluku("2024-03-08", 0)), Some(Reminder { days: 7, never: false }));
        c.copied(maluku("2024-03-08", 9));
        assert_eq!(c.reminder(maluku("2024-03-30", 9)), None, "no change since the copy");
    }

    #[test]
    fn never_copied_counts_from_the_first_change_and_zero_days_is_off() {
        let mut c = Copies::default();
        c.changed(maluku("2024-01-02", 7));
        assert_eq!(c.reminder(maluku("2024-01-09", 7)), Some(Reminder { days: 7, never: true }));
        c.remind_after_days = 0;
        assert_eq!(c.reminder(maluku("2024-06-01", 7)), None);
        c.remind_after_days = 30;
        assert_eq!(c.reminder(maluku("2024-01-31", 7)), None, "29 days");
    }

    #[test]
    fn days_are_the_office_local_days() {
        // Copied 2024-03-01 at 08:00 in Maluku (still 29 February in UTC): a week later is 8 March local.
        let mut c = Copies::default();
        c.copied(maluku("2024-03-01", 8));
        c.changed(maluku("2024-03-01", 9));
        assert_eq!(c.reminder(maluku("2024-03-08", 1)), Some(Reminder { days: 7, never: false }));
    }

    fn point(id: i64, at: &str, chars: usize) -> Point {
        Point { id, at: at.into(), occasion: Occasion::Daily, about: String::new(), agreements: 10, chars }
    }

    #[test]
    fn one_restore_point_a_day() {
        let points = vec![point(1, "2024-03-09T17:00:00+09:00", 100)];
        assert!(!daily_due(&points, maluku("2024-03-09", 23)));
        assert!(daily_due(&points, maluku("2024-03-10", 7)));
        assert!(daily_due(&[], maluku("2024-03-10", 7)));
    }

    #[test]
    fn the_oldest_points_make_room_and_a_point_too_large_is_not_made() {
        let points = vec![point(1, "a", 300), point(2, "b", 300), point(3, "c", 300)];
        assert_eq!(make_room(&points, 100, 1000), Some(vec![]), "900 + 100 fits");
        assert_eq!(make_room(&points, 200, 1000), Some(vec![1]), "the oldest goes");
        assert_eq!(make_room(&points, 700, 1000), Some(vec![1, 2]), "300 + 700 fits exactly");
        assert_eq!(make_room(&points, 900, 1000), Some(vec![1, 2, 3]));
        assert_eq!(make_room(&points, 1001, 1000), None);
        let many: Vec<Point> = (0..MAX_POINTS as i64).map(|i| point(i, "x", 1)).collect();
        assert_eq!(make_room(&many, 1, 1000), Some(vec![0]), "at most ten");
    }

    #[test]
    fn points_leave_the_workspace_room_to_double() {
        // 5 242 880 characters (Chromium's localStorage quota): a workspace of 1 000 000 keeps 2 000 000 for
        // itself; points get the rest up to a quarter of the quota.
        assert_eq!(room(5_242_880, 1_000_000, 20_000), 1_310_720);
        assert_eq!(room(5_242_880, 2_000_000, 20_000), 1_222_880);
        assert_eq!(room(5_242_880, 3_000_000, 0), 0);
    }
}
