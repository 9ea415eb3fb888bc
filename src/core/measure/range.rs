//! Range targets: `80–90%`, `80-90 %`, `80% - 90%`, `80 s.d. 90%`, `80 s/d 90 Lap`.

use crate::core::format::parse_number;
use rust_decimal::Decimal;

/// A target range, bounds included, with its unit (`%`, a count unit, or empty).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Range {
    pub low: Decimal,
    pub high: Decimal,
    pub unit: String,
}

/// Reads a range target; `None` for anything else (a single value, text).
pub fn parse(text: &str) -> Option<Range> {
    let s = text.trim();
    let separators = ["s.d.", "s/d", "sampai", "–", "—", "-"];
    let (left, right) = separators.iter().find_map(|sep| {
        let (l, r) = s.split_once(sep)?;
        (!l.trim().is_empty() && !r.trim().is_empty()).then(|| (l.trim(), r.trim()))
    })?;
    let (low, low_unit) = number_and_unit(left)?;
    let (high, unit) = number_and_unit(right)?;
    if !low_unit.is_empty() && low_unit != unit {
        return None;
    }
    (low <= high).then_some(Range { low, high, unit })
}

fn number_and_unit(s: &str) -> Option<(Decimal, String)> {
    let end = s
        .char_indices()
        .find(|(_, c)| !(c.is_ascii_digit() || *c == '.' || *c == ','))
        .map_or(s.len(), |(i, _)| i);
    let value = parse_number(s[..end].trim_end_matches(['.', ',']))?;
    let unit = s[end..].trim().to_string();
    if unit.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    Some((value, unit))
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn ranges_as_written() {
        let pct = |low, high| Some(Range { low, high, unit: "%".into() });
        assert_eq!(parse("80–90%"), pct(dec!(80), dec!(90)));
        assert_eq!(parse("80 - 90 %"), pct(dec!(80), dec!(90)));
        assert_eq!(parse("80% - 90%"), pct(dec!(80), dec!(90)));
        assert_eq!(parse("80 s.d. 90%"), pct(dec!(80), dec!(90)));
        assert_eq!(parse("7,5 s/d 9,5%"), pct(dec!(7.5), dec!(9.5)));
        assert_eq!(parse("2 - 4 Lap"), Some(Range { low: dec!(2), high: dec!(4), unit: "Lap".into() }));
        for not_a_range in
            ["90%", "WTP", "12 Satker (Provinsi/Kabupaten/Kota)", "-", "90 - 80%", "80% - 90 Lap", ""]
        {
            assert_eq!(parse(not_a_range), None, "{not_a_range}");
        }
    }
}
