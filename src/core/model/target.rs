//! A target (`75%`, `97,5%`, `8 kali`, `2 Lap`, `12 Satker (Provinsi/Kabupaten/Kota)`): the text as written,
//! plus its value and unit where the text parses.

use crate::core::format;
use crate::core::i18n::Lang;
use rust_decimal::Decimal;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// The measured part of a target: a value and a unit (`%` for percentages).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Quantity {
    pub value: Decimal,
    /// `%`, or the count unit as written (`kali`, `Lap`, `Satker (Provinsi/Kabupaten/ Kota)`); may be empty.
    pub unit: String,
}

impl Quantity {
    pub fn is_percent(&self) -> bool {
        self.unit == "%"
    }

    /// The unit for comparisons: lower case, without spaces (`Satker (Provinsi/Kabupaten/ Kota)` and
    /// `Satker (Provinsi/Kabupaten/Kota)` are the same unit).
    pub fn unit_key(&self) -> String {
        self.unit.chars().filter(|c| !c.is_whitespace()).flat_map(char::to_lowercase).collect()
    }
}

/// A target as written in the PK, with what the app understood of it.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Target {
    text: String,
    quantity: Option<Quantity>,
}

impl Target {
    pub fn new(text: impl Into<String>) -> Self {
        let text = text.into();
        let quantity = parse(&text);
        Self { text, quantity }
    }

    /// The text exactly as written.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// A number below zero (`-10%`, `− 5 Lap`): read as text, since a target or realisasi is never
    /// negative, but worth its own message rather than "not a number".
    pub fn is_negative(&self) -> bool {
        let t = self.text.trim();
        self.quantity.is_none()
            && t.strip_prefix(['-', '−']).is_some_and(|rest| Target::new(rest.trim()).quantity.is_some())
    }

    /// Value and unit, when the text starts with a number.
    pub fn quantity(&self) -> Option<&Quantity> {
        self.quantity.as_ref()
    }

    /// The target for display: as written in Indonesian; in English the number is re-formatted
    /// (`97,5%` -> `97.5%`) and the unit kept.
    pub fn display(&self, lang: Lang) -> String {
        match (&self.quantity, lang) {
            (Some(q), Lang::En) if q.is_percent() => format::percent(q.value, lang),
            (Some(q), Lang::En) if q.unit.is_empty() => format::number(q.value, lang),
            (Some(q), Lang::En) => format!("{} {}", format::number(q.value, lang), q.unit),
            _ => self.text.clone(),
        }
    }

    /// Whether two targets mean the same thing (same value and unit, or, when neither parses, the same
    /// text ignoring case and spaces).
    pub fn same_as(&self, other: &Target) -> bool {
        match (&self.quantity, &other.quantity) {
            (Some(a), Some(b)) => a.value == b.value && a.unit_key() == b.unit_key(),
            (None, None) => squash(&self.text) == squash(&other.text),
            _ => false,
        }
    }
}

fn squash(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).flat_map(char::to_lowercase).collect()
}

/// Parses `<number><unit>`: the number in Indonesian or plain form, then `%` or a word unit.
fn parse(text: &str) -> Option<Quantity> {
    let s = text.trim();
    let end = s
        .char_indices()
        .find(|(_, c)| !(c.is_ascii_digit() || *c == '.' || *c == ','))
        .map_or(s.len(), |(i, _)| i);
    // A trailing separator belongs to the text, not the number ("8, lalu" is not "8,").
    let number_part = s[..end].trim_end_matches(['.', ',']);
    let value = format::parse_number(number_part)?;
    let rest = s[number_part.len()..].trim();
    if let Some(after) = rest.strip_prefix('%') {
        return after.trim().is_empty().then(|| Quantity { value, unit: "%".into() });
    }
    if rest.is_empty() {
        return Some(Quantity { value, unit: String::new() });
    }
    let first = rest.chars().next()?;
    (first.is_alphabetic() || first == '(').then(|| Quantity { value, unit: rest.to_string() })
}

#[derive(Serialize, Deserialize)]
struct TargetRepr {
    text: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    value: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    unit: Option<String>,
}

/// Written as `{"text": "97,5%", "value": "97.5", "unit": "%"}`; `value` and `unit` are informative
/// (recomputed from `text` when read).
impl Serialize for Target {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        TargetRepr {
            text: self.text.clone(),
            value: self.quantity.as_ref().map(|q| q.value.normalize().to_string()),
            unit: self.quantity.as_ref().map(|q| q.unit.clone()),
        }
        .serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for Target {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let repr = TargetRepr::deserialize(deserializer)?;
        Ok(Target::new(repr.text))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn q(text: &str) -> Option<(String, String)> {
        Target::new(text).quantity().map(|q| (q.value.normalize().to_string(), q.unit.clone()))
    }

    fn some(v: &str, u: &str) -> Option<(String, String)> {
        Some((v.to_string(), u.to_string()))
    }

    #[test]
    fn parses_the_targets_of_the_source_document() {
        assert_eq!(q("75%"), some("75", "%"));
        assert_eq!(q("97,5%"), some("97.5", "%"));
        assert_eq!(q("87,5%"), some("87.5", "%"));
        assert_eq!(q("8 kali"), some("8", "kali"));
        assert_eq!(q("2 Lap"), some("2", "Lap"));
        assert_eq!(q("2 Orang"), some("2", "Orang"));
        assert_eq!(q("3 Perkara"), some("3", "Perkara"));
        assert_eq!(q("12 Satker"), some("12", "Satker"));
        assert_eq!(q("12 Satker (Provinsi/Kabupaten/Kota)"), some("12", "Satker (Provinsi/Kabupaten/Kota)"));
    }

    #[test]
    fn other_shapes() {
        assert_eq!(q("75 %"), some("75", "%"));
        assert_eq!(q("1.000 dokumen"), some("1000", "dokumen"));
        assert_eq!(q("12"), some("12", ""));
        assert_eq!(q("WTP"), None);
        assert_eq!(q(""), None);
        assert_eq!(q("75% dari target"), None);
        assert_eq!(q("-5%"), None);
        assert_eq!(q("5-10 kali"), None);
    }

    #[test]
    fn same_unit_ignores_spacing_and_case() {
        let a = Target::new("12 Satker (Provinsi/Kabupaten/ Kota)");
        let b = Target::new("12 Satker (Provinsi/Kabupaten/Kota)");
        assert!(a.same_as(&b));
        assert!(Target::new("2 lap").same_as(&Target::new("2 Lap")));
        assert!(!Target::new("2 Lap").same_as(&Target::new("3 Lap")));
        assert!(!Target::new("12 Satker").same_as(&Target::new("12%")));
        assert!(Target::new("WTP").same_as(&Target::new(" wtp ")));
    }

    #[test]
    fn english_display_reformats_the_number_only() {
        assert_eq!(Target::new("97,5%").display(Lang::En), "97.5%");
        assert_eq!(Target::new("97,5%").display(Lang::Id), "97,5%");
        assert_eq!(Target::new("8 kali").display(Lang::En), "8 kali");
        assert_eq!(Target::new("WTP").display(Lang::En), "WTP");
    }

    #[test]
    fn serialises_text_value_and_unit_and_reads_back_from_text() {
        let t = Target::new("97,5%");
        let json = serde_json::to_string(&t).unwrap();
        assert_eq!(json, r#"{"text":"97,5%","value":"97.5","unit":"%"}"#);
        let back: Target = serde_json::from_str(r#"{"text":"97,5%","value":"1","unit":"kali"}"#).unwrap();
        assert_eq!(back, t, "value and unit are recomputed from the text");
        assert_eq!(back.quantity().unwrap().value, Decimal::from_str("97.5").unwrap());
    }
}
