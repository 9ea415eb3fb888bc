//! Stable identifiers of agreements, sasaran and indicators.
//!
//! Ids are opaque strings. The embedded dataset uses readable ids (`kpu-maluku-2024-sekretaris/s01/i1`);
//! ids made in the app come from [`IdGen`], whose prefix is random per browser session, so files made in
//! different offices never clash by accident.

use serde::{Deserialize, Serialize};
use std::fmt;

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub String);

        impl $name {
            pub fn new(id: impl Into<String>) -> Self {
                Self(id.into())
            }
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }
    };
}

id_type!(
    /// Identifies an agreement (PK).
    AgreementId
);
id_type!(
    /// Identifies a sasaran (objective) inside its agreement.
    ObjectiveId
);
id_type!(
    /// Identifies an indicator; child indicators point at their parent's id.
    IndicatorId
);

/// Makes fresh ids: `<prefix>-<kind><counter>`, e.g. `k7f3q2m9x-i12`.
#[derive(Clone, Debug)]
pub struct IdGen {
    prefix: String,
    counter: u64,
}

impl IdGen {
    /// `prefix` must be unique per session (the app uses random letters and the time).
    pub fn new(prefix: impl Into<String>) -> Self {
        Self { prefix: prefix.into(), counter: 0 }
    }

    fn next(&mut self, kind: &str) -> String {
        self.counter += 1;
        format!("{}-{kind}{}", self.prefix, self.counter)
    }

    pub fn agreement(&mut self) -> AgreementId {
        AgreementId(self.next("pk"))
    }
    pub fn objective(&mut self) -> ObjectiveId {
        ObjectiveId(self.next("s"))
    }
    pub fn indicator(&mut self) -> IndicatorId {
        IndicatorId(self.next("i"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_ids_are_distinct_and_prefixed() {
        let mut ids = IdGen::new("abc");
        let a = ids.agreement();
        let s = ids.objective();
        let i = ids.indicator();
        assert_eq!(a.as_str(), "abc-pk1");
        assert_eq!(s.as_str(), "abc-s2");
        assert_eq!(i.as_str(), "abc-i3");
    }
}
