//! The one place that reads the clock. Everything the app derives from the current time (the default
//! date of signing and of a Perubahan, file names, "diekspor …" and "diimpor …") starts from [`now`],
//! and the dates come from `core::date`, so they are the office's local dates (Maluku is UTC+9).

use crate::core::date::{Date, Now};

/// The current moment with the browser's local offset.
pub fn now() -> Now {
    let date = js_sys::Date::new_0();
    // `getTimezoneOffset` is minutes *behind* UTC (-540 in Maluku); `Now` counts east of UTC.
    Now::new(date.get_time() as i64, -(date.get_timezone_offset() as i32))
}

/// Today's local date.
pub fn today() -> Date {
    now().today()
}

/// The local offset east of UTC in minutes, for showing stored times in local time.
pub fn offset_minutes() -> i32 {
    now().offset_minutes()
}

/// A stored time (`2024-01-02T07:30:00+09:00`, or an older `…Z`) in this browser's local time, as every
/// page shows it: `2 Januari 2024, 07.30`.
pub fn time_text(iso: &str, lang: crate::core::i18n::Lang) -> String {
    crate::core::format::timestamp(iso, lang, offset_minutes())
}
