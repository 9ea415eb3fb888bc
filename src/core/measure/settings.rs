//! The workspace's measurement settings: capping and the predikat bands. One setting, applied the same
//! on screen, in print and in CSV.
//!
//! Default predikat bands: *Permendagri 86/2017* (evaluasi hasil RKPD), the scale most Indonesian LKj
//! use for capaian: > 90 % Sangat Tinggi, > 75 % Tinggi, > 65 % Sedang, > 50 % Rendah, else Sangat Rendah.

use super::{Band, Cap, Capaian, MeasureSettings};
use rust_decimal::Decimal;

impl Cap {
    /// The capaian as it is shown and printed under this setting.
    pub fn apply(self, c: Capaian) -> Capaian {
        let ceiling = match self {
            Cap::None => return c,
            Cap::At100 => Decimal::ONE_HUNDRED,
            Cap::At120 => Decimal::from(120),
        };
        match c {
            Capaian::Percent(p) => Capaian::Percent(p.min(ceiling)),
            other => other,
        }
    }
}

impl MeasureSettings {
    /// The capaian as shown: capped per the setting.
    pub fn shown(&self, c: Capaian) -> Capaian {
        self.cap.apply(c)
    }

    /// The band of a capaian as shown, by its index in [`MeasureSettings::bands`] (none when it cannot
    /// be assessed, or there are no bands).
    pub fn band(&self, c: Capaian) -> Option<usize> {
        let p = self.shown(c).percent()?;
        // Highest bound first, whatever order the bands were written in.
        let mut bands: Vec<(usize, &Band)> = self.bands.iter().enumerate().collect();
        bands.sort_by(|(_, a), (_, b)| b.min.cmp(&a.min).then(b.above.cmp(&a.above)));
        bands
            .iter()
            .find(|(_, b)| if b.above { p > b.min } else { p >= b.min })
            .or(bands.last())
            .map(|(i, _)| *i)
    }

    /// The predikat of a capaian as shown: its band's label (none when it cannot be assessed).
    pub fn predikat(&self, c: Capaian) -> Option<&str> {
        self.band(c).map(|i| self.bands[i].label.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::measure::NotAssessable;
    use rust_decimal_macros::dec;

    #[test]
    fn capping_is_one_setting() {
        let c = Capaian::Percent(dec!(103.75));
        assert_eq!(Cap::None.apply(c), c);
        assert_eq!(Cap::At100.apply(c), Capaian::Percent(dec!(100)), "Sarolangun 2019 prints 100 %");
        assert_eq!(Cap::At120.apply(Capaian::Percent(dec!(133.33))), Capaian::Percent(dec!(120)));
        let none = Capaian::NotAssessable(NotAssessable::NotReported);
        assert_eq!(Cap::At100.apply(none), none);
    }

    #[test]
    fn permendagri_bands() {
        let s = MeasureSettings::default();
        let p = |v: Decimal| s.predikat(Capaian::Percent(v));
        assert_eq!(p(dec!(103.75)), Some("Sangat Tinggi"));
        assert_eq!(p(dec!(90.01)), Some("Sangat Tinggi"));
        assert_eq!(p(dec!(90)), Some("Tinggi"), "> 90 %: 90 itself is Tinggi");
        assert_eq!(p(dec!(75.5)), Some("Tinggi"));
        assert_eq!(p(dec!(70)), Some("Sedang"));
        assert_eq!(p(dec!(50)), Some("Sangat Rendah"));
        assert_eq!(p(dec!(0)), Some("Sangat Rendah"));
        assert_eq!(s.predikat(Capaian::NotAssessable(NotAssessable::NotReported)), None);
    }

    #[test]
    fn custom_bands_and_cap_together() {
        let s = MeasureSettings {
            cap: Cap::At100,
            bands: vec![
                Band { min: dec!(100), above: false, label: "Tercapai".into() },
                Band { min: dec!(0), above: false, label: "Belum tercapai".into() },
            ],
            calendar: Default::default(),
            offices: Default::default(),
            monitor_public: false,
            reviews: Default::default(),
        };
        assert_eq!(s.predikat(Capaian::Percent(dec!(103.75))), Some("Tercapai"));
        assert_eq!(s.predikat(Capaian::Percent(dec!(99.99))), Some("Belum tercapai"));
        let mut reversed = s.clone();
        reversed.bands.reverse();
        assert_eq!(
            reversed.predikat(Capaian::Percent(dec!(103.75))),
            Some("Tercapai"),
            "written in any order"
        );
        // Two bands with one label stay two bands: the band is found by its index.
        let mut same = s.clone();
        same.bands[1].label = "Tercapai".into();
        assert_eq!(same.band(Capaian::Percent(dec!(103.75))), Some(0));
        assert_eq!(same.band(Capaian::Percent(dec!(50))), Some(1));
        assert_eq!(reversed.band(Capaian::Percent(dec!(103.75))), Some(1));
        assert_eq!(s.band(Capaian::NotAssessable(NotAssessable::NotReported)), None);
        let json = serde_json::to_string(&s).unwrap();
        assert_eq!(serde_json::from_str::<MeasureSettings>(&json).unwrap(), s);
        assert_eq!(serde_json::from_str::<MeasureSettings>("{}").unwrap(), MeasureSettings::default());
    }
}
