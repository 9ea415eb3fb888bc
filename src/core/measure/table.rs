//! One PK's measurement through a quarter, as every view shows it: per indicator the target, the
//! realisasi to date (own or from the cascade), the capaian as shown (capped per the settings), the
//! predikat and last year's realisasi; per program the realisasi anggaran to date. The LKj table
//! (chapter III), the measurement page, the rollup, the public view and the CSV all read this.

use super::cascade::{self, Flow};
use super::spent::{budget_rows, BudgetRow};
use super::{capaian, judge, period, Aggregation, Capaian, Method, NotAssessable, Quarter};
use crate::core::model::links::Links;
use crate::core::model::normalize::normalize;
use crate::core::model::{Agreement, AgreementId, Indicator, IndicatorId, Target, Workspace};

/// One indicator's row.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    pub id: IndicatorId,
    /// The sasaran's number (1-based) and text.
    pub objective: usize,
    pub objective_text: String,
    /// `s.i`.
    pub number: String,
    pub text: String,
    /// The PK target.
    pub target: Target,
    /// What the year to date is compared with (the Rencana Aksi through the quarter, else the target).
    pub target_to_date: Target,
    /// `target_to_date` is this level's own Rencana Aksi (else the PK target): every row says which, so
    /// one realisasi measured at two levels against two plans is explained, not a surprise.
    pub against_plan: bool,
    /// The realisasi through the quarter (by the indicator's aggregation): the quarters reported so far.
    pub actual: Option<Target>,
    /// The latest quarter, up to this one, that has a realisasi: what `actual` is "s.d." (`None`: none yet).
    /// When it is an earlier quarter, this quarter is not reported and has no capaian or predikat.
    pub through: Option<Quarter>,
    /// The quarter's own realisasi: its value, where it comes from, the lower PKs' values beside it, and
    /// whether a value entered here disagrees with theirs.
    pub flow: Flow,
    /// The capaian as shown (capped per the workspace's setting); *belum dilaporkan* when the quarter
    /// itself has no realisasi, even if earlier quarters do (a quarter not reported never looks reported).
    pub capaian: Capaian,
    pub predikat: Option<String>,
    /// The predikat band (its index in the workspace's bands) the capaian falls in.
    pub band: Option<usize>,
    /// The same indicator's realisasi for the whole previous year: typed on this indicator, else from
    /// last year's PK when the workspace holds it.
    pub previous: Option<Target>,
    /// `previous` was typed on this indicator (not taken from last year's PK).
    pub previous_entered: bool,
    /// Figures kept but questioned: a percentage over 100 %, a capaian over 200 %, a quarter in another
    /// unit left out of the total.
    pub odd: Vec<judge::Odd>,
    /// The quarter itself has no realisasi (here or below).
    pub missing: bool,
    /// The notes of the quarters through this one (what helped or hindered, the solution).
    pub notes: Vec<(Quarter, String)>,
}

/// A PK's measurement through a quarter.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Table {
    pub id: AgreementId,
    pub quarter: Quarter,
    pub rows: Vec<Row>,
    pub budget: Vec<BudgetRow>,
}

impl Table {
    /// Indicators without realisasi for the quarter ("belum melapor").
    pub fn missing(&self) -> usize {
        self.rows.iter().filter(|r| r.missing).count()
    }
}

/// The previous year's PK: the one this PK was prepared from, else the one of the same official's
/// position (or unit, when the position is empty).
fn previous_year<'a>(links: &Links<'a>, a: &Agreement) -> Option<&'a Agreement> {
    if let Some(p) = a.predecessor.as_ref().and_then(|p| links.agreement(p)) {
        return Some(p);
    }
    links.titled(a.year - 1, &normalize(a.title()))
}

/// Last year's indicator of `i`: the one it was prepared from, else the one with the same text.
fn previous_indicator<'a>(p: &'a Agreement, i: &Indicator) -> Option<&'a Indicator> {
    if let Some(old) = i.predecessor.as_ref().and_then(|id| p.find_indicator(id)) {
        return Some(old);
    }
    let key = normalize(&i.text);
    p.indicators().map(|(_, x)| x).find(|x| normalize(&x.text) == key)
}

/// The measurement of agreement `a` through quarter `q`.
pub fn table(ws: &Workspace, a: &Agreement, q: Quarter) -> Table {
    let links = Links::new(ws);
    table_of(&links, a, &year_of(&links, a), q)
}

/// The measurement of agreement `a` through each quarter, TW I–IV: what each indicator needs for the
/// whole year (how it is measured, its realisasi through the cascade, last year's) is worked out once,
/// with the workspace's links built once for many PKs (the capaian of a year).
pub fn tables_in(links: &Links, a: &Agreement) -> [Table; 4] {
    let year = year_of(links, a);
    Quarter::ALL.map(|q| table_of(links, a, &year, q))
}

/// What one indicator brings to every quarter's row.
struct IndicatorYear<'a> {
    objective: usize,
    objective_text: &'a str,
    number: String,
    indicator: &'a Indicator,
    method: Method,
    flows: [Flow; 4],
    values: [Option<Target>; 4],
    previous: Option<Target>,
    previous_entered: bool,
}

fn year_of<'a>(links: &Links, a: &'a Agreement) -> Vec<IndicatorYear<'a>> {
    let before = previous_year(links, a);
    let mut out = Vec::new();
    for (si, o) in a.objectives.iter().enumerate() {
        for (ii, i) in o.indicators.iter().enumerate() {
            let flows = cascade::year_in(links, a, i);
            let values = flows.clone().map(|f| f.value);
            // Typed on this indicator, else worked out from last year's PK.
            let entered = i.measurement.previous.clone().filter(|t| !t.text().trim().is_empty());
            let previous_entered = entered.is_some();
            let previous = entered.or_else(|| {
                before.and_then(|p| {
                    let old = previous_indicator(p, i)?;
                    let m = cascade::method(old);
                    let values = cascade::year_in(links, p, old).map(|f| f.value);
                    period::to_date(&values, m.aggregation, Quarter::ALL[3])
                })
            });
            out.push(IndicatorYear {
                objective: si + 1,
                objective_text: &o.text,
                number: format!("{}.{}", si + 1, ii + 1),
                indicator: i,
                method: cascade::method(i),
                flows,
                values,
                previous,
                previous_entered,
            });
        }
    }
    out
}

fn table_of(links: &Links, a: &Agreement, year: &[IndicatorYear], q: Quarter) -> Table {
    let settings = &links.workspace().settings;
    let rows = year
        .iter()
        .map(|y| {
            let i = y.indicator;
            let now = &y.flows[q.index()];
            // Measured against the version in force in that quarter (a Perubahan applies from its date).
            let (target, plan) =
                a.terms_at(&i.id, q).unwrap_or_else(|| (i.target.clone(), i.measurement.plan.clone()));
            // A count adds up the quarters in the target's unit; one in another unit is named, not added.
            let left_out = match y.method.aggregation {
                Aggregation::Sum => judge::other_units(&y.values, &target, q),
                _ => Vec::new(),
            };
            let mut counted = y.values.clone();
            for (p, _) in &left_out {
                counted[p.index()] = None;
            }
            let actual = period::to_date(&counted, y.method.aggregation, q);
            let terms = crate::core::model::Measurement { plan, ..i.measurement.clone() };
            let target_to_date = period::target_to_date(&target, &terms, y.method.aggregation, q);
            let against_plan = terms.planned(q).is_some();
            let through = q.to_date().filter(|p| y.flows[p.index()].value.is_some()).last();
            let missing = now.value.is_none();
            let raw = if missing {
                Capaian::NotAssessable(NotAssessable::NotReported)
            } else {
                capaian(&target_to_date, actual.as_ref(), &y.method.polarity)
            };
            let odd = judge::odd(&i.text, &y.values, q, raw, &left_out, &target);
            let notes = q
                .to_date()
                .filter_map(|p| i.measurement.report(p).map(|r| (p, r.note.clone())))
                .filter(|(_, n)| !n.trim().is_empty())
                .collect();
            Row {
                id: i.id.clone(),
                objective: y.objective,
                objective_text: y.objective_text.to_string(),
                number: y.number.clone(),
                text: i.text.clone(),
                target,
                target_to_date,
                against_plan,
                actual,
                through,
                missing,
                flow: now.clone(),
                capaian: settings.shown(raw),
                predikat: settings.predikat(raw).map(str::to_string),
                band: settings.band(raw),
                previous: y.previous.clone(),
                previous_entered: y.previous_entered,
                odd,
                notes,
            }
        })
        .collect();
    let budget = budget_rows(links, a, q);
    Table { id: a.id.clone(), quarter: q, rows, budget }
}

#[cfg(test)]
#[path = "table_tests.rs"]
mod tests;
