//! Editing what is measured: the Rencana Aksi, the realisasi per quarter with its note and evidence,
//! how an indicator is measured, the realisasi anggaran, and the workspace's capaian settings. Each
//! returns whether anything changed (so an unchanged value records no undo step).

use super::measurement::{default_bands, Aggregation, Band, Cap, Polarity, Quarter, Report};
use super::{Agreement, Amount, IndicatorId, Target, Workspace};
use rust_decimal::Decimal;

impl Agreement {
    /// Sets (or, with empty text, clears) the Rencana Aksi target of a quarter.
    pub fn set_plan(&mut self, id: &IndicatorId, q: Quarter, text: &str) -> bool {
        let Some(i) = self.indicator_mut(id) else { return false };
        let next = (!text.trim().is_empty()).then(|| Target::new(text));
        let slot = &mut i.measurement.plan[q.index()];
        if slot.as_ref().map(Target::text) == next.as_ref().map(Target::text) {
            return false;
        }
        *slot = next;
        true
    }

    /// Sets (or, with empty text, clears) last year's realisasi typed by hand.
    pub fn set_previous(&mut self, id: &IndicatorId, text: &str) -> bool {
        let Some(i) = self.indicator_mut(id) else { return false };
        let next = (!text.trim().is_empty()).then(|| Target::new(text));
        if i.measurement.previous.as_ref().map(Target::text) == next.as_ref().map(Target::text) {
            return false;
        }
        i.measurement.previous = next;
        true
    }

    /// Why the Rencana Aksi does not lead to the PK target.
    pub fn set_plan_note(&mut self, id: &IndicatorId, note: &str) -> bool {
        let Some(i) = self.indicator_mut(id) else { return false };
        if i.measurement.plan_note == note {
            return false;
        }
        i.measurement.plan_note = note.to_string();
        true
    }

    /// Sets the realisasi of quarter `q` for several indicators at once (a block pasted from Excel):
    /// `(indicator, realisasi, note, evidence)`; an empty note or evidence leaves the one written here.
    /// Returns how many indicators changed.
    pub fn set_reports(&mut self, q: Quarter, rows: &[(IndicatorId, String, String, String)]) -> usize {
        let mut changed = 0;
        for (id, value, note, evidence) in rows {
            let mut any = self.set_actual(id, q, value);
            if !note.trim().is_empty() {
                any |= self.set_actual_note(id, q, note);
            }
            if !evidence.trim().is_empty() {
                any |= self.set_evidence(id, q, evidence);
            }
            changed += usize::from(any);
        }
        changed
    }

    /// Sets a quarter's realisasi as typed; empty text means not reported (its note and evidence stay
    /// while either is written, so nothing typed is lost).
    pub fn set_actual(&mut self, id: &IndicatorId, q: Quarter, text: &str) -> bool {
        self.update_report(id, q, |r| {
            if r.value.text() == text {
                return false;
            }
            r.value = Target::new(text);
            true
        })
    }

    /// What helped or hindered in a quarter, and the solution.
    pub fn set_actual_note(&mut self, id: &IndicatorId, q: Quarter, note: &str) -> bool {
        self.update_report(id, q, |r| {
            r.note != note && {
                r.note = note.to_string();
                true
            }
        })
    }

    /// The evidence of a quarter's realisasi (a document number, a link).
    pub fn set_evidence(&mut self, id: &IndicatorId, q: Quarter, evidence: &str) -> bool {
        self.update_report(id, q, |r| {
            r.evidence != evidence && {
                r.evidence = evidence.to_string();
                true
            }
        })
    }

    fn update_report(&mut self, id: &IndicatorId, q: Quarter, f: impl FnOnce(&mut Report) -> bool) -> bool {
        let Some(i) = self.indicator_mut(id) else { return false };
        let slot = &mut i.measurement.actual[q.index()];
        let mut report = slot.clone().unwrap_or_default();
        if !f(&mut report) {
            return false;
        }
        let empty =
            report.value.text().trim().is_empty() && report.note.is_empty() && report.evidence.is_empty();
        *slot = (!empty).then_some(report);
        true
    }

    /// Chooses the polarity (`None`: inferred from the text again).
    pub fn set_polarity(&mut self, id: &IndicatorId, polarity: Option<Polarity>) -> bool {
        let Some(i) = self.indicator_mut(id) else { return false };
        let changed = i.measurement.polarity != polarity;
        i.measurement.polarity = polarity;
        changed
    }

    /// Chooses the aggregation (`None`: inferred again).
    pub fn set_aggregation(&mut self, id: &IndicatorId, aggregation: Option<Aggregation>) -> bool {
        let Some(i) = self.indicator_mut(id) else { return false };
        let changed = i.measurement.aggregation != aggregation;
        i.measurement.aggregation = aggregation;
        changed
    }

    /// Sets what a program spent in a quarter (`Amount::Blank`: not reported).
    pub fn set_budget_actual(&mut self, index: usize, q: Quarter, amount: Amount) -> bool {
        match self.budget.get_mut(index) {
            Some(line) if line.actual[q.index()] != amount => {
                line.actual[q.index()] = amount;
                true
            }
            _ => false,
        }
    }
}

impl Workspace {
    /// Changes how capaian above a ceiling is shown, everywhere.
    pub fn set_cap(&mut self, cap: Cap) -> bool {
        let changed = self.settings.cap != cap;
        self.settings.cap = cap;
        changed
    }

    /// Sets a deliverable's due date for a year (`None`: back to the default).
    pub fn set_due(
        &mut self,
        year: i32,
        what: super::calendar::Deliverable,
        date: Option<crate::core::date::Date>,
    ) -> bool {
        self.settings.calendar.set(year, what, date)
    }

    /// Whether the public view shows the monitoring grid (Data → publish); whether it changed.
    pub fn set_monitor_public(&mut self, on: bool) -> bool {
        let changed = self.settings.monitor_public != on;
        self.settings.monitor_public = on;
        changed
    }

    /// Renames a predikat band.
    pub fn set_band_label(&mut self, index: usize, label: &str) -> bool {
        match self.settings.bands.get_mut(index) {
            Some(b) if b.label != label => {
                b.label = label.to_string();
                true
            }
            _ => false,
        }
    }

    /// Moves a band's lower bound (percent; `above`: the bound itself belongs to the band below).
    pub fn set_band_min(&mut self, index: usize, min: Decimal, above: bool) -> bool {
        match self.settings.bands.get_mut(index) {
            Some(b) if b.min != min || b.above != above => {
                b.min = min;
                b.above = above;
                true
            }
            _ => false,
        }
    }

    /// Adds a band below the others (its bound starts at 0 %).
    pub fn add_band(&mut self, label: &str) {
        self.settings.bands.push(Band { min: Decimal::ZERO, above: false, label: label.to_string() });
    }

    /// Removes a band; the last one stays (every capaian has a predikat).
    pub fn remove_band(&mut self, index: usize) -> bool {
        if self.settings.bands.len() < 2 || index >= self.settings.bands.len() {
            return false;
        }
        self.settings.bands.remove(index);
        true
    }

    /// Back to Permendagri 86/2017's bands.
    pub fn reset_bands(&mut self) -> bool {
        let defaults = default_bands();
        let changed = self.settings.bands != defaults;
        self.settings.bands = defaults;
        changed
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::testing::*;

    fn q(n: u8) -> Quarter {
        Quarter::new(n).unwrap()
    }

    #[test]
    fn realisasi_is_set_cleared_and_keeps_its_note() {
        let mut a = agreement("a", None, 2024);
        a.objectives = vec![objective("s", "S", vec![indicator("i", "Jumlah laporan", "12 Lap", None)])];
        let id = IndicatorId::new("i");
        assert!(a.set_actual(&id, q(2), "3 Lap"));
        assert!(!a.set_actual(&id, q(2), "3 Lap"), "the same value changes nothing");
        assert!(a.set_actual_note(&id, q(2), "Terlambat karena cuaca"));
        assert!(a.set_evidence(&id, q(2), "ND-12/2024"));
        let r = a.objectives[0].indicators[0].measurement.report(q(2)).unwrap().clone();
        assert_eq!(
            (r.value.text(), r.note.as_str(), r.evidence.as_str()),
            ("3 Lap", "Terlambat karena cuaca", "ND-12/2024")
        );
        // Clearing the value keeps the note: nothing typed is lost.
        assert!(a.set_actual(&id, q(2), ""));
        assert!(a.objectives[0].indicators[0].measurement.report(q(2)).is_some());
        a.set_actual_note(&id, q(2), "");
        a.set_evidence(&id, q(2), "");
        assert!(a.objectives[0].indicators[0].measurement.report(q(2)).is_none(), "now not reported at all");
        assert!(a.set_actual(&id, q(1), "0"));
        assert_eq!(
            a.objectives[0].indicators[0].measurement.report(q(1)).unwrap().value.text(),
            "0",
            "0 is reported"
        );
        assert!(!a.set_actual(&IndicatorId::new("nope"), q(1), "1"));
    }

    #[test]
    fn plan_method_budget_and_settings() {
        let mut a = agreement("a", None, 2024);
        a.objectives = vec![objective("s", "S", vec![indicator("i", "Persentase", "80%", None)])];
        a.budget = vec![line("Program", "1.000")];
        let id = IndicatorId::new("i");
        assert!(a.set_plan(&id, q(4), "80%"));
        assert!(!a.set_plan(&id, q(4), "80%"));
        assert!(a.set_plan(&id, q(4), " "));
        assert!(a.objectives[0].indicators[0].measurement.planned(q(4)).is_none());
        assert!(a.set_plan_note(&id, "DIPA direvisi"));
        assert!(a.set_polarity(&id, Some(Polarity::Lower)));
        assert!(!a.set_polarity(&id, Some(Polarity::Lower)));
        assert!(a.set_aggregation(&id, Some(Aggregation::Average)));
        assert!(a.set_budget_actual(0, q(1), Amount::parse("500").unwrap()));
        assert!(!a.set_budget_actual(0, q(1), Amount::parse("500").unwrap()));
        assert!(!a.set_budget_actual(5, q(1), Amount::Blank));
        let mut ws = workspace(vec![a]);
        assert!(ws.set_cap(Cap::At100));
        assert!(!ws.set_cap(Cap::At100));
        assert!(ws.set_band_label(0, "Istimewa"));
        assert!(ws.set_band_min(0, Decimal::from(95), false));
        ws.add_band("Tidak dinilai");
        assert_eq!(ws.settings.bands.len(), 6);
        assert!(ws.remove_band(5));
        assert!(ws.reset_bands());
        assert_eq!(ws.settings.bands, default_bands());
        while ws.remove_band(0) {}
        assert_eq!(ws.settings.bands.len(), 1, "the last band stays");
    }
}
