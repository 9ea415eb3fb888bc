//! What is measured of a PK during the year, as stored: per indicator the Rencana Aksi (targets per
//! quarter), the realisasi per quarter and how it is measured; per budget line the realisasi anggaran per
//! quarter; per workspace the measurement settings. Only inputs are stored; every capaian is computed
//! (`core::measure`), never frozen.

pub use super::quarter::Quarter;
use super::{Amount, Target};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// Whether more is better.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind", content = "scale")]
pub enum Polarity {
    /// Higher is better (the default).
    Higher,
    /// Lower is better (`Jumlah temuan …`, `… tidak masuk dalam daftar pemilih`).
    Lower,
    /// The target is a range (`80–90%`): inside it is 100 %.
    Range,
    /// Qualitative, on an ordered scale, best first (`WTP`, `WDP`, `TW`, `TMP`).
    Scale(Vec<String>),
}

/// How the quarters make the year's value.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Aggregation {
    /// The sum of the quarters (counts: `12 Lap` a year).
    Sum,
    /// The latest quarter reported (percentages, states).
    Last,
    /// The average of the quarters reported.
    Average,
}

/// One quarter's realisasi: the value as typed (like a target: `82,5%`, `8 kali`, `WTP`), with what
/// helped or hindered and the evidence. `0` is a value; not reported is no `Report` at all.
#[derive(Clone, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Report {
    pub value: Target,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub evidence: String,
}

/// What is measured of one indicator during the year. Empty for an indicator nobody measured yet.
#[derive(Clone, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Measurement {
    /// Rencana Aksi: the target of each quarter, typed like the PK target.
    #[serde(default, skip_serializing_if = "is_all_none")]
    pub plan: [Option<Target>; 4],
    /// Why the Rencana Aksi does not lead to the PK target, when it does not.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub plan_note: String,
    /// Realisasi per quarter.
    #[serde(default, skip_serializing_if = "is_all_none")]
    pub actual: [Option<Report>; 4],
    /// The polarity chosen by the user; `None`: inferred from the text and unit ([`infer`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub polarity: Option<Polarity>,
    /// The aggregation chosen by the user; `None`: inferred.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub aggregation: Option<Aggregation>,
    /// Last year's realisasi of the whole year, typed here (the LKj's last-year column) when last year's PK
    /// is not in the data; `None`: not entered. An entry here counts over last year's PK.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub previous: Option<Target>,
}

fn is_all_none<T>(items: &[Option<T>; 4]) -> bool {
    items.iter().all(Option::is_none)
}

impl Measurement {
    pub fn is_empty(&self) -> bool {
        *self == Measurement::default()
    }

    /// The realisasi of a quarter, if reported.
    pub fn report(&self, q: Quarter) -> Option<&Report> {
        self.actual[q.index()].as_ref()
    }

    /// The Rencana Aksi target of a quarter, if planned.
    pub fn planned(&self, q: Quarter) -> Option<&Target> {
        self.plan[q.index()].as_ref().filter(|t| !t.text().trim().is_empty())
    }
}

/// A budget line's realisasi anggaran (serapan) per quarter: what was spent in that quarter, exact
/// Rupiah; `Amount::Blank`: not reported.
pub type BudgetActual = [Amount; 4];

/// Whether capaian above a ceiling is shown as the ceiling (some offices print 100 % for 103,75 %).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Cap {
    /// As computed (the default).
    #[default]
    None,
    /// Never above 100 %.
    At100,
    /// Never above 120 % (individual-performance practice).
    At120,
}

impl Cap {
    pub const ALL: [Cap; 3] = [Cap::None, Cap::At100, Cap::At120];
}

/// One predikat band: from `min` % (exclusive when `above`, the Permendagri way "> 90 %") up to the next.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Band {
    /// Lower bound in percent (written as a string of digits, like amounts).
    #[serde(with = "decimal_text")]
    pub min: Decimal,
    /// Whether `min` itself belongs to the band below (`> 90 %`) rather than this one (`≥ 90 %`).
    #[serde(default)]
    pub above: bool,
    /// The predikat as the office writes it (`Sangat Tinggi`).
    pub label: String,
}

/// The measurement settings of a workspace.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MeasureSettings {
    #[serde(default)]
    pub cap: Cap,
    /// Highest band first; the last band takes everything below.
    #[serde(default = "default_bands")]
    pub bands: Vec<Band>,
    /// The due dates this office set per year (the rest are the defaults): `{"2024": {"tw1": "2024-04-15"}}`.
    #[serde(default, skip_serializing_if = "super::calendar::Calendar::is_empty")]
    pub calendar: super::calendar::Calendar,
    /// (Version 6) this office and the offices it collects from; absent: none listed.
    /// Boxed: most workspaces list none, and the workspace stays small.
    #[serde(default, skip_serializing_if = "no_offices")]
    pub offices: Box<super::offices::Offices>,
    /// (Version 6) the public view shows the monitoring grid of the published data (which offices
    /// reported on time is public information); absent: it does not.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub monitor_public: bool,
    /// (Version 6) the reviews of quarters (*Diterima*, *Dikembalikan*, reopened), every one kept
    /// (`reviews.rs`); absent: none.
    #[serde(default, skip_serializing_if = "super::reviews::Reviews::is_empty")]
    pub reviews: super::reviews::Reviews,
}

impl Default for MeasureSettings {
    fn default() -> Self {
        MeasureSettings {
            cap: Cap::None,
            bands: default_bands(),
            calendar: Default::default(),
            offices: Default::default(),
            monitor_public: false,
            reviews: Default::default(),
        }
    }
}

fn no_offices(o: &super::offices::Offices) -> bool {
    o.is_empty()
}

/// Permendagri 86/2017's bands.
pub fn default_bands() -> Vec<Band> {
    let band = |min: i64, label: &str| Band { min: Decimal::from(min), above: true, label: label.into() };
    let rest = Band { min: Decimal::ZERO, above: false, label: "Sangat Rendah".into() };
    vec![band(90, "Sangat Tinggi"), band(75, "Tinggi"), band(65, "Sedang"), band(50, "Rendah"), rest]
}

/// A decimal written as a JSON string (`"90"`, `"97.5"`): exact, never a float.
mod decimal_text {
    use rust_decimal::Decimal;
    use serde::{Deserialize, Deserializer, Serializer};
    use std::str::FromStr;

    pub fn serialize<S: Serializer>(d: &Decimal, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&d.normalize().to_string())
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Decimal, D::Error> {
        let text = String::deserialize(d)?;
        Decimal::from_str(text.trim()).map_err(serde::de::Error::custom)
    }
}

impl MeasureSettings {
    pub fn is_default(&self) -> bool {
        *self == MeasureSettings::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quarters() {
        assert_eq!(Quarter::new(2).map(Quarter::roman), Some("II"));
        assert_eq!(Quarter::new(0), None);
        assert_eq!(Quarter::new(5), None);
        assert_eq!(Quarter::new(3).unwrap().to_date().map(Quarter::number).collect::<Vec<_>>(), [1, 2, 3]);
    }

    #[test]
    fn an_unmeasured_indicator_writes_nothing() {
        let m = Measurement::default();
        assert!(m.is_empty());
        assert_eq!(serde_json::to_string(&m).unwrap(), "{}");
        let mut m = Measurement::default();
        m.actual[1] = Some(Report { value: Target::new("0"), ..Default::default() });
        let json = serde_json::to_string(&m).unwrap();
        assert_eq!(json, r#"{"actual":[null,{"value":{"text":"0","value":"0","unit":""}},null,null]}"#);
        let back: Measurement = serde_json::from_str(&json).unwrap();
        assert_eq!(back.report(Quarter::new(2).unwrap()).unwrap().value.text(), "0", "0 is a value");
        assert!(back.report(Quarter::new(1).unwrap()).is_none(), "not reported is nothing");
    }
}
