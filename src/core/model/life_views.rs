//! The workspace seen through its PKs' signed versions, for the rollup and the capaian: every PK as
//! in force (the signed version while a Perubahan is prepared) or as first signed. What each PK's
//! life is lives in [`super::life`]; these read it for the whole workspace at once.

use super::{Agreement, Workspace};
use std::sync::Arc;

impl Workspace {
    /// The workspace as in force: every PK whose Perubahan is being prepared shows its last signed
    /// version instead. Unchanged agreements are shared.
    pub fn in_force(&self) -> Workspace {
        self.mapped(|a| match (&a.life.revising, a.in_force()) {
            (Some(_), Some(v)) => Some(a.showing(&v.content)),
            _ => None,
        })
    }

    /// The workspace as first signed: every signed PK shows its version 0, and is measured against it
    /// in every quarter.
    pub fn as_signed_first(&self) -> Workspace {
        self.mapped(|a| {
            let first = a.life.line().first()?;
            (a.life.line_len() > 1 || a.life.revising.is_some()).then(|| a.as_version(first.number)).flatten()
        })
    }

    fn mapped(&self, f: impl Fn(&Agreement) -> Option<Agreement>) -> Workspace {
        Workspace {
            agreements: self
                .agreements
                .iter()
                .map(|a| f(a).map_or_else(|| Arc::clone(a), Arc::new))
                .collect(),
            ..self.clone()
        }
    }

    /// What the rollup and the capaian show: every PK as first signed, or the versions in force.
    pub fn versions_shown(&self, original: bool) -> Workspace {
        if original {
            self.as_signed_first()
        } else {
            self.in_force()
        }
    }

    /// Whether any PK has more than its first signed version (the rollup offers the original).
    pub fn has_revisions(&self) -> bool {
        self.agreements.iter().any(|a| a.life.line_len() > 1 || a.life.revising.is_some())
    }
}
