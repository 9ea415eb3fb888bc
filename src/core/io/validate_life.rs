//! Strict validation of a PK's life in a file: its signed versions (each with the content that was
//! signed) and the Perubahan being prepared. Ids inside a version repeat the PK's own, so they are
//! checked as ids but not registered as uses.

use super::problem::{Expected, ProblemKind};
use super::rules::{self, MAX_ITEMS, MAX_VERSIONS};
use super::validate::Checker;
use serde_json::{Map, Value};

impl Checker {
    /// A whole number within `rule`.
    fn whole(&mut self, o: &Map<String, Value>, key: &str, path: &str, rule: fn(i64) -> Option<ProblemKind>) {
        match self.field(o, key, path, true) {
            None => {}
            Some(Value::Number(n)) => {
                if let Some(kind) = n.as_i64().map_or(Some(ProblemKind::BadChoice), rule) {
                    self.report(&format!("{path}.{key}"), kind);
                }
            }
            Some(_) => self.report(&format!("{path}.{key}"), ProblemKind::WrongType(Expected::Integer)),
        }
    }

    /// An id that refers to something (not a new use of it).
    fn reference(&mut self, o: &Map<String, Value>, key: &str, path: &str, required: bool) {
        match self.field(o, key, path, required) {
            None => {}
            Some(Value::Null) if !required => {}
            Some(Value::String(s)) => {
                if let Some(kind) = rules::id(s) {
                    self.report(&format!("{path}.{key}"), kind);
                }
            }
            Some(_) => self.report(&format!("{path}.{key}"), ProblemKind::WrongType(Expected::Text)),
        }
    }

    /// `life`: `versions` (oldest first) and `revising`.
    pub(super) fn life(&mut self, v: &Value, path: &str) {
        let Some(o) = self.object(v, path) else { return };
        if o.contains_key("versions") {
            for (vi, version) in self.list(o, "versions", path, MAX_VERSIONS).iter().enumerate() {
                self.version(version, &format!("{path}.versions[{vi}]"));
            }
        }
        if let Some(c) = o.get("revising").filter(|v| !v.is_null()) {
            self.change(c, &format!("{path}.revising"));
        }
    }

    fn version(&mut self, v: &Value, path: &str) {
        let Some(o) = self.object(v, path) else { return };
        self.whole(o, "number", path, rules::version_number);
        self.whole(o, "from_quarter", path, rules::quarter);
        self.text(o, "signed_on", path, true, false);
        self.text(o, "fingerprint", path, true, false);
        if let Some(c) = o.get("change").filter(|v| !v.is_null()) {
            self.change(c, &format!("{path}.change"));
        }
        if o.contains_key("confirmed") {
            for (ci, c) in self.list(o, "confirmed", path, MAX_ITEMS).iter().enumerate() {
                let cp = format!("{path}.confirmed[{ci}]");
                let Some(co) = self.object(c, &cp) else { continue };
                for key in ["number", "indicator", "was", "now"] {
                    self.text(co, key, &cp, true, false);
                }
                self.whole(co, "quarter", &cp, rules::quarter);
            }
        }
        if let Some(c) = self.field(o, "content", path, true) {
            self.content(c, &format!("{path}.content"));
        }
    }

    fn change(&mut self, v: &Value, path: &str) {
        let Some(o) = self.object(v, path) else { return };
        match self.field(o, "reason", path, true) {
            None => {}
            Some(Value::String(r)) if rules::reason(r).is_none() => {}
            Some(_) => self.report(&format!("{path}.reason"), ProblemKind::BadChoice),
        }
        self.text(o, "text", path, false, false);
        self.text(o, "basis", path, false, false);
        self.text(o, "date", path, true, false);
    }

    /// What was signed: the PK's fields, sasaran, indicators (with their Rencana Aksi) and budget.
    fn content(&mut self, v: &Value, path: &str) {
        let Some(o) = self.object(v, path) else { return };
        self.whole(o, "year", path, rules::year);
        for key in ["office", "unit", "place", "date"] {
            self.text(o, key, path, true, false);
        }
        self.party(o, "first_party", path);
        self.party(o, "second_party", path);
        self.reference(o, "parent", path, false);
        for (si, s) in self.list(o, "objectives", path, MAX_ITEMS).iter().enumerate() {
            let sp = format!("{path}.objectives[{si}]");
            let Some(so) = self.object(s, &sp) else { continue };
            self.reference(so, "id", &sp, true);
            self.text(so, "text", &sp, true, false);
            for (ii, ind) in self.list(so, "indicators", &sp, MAX_ITEMS).iter().enumerate() {
                let ip = format!("{sp}.indicators[{ii}]");
                let Some(io) = self.object(ind, &ip) else { continue };
                self.reference(io, "id", &ip, true);
                self.reference(io, "predecessor", &ip, false);
                self.text(io, "text", &ip, true, false);
                if let Some(t) = self.field(io, "target", &ip, true) {
                    self.target(t, &format!("{ip}.target"));
                }
                if let Some(m) = io.get("measurement").filter(|v| !v.is_null()) {
                    self.measurement(m, &format!("{ip}.measurement"));
                }
                if let Some(link) = io.get("parent").filter(|v| !v.is_null()) {
                    let lp = format!("{ip}.parent");
                    if let Some(lo) = self.object(link, &lp) {
                        self.reference(lo, "id", &lp, true);
                        self.text(lo, "text", &lp, true, false);
                    }
                }
            }
        }
        for (bi, b) in self.list(o, "budget", path, MAX_ITEMS).iter().enumerate() {
            self.budget_line(b, &format!("{path}.budget[{bi}]"));
        }
    }
}
