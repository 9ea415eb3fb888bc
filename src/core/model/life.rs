//! The life of a PK: *Draf* → *Ditandatangani* → *Perubahan ke-n*. Each signature freezes a version
//! (its content, date and fingerprint); the live agreement is the version in force, or the Perubahan
//! being prepared. A signed PK cannot be changed in place: every change goes through a Perubahan.

use super::measurement::Quarter;
pub use super::Content;
use super::{Agreement, AgreementId, BudgetLine, Target, Workspace};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::sync::Arc;

/// Why a Perubahan is made.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Reason {
    /// The official (Pihak Pertama or Kedua) changed.
    Official,
    /// The budget was revised (DIPA revision, automatic adjustment).
    Budget,
    /// The organisation changed.
    Reorganisation,
    Other,
}

impl Reason {
    pub const ALL: [Reason; 4] = [Reason::Official, Reason::Budget, Reason::Reorganisation, Reason::Other];

    pub fn key(self) -> &'static str {
        match self {
            Reason::Official => "official",
            Reason::Budget => "budget",
            Reason::Reorganisation => "reorganisation",
            Reason::Other => "other",
        }
    }

    pub fn from_key(key: &str) -> Option<Reason> {
        Reason::ALL.into_iter().find(|r| r.key() == key)
    }
}

/// What a Perubahan is and why.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Change {
    pub reason: Reason,
    /// In the user's words.
    #[serde(default)]
    pub text: String,
    /// The basis, e.g. a decree or DIPA revision number.
    #[serde(default)]
    pub basis: String,
    /// The date of the Perubahan (ISO `2024-07-15`): the quarter it falls in is the first it applies to.
    pub date: String,
}

/// A signed version, frozen.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Version {
    /// 0: the PK as first signed; n: Perubahan ke-n.
    pub number: u32,
    /// The date of signing (ISO `2024-01-02`).
    pub signed_on: String,
    /// Why it was made (every version but the first).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub change: Option<Change>,
    /// The first quarter (1–4) whose capaian is measured against this version.
    pub from_quarter: u8,
    pub content: Content,
    /// SHA-256 of the canonical form ([`super::canonical`]), lower-case hex.
    pub fingerprint: String,
    /// Quarters that already had realisasi when this version changed their target, confirmed by the
    /// user when signing (indicator number and text, quarter 1–4).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub confirmed: Vec<Realised>,
}

/// A quarter with realisasi whose target a Perubahan changes.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Realised {
    /// `1.2`.
    pub number: String,
    pub indicator: String,
    pub quarter: u8,
    pub was: String,
    pub now: String,
}

/// The signed versions of a PK and the Perubahan being prepared, if any.
#[derive(Clone, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Life {
    /// Oldest first; empty while the PK is a draft.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub versions: Vec<Version>,
    /// A Perubahan being prepared: the live agreement is its draft, the last version stays in force.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub revising: Option<Change>,
}

impl Life {
    pub fn is_draft(&self) -> bool {
        self.versions.is_empty() && self.revising.is_none()
    }

    /// How many versions make the PK's line: the versions numbered 0, 1, 2, … from the start. Any after
    /// them came from another office's file with a number already held here, or continue such a one
    /// (see [`super::life_merge`]): kept, flagged, never in force.
    pub fn line_len(&self) -> usize {
        self.versions.iter().enumerate().take_while(|(n, v)| v.number as usize == *n).count()
    }

    /// The PK's line of signed versions, oldest first; the last is in force.
    pub fn line(&self) -> &[Version] {
        &self.versions[..self.line_len()]
    }

    /// Signed versions held beside the line (another signature with a number the line has, or after
    /// one): kept and flagged.
    pub fn others(&self) -> &[Version] {
        &self.versions[self.line_len()..]
    }

    /// Whether the version at `index` in [`Life::versions`] is the one in force: the last of the line.
    /// A Perubahan being prepared does not change this: until it is signed, the law is the version
    /// signed last. A version held beside the line is never in force.
    pub fn is_in_force(&self, index: usize) -> bool {
        index + 1 == self.line_len()
    }
}

/// Where a PK is in its life.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stage {
    /// Never signed; editable.
    Draft,
    /// Signed: version `n` (0 = as first signed) is in force; read-only.
    Signed(u32),
    /// Perubahan ke-`n` is being prepared; version `n - 1` stays in force until it is signed.
    Revising(u32),
}

/// Why a step of the life cannot be taken.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LifeError {
    /// Not a date `yyyy-mm-dd`.
    BadDate,
    /// Earlier than the signature of the version before.
    DateBeforePrevious,
    /// Already signed; a change goes through a Perubahan.
    AlreadySigned,
    /// Only a signed PK can get a Perubahan (and only one at a time).
    NotSigned,
    /// Nothing to sign: no Pihak Pertama or Kedua, or no indicator.
    Incomplete,
    /// "Other" needs the reason in words.
    ReasonMissing,
    /// The Perubahan changes targets of quarters that already have realisasi: confirm first.
    NeedsConfirmation(Vec<Realised>),
    /// The Perubahan changes nothing.
    Unchanged,
}

/// `2024-07-15` as (year, month, day), when it is a real date of a year the app works with.
pub fn parse_date(text: &str) -> Option<(i32, u8, u8)> {
    let d = crate::core::date::Date::parse(text)?;
    super::YEARS.contains(&d.year()).then_some((d.year(), d.month(), d.day()))
}

/// Whether `on` (ISO) is a usual date to sign a PK of `year`: within the year, or in December of the
/// year before (a PK is signed as its budget is approved). Any other date is asked about before signing,
/// never refused: a late signature happens, a slip of the year (2026 for 2024) should not pass silently.
pub fn signing_date_expected(on: &str, year: i32) -> bool {
    match parse_date(on) {
        Some((y, m, _)) => y == year || (y == year - 1 && m == 12),
        None => false,
    }
}

/// The first quarter of `year` a change dated `date` applies to (Q1 before the year, Q4 after it).
pub fn quarter_of(date: &str, year: i32) -> Option<Quarter> {
    let (y, m, _) = parse_date(date)?;
    let n = match y.cmp(&year) {
        std::cmp::Ordering::Less => 1,
        std::cmp::Ordering::Greater => 4,
        std::cmp::Ordering::Equal => (m - 1) / 3 + 1,
    };
    Quarter::new(n)
}

/// Whether the change from `before` to `after` alters the content of a PK that is signed in `before`
/// (and not being revised): such a change goes through a Perubahan, never straight into a signed PK.
/// A PK already broken in `before` (stored data edited by hand) may still be changed; PKs are matched
/// by id, so reordering, adding and removing PKs never count.
pub fn breaks_a_signature(before: &Workspace, after: &Workspace) -> bool {
    after.agreements.iter().enumerate().any(|(n, a)| {
        // Usually at the same place; searched only when the order changed.
        let same_place = before.agreements.get(n).filter(|b| b.id == a.id);
        same_place.or_else(|| before.agreements.iter().find(|b| b.id == a.id)).is_some_and(|b| {
            !Arc::ptr_eq(a, b) && b.is_locked() && !b.breaks_signature() && a.breaks_signature()
        })
    })
}

impl Agreement {
    pub fn stage(&self) -> Stage {
        let n = self.life.line_len() as u32;
        match (n, &self.life.revising) {
            (0, _) => Stage::Draft,
            (_, Some(_)) => Stage::Revising(n),
            (_, None) => Stage::Signed(n - 1),
        }
    }

    /// Signed and not being revised: its content cannot change.
    pub fn is_locked(&self) -> bool {
        matches!(self.stage(), Stage::Signed(_))
    }

    /// What would be signed now.
    pub fn content(&self) -> Content {
        let mut c = self.signed_fields();
        for i in c.objectives.iter_mut().flat_map(|o| o.indicators.iter_mut()) {
            let plan = std::mem::take(&mut i.measurement.plan);
            i.measurement = Default::default();
            i.measurement.plan = plan;
        }
        c.budget =
            std::mem::take(&mut c.budget).into_iter().map(|b| BudgetLine::new(b.program, b.amount)).collect();
        c
    }

    /// A signed PK whose live content is not its last signed version (changed without a Perubahan:
    /// only possible by editing the stored data or a file).
    pub fn breaks_signature(&self) -> bool {
        self.is_locked() && self.in_force().is_some_and(|v| v.content != self.content())
    }

    /// The versions whose content does not match their fingerprint (tampered with).
    pub fn tampered_versions(&self) -> Vec<u32> {
        self.life.versions.iter().filter(|v| !v.verify()).map(|v| v.number).collect()
    }

    /// Whether anything about its signature cannot be trusted.
    pub fn untrusted(&self) -> bool {
        self.breaks_signature() || !self.tampered_versions().is_empty()
    }

    pub fn version(&self, number: u32) -> Option<&Version> {
        self.life.line().iter().find(|v| v.number == number)
    }

    /// The agreement as it reads in a signed version: its content, with this year's realisasi (matched
    /// by indicator id and program) and everything else of the live agreement.
    pub fn showing(&self, content: &Content) -> Agreement {
        let mut a = self.clone();
        a.set_signed_fields(content);
        for i in a.objectives.iter_mut().flat_map(|o| o.indicators.iter_mut()) {
            if let Some(live) = self.find_indicator(&i.id) {
                let plan = std::mem::take(&mut i.measurement.plan);
                i.measurement = live.measurement.clone();
                i.measurement.plan = plan;
            }
        }
        a.budget = content
            .budget
            .iter()
            .map(|b| {
                let mut line = b.clone();
                if let Some(live) = self.budget.iter().find(|x| x.program == b.program) {
                    line.actual = live.actual.clone();
                }
                line
            })
            .collect();
        a
    }

    /// The agreement exactly as signed in version `number`: its content, this year's realisasi, and a
    /// life that ends with that version (so it reads as "signed, version n" wherever it is shown).
    pub fn as_version(&self, number: u32) -> Option<Agreement> {
        let at = self.life.line().iter().position(|v| v.number == number)?;
        let mut a = self.showing(&self.life.versions[at].content);
        a.life.versions.truncate(at + 1);
        a.life.revising = None;
        Some(a)
    }

    /// After its sasaran and indicators got new ids (an import kept as a copy), the same ids in its
    /// signed versions (the fingerprints do not change: ids are not part of them).
    pub fn rename_in_versions(
        &mut self,
        objectives: &HashMap<super::ObjectiveId, super::ObjectiveId>,
        indicators: &HashMap<super::IndicatorId, super::IndicatorId>,
    ) {
        for v in &mut self.life.versions {
            for o in &mut v.content.objectives {
                if let Some(new) = objectives.get(&o.id) {
                    o.id = new.clone();
                }
                for i in &mut o.indicators {
                    if let Some(new) = indicators.get(&i.id) {
                        i.id = new.clone();
                    }
                }
            }
        }
    }

    /// Links in its signed versions (parent PK, parent indicators) that follow renewed ids.
    pub fn relink_versions(
        &mut self,
        agreements: &HashMap<AgreementId, AgreementId>,
        indicators: &HashMap<super::IndicatorId, super::IndicatorId>,
    ) {
        for v in &mut self.life.versions {
            if let Some(new) = v.content.parent.as_ref().and_then(|p| agreements.get(p)) {
                v.content.parent = Some(new.clone());
            }
            for link in v
                .content
                .objectives
                .iter_mut()
                .flat_map(|o| &mut o.indicators)
                .filter_map(|i| i.parent.as_mut())
            {
                if let Some(new) = indicators.get(&link.id) {
                    link.id = new.clone();
                }
            }
        }
    }

    /// The version in force: the last signed one (a Perubahan being prepared is not in force yet);
    /// `None` for a draft.
    pub fn in_force(&self) -> Option<&Version> {
        self.life.line().last()
    }

    /// The annual target and Rencana Aksi of an indicator that quarter `q` is measured against: the
    /// signed version in force in that quarter (a Perubahan applies from the quarter of its date), else
    /// the live indicator.
    pub fn terms_at(
        &self,
        indicator: &super::IndicatorId,
        q: Quarter,
    ) -> Option<(Target, [Option<Target>; 4])> {
        let from_version =
            self.life.line().iter().rev().find(|v| v.from_quarter <= q.number()).and_then(|v| {
                v.content.objectives.iter().flat_map(|o| &o.indicators).find(|i| &i.id == indicator)
            });
        let i = from_version.or_else(|| self.find_indicator(indicator))?;
        Some((i.target.clone(), i.measurement.plan.clone()))
    }

    /// Signs the draft (`on`: ISO date), or the Perubahan being prepared. A Perubahan that changes the
    /// target of a quarter with realisasi is signed only with `confirmed`, and the confirmation is kept.
    pub fn sign(&mut self, on: &str, confirmed: bool) -> Result<(), LifeError> {
        if parse_date(on).is_none() {
            return Err(LifeError::BadDate);
        }
        let incomplete = self.first_party.name.trim().is_empty()
            || self.second_party.name.trim().is_empty()
            || self.indicator_count() == 0;
        if incomplete {
            return Err(LifeError::Incomplete);
        }
        let number = self.life.line_len() as u32;
        let (change, from_quarter, realised) = match self.stage() {
            Stage::Signed(_) => return Err(LifeError::AlreadySigned),
            Stage::Draft => (None, 1, Vec::new()),
            Stage::Revising(_) => {
                let previous = self.in_force().expect("a revision has a signed version");
                if on.trim() < previous.signed_on.as_str() {
                    return Err(LifeError::DateBeforePrevious);
                }
                if previous.content == self.content() {
                    return Err(LifeError::Unchanged);
                }
                let change = self.life.revising.clone().expect("revising");
                let from = quarter_of(&change.date, self.year).map_or(1, Quarter::number);
                let realised = self.realised_changes();
                if !realised.is_empty() && !confirmed {
                    return Err(LifeError::NeedsConfirmation(realised));
                }
                (Some(change), from, realised)
            }
        };
        let mut version = Version {
            number,
            signed_on: on.trim().to_string(),
            change,
            from_quarter,
            content: self.content(),
            fingerprint: String::new(),
            confirmed: realised,
        };
        version.fingerprint = version.compute_fingerprint();
        // After the line, before any version held beside it.
        self.life.versions.insert(number as usize, version);
        self.life.revising = None;
        Ok(())
    }

    /// Starts Perubahan ke-n of a signed PK; the live agreement becomes its draft.
    pub fn begin_revision(&mut self, change: Change) -> Result<(), LifeError> {
        if !self.is_locked() {
            return Err(LifeError::NotSigned);
        }
        let Some(_) = parse_date(&change.date) else { return Err(LifeError::BadDate) };
        let previous = self.in_force().map(|v| v.signed_on.as_str()).unwrap_or_default();
        if change.date.trim() < previous {
            return Err(LifeError::DateBeforePrevious);
        }
        if change.reason == Reason::Other && change.text.trim().is_empty() {
            return Err(LifeError::ReasonMissing);
        }
        self.life.revising = Some(Change { date: change.date.trim().to_string(), ..change });
        Ok(())
    }

    /// Drops the Perubahan being prepared: the version in force comes back as it was signed.
    pub fn cancel_revision(&mut self) -> bool {
        if self.life.revising.is_none() {
            return false;
        }
        let content = self.in_force().expect("a revision has a signed version").content.clone();
        // The signed content with this year's realisasi; notes, origin and the life stay as they are.
        *self = self.showing(&content);
        self.life.revising = None;
        true
    }

    /// The quarters, from the one the Perubahan applies to, that already have realisasi and whose
    /// target (annual or quarterly) the Perubahan changes.
    pub fn realised_changes(&self) -> Vec<Realised> {
        let (Some(change), Some(previous)) = (&self.life.revising, self.in_force()) else {
            return Vec::new();
        };
        let from = quarter_of(&change.date, self.year).map_or(1, Quarter::number);
        let old: Vec<&super::Indicator> =
            previous.content.objectives.iter().flat_map(|o| &o.indicators).collect();
        let mut out = Vec::new();
        for (si, o) in self.objectives.iter().enumerate() {
            for (ii, i) in o.indicators.iter().enumerate() {
                let Some(was) = old.iter().find(|x| x.id == i.id) else { continue };
                for q in Quarter::ALL.into_iter().filter(|q| q.number() >= from) {
                    if i.measurement.report(q).is_none() {
                        continue;
                    }
                    let term = |x: &super::Indicator| {
                        let plan = x.measurement.planned(q).map(|t| t.text().to_string());
                        match plan {
                            Some(p) => format!("{} (TW {}: {p})", x.target.text(), q.roman()),
                            None => x.target.text().to_string(),
                        }
                    };
                    let (before, after) = (term(was), term(i));
                    if before != after {
                        out.push(Realised {
                            number: format!("{}.{}", si + 1, ii + 1),
                            indicator: i.text.clone(),
                            quarter: q.number(),
                            was: before,
                            now: after,
                        });
                    }
                }
            }
        }
        out
    }
}

#[cfg(test)]
#[path = "life_tests.rs"]
mod tests;
