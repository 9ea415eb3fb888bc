//! Publishing: what the public view of the website shows, chosen on the Data page and downloaded as one file
//! the webmaster puts in the site's `data/` folder over the old one (`data/index.json`, which the public view
//! reads first). What is published is the documents, never the office's working state: no notes, no record of
//! where a PK was imported from, and a PK whose Perubahan is being prepared shows the version in force.

use super::file::{self, FileError, Scope, WriteOptions};
use crate::core::model::life::Stage;
use crate::core::model::{Agreement, AgreementId, Origin, Workspace};
use std::sync::Arc;

/// The name the public view reads first in `data/`.
pub const FILE_NAME: &str = "index.json";

/// What the office chooses to publish.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Choice {
    pub year: i32,
    /// One PK and every PK below it; `None`: every PK of the year.
    pub root: Option<AgreementId>,
    /// With this year's realisasi (indicators, budget, last year's figures); without it, the PKs and their
    /// Rencana Aksi only.
    pub realisasi: bool,
}

/// Why nothing can be published.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PublishError {
    /// No PK of that year (or the chosen PK is not of that year).
    Nothing,
    /// The file written does not read back (never expected: the same check as an import).
    Unreadable(FileError),
}

/// A PK published as it is now, with something a reader of the public view should know.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Caution {
    /// Never signed: the public sees a draft.
    Draft(AgreementId),
    /// Its signature does not hold (changed after signing, or a version tampered with): the public view
    /// says so.
    Untrusted(AgreementId),
}

/// The file to download and what it holds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Published {
    pub text: String,
    pub agreements: usize,
    /// Signed (in force or with a Perubahan being prepared, which is left out).
    pub signed: usize,
    /// PKs whose Perubahan being prepared was left out (the version in force is published).
    pub revising: usize,
    pub cautions: Vec<Caution>,
}

/// What a choice publishes, worked out without writing the file: what Data shows before the download, and
/// what the download reports.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Outline {
    /// The chosen PKs, in workspace order.
    pub ids: Vec<AgreementId>,
    /// Signed (in force or with a Perubahan being prepared, which is left out).
    pub signed: usize,
    /// Never signed: the public sees a draft.
    pub drafts: Vec<AgreementId>,
    /// Not signed here but transcribed from a document signed on paper: the public sees that (the
    /// built-in 2024 data).
    pub paper: Vec<AgreementId>,
    /// A Perubahan is being prepared: the version in force is published.
    pub revising: Vec<AgreementId>,
    /// Their signature does not hold.
    pub untrusted: Vec<AgreementId>,
}

/// The outline of a choice: its PKs by stage, and those whose signature does not hold.
pub fn outline(ws: &Workspace, choice: &Choice) -> Outline {
    let mut o = Outline { ids: chosen(ws, choice), ..Outline::default() };
    for id in &o.ids {
        let Some(a) = ws.agreement(id) else { continue };
        match a.stage() {
            Stage::Draft if !a.transcribed_from.trim().is_empty() => o.paper.push(id.clone()),
            Stage::Draft => o.drafts.push(id.clone()),
            Stage::Signed(_) => o.signed += 1,
            Stage::Revising(_) => {
                o.signed += 1;
                o.revising.push(id.clone());
            }
        }
        if a.untrusted() {
            o.untrusted.push(id.clone());
        }
    }
    o
}

/// The PKs a choice covers, in workspace order.
pub fn chosen(ws: &Workspace, choice: &Choice) -> Vec<AgreementId> {
    match &choice.root {
        None => ws.agreements.iter().filter(|a| a.year == choice.year).map(|a| a.id.clone()).collect(),
        Some(root) => {
            if ws.agreement(root).is_none_or(|a| a.year != choice.year) {
                return Vec::new();
            }
            let below = ws.subtree(root);
            ws.agreements
                .iter()
                .filter(|a| a.year == choice.year && below.contains(&a.id))
                .map(|a| a.id.clone())
                .collect()
        }
    }
}

/// A PK as the public sees it.
fn public_form(a: &Agreement, realisasi: bool, monitor: bool) -> Agreement {
    let mut out = match (a.stage(), a.in_force()) {
        (Stage::Revising(_), Some(v)) => {
            let mut shown = a.showing(&v.content);
            shown.life.revising = None;
            shown
        }
        _ => a.clone(),
    };
    out.notes.clear();
    // With the monitoring grid public, the day each quarter arrived goes too (its "received on"); where
    // the file came from does not.
    out.origin = a
        .origin
        .as_ref()
        .filter(|o| monitor && realisasi && o.quarters.iter().any(Option::is_some))
        .map(|o| Origin { quarters: o.quarters.clone(), ..Origin::default() });
    if !realisasi {
        for i in out.objectives.iter_mut().flat_map(|o| o.indicators.iter_mut()) {
            i.measurement.actual = Default::default();
            i.measurement.previous = None;
        }
        for b in out.budget.iter_mut() {
            b.actual = Default::default();
        }
    }
    out
}

/// Writes the file to publish, `now` being the ISO 8601 time of publishing (shown by the public view), and
/// reads it back with the same check as an import.
pub fn publish(ws: &Workspace, choice: &Choice, now: &str) -> Result<Published, PublishError> {
    let o = outline(ws, choice);
    if o.ids.is_empty() {
        return Err(PublishError::Nothing);
    }
    let mut out =
        // The letterhead goes too: the public prints the PK as the office does.
        Workspace {
            office: ws.office.clone(),
            // The reviews of quarters are the offices' working notes: never published.
            settings: crate::core::model::MeasureSettings {
                reviews: Default::default(),
                ..ws.settings.clone()
            },
            letterhead: ws.letterhead.clone(),
            // The Renstra too: the public's five-year pages read it.
            renstra: ws.renstra.clone(),
            ..Workspace::default()
        };
    out.agreements = o
        .ids
        .iter()
        .filter_map(|id| ws.agreement(id))
        .map(|a| Arc::new(public_form(a, choice.realisasi, ws.settings.monitor_public)))
        .collect();
    let cautions = o
        .drafts
        .iter()
        .cloned()
        .map(Caution::Draft)
        .chain(o.untrusted.iter().cloned().map(Caution::Untrusted));
    let (signed, revising, cautions) = (o.signed, o.revising.len(), cautions.collect());
    let unit = choice.root.as_ref().and_then(|r| ws.agreement(r)).map(|a| a.unit.clone());
    let opts = WriteOptions {
        exported_at: Some(now.to_string()),
        scope: if unit.is_some() { Scope::Subtree } else { Scope::Workspace },
        unit,
        pretty: false,
    };
    let text = file::write(&out, None, &opts);
    let back = file::read(&text).map_err(PublishError::Unreadable)?;
    Ok(Published { agreements: back.workspace.agreements.len(), text, signed, revising, cautions })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::life::{Change, Reason};
    use crate::core::model::measurement::Report;
    use crate::core::model::{Amount, Target};
    use crate::core::seed;
    use rust_decimal_macros::dec;

    const NOW: &str = "2026-12-05T09:00:00+09:00";

    fn id(s: &str) -> AgreementId {
        AgreementId(s.into())
    }

    fn with_realisasi() -> Workspace {
        let mut ws = seed::workspace().unwrap();
        let a = ws.agreement_mut(&id("kpu-maluku-2024-kasubag-keuangan")).unwrap();
        a.notes = "catatan internal".into();
        a.objectives[0].indicators[0].measurement.actual[0] =
            Some(Report { value: Target::new("80%"), ..Default::default() });
        a.objectives[0].indicators[0].measurement.previous = Some(Target::new("75%"));
        a.budget[0].actual[0] = Amount::Value(dec!(1000));
        ws.notes = "catatan kantor".into();
        ws
    }

    #[test]
    fn a_year_is_every_pk_of_it_and_a_pk_brings_those_below_it() {
        let ws = seed::workspace().unwrap();
        let year = Choice { year: 2024, root: None, realisasi: true };
        assert_eq!(chosen(&ws, &year).len(), 10, "the ten PKs of the source document");
        let kabag = Choice { root: Some(id("kpu-maluku-2024-kabag-keuangan-umum-logistik")), ..year.clone() };
        let ids = chosen(&ws, &kabag);
        assert_eq!(ids[0], id("kpu-maluku-2024-kabag-keuangan-umum-logistik"));
        assert!(ids.contains(&id("kpu-maluku-2024-kasubag-keuangan")));
        assert!(!ids.contains(&id("kpu-maluku-2024-sekretaris")), "never the PK above");
        assert_eq!(chosen(&ws, &Choice { year: 2025, ..year }), Vec::<AgreementId>::new());
        assert_eq!(
            publish(&ws, &Choice { year: 2025, root: None, realisasi: true }, NOW),
            Err(PublishError::Nothing)
        );
    }

    #[test]
    fn notes_and_origins_never_leave_and_realisasi_only_when_chosen() {
        let mut ws = with_realisasi();
        ws.settings.reviews.add(crate::core::model::reviews::Review {
            agreement: id("kpu-maluku-2024-kasubag-keuangan"),
            quarter: 1,
            verdict: crate::core::model::reviews::Verdict::Returned,
            note: "catatan pemeriksa".into(),
            indicators: vec![],
            by: "KPU Provinsi Maluku".into(),
            at: "2024-04-25T09:00:00+09:00".into(),
            figures: "0".into(),
        });
        let with = publish(&ws, &Choice { year: 2024, root: None, realisasi: true }, NOW).unwrap();
        assert_eq!(with.agreements, 10);
        assert!(
            !with.text.contains("reviews") && !with.text.contains("catatan pemeriksa"),
            "reviews stay inside"
        );
        assert!(!with.text.contains("catatan internal") && !with.text.contains("catatan kantor"));
        let read = file::read(&with.text).unwrap();
        assert_eq!(read.meta.exported_at.as_deref(), Some(NOW), "the public view says when it was published");
        let a = read.workspace.agreement(&id("kpu-maluku-2024-kasubag-keuangan")).unwrap();
        assert!(a.objectives[0].indicators[0].measurement.actual[0].is_some());
        assert_eq!(a.budget[0].actual[0], Amount::Value(dec!(1000)));
        assert!(a.origin.is_none());

        let without = publish(&ws, &Choice { year: 2024, root: None, realisasi: false }, NOW).unwrap();
        let read = file::read(&without.text).unwrap();
        let a = read.workspace.agreement(&id("kpu-maluku-2024-kasubag-keuangan")).unwrap();
        assert!(a.objectives[0].indicators[0].measurement.actual[0].is_none());
        assert!(a.objectives[0].indicators[0].measurement.previous.is_none());
        assert!(a.budget.iter().all(|b| b.actual.iter().all(|x| *x == Amount::Blank)));
        assert_eq!(
            a.objectives,
            {
                let mut o = ws.agreement(&a.id).unwrap().objectives.clone();
                o[0].indicators[0].measurement.actual[0] = None;
                o[0].indicators[0].measurement.previous = None;
                o
            },
            "the targets and Rencana Aksi as they are"
        );
    }

    #[test]
    fn with_the_grid_public_the_days_quarters_arrived_go_but_never_the_file() {
        let mut ws = with_realisasi();
        let keu = id("kpu-maluku-2024-kasubag-keuangan");
        let mut origin = Origin {
            file: "kpu-keuangan.json".into(),
            office: "Bagian Keuangan".into(),
            imported_at: "2024-04-20T09:00:00+09:00".into(),
            ..Origin::default()
        };
        origin.quarters[0] = Some("2024-04-20".into());
        ws.agreement_mut(&keu).unwrap().origin = Some(origin);
        let year = Choice { year: 2024, root: None, realisasi: true };
        // Off (the default): no origin at all, and the file does not ask for the grid.
        let off = publish(&ws, &year, NOW).unwrap();
        let read = file::read(&off.text).unwrap();
        assert!(read.workspace.agreement(&keu).unwrap().origin.is_none());
        assert!(!read.workspace.settings.monitor_public && !off.text.contains("monitor_public"));
        // On: the published file asks for the grid and keeps the day TW I arrived, nothing else of it.
        assert!(ws.set_monitor_public(true));
        let on = publish(&ws, &year, NOW).unwrap();
        let read = file::read(&on.text).unwrap();
        assert!(read.workspace.settings.monitor_public);
        let o = read.workspace.agreement(&keu).unwrap().origin.clone().unwrap();
        assert_eq!(o.quarters[0].as_deref(), Some("2024-04-20"));
        assert_eq!((o.file.as_str(), o.office.as_str(), o.imported_at.as_str()), ("", "", ""));
        assert!(!on.text.contains("kpu-keuangan.json"));
        // Without the realisasi there is nothing to have arrived.
        let bare = publish(&ws, &Choice { realisasi: false, ..year }, NOW).unwrap();
        assert!(file::read(&bare.text).unwrap().workspace.agreement(&keu).unwrap().origin.is_none());
    }

    #[test]
    fn drafts_are_named_and_a_perubahan_being_prepared_stays_at_home() {
        let mut ws = seed::workspace().unwrap();
        let keu = id("kpu-maluku-2024-kasubag-keuangan");
        let a = ws.agreement_mut(&keu).unwrap();
        a.sign("2024-01-02", false).unwrap();
        let signed_target = a.objectives[0].indicators[0].target.clone();
        a.begin_revision(Change {
            reason: Reason::Other,
            text: "Revisi DIPA".into(),
            basis: "DIPA revisi ke-2".into(),
            date: "2024-07-15".into(),
        })
        .unwrap();
        a.objectives[0].indicators[0].target = Target::new("99%");
        let p = publish(&ws, &Choice { year: 2024, root: None, realisasi: true }, NOW).unwrap();
        assert_eq!((p.signed, p.revising), (1, 1));
        // The other nine are typed copies of documents signed on paper: said so, not cautioned as drafts.
        assert_eq!(p.cautions.iter().filter(|c| matches!(c, Caution::Draft(_))).count(), 0);
        let o = outline(&ws, &Choice { year: 2024, root: None, realisasi: true });
        assert_eq!((o.paper.len(), o.drafts.len()), (9, 0));
        ws.agreement_mut(&id("kpu-maluku-2024-sekretaris")).unwrap().transcribed_from.clear();
        let o = outline(&ws, &Choice { year: 2024, root: None, realisasi: true });
        assert_eq!((o.paper.len(), o.drafts), (8, vec![id("kpu-maluku-2024-sekretaris")]));
        let read = file::read(&p.text).unwrap();
        let a = read.workspace.agreement(&keu).unwrap();
        assert_eq!(a.objectives[0].indicators[0].target, signed_target, "the version in force");
        assert!(matches!(a.stage(), Stage::Signed(0)));
        assert!(!a.untrusted(), "published as signed, its fingerprint holds");
    }
}
