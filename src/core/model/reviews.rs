//! (Version 6) reviews of a quarter's realisasi: the receiving office marks a PK's quarter *Diterima*
//! (accepted) or *Dikembalikan* (returned, with a note for the whole quarter and per indicator), and the
//! sender may reopen an accepted quarter with a reason. Each review records the fingerprint of the
//! figures it saw ([`Agreement::quarter_fingerprint`]): a review whose figures are no longer those of the
//! quarter is for an earlier version and never applies to the new figures.
//!
//! Reviews are a history kept in the workspace's settings (they travel in every file with the PKs they
//! are about), merged on import as a union: an identical review from two files is one, two reviews of
//! the same quarter are both kept and the newest is in force. A review of a PK not held here is kept
//! until the PK arrives.

use super::quarter::Quarter;
use super::{Agreement, AgreementId, IndicatorId, Workspace};
use serde::{Deserialize, Serialize};
use std::sync::Arc;

/// At most this many reviews in a file (four quarters of a national year's 5 520 PKs, several times over).
pub const MAX_REVIEWS: usize = 100_000;

/// What a review says.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// *Diterima*: the quarter is accepted, and locked for the sender.
    Accepted,
    /// *Dikembalikan*: sent back to be corrected, with notes.
    Returned,
    /// *Dibuka kembali*: an accepted quarter opened again, with the reason.
    Reopened,
}

impl Verdict {
    pub const ALL: [Verdict; 3] = [Verdict::Accepted, Verdict::Returned, Verdict::Reopened];

    pub fn key(self) -> &'static str {
        match self {
            Verdict::Accepted => "accepted",
            Verdict::Returned => "returned",
            Verdict::Reopened => "reopened",
        }
    }

    pub fn from_key(key: &str) -> Option<Verdict> {
        Verdict::ALL.into_iter().find(|v| v.key() == key)
    }
}

/// A note about one indicator of the quarter.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct IndicatorNote {
    pub indicator: IndicatorId,
    pub note: String,
}

/// One review of one PK's quarter.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Review {
    /// The PK reviewed.
    pub agreement: AgreementId,
    /// 1 to 4.
    pub quarter: u8,
    pub verdict: Verdict,
    /// The note for the whole quarter (a reopening's reason).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    /// Notes per indicator, in the PK's order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub indicators: Vec<IndicatorNote>,
    /// Who reviewed: the reviewer's name and office, as typed.
    pub by: String,
    /// When, ISO 8601 with the reviewing computer's offset (`2024-04-25T09:30:00+09:00`).
    pub at: String,
    /// The fingerprint of the quarter's figures reviewed ([`Agreement::quarter_fingerprint`]).
    pub figures: String,
}

impl Review {
    /// The quarter reviewed (TW I when the number is out of range, which validation refuses).
    pub fn quarter(&self) -> Quarter {
        Quarter::new(self.quarter).unwrap_or(Quarter::ALL[0])
    }

    /// The order of time: minutes since 1970 in UTC, then the text of the stamp, then the rest, so
    /// that every browser puts two reviews in the same order.
    fn order_key(&self) -> (i64, String, String) {
        let minute = crate::core::date::wall_clock(&self.at, 0)
            .map(|w| w.date.days() * 1440 + i64::from(w.hour) * 60 + i64::from(w.minute))
            .unwrap_or(i64::MIN);
        let rest = serde_json::to_string(self).unwrap_or_default();
        (minute, self.at.clone(), rest)
    }

    /// The local date of the review, as its stamp says (the reviewing office's day).
    pub fn date(&self) -> Option<crate::core::date::Date> {
        crate::core::date::Date::parse(self.at.get(..10)?)
    }

    /// The note about one indicator, if any.
    pub fn note_for(&self, indicator: &IndicatorId) -> Option<&str> {
        self.indicators.iter().find(|n| &n.indicator == indicator).map(|n| n.note.as_str())
    }
}

/// Whether a review's stamp is a time with its offset, as the app writes it.
pub fn stamp_ok(at: &str) -> bool {
    crate::core::date::wall_clock(at, 0).is_some()
}

/// Where a PK's quarter stands after its reviews.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Standing {
    /// Never reviewed.
    Open,
    /// The review in force is for these very figures.
    Current(Review),
    /// The review in force saw other figures: the quarter changed since (after a return: a new version).
    Earlier(Review),
}

impl Standing {
    /// The review in force for the current figures, if any.
    pub fn current(&self) -> Option<&Review> {
        match self {
            Standing::Current(r) => Some(r),
            _ => None,
        }
    }

    /// Accepted, for these figures: the quarter is locked.
    pub fn locked(&self) -> bool {
        self.current().is_some_and(|r| r.verdict == Verdict::Accepted)
    }

    /// Returned, for these figures: the sender is to correct it.
    pub fn returned(&self) -> Option<&Review> {
        self.current().filter(|r| r.verdict == Verdict::Returned)
    }

    /// A new version of the figures sent after a return.
    pub fn resent(&self) -> bool {
        matches!(self, Standing::Earlier(r) if r.verdict == Verdict::Returned)
    }
}

/// The history of reviews (cheap to clone: undo keeps the settings of each step).
#[derive(Clone, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Reviews(Arc<Vec<Review>>);

impl Reviews {
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn all(&self) -> &[Review] {
        &self.0
    }

    /// Adds a review (nothing when the same review is held).
    pub fn add(&mut self, review: Review) {
        if !self.0.contains(&review) {
            Arc::make_mut(&mut self.0).push(review);
        }
    }

    /// Every review of `others` not held here, in their order: the union, never a duplicate.
    pub fn merge(&mut self, others: &[Review]) {
        for r in others {
            self.add(r.clone());
        }
    }

    /// The reviews of `others` not held here.
    pub fn new_in<'a>(&self, others: &'a [Review]) -> Vec<&'a Review> {
        let mut out: Vec<&Review> = Vec::new();
        for r in others {
            if !self.0.contains(r) && !out.contains(&r) {
                out.push(r);
            }
        }
        out
    }

    /// The reviews of one PK (every quarter), for a file of that PK.
    pub fn of_agreements(&self, ids: &[AgreementId]) -> Reviews {
        Reviews(Arc::new(self.0.iter().filter(|r| ids.contains(&r.agreement)).cloned().collect()))
    }

    /// The reviews of a PK's quarter, oldest first (the last is in force).
    pub fn history(&self, agreement: &AgreementId, q: Quarter) -> Vec<&Review> {
        let mut out: Vec<&Review> =
            self.0.iter().filter(|r| &r.agreement == agreement && r.quarter == q.number()).collect();
        out.sort_by_cached_key(|r| r.order_key());
        out
    }

    /// The review in force of a PK's quarter: the newest.
    pub fn in_force(&self, agreement: &AgreementId, q: Quarter) -> Option<&Review> {
        self.history(agreement, q).pop()
    }

    /// Where `a`'s quarter stands: its review in force, and whether it saw the figures held now.
    pub fn standing(&self, a: &Agreement, q: Quarter) -> Standing {
        match self.in_force(&a.id, q) {
            None => Standing::Open,
            Some(r) if r.figures == a.quarter_fingerprint(q) => Standing::Current(r.clone()),
            Some(r) => Standing::Earlier(r.clone()),
        }
    }
}

/// The reviews by PK and quarter, each history oldest first: built once for a view of many PKs (the
/// grid), where searching the whole history for each PK and quarter grew with the square of a national
/// workspace.
pub struct Index<'a> {
    by: std::collections::HashMap<(&'a AgreementId, u8), Vec<&'a Review>>,
}

impl Reviews {
    pub fn index(&self) -> Index<'_> {
        let mut by: std::collections::HashMap<(&AgreementId, u8), Vec<&Review>> = Default::default();
        for r in self.0.iter() {
            by.entry((&r.agreement, r.quarter)).or_default().push(r);
        }
        for list in by.values_mut() {
            list.sort_by_cached_key(|r| r.order_key());
        }
        Index { by }
    }
}

impl Index<'_> {
    /// As [`Reviews::standing`].
    pub fn standing(&self, a: &Agreement, q: Quarter) -> Standing {
        match self.by.get(&(&a.id, q.number())).and_then(|l| l.last()) {
            None => Standing::Open,
            Some(r) if r.figures == a.quarter_fingerprint(q) => Standing::Current((*r).clone()),
            Some(r) => Standing::Earlier((*r).clone()),
        }
    }
}

/// Whether a change from `before` to `after` alters the figures of a quarter accepted in `before`
/// (locked for the sender until it is reopened, with a reason).
pub fn breaks_a_lock(before: &Workspace, after: &Workspace) -> bool {
    let reviews = &before.settings.reviews;
    if reviews.is_empty() {
        return false;
    }
    after.agreements.iter().enumerate().any(|(n, a)| {
        let same_place = before.agreements.get(n).filter(|b| b.id == a.id);
        same_place.or_else(|| before.agreements.iter().find(|b| b.id == a.id)).is_some_and(|b| {
            !Arc::ptr_eq(a, b)
                && Quarter::ALL.into_iter().any(|q| {
                    reviews.standing(b, q).locked() && a.quarter_fingerprint(q) != b.quarter_fingerprint(q)
                })
        })
    })
}

#[cfg(test)]
#[path = "reviews_tests.rs"]
mod tests;
