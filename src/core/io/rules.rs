//! The rules a Kinerja file must follow, each defined once. The full check ([`super::validate`], which
//! walks the JSON and reports every broken rule with its place) and the direct reading
//! ([`super::fast`], which reads the model and only asks whether any rule is broken) both call these.

use super::problem::{Problem, ProblemKind};
use crate::core::model::amount::{self, Implausible};
use crate::core::model::tree::leads_back;
use rust_decimal::Decimal;
use std::collections::HashMap;
use std::str::FromStr;

/// Longest text accepted in any field.
pub const MAX_TEXT: usize = 20_000;
/// Most agreements accepted in one file.
pub const MAX_AGREEMENTS: usize = 20_000;
/// Most sasaran, indicators per sasaran, or budget lines in one agreement.
pub const MAX_ITEMS: usize = 2_000;
/// Longest id accepted.
pub const MAX_ID: usize = 200;
/// The values of `source.scope`.
pub const SCOPES: [&str; 3] = ["workspace", "agreement", "subtree"];

/// Whether a text is longer than [`MAX_TEXT`] characters.
pub fn too_long(s: &str) -> bool {
    s.len() > MAX_TEXT && s.chars().count() > MAX_TEXT
}

/// Any text field.
pub fn text(s: &str) -> Option<ProblemKind> {
    too_long(s).then_some(ProblemKind::TooLong { max: MAX_TEXT })
}

/// An agreement, sasaran or indicator id (also the id of a linked parent indicator).
pub fn id(s: &str) -> Option<ProblemKind> {
    if s.trim().is_empty() {
        Some(ProblemKind::EmptyId)
    } else if s.len() > MAX_ID {
        Some(ProblemKind::TooLong { max: MAX_ID })
    } else {
        None
    }
}

/// A list of `len` items where at most `max` are accepted.
pub fn count(len: usize, max: usize) -> Option<ProblemKind> {
    (len > max).then_some(ProblemKind::TooMany { max })
}

/// An agreement's year.
pub fn year(y: i64) -> Option<ProblemKind> {
    let ok = i32::try_from(y).is_ok_and(|y| crate::core::model::YEARS.contains(&y));
    (!ok).then_some(ProblemKind::BadYear)
}

/// An amount's value ([`amount::implausible`], the rule the editor uses too).
pub fn amount_value(v: Decimal) -> Option<ProblemKind> {
    amount::implausible(v).map(|i| match i {
        Implausible::Negative => ProblemKind::NegativeAmount,
        Implausible::Absurd => ProblemKind::AbsurdAmount,
    })
}

/// An amount as written in a file: digits with an optional decimal point, `-`, or empty.
pub fn amount_text(s: &str) -> Option<ProblemKind> {
    let s = s.trim();
    if s.is_empty() || s == "-" {
        return None;
    }
    match Decimal::from_str(s) {
        Err(_) => Some(ProblemKind::BadAmount),
        Ok(v) => amount_value(v),
    }
}

/// Most values of a qualitative scale, or predikat bands.
pub const MAX_SCALE: usize = 20;

/// A polarity's `kind`.
pub fn polarity(kind: &str) -> Option<ProblemKind> {
    (!["higher", "lower", "range", "scale"].contains(&kind)).then_some(ProblemKind::BadChoice)
}

/// An aggregation.
pub fn aggregation(a: &str) -> Option<ProblemKind> {
    (!["sum", "last", "average"].contains(&a)).then_some(ProblemKind::BadChoice)
}

/// A plain decimal written as text (`"90"`, `"97.5"`), for predikat bands.
pub fn number_text(s: &str) -> Option<ProblemKind> {
    Decimal::from_str(s.trim()).is_err().then_some(ProblemKind::BadChoice)
}

/// A cap setting.
pub fn cap(c: &str) -> Option<ProblemKind> {
    (!["none", "at100", "at120"].contains(&c)).then_some(ProblemKind::BadChoice)
}

/// At most this many signed versions per PK.
pub const MAX_VERSIONS: usize = 100;

/// A Perubahan's reason.
pub fn reason(r: &str) -> Option<ProblemKind> {
    crate::core::model::life::Reason::from_key(r).is_none().then_some(ProblemKind::BadChoice)
}

/// A quarter number (1–4).
pub fn quarter(n: i64) -> Option<ProblemKind> {
    (!(1..=4).contains(&n)).then_some(ProblemKind::BadChoice)
}

/// A version number.
pub fn version_number(n: i64) -> Option<ProblemKind> {
    (!(0..MAX_VERSIONS as i64).contains(&n)).then_some(ProblemKind::BadChoice)
}

/// `source.scope`.
pub fn scope(s: &str) -> Option<ProblemKind> {
    (!SCOPES.contains(&s)).then_some(ProblemKind::BadScope)
}

/// One agreement's cascade link, for [`cascade`]: its index in the file, its id and its parent's id.
pub struct ParentLink<'a> {
    pub index: usize,
    pub id: &'a str,
    pub parent: &'a str,
}

/// One indicator's link to a parent indicator: its place in the file and the parent indicator's id.
pub struct IndicatorLink<'a> {
    pub agreement: usize,
    pub objective: usize,
    pub indicator: usize,
    pub parent: &'a str,
}

/// The cascade links of one file: a parent outside the file is a warning (it must be in the user's data),
/// a chain of parents that leads back to an agreement is an error, and a linked parent indicator outside
/// the file is a warning. In file order: agreements first, then indicators.
pub fn cascade<'a>(
    parents: &[ParentLink<'a>],
    agreement_ids: &dyn Fn(&str) -> bool,
    links: &[IndicatorLink<'a>],
    is_indicator: &dyn Fn(&str) -> bool,
) -> Vec<Problem> {
    let parent_of: HashMap<&str, &str> = parents.iter().map(|l| (l.id, l.parent)).collect();
    let mut out = Vec::new();
    for l in parents {
        let path = || format!("agreements[{}].parent", l.index);
        if !agreement_ids(l.parent) {
            out.push(Problem { path: path(), kind: ProblemKind::ParentNotInFile });
        } else if leads_back(l.id, Some(l.parent), |p| parent_of.get(p).copied()) {
            out.push(Problem { path: path(), kind: ProblemKind::CascadeCycle });
        }
    }
    for l in links.iter().filter(|l| !is_indicator(l.parent)) {
        let path = format!(
            "agreements[{}].objectives[{}].indicators[{}].parent.id",
            l.agreement, l.objective, l.indicator
        );
        out.push(Problem { path, kind: ProblemKind::ParentIndicatorNotInFile });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_rule_on_its_edges() {
        assert_eq!(text(&"a".repeat(MAX_TEXT)), None);
        assert_eq!(text(&"a".repeat(MAX_TEXT + 1)), Some(ProblemKind::TooLong { max: MAX_TEXT }));
        assert_eq!(id(" "), Some(ProblemKind::EmptyId));
        assert_eq!(id(&"i".repeat(MAX_ID + 1)), Some(ProblemKind::TooLong { max: MAX_ID }));
        assert_eq!(id("kpu-maluku-2024-sekretaris"), None);
        assert_eq!(count(MAX_ITEMS, MAX_ITEMS), None);
        assert_eq!(count(MAX_ITEMS + 1, MAX_ITEMS), Some(ProblemKind::TooMany { max: MAX_ITEMS }));
        assert_eq!(year(2024), None);
        assert_eq!(year(1899), Some(ProblemKind::BadYear));
        assert_eq!(year(i64::MAX), Some(ProblemKind::BadYear));
        assert_eq!(amount_text("10252187000"), None);
        assert_eq!(amount_text(" - "), None);
        assert_eq!(amount_text("10.252.187.000"), Some(ProblemKind::BadAmount), "files write plain digits");
        assert_eq!(amount_text("-5000"), Some(ProblemKind::NegativeAmount));
        assert_eq!(amount_text("-0"), None);
        assert_eq!(amount_text("1000000000000001"), Some(ProblemKind::AbsurdAmount));
        assert_eq!(scope("subtree"), None);
        assert_eq!(scope("semua"), Some(ProblemKind::BadScope));
    }

    #[test]
    fn cascade_links_inside_and_outside_the_file() {
        let parents = [
            ParentLink { index: 0, id: "a", parent: "b" },
            ParentLink { index: 1, id: "b", parent: "a" },
            ParentLink { index: 2, id: "c", parent: "elsewhere" },
        ];
        let links = [IndicatorLink { agreement: 2, objective: 0, indicator: 1, parent: "gone" }];
        let found = cascade(&parents, &|id| ["a", "b", "c"].contains(&id), &links, &|_| false);
        let kinds: Vec<_> = found.iter().map(|p| (p.path.as_str(), p.kind.clone())).collect();
        assert_eq!(
            kinds,
            [
                ("agreements[0].parent", ProblemKind::CascadeCycle),
                ("agreements[1].parent", ProblemKind::CascadeCycle),
                ("agreements[2].parent", ProblemKind::ParentNotInFile),
                (
                    "agreements[2].objectives[0].indicators[1].parent.id",
                    ProblemKind::ParentIndicatorNotInFile
                ),
            ]
        );
    }
}
