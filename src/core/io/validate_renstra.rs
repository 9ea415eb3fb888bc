//! Strict validation of the Renstra in a file (version 6, `renstra`): the shape field by field, with
//! places (`renstra[0].goals[1].iku[0].unit`), then the Renstra's own rules ([`renstra::problems`]: a
//! period of five years, year targets inside it, a unit for every IKU, revisions dated in order).

use super::problem::{Expected, ProblemKind};
use super::rules::MAX_ITEMS;
use super::validate::Checker;
use crate::core::model::renstra::{self, Renstra};
use serde_json::{Map, Value};

impl Checker {
    /// The workspace's list of Renstra.
    pub(super) fn renstra(&mut self, root: &Map<String, Value>) {
        if root.get("renstra").is_none_or(Value::is_null) {
            return;
        }
        let items = self.list(root, "renstra", "", MAX_ITEMS);
        let mut read = Vec::new();
        for (n, item) in items.iter().enumerate() {
            let path = format!(".renstra[{n}]");
            let Some(o) = self.object(item, &path) else { continue };
            if self.renstra_shape(o, &path) {
                match serde_json::from_value::<Renstra>(item.clone()) {
                    Ok(r) => read.push(r),
                    Err(_) => self.report(&path, ProblemKind::WrongType(Expected::Object)),
                }
            }
        }
        if read.len() == items.len() {
            for (place, problem) in renstra::problems(&read) {
                self.report(&format!(".renstra{place}"), ProblemKind::Renstra(problem));
            }
        }
    }

    /// The fields of one Renstra and of its versions; whether it can be read.
    fn renstra_shape(&mut self, o: &Map<String, Value>, path: &str) -> bool {
        let before = self.count();
        self.text(o, "office", path, true, false);
        for key in ["start", "end"] {
            match self.field(o, key, path, true) {
                Some(Value::Number(n))
                    if n.as_i64().is_some_and(|y| crate::core::model::YEARS.contains(&(y as i32))) => {}
                Some(Value::Number(_)) => self.report(&format!("{path}.{key}"), ProblemKind::BadYear),
                Some(_) => self.report(&format!("{path}.{key}"), ProblemKind::WrongType(Expected::Integer)),
                None => {}
            }
        }
        self.renstra_version(o, path);
        for (n, v) in self.optional_list(o, "earlier", path).iter().enumerate() {
            let vp = format!("{path}.earlier[{n}]");
            if let Some(vo) = self.object(v, &vp) {
                self.renstra_version(vo, &vp);
            }
        }
        self.count() == before
    }

    fn renstra_version(&mut self, o: &Map<String, Value>, path: &str) {
        if let Some(d) = self.field(o, "decree", path, true) {
            let dp = format!("{path}.decree");
            if let Some(d) = self.object(d, &dp) {
                self.text(d, "number", &dp, true, false);
                self.text(d, "date", &dp, true, false);
            }
        }
        for (gi, g) in self.list(o, "goals", path, MAX_ITEMS).iter().enumerate() {
            let gp = format!("{path}.goals[{gi}]");
            let Some(go) = self.object(g, &gp) else { continue };
            self.text(go, "text", &gp, true, false);
            for (ii, i) in self.list(go, "iku", &gp, MAX_ITEMS).iter().enumerate() {
                let ip = format!("{gp}.iku[{ii}]");
                let Some(io) = self.object(i, &ip) else { continue };
                self.text(io, "id", &ip, true, false);
                self.text(io, "text", &ip, true, false);
                self.text(io, "unit", &ip, true, false);
                if self.field(io, "polarity", &ip, true).is_some_and(|p| p.as_object().is_none()) {
                    self.report(&format!("{ip}.polarity"), ProblemKind::WrongType(Expected::Object));
                }
                if let Some(t) = self.field(io, "end_target", &ip, true) {
                    let tp = format!("{ip}.end_target");
                    if let Some(to) = self.object(t, &tp) {
                        self.text(to, "text", &tp, true, false);
                    }
                }
                for (ti, t) in self.optional_list(io, "targets", &ip).iter().enumerate() {
                    let tp = format!("{ip}.targets[{ti}]");
                    let Some(to) = self.object(t, &tp) else { continue };
                    if !to.get("year").is_some_and(Value::is_i64) {
                        self.report(&format!("{tp}.year"), ProblemKind::WrongType(Expected::Integer));
                    }
                    if let Some(target) = self.field(to, "target", &tp, true) {
                        let ttp = format!("{tp}.target");
                        if let Some(tto) = self.object(target, &ttp) {
                            self.text(tto, "text", &ttp, true, false);
                        }
                    }
                }
            }
        }
    }

    /// A list that may be absent.
    fn optional_list<'a>(&mut self, o: &'a Map<String, Value>, key: &str, path: &str) -> &'a [Value] {
        if o.get(key).is_none() {
            return &[];
        }
        self.list(o, key, path, MAX_ITEMS)
    }
}

#[cfg(test)]
mod tests {
    use crate::core::io::file::{self, FileError, Scope, WriteOptions};
    use crate::core::io::problem::{Expected, ProblemKind};
    use crate::core::model::measurement::Polarity;
    use crate::core::model::renstra::RenstraProblem as R;
    use crate::core::model::testing::{agreement, iku, renstra, workspace};
    use crate::core::model::{AgreementId, Workspace};

    fn with_renstra() -> Workspace {
        let mut ws = workspace(vec![agreement("top", None, 2025)]);
        let k = iku("k1", "Persentase partisipasi pemilih", Polarity::Higher, &[(2025, "75%")], "80%");
        ws.renstra = vec![renstra("KPU Contoh", 2025, vec![k])];
        ws
    }

    fn problems(value: &serde_json::Value) -> Vec<(String, ProblemKind)> {
        match file::read(&value.to_string()) {
            Err(FileError::Invalid(p)) => p.into_iter().map(|p| (p.path, p.kind)).collect(),
            other => panic!("expected Invalid, got {other:?}"),
        }
    }

    #[test]
    fn the_renstra_travels_with_the_whole_workspace_and_is_undone() {
        let ws = with_renstra();
        let text = file::write(&ws, None, &WriteOptions::default());
        assert_eq!(file::read(&text).unwrap().workspace, ws, "direct path");
        assert_eq!(file::read_checked(&text).unwrap().workspace, ws, "full path");
        let one = WriteOptions { scope: Scope::Agreement, ..Default::default() };
        assert!(!file::write(&ws, Some(&[AgreementId::new("top")]), &one).contains("renstra"));
        let mut bare = ws.clone();
        bare.renstra.clear();
        assert!(!file::write(&bare, None, &WriteOptions::default()).contains("renstra"), "absent when none");
        let delta = crate::core::model::history::Delta::between(&ws, &bare);
        assert_eq!(delta.apply(&bare), ws, "undo brings it back");
        let unrelated = crate::core::model::history::Delta::between(&ws, &ws);
        assert!(!serde_json::to_string(&unrelated).unwrap().contains("renstra"));
    }

    #[test]
    fn bad_input_is_refused_and_named_by_its_place() {
        let text = file::write(&with_renstra(), None, &WriteOptions::default());
        let good: serde_json::Value = serde_json::from_str(&text).unwrap();
        let mut bad = good.clone();
        bad["renstra"][0]["end"] = 2028.into();
        bad["renstra"][0]["goals"][0]["iku"][0]["unit"] = "".into();
        bad["renstra"][0]["goals"][0]["iku"][0]["targets"][0]["year"] = 2031.into();
        assert_eq!(
            problems(&bad),
            vec![
                ("renstra[0].end".into(), ProblemKind::Renstra(R::NotFiveYears { years: 4 })),
                ("renstra[0].goals[0].iku[0].unit".into(), ProblemKind::Renstra(R::NoUnit)),
                (
                    "renstra[0].goals[0].iku[0].targets[0].year".into(),
                    ProblemKind::Renstra(R::YearOutside { year: 2031 })
                ),
            ]
        );
        // A revision dated before the version it revises.
        let mut revised = good.clone();
        let old = revised["renstra"][0].clone();
        revised["renstra"][0]["earlier"] =
            serde_json::json!([{ "decree": old["decree"], "goals": old["goals"] }]);
        revised["renstra"][0]["decree"]["date"] = "2024-01-01".into();
        assert_eq!(
            problems(&revised),
            vec![(
                "renstra[0].decree.date".into(),
                ProblemKind::Renstra(R::RevisedBefore { original: "2025-03-01".into() })
            )]
        );
        // The shape, field by field.
        let mut shape = good.clone();
        shape["renstra"][0]["start"] = "2025".into();
        shape["renstra"][0]["goals"][0]["iku"][0]["polarity"] = "higher".into();
        assert_eq!(
            problems(&shape),
            vec![
                ("renstra[0].start".into(), ProblemKind::WrongType(Expected::Integer)),
                ("renstra[0].goals[0].iku[0].polarity".into(), ProblemKind::WrongType(Expected::Object)),
            ]
        );
        let mut not_list = good;
        not_list["renstra"] = 5.into();
        assert_eq!(problems(&not_list), vec![("renstra".into(), ProblemKind::WrongType(Expected::List))]);
    }
}
