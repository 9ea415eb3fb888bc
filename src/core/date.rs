//! Calendar dates and the current moment, at the ground floor of the core (it uses nothing else of it).
//!
//! Every date the app derives from "now" is the office's own calendar date: KPU Provinsi Maluku is at
//! UTC+9 (WIT), so for the first nine hours of each of its days the UTC date is still yesterday. The UI
//! reads the clock in one place (`ui::services::clock`) and hands a [`Now`] here; everything else works
//! from that value. Stored times are ISO 8601 with their offset (`2024-01-02T07:30:00+09:00`); times
//! written by older versions in UTC (`…Z`) are read as well.

/// A day of the Gregorian calendar (`2024-01-02`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: i32,
    month: u8,
    day: u8,
}

fn leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap(year) => 29,
        2 => 28,
        _ => 0,
    }
}

impl Date {
    /// The date, when it exists (`2023-02-29` does not).
    pub fn new(year: i32, month: u8, day: u8) -> Option<Date> {
        (1..=days_in_month(year, month)).contains(&day).then_some(Date { year, month, day })
    }

    /// Reads `YYYY-MM-DD` exactly (four-digit year, two-digit month and day); anything else is `None`.
    pub fn parse(text: &str) -> Option<Date> {
        let text = text.trim();
        let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
        let mut parts = text.splitn(3, '-');
        let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
        if y.len() != 4 || m.len() != 2 || d.len() != 2 || !digits(y) || !digits(m) || !digits(d) {
            return None;
        }
        Date::new(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
    }

    pub fn year(self) -> i32 {
        self.year
    }

    /// 1 to 12.
    pub fn month(self) -> u8 {
        self.month
    }

    /// 1 to 31.
    pub fn day(self) -> u8 {
        self.day
    }

    /// `2024-01-02`.
    pub fn iso(self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }

    /// `20240102`, as in file names.
    pub fn compact(self) -> String {
        format!("{:04}{:02}{:02}", self.year, self.month, self.day)
    }

    /// Days since 1970-01-01 (negative before it).
    pub fn days(self) -> i64 {
        // Howard Hinnant's days_from_civil.
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date `days` days after 1970-01-01.
    pub fn from_days(days: i64) -> Date {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = (if mp < 10 { mp + 3 } else { mp - 9 }) as u8;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Date { year, month, day }
    }

    /// How many days from `self` to `later` (negative when `later` is earlier): 2024-01-31 → 2024-02-10 is 10.
    pub fn days_until(self, later: Date) -> i64 {
        later.days() - self.days()
    }

    /// The date `n` days later (earlier when negative).
    pub fn add_days(self, n: i64) -> Date {
        Date::from_days(self.days() + n)
    }
}

/// A moment: milliseconds since 1970-01-01 UTC, and the local offset east of UTC in minutes at that
/// moment (+540 in Maluku, +420 in Jakarta).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Now {
    utc_ms: i64,
    offset_minutes: i32,
}

impl Now {
    pub fn new(utc_ms: i64, offset_minutes: i32) -> Now {
        Now { utc_ms, offset_minutes }
    }

    /// Minutes since 1970-01-01 00:00 on the local wall clock.
    fn local_minutes(self) -> i64 {
        self.utc_ms.div_euclid(60_000) + i64::from(self.offset_minutes)
    }

    /// The local calendar date: 07:30 on 2 January in Maluku is 2024-01-02 (UTC still says 1 January).
    pub fn today(self) -> Date {
        Date::from_days(self.local_minutes().div_euclid(1440))
    }

    /// Milliseconds since 1970-01-01 UTC.
    pub fn utc_ms(self) -> i64 {
        self.utc_ms
    }

    /// The local offset east of UTC, in minutes.
    pub fn offset_minutes(self) -> i32 {
        self.offset_minutes
    }

    /// ISO 8601 with the local offset, to the second: `2024-01-02T07:30:00+09:00`.
    pub fn stamp(self) -> String {
        let seconds = self.utc_ms.div_euclid(1000) + i64::from(self.offset_minutes) * 60;
        let (days, rest) = (seconds.div_euclid(86_400), seconds.rem_euclid(86_400));
        let (h, m, s) = (rest / 3600, rest % 3600 / 60, rest % 60);
        format!("{}T{h:02}:{m:02}:{s:02}{}", Date::from_days(days).iso(), offset_text(self.offset_minutes))
    }
}

fn offset_text(minutes: i32) -> String {
    if minutes == 0 {
        return "Z".into();
    }
    let sign = if minutes < 0 { '-' } else { '+' };
    let a = minutes.unsigned_abs();
    format!("{sign}{:02}:{:02}", a / 60, a % 60)
}

/// A stored time read back: its local wall-clock date and time, as seen at `offset_minutes` east of UTC.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct WallClock {
    pub date: Date,
    pub hour: u8,
    pub minute: u8,
}

/// Reads an ISO 8601 time with an offset (`2024-01-02T07:30:00+09:00`) or in UTC (`2024-01-01T22:30:00.000Z`)
/// and shows it at the offset `offset_minutes` (the reader's). A time without an offset is taken as
/// written. Anything else is `None`.
pub fn wall_clock(stamp: &str, offset_minutes: i32) -> Option<WallClock> {
    let (date, time) = stamp.trim().split_once('T')?;
    let date = Date::parse(date)?;
    let two = |s: &str| -> Option<i64> {
        (s.len() == 2 && s.bytes().all(|b| b.is_ascii_digit())).then(|| s.parse().ok()).flatten()
    };
    let (h, m) = (two(time.get(0..2)?)?, two(time.get(3..5)?)?);
    if time.get(2..3) != Some(":") || h > 23 || m > 59 {
        return None;
    }
    // The zone: `Z`, `+hh:mm` / `-hh:mm` (or `+hhmm`), after the seconds and fractions; none: as written.
    let zone_at = time.find(['Z', 'z', '+', '-']);
    let written_offset = match zone_at {
        None => None,
        Some(i) => {
            let zone = &time[i..];
            if zone.eq_ignore_ascii_case("z") {
                Some(0)
            } else {
                let sign = if zone.starts_with('-') { -1 } else { 1 };
                let digits: String = zone[1..].chars().filter(|c| *c != ':').collect();
                if digits.len() != 4 {
                    return None;
                }
                Some(sign * (two(&digits[0..2])? * 60 + two(&digits[2..4])?))
            }
        }
    };
    let written = date.days() * 1440 + h * 60 + m;
    let local = match written_offset {
        Some(o) => written - o + i64::from(offset_minutes),
        None => written,
    };
    Some(WallClock {
        date: Date::from_days(local.div_euclid(1440)),
        hour: (local.rem_euclid(1440) / 60) as u8,
        minute: (local.rem_euclid(60)) as u8,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const WIT: i32 = 9 * 60;
    const WIB: i32 = 7 * 60;

    /// 2024-01-01T22:30:00Z, which is 07:30 on 2 January in Maluku.
    const JAN_2_0730_WIT: i64 = 1_704_148_200_000;

    #[test]
    fn dates_are_checked() {
        assert_eq!(Date::parse("2024-02-29").map(Date::iso).as_deref(), Some("2024-02-29"));
        assert_eq!(Date::parse("2023-02-29"), None);
        assert_eq!(Date::parse("2024-7-15"), None);
        assert_eq!(Date::parse("15-07-2024"), None);
        assert_eq!(Date::parse("2024-13-01"), None);
        assert_eq!(Date::parse("2024-00-10"), None);
        assert_eq!(Date::parse("+024-01-10"), None);
        assert_eq!(Date::parse(" 2024-01-10 ").map(Date::compact).as_deref(), Some("20240110"));
    }

    #[test]
    fn days_count_across_months_and_years() {
        let d = |s| Date::parse(s).unwrap();
        assert_eq!(d("1970-01-01").days(), 0);
        // 2024-01-01 is 19 723 days after 1970-01-01 (54 years, 13 of them leap: 54 × 365 + 13).
        assert_eq!(d("2024-01-01").days(), 19_723);
        assert_eq!(d("2024-01-31").days_until(d("2024-02-10")), 10);
        assert_eq!(d("2024-03-31").days_until(d("2024-04-10")), 10);
        assert_eq!(d("2024-12-31").days_until(d("2025-01-01")), 1);
        assert_eq!(d("2025-01-10").days_until(d("2024-12-31")), -10);
        assert_eq!(d("2024-02-28").add_days(1), d("2024-02-29"));
        assert_eq!(d("2023-02-28").add_days(1), d("2023-03-01"));
        for days in -800_000..800_000i64 {
            if days % 997 == 0 {
                assert_eq!(Date::from_days(days).days(), days);
            }
        }
    }

    #[test]
    fn today_is_the_local_date() {
        let now = Now::new(JAN_2_0730_WIT, WIT);
        assert_eq!(now.today().iso(), "2024-01-02");
        assert_eq!(now.stamp(), "2024-01-02T07:30:00+09:00");
        // The same moment in Jakarta is 05:30, and in UTC still 1 January.
        assert_eq!(Now::new(JAN_2_0730_WIT, WIB).today().iso(), "2024-01-02");
        assert_eq!(Now::new(JAN_2_0730_WIT, 0).today().iso(), "2024-01-01");
        assert_eq!(Now::new(JAN_2_0730_WIT, 0).stamp(), "2024-01-01T22:30:00Z");
        // 23:30 on 31 December in Maluku is 14:30 UTC: the year has not turned.
        let dec_31_2330 = Now::new(1_735_655_400_000, WIT);
        assert_eq!(dec_31_2330.today().iso(), "2024-12-31");
        assert_eq!(dec_31_2330.stamp(), "2024-12-31T23:30:00+09:00");
        // West of UTC: 20:00 on 1 January in New York is 01:00 UTC on the 2nd.
        let ny = Now::new(1_704_157_200_000, -300);
        assert_eq!(ny.today().iso(), "2024-01-01");
        assert_eq!(ny.stamp(), "2024-01-01T20:00:00-05:00");
    }

    #[test]
    fn stored_times_are_shown_at_the_readers_offset() {
        let at = |s, o| wall_clock(s, o).map(|w| (w.date.iso(), w.hour, w.minute));
        let jan2 = Some(("2024-01-02".to_string(), 7, 30));
        assert_eq!(at("2024-01-02T07:30:00+09:00", WIT), jan2);
        // Written in UTC by an older version: 22:30 UTC is 07:30 the next morning in Maluku.
        assert_eq!(at("2024-01-01T22:30:00.000Z", WIT), jan2);
        assert_eq!(at("2024-01-01T22:30:00Z", WIT), jan2);
        // Written in Jakarta (05:30 WIB), read in Maluku.
        assert_eq!(at("2024-01-02T05:30:00+07:00", WIT), jan2);
        assert_eq!(at("2024-01-02T05:30:00+0700", WIT), jan2);
        // No offset: as written.
        assert_eq!(at("2024-01-02T07:30", 0), jan2);
        assert_eq!(at("2024-01-02", WIT), None);
        assert_eq!(at("2024-01-02T7:30", WIT), None);
        assert_eq!(at("2024-01-02T25:30:00Z", WIT), None);
        assert_eq!(at("2024-01-02T07:30:00+9", WIT), None);
    }
}
