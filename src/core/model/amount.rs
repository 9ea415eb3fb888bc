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
    /// Letters or symbols that are not a Rupiah figure.
    NotANumber,
    /// Below zero.
    Negative,
    /// More than two decimals (sen).
    TooPrecise,
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
    /// `IDR 10,252,187,000`, `-` (printed dash) or nothing (blank).
    pub fn parse(input: &str) -> Result<Amount, AmountError> {
        let s = input.trim();
        if s.is_empty() {
            return Ok(Amount::Blank);
        }
        if s == "-" || s == "–" || s == "—" {
            return Ok(Amount::Dash);
        }
        let lower = s.to_lowercase();
        let mut body = lower.as_str();
        for prefix in ["idr", "rp.", "rp"] {
            if let Some(rest) = body.strip_prefix(prefix) {
                body = rest.trim_start();
                break;
            }
        }
        let body = body.trim_end_matches(",-").trim_end_matches(".-").trim();
        if body.starts_with('-') {
            let positive = body.trim_start_matches('-').trim();
            return match format::parse_number(positive) {
                Some(_) => Err(AmountError::Negative),
                None => Err(AmountError::NotANumber),
            };
        }
        let value = format::parse_number(body).ok_or(AmountError::NotANumber)?;
        if value.scale() > 2 && value.normalize().scale() > 2 {
            return Err(AmountError::TooPrecise);
        }
        Ok(Amount::Value(value.normalize()))
    }
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
        assert_eq!(Amount::parse("rp 1.000,50"), Ok(Amount::Value(dec!(1000.5))));
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
        assert_eq!(Amount::parse("1.000,505"), Err(AmountError::TooPrecise));
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
