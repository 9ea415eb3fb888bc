//! Numbers, Rupiah, percentages, sizes and dates, per language. Pure and native-tested.
//!
//! Indonesian: `Rp 10.252.187.000`, `97,5%` (dot groups thousands, comma is the decimal sign).
//! English:    `IDR 10,252,187,000`, `97.5%`.
//! Every number the UI shows goes through this module; nothing here uses floating point.

use crate::core::date::{wall_clock, Date};
use crate::core::i18n::Lang;
use rust_decimal::Decimal;
use std::str::FromStr;

/// Separators of a language: (thousands, decimal).
fn separators(lang: Lang) -> (char, char) {
    match lang {
        Lang::Id => ('.', ','),
        Lang::En => (',', '.'),
    }
}

/// Groups the digits of a non-negative integer string by three: `"10252187000"` -> `"10.252.187.000"`.
fn group_digits(digits: &str, sep: char) -> String {
    let len = digits.len();
    let mut out = String::with_capacity(len + len / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (len - i).is_multiple_of(3) {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

/// Formats a decimal with grouped thousands and the language's decimal sign.
/// `min_frac`/`max_frac` bound the number of fraction digits (rounding half away from zero).
fn decimal(value: Decimal, lang: Lang, min_frac: u32, max_frac: u32) -> String {
    let (thousands, dec) = separators(lang);
    let rounded = value
        .round_dp_with_strategy(max_frac, rust_decimal::RoundingStrategy::MidpointAwayFromZero)
        .normalize();
    let negative = rounded.is_sign_negative() && !rounded.is_zero();
    let text = rounded.abs().to_string();
    let (int_part, frac_part) = match text.split_once('.') {
        Some((i, f)) => (i.to_string(), f.to_string()),
        None => (text.clone(), String::new()),
    };
    let mut frac = frac_part;
    while (frac.len() as u32) < min_frac {
        frac.push('0');
    }
    let mut out = String::new();
    if negative {
        out.push('-');
    }
    out.push_str(&group_digits(&int_part, thousands));
    if !frac.is_empty() {
        out.push(dec);
        out.push_str(&frac);
    }
    out
}

/// A plain number: `97,5`, `1.000`, `12` (Indonesian); `97.5`, `1,000` (English).
pub fn number(value: Decimal, lang: Lang) -> String {
    decimal(value, lang, 0, 6)
}

/// A percentage: `97,5%` / `97.5%`.
pub fn percent(value: Decimal, lang: Lang) -> String {
    format!("{}%", number(value, lang))
}

/// A capaian or absorption: always two decimals, `82,50%` / `82.50%`.
pub fn percent2(value: Decimal, lang: Lang) -> String {
    format!("{}%", decimal(value, lang, 2, 2))
}

/// A Rupiah amount: `Rp 10.252.187.000` / `IDR 10,252,187,000`; sen shown only when present (`Rp 1.000,50`).
pub fn rupiah(value: Decimal, lang: Lang) -> String {
    let min_frac = if value.fract().is_zero() { 0 } else { 2 };
    let prefix = match lang {
        Lang::Id => "Rp",
        Lang::En => "IDR",
    };
    let body = decimal(value, lang, min_frac, 2);
    match body.strip_prefix('-') {
        Some(abs) => format!("-{prefix} {abs}"),
        None => format!("{prefix} {body}"),
    }
}

/// A signed Rupiah difference: `+Rp 10.000`, `-Rp 254.143.000`, `Rp 0`.
pub fn rupiah_signed(value: Decimal, lang: Lang) -> String {
    if value.is_sign_positive() && !value.is_zero() {
        format!("+{}", rupiah(value, lang))
    } else {
        rupiah(value, lang)
    }
}

/// A size in bytes: `850 B`, `12,3 KB`, `4,8 MB` (1 KB = 1024 B).
pub fn bytes(n: u64, lang: Lang) -> String {
    const KB: u64 = 1024;
    const MB: u64 = 1024 * 1024;
    if n < KB {
        return format!("{n} B");
    }
    let (unit, div) = if n < MB { ("KB", KB) } else { ("MB", MB) };
    let value = Decimal::from(n) / Decimal::from(div);
    format!("{} {unit}", decimal(value, lang, 0, 1))
}

const MONTHS_ID: [&str; 12] = [
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
];
const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

fn month_name(index: usize, lang: Lang) -> &'static str {
    match lang {
        Lang::Id => MONTHS_ID[index],
        Lang::En => MONTHS_EN[index],
    }
}

/// Index (0-based) of a month written in Indonesian or English, any case.
fn month_index(word: &str) -> Option<usize> {
    let w = word.to_lowercase();
    MONTHS_ID
        .iter()
        .position(|m| m.to_lowercase() == w)
        .or_else(|| MONTHS_EN.iter().position(|m| m.to_lowercase() == w))
}

/// A date as written in a PK (`Januari 2024`, `2 Januari 2024`), shown in the given language.
/// Text that is not of that shape is returned unchanged.
pub fn date_text(text: &str, lang: Lang) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    let (day, month, year) = match words.as_slice() {
        [m, y] => (None, *m, *y),
        [d, m, y] => (Some(*d), *m, *y),
        _ => return text.to_string(),
    };
    let year_ok = year.len() == 4 && year.chars().all(|c| c.is_ascii_digit());
    let day_ok = day.is_none_or(|d| d.len() <= 2 && d.chars().all(|c| c.is_ascii_digit()));
    match month_index(month) {
        Some(m) if year_ok && day_ok => match day {
            Some(d) => format!("{d} {} {year}", month_name(m, lang)),
            None => format!("{} {year}", month_name(m, lang)),
        },
        _ => text.to_string(),
    }
}

/// An ISO date (`2024-01-02`) as `2 Januari 2024` / `2 January 2024`; anything else unchanged.
pub fn day(iso: &str, lang: Lang) -> String {
    match Date::parse(iso) {
        Some(d) => date(d, lang),
        None => iso.to_string(),
    }
}

/// A date as `2 Januari 2024` / `2 January 2024`.
pub fn date(d: Date, lang: Lang) -> String {
    format!("{} {} {}", d.day(), month_name(usize::from(d.month()) - 1, lang), d.year())
}

/// A stored ISO 8601 time (`2024-01-02T07:30:00+09:00`, or UTC `…Z` as older versions wrote it) at the
/// reader's offset (`offset_minutes` east of UTC) as `2 Januari 2024, 07.30` / `2 January 2024, 07:30`.
/// Anything else is returned unchanged.
pub fn timestamp(iso: &str, lang: Lang, offset_minutes: i32) -> String {
    match wall_clock(iso, offset_minutes) {
        Some(w) => {
            let sep = match lang {
                Lang::Id => '.',
                Lang::En => ':',
            };
            format!("{}, {:02}{sep}{:02}", date(w.date, lang), w.hour, w.minute)
        }
        None => iso.to_string(),
    }
}

/// Parses a number written the Indonesian way (`97,5`, `1.000`, `10.252.187.000`) or plainly (`97.5`, `1000`).
///
/// A dot followed by groups of exactly three digits is a thousands separator; a single dot that is not
/// (`97.5`) is read as a decimal point. Commas: one comma followed by 1–2 digits (or any digits after
/// dot-grouping) is the decimal sign; commas between groups of three (`10,252,187,000`) group thousands.
/// Returns `None` for anything else, including signs and letters.
pub fn parse_number(input: &str) -> Option<Decimal> {
    let s: String = input.trim().chars().filter(|c| *c != ' ' && *c != '\u{a0}').collect();
    if s.is_empty() || !s.chars().all(|c| c.is_ascii_digit() || c == '.' || c == ',') {
        return None;
    }
    if !s.starts_with(|c: char| c.is_ascii_digit()) || !s.ends_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let grouped_by = |sep: char, text: &str| -> Option<String> {
        let groups: Vec<&str> = text.split(sep).collect();
        let first_ok = !groups[0].is_empty() && groups[0].len() <= 3;
        let rest_ok = groups[1..].iter().all(|g| g.len() == 3);
        (first_ok && rest_ok).then(|| groups.concat())
    };
    let dots = s.matches('.').count();
    let commas = s.matches(',').count();
    let canonical = if dots > 0 && commas > 0 {
        // Both signs: the last one is the decimal sign, the other groups thousands (1.234,5 or 1,234.5).
        let last = s.rfind(['.', ',']).unwrap_or(0);
        let (dec, group) = if s[last..].starts_with(',') { (',', '.') } else { ('.', ',') };
        if s.matches(dec).count() != 1 {
            return None;
        }
        let (int, frac) = s.split_once(dec)?;
        format!("{}.{frac}", grouped_by(group, int)?)
    } else if dots + commas == 0 {
        s.clone()
    } else if dots + commas == 1 {
        // One sign: three digits after it group thousands (1.000, 1,000); otherwise it is a decimal sign.
        let (int, frac) = s.split_once(['.', ','])?;
        if frac.len() == 3 {
            format!("{int}{frac}")
        } else {
            format!("{int}.{frac}")
        }
    } else if commas == 0 {
        grouped_by('.', &s)?
    } else if dots == 0 {
        grouped_by(',', &s)?
    } else {
        return None;
    };
    Decimal::from_str(&canonical).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn capaian_always_has_two_decimals() {
        assert_eq!(percent2(dec!(82.5), Lang::Id), "82,50%");
        assert_eq!(percent2(dec!(103.75), Lang::En), "103.75%");
        assert_eq!(percent2(dec!(100), Lang::Id), "100,00%");
        assert_eq!(percent2(dec!(1234.5), Lang::Id), "1.234,50%");
    }

    #[test]
    fn rupiah_in_both_languages() {
        assert_eq!(rupiah(dec!(10252187000), Lang::Id), "Rp 10.252.187.000");
        assert_eq!(rupiah(dec!(10252187000), Lang::En), "IDR 10,252,187,000");
        assert_eq!(rupiah(dec!(798139000), Lang::Id), "Rp 798.139.000");
        assert_eq!(rupiah(dec!(0), Lang::Id), "Rp 0");
        assert_eq!(rupiah(dec!(999), Lang::Id), "Rp 999");
        assert_eq!(rupiah(dec!(1000.5), Lang::Id), "Rp 1.000,50");
        assert_eq!(rupiah(dec!(1000.5), Lang::En), "IDR 1,000.50");
        assert_eq!(rupiah(dec!(-254143000), Lang::Id), "-Rp 254.143.000");
    }

    #[test]
    fn signed_differences() {
        assert_eq!(rupiah_signed(dec!(10000), Lang::Id), "+Rp 10.000");
        assert_eq!(rupiah_signed(dec!(-254143000), Lang::Id), "-Rp 254.143.000");
        assert_eq!(rupiah_signed(dec!(0), Lang::Id), "Rp 0");
    }

    #[test]
    fn numbers_and_percentages() {
        assert_eq!(percent(dec!(97.5), Lang::Id), "97,5%");
        assert_eq!(percent(dec!(97.5), Lang::En), "97.5%");
        assert_eq!(percent(dec!(100), Lang::Id), "100%");
        assert_eq!(percent(dec!(87.50), Lang::Id), "87,5%");
        assert_eq!(number(dec!(1234567.25), Lang::Id), "1.234.567,25");
        assert_eq!(number(dec!(1234567.25), Lang::En), "1,234,567.25");
        assert_eq!(number(dec!(12), Lang::En), "12");
    }

    #[test]
    fn sizes() {
        assert_eq!(bytes(850, Lang::Id), "850 B");
        assert_eq!(bytes(1536, Lang::Id), "1,5 KB");
        assert_eq!(bytes(1536, Lang::En), "1.5 KB");
        assert_eq!(bytes(5 * 1024 * 1024, Lang::Id), "5 MB");
    }

    #[test]
    fn dates_follow_the_language() {
        assert_eq!(date_text("Januari 2024", Lang::Id), "Januari 2024");
        assert_eq!(date_text("Januari 2024", Lang::En), "January 2024");
        assert_eq!(date_text("2 Januari 2024", Lang::En), "2 January 2024");
        assert_eq!(date_text("awal tahun", Lang::En), "awal tahun");
        assert_eq!(timestamp("2026-11-28T10:05:00Z", Lang::Id, 0), "28 November 2026, 10.05");
        assert_eq!(timestamp("2026-08-01T07:30:00.000Z", Lang::En, 0), "1 August 2026, 07:30");
        assert_eq!(timestamp("kemarin", Lang::En, 0), "kemarin");
        // Shown in the reader's local time: 22:30 UTC is 07:30 the next morning in Maluku (UTC+9).
        assert_eq!(timestamp("2024-01-01T22:30:00.000Z", Lang::Id, 540), "2 Januari 2024, 07.30");
        assert_eq!(timestamp("2024-01-02T07:30:00+09:00", Lang::Id, 540), "2 Januari 2024, 07.30");
        assert_eq!(timestamp("2024-01-02T07:30:00+09:00", Lang::En, 420), "2 January 2024, 05:30");
    }

    #[test]
    fn parses_indonesian_and_plain_numbers() {
        assert_eq!(parse_number("97,5"), Some(dec!(97.5)));
        assert_eq!(parse_number("97.5"), Some(dec!(97.5)));
        assert_eq!(parse_number("1.000"), Some(dec!(1000)));
        assert_eq!(parse_number("10.252.187.000"), Some(dec!(10252187000)));
        assert_eq!(parse_number("10,252,187,000"), Some(dec!(10252187000)));
        assert_eq!(parse_number("1.234,56"), Some(dec!(1234.56)));
        assert_eq!(parse_number("1,234.56"), Some(dec!(1234.56)));
        assert_eq!(parse_number("10252187000"), Some(dec!(10252187000)));
        assert_eq!(parse_number(" 8 "), Some(dec!(8)));
    }

    #[test]
    fn rejects_what_is_not_a_number() {
        for bad in ["", "abc", "-5", "1.2.3", "1..0", "1,2,3", ",5", "5,", "1.23.456", "12a", "1.000,5,0"] {
            assert_eq!(parse_number(bad), None, "{bad:?} must not parse");
        }
    }
}
