//! Strict validation of a parsed file, collecting every problem with its place in the file
//! (`agreements[3].objectives[2].indicators[0].target`). Runs before anything is deserialised, so
//! hostile or broken content is reported, never crashed on.
//!
//! One job in one file: the `Checker` walks the file's tree once, field by field, with the rules of
//! `rules.rs`; its methods follow the tree (an agreement, its parties, indicators, measurement and
//! budget lines, the calendar, the measurement settings).

use super::problem::{Expected, Problem, ProblemKind};
use super::rules::{self, IndicatorLink, ParentLink};
pub use super::rules::{MAX_AGREEMENTS, MAX_ID, MAX_ITEMS, MAX_TEXT};
use serde_json::{Map, Value};
use std::collections::{HashMap, HashSet};

pub(super) struct Checker {
    problems: Vec<Problem>,
    ids: HashMap<String, String>,
}

impl Checker {
    /// How many problems were found so far.
    pub(super) fn count(&self) -> usize {
        self.problems.len()
    }

    pub(super) fn report(&mut self, path: &str, kind: ProblemKind) {
        self.problems.push(Problem { path: path.to_string(), kind });
    }

    pub(super) fn object<'a>(&mut self, v: &'a Value, path: &str) -> Option<&'a Map<String, Value>> {
        let o = v.as_object();
        if o.is_none() {
            self.report(path, ProblemKind::WrongType(Expected::Object));
        }
        o
    }

    pub(super) fn field<'a>(
        &mut self,
        o: &'a Map<String, Value>,
        key: &str,
        path: &str,
        required: bool,
    ) -> Option<&'a Value> {
        match o.get(key) {
            Some(v) => Some(v),
            None if required => {
                self.report(&format!("{path}.{key}"), ProblemKind::Missing);
                None
            }
            None => None,
        }
    }

    /// A text field; `Null` is accepted when `nullable`. (Paths are only built for a problem.)
    pub(super) fn text(
        &mut self,
        o: &Map<String, Value>,
        key: &str,
        path: &str,
        required: bool,
        nullable: bool,
    ) {
        let p = || format!("{path}.{key}");
        match self.field(o, key, path, required) {
            None => {}
            Some(Value::Null) if nullable => {}
            Some(Value::String(s)) => {
                if let Some(kind) = rules::text(s) {
                    self.report(&p(), kind);
                }
            }
            Some(_) => {
                let e = if nullable { Expected::TextOrNull } else { Expected::Text };
                self.report(&p(), ProblemKind::WrongType(e));
            }
        }
    }

    pub(super) fn list<'a>(
        &mut self,
        o: &'a Map<String, Value>,
        key: &str,
        path: &str,
        max: usize,
    ) -> &'a [Value] {
        let p = || format!("{path}.{key}");
        match self.field(o, key, path, true) {
            Some(Value::Array(items)) => match rules::count(items.len(), max) {
                Some(kind) => {
                    self.report(&p(), kind);
                    &[]
                }
                None => items,
            },
            Some(_) => {
                self.report(&p(), ProblemKind::WrongType(Expected::List));
                &[]
            }
            None => &[],
        }
    }

    /// An id: a non-empty text, unique in the whole file.
    fn id(&mut self, o: &Map<String, Value>, path: &str) -> Option<String> {
        let p = format!("{path}.id");
        match self.field(o, "id", path, true)? {
            Value::String(s) if rules::id(s).is_some() => {
                self.report(&p, rules::id(s)?);
                None
            }
            Value::String(s) => {
                if let Some(first) = self.ids.get(s) {
                    let first = first.clone();
                    self.report(&p, ProblemKind::DuplicateId { first });
                } else {
                    self.ids.insert(s.clone(), p);
                }
                Some(s.clone())
            }
            _ => {
                self.report(&p, ProblemKind::WrongType(Expected::Text));
                None
            }
        }
    }

    pub(super) fn party(&mut self, o: &Map<String, Value>, key: &str, path: &str) {
        if let Some(v) = self.field(o, key, path, true) {
            let p = format!("{path}.{key}");
            if let Some(po) = self.object(v, &p) {
                self.text(po, "name", &p, true, false);
                self.text(po, "position", &p, true, false);
            }
        }
    }

    /// A budget line's program and amount (its realisasi are the caller's).
    pub(super) fn budget_line<'a>(&mut self, v: &'a Value, path: &str) -> Option<&'a Map<String, Value>> {
        let o = self.object(v, path)?;
        self.text(o, "program", path, true, false);
        if let Some(a) = self.field(o, "amount", path, false) {
            self.amount(a, &format!("{path}.amount"));
        }
        Some(o)
    }

    /// An amount: a string of digits, `-`, or `null`/absent (blank).
    pub(super) fn amount(&mut self, v: &Value, p: &str) {
        match v {
            Value::Null => {}
            Value::String(s) => {
                if let Some(kind) = rules::amount_text(s) {
                    self.report(p, kind);
                }
            }
            _ => self.report(p, ProblemKind::WrongType(Expected::TextOrNull)),
        }
    }

    fn indicator<'v>(
        &mut self,
        v: &'v Value,
        path: &str,
        at: [usize; 3],
        parent_links: &mut Vec<IndicatorLink<'v>>,
    ) {
        let Some(o) = self.object(v, path) else { return };
        self.id(o, path);
        self.text(o, "text", path, true, false);
        if let Some(t) = self.field(o, "target", path, true) {
            self.target(t, &format!("{path}.target"));
        }
        if let Some(m) = o.get("measurement").filter(|v| !v.is_null()) {
            self.measurement(m, &format!("{path}.measurement"));
        }
        self.text(o, "predecessor", path, false, true);
        match o.get("parent") {
            None | Some(Value::Null) => {}
            Some(link) => {
                let lp = format!("{path}.parent");
                if let Some(lo) = self.object(link, &lp) {
                    self.text(lo, "text", &lp, true, false);
                    match lo.get("id") {
                        Some(Value::String(id)) => match rules::id(id) {
                            None => parent_links.push(IndicatorLink {
                                agreement: at[0],
                                objective: at[1],
                                indicator: at[2],
                                parent: id,
                            }),
                            Some(kind) => self.report(&format!("{lp}.id"), kind),
                        },
                        Some(_) => self.report(&format!("{lp}.id"), ProblemKind::WrongType(Expected::Text)),
                        None => self.report(&format!("{lp}.id"), ProblemKind::Missing),
                    }
                }
            }
        }
    }

    /// The due dates set per year: `{"2024": {"tw1": "2024-04-15"}}`, years and deliverables known, dates real.
    fn calendar(&mut self, mo: &Map<String, Value>, path: &str) {
        let cp = format!("{path}.calendar");
        let Some(cal) = mo.get("calendar").filter(|v| !v.is_null()) else { return };
        let Some(years) = self.object(cal, &cp) else { return };
        for (year, entries) in years {
            let yp = format!("{cp}.{year}");
            if !year.parse::<i32>().is_ok_and(|y| crate::core::model::YEARS.contains(&y)) {
                self.report(&yp, ProblemKind::BadChoice);
                continue;
            }
            let Some(eo) = self.object(entries, &yp) else { continue };
            for (key, date) in eo {
                let kp = format!("{yp}.{key}");
                let known = crate::core::model::calendar::Deliverable::from_key(key).is_some();
                let real = date.as_str().and_then(crate::core::date::Date::parse).is_some();
                if !(known && real) {
                    self.report(&kp, ProblemKind::BadChoice);
                }
            }
        }
    }

    /// The office's letterhead: a logo that is a PNG or JPEG of at most 100 KB, as a data URL.
    fn letterhead(&mut self, v: &Value, path: &str) {
        let Some(lo) = self.object(v, path) else { return };
        match lo.get("logo") {
            None | Some(Value::Null) => {}
            Some(Value::String(s)) => {
                if let Err(e) = crate::core::model::letterhead::check_logo(s) {
                    self.report(&format!("{path}.logo"), ProblemKind::BadLogo(e));
                }
            }
            Some(_) => self.report(&format!("{path}.logo"), ProblemKind::WrongType(Expected::Text)),
        }
    }

    /// (Version 6) the offices: `{"own": "…", "list": [{"name", "level", "parent"}]}`, each field of its
    /// type, then the list's own rules ([`Offices::problems`]).
    fn offices(&mut self, mo: &Map<String, Value>, path: &str) {
        use crate::core::model::offices::{Level, ListProblem, Offices, MAX_OFFICES};
        let op = format!("{path}.offices");
        let Some(v) = mo.get("offices").filter(|v| !v.is_null()) else { return };
        let Some(oo) = self.object(v, &op) else { return };
        let before = self.problems.len();
        self.text(oo, "own", &op, false, false);
        for (i, o) in self.list(oo, "list", &op, MAX_OFFICES).iter().enumerate() {
            let ip = format!("{op}.list[{i}]");
            let Some(io) = self.object(o, &ip) else { continue };
            self.text(io, "name", &ip, true, false);
            self.text(io, "parent", &ip, false, false);
            match io.get("level") {
                None => {}
                Some(Value::String(s)) if Level::from_key(s).is_some() => {}
                Some(_) => self.report(&format!("{ip}.level"), ProblemKind::BadChoice),
            }
        }
        if self.problems.len() > before {
            return;
        }
        let Ok(offices) = serde_json::from_value::<Offices>(v.clone()) else { return };
        for (at, problem) in offices.problems() {
            let place = |field: &str| match at {
                Some(i) => format!("{op}.list[{i}].{field}"),
                None => format!("{op}.own"),
            };
            match problem {
                ListProblem::NoName => self.report(&place("name"), ProblemKind::Missing),
                ListProblem::Listed(first) => {
                    self.report(&place("name"), ProblemKind::OfficeListed { first })
                }
                ListProblem::UnitWithoutParent => self.report(&place("parent"), ProblemKind::Missing),
                ListProblem::ParentNotListed => self.report(&place("parent"), ProblemKind::OfficeNotListed),
                ListProblem::OwnNotListed => self.report(&place("own"), ProblemKind::OfficeNotListed),
            }
        }
    }

    /// (Version 6) the reviews of quarters: `[{"agreement", "quarter", "verdict", "note", "indicators":
    /// [{"indicator", "note"}], "by", "at", "figures"}]`, each field of its type and within its choices.
    fn reviews(&mut self, mo: &Map<String, Value>, path: &str) {
        use crate::core::model::reviews::{stamp_ok, Verdict, MAX_REVIEWS};
        if mo.get("reviews").is_none_or(Value::is_null) {
            return;
        }
        for (i, r) in self.list(mo, "reviews", path, MAX_REVIEWS).iter().enumerate() {
            let rp = format!("{path}.reviews[{i}]");
            let Some(ro) = self.object(r, &rp) else { continue };
            for key in ["agreement", "figures"] {
                match self.field(ro, key, &rp, true) {
                    Some(Value::String(s)) => {
                        if let Some(kind) = rules::id(s) {
                            self.report(&format!("{rp}.{key}"), kind);
                        }
                    }
                    Some(_) => self.report(&format!("{rp}.{key}"), ProblemKind::WrongType(Expected::Text)),
                    None => {}
                }
            }
            match self.field(ro, "quarter", &rp, true) {
                Some(Value::Number(n)) if n.as_u64().is_some_and(|q| (1..=4).contains(&q)) => {}
                Some(Value::Number(_)) => self.report(&format!("{rp}.quarter"), ProblemKind::BadChoice),
                Some(_) => self.report(&format!("{rp}.quarter"), ProblemKind::WrongType(Expected::Integer)),
                None => {}
            }
            match self.field(ro, "verdict", &rp, true) {
                Some(Value::String(s)) if Verdict::from_key(s).is_some() => {}
                Some(_) => self.report(&format!("{rp}.verdict"), ProblemKind::BadChoice),
                None => {}
            }
            self.text(ro, "note", &rp, false, false);
            self.text(ro, "by", &rp, true, false);
            if matches!(ro.get("by"), Some(Value::String(s)) if s.trim().is_empty()) {
                self.report(&format!("{rp}.by"), ProblemKind::Missing);
            }
            match self.field(ro, "at", &rp, true) {
                Some(Value::String(s)) if stamp_ok(s) => {}
                Some(Value::String(_)) => self.report(&format!("{rp}.at"), ProblemKind::BadChoice),
                Some(_) => self.report(&format!("{rp}.at"), ProblemKind::WrongType(Expected::Text)),
                None => {}
            }
            if ro.get("indicators").is_some_and(|v| !v.is_null()) {
                for (k, n) in self.list(ro, "indicators", &rp, MAX_ITEMS).iter().enumerate() {
                    let np = format!("{rp}.indicators[{k}]");
                    let Some(no) = self.object(n, &np) else { continue };
                    match self.field(no, "indicator", &np, true) {
                        Some(Value::String(s)) => {
                            if let Some(kind) = rules::id(s) {
                                self.report(&format!("{np}.indicator"), kind);
                            }
                        }
                        Some(_) => {
                            self.report(&format!("{np}.indicator"), ProblemKind::WrongType(Expected::Text))
                        }
                        None => {}
                    }
                    self.text(no, "note", &np, true, false);
                }
            }
        }
    }

    /// The workspace's capping and predikat bands.
    fn measure_settings(&mut self, v: &Value, path: &str) {
        let Some(mo) = self.object(v, path) else { return };
        self.offices(mo, path);
        self.reviews(mo, path);
        match mo.get("cap") {
            None | Some(Value::Null) => {}
            Some(Value::String(s)) if rules::cap(s).is_none() => {}
            Some(_) => self.report(&format!("{path}.cap"), ProblemKind::BadChoice),
        }
        self.calendar(mo, path);
        // (Version 6) whether the public view shows the monitoring grid.
        if !matches!(mo.get("monitor_public"), None | Some(Value::Null) | Some(Value::Bool(_))) {
            self.report(&format!("{path}.monitor_public"), ProblemKind::BadChoice);
        }
        if !mo.contains_key("bands") {
            return;
        }
        for (i, b) in self.list(mo, "bands", path, rules::MAX_SCALE).iter().enumerate() {
            let bp = format!("{path}.bands[{i}]");
            let Some(bo) = self.object(b, &bp) else { continue };
            self.text(bo, "label", &bp, true, false);
            match self.field(bo, "min", &bp, true) {
                Some(Value::String(s)) if rules::number_text(s).is_none() => {}
                Some(Value::String(_)) => self.report(&format!("{bp}.min"), ProblemKind::BadChoice),
                Some(_) => self.report(&format!("{bp}.min"), ProblemKind::WrongType(Expected::Text)),
                None => {}
            }
            if !matches!(bo.get("above"), None | Some(Value::Bool(_))) {
                self.report(&format!("{bp}.above"), ProblemKind::BadChoice);
            }
        }
    }

    /// A target object (`{"text": …}`), as in an indicator.
    pub(super) fn target(&mut self, t: &Value, tp: &str) {
        if let Some(to) = self.object(t, tp) {
            self.text(to, "text", tp, true, false);
            // `value` and `unit` are recomputed from the text when read: only their type matters.
            for key in ["value", "unit"] {
                if !matches!(to.get(key), None | Some(Value::Null | Value::String(_))) {
                    self.report(&format!("{tp}.{key}"), ProblemKind::WrongType(Expected::TextOrNull));
                }
            }
        }
    }

    /// Four quarters (a list of at most four entries, each `null` or checked by `each`).
    fn quarters<'v>(&mut self, o: &'v Map<String, Value>, key: &str, path: &str) -> Vec<(String, &'v Value)> {
        if o.get(key).is_none_or(Value::is_null) {
            return Vec::new();
        }
        self.list(o, key, path, 4)
            .iter()
            .enumerate()
            .filter(|(_, v)| !v.is_null())
            .map(|(q, v)| (format!("{path}.{key}[{q}]"), v))
            .collect()
    }

    /// An indicator's measurement: Rencana Aksi, realisasi per quarter, polarity and aggregation.
    pub(super) fn measurement(&mut self, v: &Value, path: &str) {
        let Some(m) = self.object(v, path) else { return };
        for (p, t) in self.quarters(m, "plan", path) {
            self.target(t, &p);
        }
        self.text(m, "plan_note", path, false, false);
        if let Some(t) = m.get("previous").filter(|v| !v.is_null()) {
            self.target(t, &format!("{path}.previous"));
        }
        for (p, r) in self.quarters(m, "actual", path) {
            if let Some(ro) = self.object(r, &p) {
                if let Some(t) = self.field(ro, "value", &p, true) {
                    self.target(t, &format!("{p}.value"));
                }
                self.text(ro, "note", &p, false, false);
                self.text(ro, "evidence", &p, false, false);
            }
        }
        if let Some(pol) = m.get("polarity").filter(|v| !v.is_null()) {
            let pp = format!("{path}.polarity");
            if let Some(po) = self.object(pol, &pp) {
                match po.get("kind").and_then(Value::as_str) {
                    Some(kind) if rules::polarity(kind).is_none() => {}
                    _ => self.report(&format!("{pp}.kind"), ProblemKind::BadChoice),
                }
                if po.contains_key("scale") {
                    for (i, s) in self.list(po, "scale", &pp, rules::MAX_SCALE).iter().enumerate() {
                        match s.as_str().map(rules::text) {
                            Some(None) => {}
                            Some(Some(kind)) => self.report(&format!("{pp}.scale[{i}]"), kind),
                            None => self
                                .report(&format!("{pp}.scale[{i}]"), ProblemKind::WrongType(Expected::Text)),
                        }
                    }
                }
            }
        }
        match m.get("aggregation") {
            None | Some(Value::Null) => {}
            Some(Value::String(a)) if rules::aggregation(a).is_none() => {}
            Some(_) => self.report(&format!("{path}.aggregation"), ProblemKind::BadChoice),
        }
    }

    fn agreement<'v>(
        &mut self,
        v: &'v Value,
        index: usize,
        parents: &mut Vec<ParentLink<'v>>,
        links: &mut Vec<IndicatorLink<'v>>,
    ) {
        let path = &format!("agreements[{index}]");
        let Some(o) = self.object(v, path) else { return };
        let id = self.id(o, path);
        match self.field(o, "year", path, true) {
            Some(Value::Number(n)) => {
                if let Some(kind) = n.as_i64().map_or(Some(ProblemKind::BadYear), rules::year) {
                    self.report(&format!("{path}.year"), kind);
                }
            }
            Some(_) => self.report(&format!("{path}.year"), ProblemKind::WrongType(Expected::Integer)),
            None => {}
        }
        for key in ["office", "place", "date", "notes", "transcribed_from"] {
            self.text(o, key, path, false, false);
        }
        self.text(o, "unit", path, true, false);
        self.party(o, "first_party", path);
        self.party(o, "second_party", path);
        self.text(o, "parent", path, false, true);
        if let (Some(_), Some(Value::String(id)), Some(Value::String(parent))) =
            (id, o.get("id"), o.get("parent"))
        {
            parents.push(ParentLink { index, id, parent });
        }
        for (si, s) in self.list(o, "objectives", path, MAX_ITEMS).iter().enumerate() {
            let sp = format!("{path}.objectives[{si}]");
            let Some(so) = self.object(s, &sp) else { continue };
            self.id(so, &sp);
            self.text(so, "text", &sp, true, false);
            for (ii, ind) in self.list(so, "indicators", &sp, MAX_ITEMS).iter().enumerate() {
                self.indicator(ind, &format!("{sp}.indicators[{ii}]"), [index, si, ii], links);
            }
        }
        for (bi, b) in self.list(o, "budget", path, MAX_ITEMS).iter().enumerate() {
            let bp = format!("{path}.budget[{bi}]");
            let Some(bo) = self.budget_line(b, &bp) else { continue };
            for (p, v) in self.quarters(bo, "actual", &bp) {
                self.amount(v, &p);
            }
        }
        self.text(o, "predecessor", path, false, true);
        if let Some(life) = o.get("life").filter(|v| !v.is_null()) {
            self.life(life, &format!("{path}.life"));
        }
        if let Some(origin) = o.get("origin").filter(|v| !v.is_null()) {
            let op = format!("{path}.origin");
            if let Some(oo) = self.object(origin, &op) {
                self.text(oo, "file", &op, true, false);
                for key in ["office", "exported_at", "imported_at", "received"] {
                    self.text(oo, key, &op, false, false);
                }
                // (Version 6) the day each quarter arrived: four real dates or nulls.
                match oo.get("quarters") {
                    None | Some(Value::Null) => {}
                    Some(Value::Array(days)) if days.len() == 4 => {
                        for (q, day) in days.iter().enumerate() {
                            let real = day.is_null()
                                || day.as_str().is_some_and(|d| crate::core::date::Date::parse(d).is_some());
                            if !real {
                                self.report(&format!("{op}.quarters[{q}]"), ProblemKind::BadChoice);
                            }
                        }
                    }
                    Some(_) => self.report(&format!("{op}.quarters"), ProblemKind::WrongType(Expected::List)),
                }
            }
        }
    }
}

/// Validates the `agreements` of a file (and the optional top-level texts). Returns every problem found;
/// an empty list (or warnings only) means the file can be deserialised safely.
pub fn validate(root: &Map<String, Value>) -> Vec<Problem> {
    let mut c = Checker { problems: Vec::new(), ids: HashMap::new() };
    c.text(root, "generator", "", false, false);
    c.text(root, "exported_at", "", false, true);
    c.text(root, "notes", "", false, false);
    if let Some(source) = root.get("source") {
        if let Some(so) = c.object(source, ".source") {
            c.text(so, "office", ".source", false, false);
            c.text(so, "unit", ".source", false, true);
            match so.get("scope") {
                None => {}
                Some(Value::String(s)) if rules::scope(s).is_none() => {}
                Some(_) => c.report(".source.scope", ProblemKind::BadScope),
            }
        }
    }
    if let Some(ms) = root.get("measure_settings").filter(|v| !v.is_null()) {
        c.measure_settings(ms, ".measure_settings");
    }
    if let Some(lh) = root.get("letterhead").filter(|v| !v.is_null()) {
        c.letterhead(lh, ".letterhead");
    }
    c.renstra(root);
    let mut parents = Vec::new();
    let mut links = Vec::new();
    let agreements = c.list(root, "agreements", "", MAX_AGREEMENTS);
    for (ai, a) in agreements.iter().enumerate() {
        c.agreement(a, ai, &mut parents, &mut links);
    }

    // Cascade links inside the file: cycles are errors, links to agreements elsewhere are warnings.
    let agreement_ids: HashSet<&str> =
        agreements.iter().filter_map(|a| a.get("id").and_then(Value::as_str)).collect();
    let ids = &c.ids;
    let found = rules::cascade(&parents, &|id| agreement_ids.contains(id), &links, &|id| {
        ids.get(id).is_some_and(|p| p.contains(".indicators["))
    });
    c.problems.extend(found);
    // Remove the leading "." of top-level paths.
    for p in &mut c.problems {
        if let Some(rest) = p.path.strip_prefix('.') {
            p.path = rest.to_string();
        }
    }
    c.problems
}
