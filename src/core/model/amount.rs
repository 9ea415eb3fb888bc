//! A Rupiah amount on a program/anggaran line: a value, or the "-" or blank the document printed.

use crate::core::format;
use crate::core::i18n::Lang;
use rust_decimal::Decimal;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::str::FromStr;

/// Amounts above this (Rp 1.000 triliun) are not a plausible budget line; they are flagged.
pub const ABSURD_AMOUNT: i64 = 1_000_000_000_000_000;

/// An anggaran cell.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub enum Amount {
    /// A figure in Rupiah.
    Value(Decimal),
    /// The document prints "-".
    Dash,
    /// The document prints nothing.
    #[default]
    Blank,
}

/// Why typed text is not an amount.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AmountError {
    /// Letters or symbols that are not a Rupiah figure (or a figure not finished: `1.`, `Rp`).
    NotANumber,
    /// Below zero.
    Negative,
    /// A fraction of a Rupiah (`Rp 1,5`, `1.000,50`, `1,2345678 jt`): budgets are whole Rupiah.
    NotWhole,
    /// A scale word after a number that reads two ways (`1.250 M`: 1,25 or 1 250 miliar?).
    Ambiguous,
}

/// The words for thousands, millions, … that may follow a figure (`250 jt`, `1,5 miliar`), matched
/// without regard to case, with the power of ten each stands for; [`SCALE_LETTERS`] are matched as
/// written.
const SCALE_WORDS: [(&str, u32); 12] = [
    ("triliun", 12),
    ("trilyun", 12),
    ("trillion", 12),
    ("miliar", 9),
    ("milyar", 9),
    ("billion", 9),
    ("juta", 6),
    ("million", 6),
    ("ribu", 3),
    ("thousand", 3),
    ("jt", 6),
    ("rb", 3),
];

/// `M` is *miliar* and `T` *triliun*, as Indonesian budget tables abbreviate them (capitals only: a
/// lower-case `m` is refused rather than guessed).
const SCALE_LETTERS: [(&str, u32); 2] = [("M", 9), ("T", 12)];

/// Splits `1,5 miliar` into `1,5` and 9 (the power of ten); text without a scale word is returned whole.
fn split_scale(body: &str) -> (&str, u32) {
    for (word, power) in SCALE_WORDS {
        let at = body.len().saturating_sub(word.len());
        if body.get(at..).is_some_and(|end| end.eq_ignore_ascii_case(word)) {
            return (body[..at].trim_end(), power);
        }
    }
    for (letter, power) in SCALE_LETTERS {
        if let Some(number) = body.strip_suffix(letter) {
            return (number.trim_end(), power);
        }
    }
    (body, 0)
}

/// Why a figure cannot be a budget amount.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Implausible {
    Negative,
    /// Beyond [`ABSURD_AMOUNT`].
    Absurd,
}

/// The one rule for a budget figure (editor, document checks and file checks alike): never negative,
/// never beyond [`ABSURD_AMOUNT`].
pub fn implausible(v: Decimal) -> Option<Implausible> {
    if v.is_sign_negative() && !v.is_zero() {
        Some(Implausible::Negative)
    } else if v > Decimal::from(ABSURD_AMOUNT) {
        Some(Implausible::Absurd)
    } else {
        None
    }
}

impl Amount {
    /// The figure, or `None` for "-" and blank.
    pub fn value(&self) -> Option<Decimal> {
        match self {
            Amount::Value(v) => Some(*v),
            _ => None,
        }
    }

    /// The value for sums: "-" and blank count as zero.
    pub fn for_sum(&self) -> Decimal {
        self.value().unwrap_or(Decimal::ZERO)
    }

    /// As printed: `Rp 10.252.187.000`, `-`, or an empty string.
    pub fn display(&self, lang: Lang) -> String {
        match self {
            Amount::Value(v) => format::rupiah(*v, lang),
            Amount::Dash => "-".into(),
            Amount::Blank => String::new(),
        }
    }

    /// The amount as the user would type it back (`10.252.187.000`, `10,252,187,000` in English), for
    /// edit fields and comparisons.
    pub fn input_text(&self, lang: Lang) -> String {
        match self {
            Amount::Value(v) => format::number(*v, lang),
            Amount::Dash => "-".into(),
            Amount::Blank => String::new(),
        }
    }

    /// Why the figure cannot be a budget amount, if it cannot (see [`implausible`]).
    pub fn implausible(&self) -> Option<Implausible> {
        self.value().and_then(implausible)
    }

    /// Reads what a user typed: `10.252.187.000`, `10252187000`, `Rp 10.252.187.000`, `Rp10.252.187.000,00`,
    /// `IDR 10,252,187,000`, `1,5 M`, `1,5 miliar`, `250 jt`, `250 juta`, `-` (printed dash) or nothing
    /// (blank). The result is whole Rupiah: a fraction of a Rupiah (`Rp 1,5`) is refused, so that the
    /// prefix `Rp 1,5` of `Rp 1,5 M` is never taken for an amount. With a scale word the figure must read
    /// one way only: `1.250 M` and `1,250 M` are refused (write `1,25 M` or the whole figure).
    pub fn parse(input: &str) -> Result<Amount, AmountError> {
        let s = input.trim();
        if s.is_empty() {
            return Ok(Amount::Blank);
        }
        if s == "-" || s == "–" || s == "—" {
            return Ok(Amount::Dash);
        }
        let mut body = s;
        for prefix in ["idr", "rp.", "rp"] {
            if body.get(..prefix.len()).is_some_and(|p| p.eq_ignore_ascii_case(prefix)) {
                body = body[prefix.len()..].trim_start();
                break;
            }
        }
        let body = body.trim_end_matches(",-").trim_end_matches(".-").trim();
        let (number, power) = split_scale(body);
        if number.starts_with('-') {
            let positive = number.trim_start_matches('-').trim();
            return match format::parse_number(positive) {
                Some(_) => Err(AmountError::Negative),
                None => Err(AmountError::NotANumber),
            };
        }
        let value = format::parse_number(number).ok_or(AmountError::NotANumber)?;
        if power > 0 && reads_two_ways(number) {
            return Err(AmountError::Ambiguous);
        }
        let value = value.checked_mul(Decimal::from(10_i64.pow(power))).ok_or(AmountError::NotANumber)?;
        if !value.fract().is_zero() {
            return Err(AmountError::NotWhole);
        }
        Ok(Amount::Value(value.normalize()))
    }
}

/// One `.` or `,` followed by exactly three digits: a thousands group in Indonesian (`1.250`), a decimal
/// sign in English (`1.250` = 1,25), or the other way round for `,`.
fn reads_two_ways(number: &str) -> bool {
    let digits: String = number.chars().filter(|c| !c.is_whitespace()).collect();
    let signs = digits.matches(['.', ',']).count();
    signs == 1 && digits.rsplit(['.', ',']).next().is_some_and(|frac| frac.len() == 3)
}

/// Written as a string of digits (`"10252187000"`, `"1000.5"`), `"-"`, or `null` for blank.
impl Serialize for Amount {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Amount::Value(v) => serializer.serialize_str(&v.normalize().to_string()),
            Amount::Dash => serializer.serialize_str("-"),
            Amount::Blank => serializer.serialize_none(),
        }
    }
}

impl<'de> Deserialize<'de> for Amount {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let raw: Option<String> = Option::deserialize(deserializer)?;
        match raw.as_deref().map(str::trim) {
            None | Some("") => Ok(Amount::Blank),
            Some("-") => Ok(Amount::Dash),
            Some(s) => Decimal::from_str(s)
                .map(|v| Amount::Value(v.normalize()))
                .map_err(|_| serde::de::Error::custom(format!("not an amount: {s:?}"))),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn accepts_the_ways_staff_type_rupiah() {
        assert_eq!(Amount::parse("10.252.187.000"), Ok(Amount::Value(dec!(10252187000))));
        assert_eq!(Amount::parse("10252187000"), Ok(Amount::Value(dec!(10252187000))));
        assert_eq!(Amount::parse("Rp 10.252.187.000"), Ok(Amount::Value(dec!(10252187000))));
        assert_eq!(Amount::parse("Rp10.252.187.000"), Ok(Amount::Value(dec!(10252187000))));
        assert_eq!(Amount::parse("Rp. 798.139.000,-"), Ok(Amount::Value(dec!(798139000))));
        assert_eq!(Amount::parse("rp 1.000,00"), Ok(Amount::Value(dec!(1000))));
        assert_eq!(Amount::parse("IDR 10,252,187,000"), Ok(Amount::Value(dec!(10252187000))));
        assert_eq!(Amount::parse("-"), Ok(Amount::Dash));
        assert_eq!(Amount::parse("  "), Ok(Amount::Blank));
    }

    #[test]
    fn rejects_nonsense_with_a_reason() {
        assert_eq!(Amount::parse("sepuluh juta"), Err(AmountError::NotANumber));
        assert_eq!(Amount::parse("12abc"), Err(AmountError::NotANumber));
        assert_eq!(Amount::parse("Rp"), Err(AmountError::NotANumber));
        assert_eq!(Amount::parse("1.2.3"), Err(AmountError::NotANumber));
        assert_eq!(Amount::parse("-5.000"), Err(AmountError::Negative));
        assert_eq!(Amount::parse("Rp -5.000"), Err(AmountError::Negative));
        assert_eq!(
            Amount::parse("1000,505"),
            Ok(Amount::Value(dec!(1000505))),
            "three digits after a comma group thousands"
        );
        assert_eq!(Amount::parse("1.000,505"), Err(AmountError::NotWhole));
    }

    #[test]
    fn whole_rupiah_only_so_a_prefix_is_never_a_wrong_amount() {
        // The issue's case: `Rp 1,5 M` typed key by key passes through `Rp 1,5`, one and a half Rupiah.
        assert_eq!(Amount::parse("Rp 1,5"), Err(AmountError::NotWhole));
        assert_eq!(Amount::parse("Rp 1,5 "), Err(AmountError::NotWhole));
        assert_eq!(Amount::parse("rp 1.000,50"), Err(AmountError::NotWhole));
        assert_eq!(Amount::parse("1.5"), Err(AmountError::NotWhole));
        assert_eq!(Amount::parse("Rp 1,"), Err(AmountError::NotANumber));
        assert_eq!(Amount::parse("Rp 1,5 m"), Err(AmountError::NotANumber), "a lower-case m is not guessed");
        assert_eq!(Amount::parse("Rp 1,5 mil"), Err(AmountError::NotANumber));
    }

    #[test]
    fn scale_words_are_exact() {
        // Hand-computed: 1,5 × 10^9 and 250 × 10^6, never through a float.
        assert_eq!(Amount::parse("Rp 1,5 M"), Ok(Amount::Value(dec!(1500000000))));
        assert_eq!(Amount::parse("1,5 miliar"), Ok(Amount::Value(dec!(1500000000))));
        assert_eq!(Amount::parse("1,5 Milyar"), Ok(Amount::Value(dec!(1500000000))));
        assert_eq!(Amount::parse("1.5 billion"), Ok(Amount::Value(dec!(1500000000))));
        assert_eq!(Amount::parse("250 jt"), Ok(Amount::Value(dec!(250000000))));
        assert_eq!(Amount::parse("250jt"), Ok(Amount::Value(dec!(250000000))));
        assert_eq!(Amount::parse("Rp 250 juta"), Ok(Amount::Value(dec!(250000000))));
        assert_eq!(Amount::parse("798,139 jt"), Err(AmountError::Ambiguous));
        assert_eq!(Amount::parse("798,13 jt"), Ok(Amount::Value(dec!(798130000))));
        assert_eq!(Amount::parse("10,252187 M"), Ok(Amount::Value(dec!(10252187000))));
        assert_eq!(Amount::parse("1,2345678901 M"), Err(AmountError::NotWhole), "0,1 Rupiah left over");
        assert_eq!(Amount::parse("15 rb"), Ok(Amount::Value(dec!(15000))));
        assert_eq!(Amount::parse("2 T"), Ok(Amount::Value(dec!(2000000000000))));
        assert_eq!(Amount::parse("1.250 M"), Err(AmountError::Ambiguous));
        assert_eq!(Amount::parse("1,250 M"), Err(AmountError::Ambiguous));
        assert_eq!(Amount::parse("1.250.500 rb"), Ok(Amount::Value(dec!(1250500000))));
        assert_eq!(Amount::parse("-1,5 M"), Err(AmountError::Negative));
        assert_eq!(Amount::parse("M"), Err(AmountError::NotANumber));
        assert_eq!(Amount::parse("Rp juta"), Err(AmountError::NotANumber));
    }

    #[test]
    fn dash_and_blank_count_as_zero_but_display_as_printed() {
        assert_eq!(Amount::Dash.for_sum(), Decimal::ZERO);
        assert_eq!(Amount::Blank.for_sum(), Decimal::ZERO);
        assert_eq!(Amount::Dash.display(Lang::Id), "-");
        assert_eq!(Amount::Blank.display(Lang::Id), "");
        assert_eq!(Amount::Value(dec!(798139000)).display(Lang::Id), "Rp 798.139.000");
    }

    #[test]
    fn implausible_amounts() {
        assert_eq!(Amount::Value(dec!(-1)).implausible(), Some(Implausible::Negative));
        assert_eq!(Amount::Value(dec!(1000000000000001)).implausible(), Some(Implausible::Absurd));
        assert_eq!(Amount::Value(dec!(10252187000)).implausible(), None);
        assert_eq!(Amount::Dash.implausible(), None);
    }

    #[test]
    fn serialises_as_strings() {
        assert_eq!(serde_json::to_string(&Amount::Value(dec!(10252187000))).unwrap(), r#""10252187000""#);
        assert_eq!(serde_json::to_string(&Amount::Dash).unwrap(), r#""-""#);
        assert_eq!(serde_json::to_string(&Amount::Blank).unwrap(), "null");
        for a in [Amount::Value(dec!(1000.5)), Amount::Dash, Amount::Blank] {
            let back: Amount = serde_json::from_str(&serde_json::to_string(&a).unwrap()).unwrap();
            assert_eq!(back, a);
        }
        assert!(serde_json::from_str::<Amount>(r#""sepuluh""#).is_err());
    }
}
