//! The fingerprint of a signed version: SHA-256 of its canonical form, so that two offices can confirm
//! (by phone: the first 16 hex digits) that they hold the same signed PK, and a file changed after
//! signing is recognised.
//!
//! The canonical form (documented in the README for other programs) is a JSON object, written with
//! keys sorted by code point, no whitespace, strings escaped as JSON requires (`"` `\` and control
//! characters only, UTF-8 otherwise), integers as integers and everything else as strings:
//!
//! ```text
//! {"budget":[{"amount":"798139000","program":"..."}],
//!  "change":{"basis":"...","date":"2024-07-15","reason":"budget","text":"..."},   (absent in version 0)
//!  "date":"Januari 2024","first_party":{"name":"...","position":"..."},"format":"kinerja-pk/1",
//!  "from_quarter":1,"objectives":[{"indicators":[{"plan":["25%",null,null,"100%"],"target":"75%",
//!  "text":"..."}],"text":"..."}],"office":"...","place":"Ambon","second_party":{...},
//!  "signed_on":"2024-01-02","unit":"...","version":0,"year":2024}
//! ```
//!
//! Amounts are the Rupiah figure in plain digits with `.` for sen and no trailing zeros, `-` for a dash
//! and `null` for a blank cell. Internal ids and links are not part of it: the same words and numbers
//! give the same fingerprint whichever office typed them.

use super::life::Version;
use super::Amount;
use serde_json::{json, Value};
use sha2::{Digest, Sha256};

/// `value` written canonically (sorted keys, no whitespace).
pub fn write(value: &Value, out: &mut String) {
    match value {
        Value::Object(map) => {
            let mut keys: Vec<&String> = map.keys().collect();
            keys.sort();
            out.push('{');
            for (n, k) in keys.into_iter().enumerate() {
                if n > 0 {
                    out.push(',');
                }
                out.push_str(&Value::String(k.clone()).to_string());
                out.push(':');
                write(&map[k], out);
            }
            out.push('}');
        }
        Value::Array(items) => {
            out.push('[');
            for (n, v) in items.iter().enumerate() {
                if n > 0 {
                    out.push(',');
                }
                write(v, out);
            }
            out.push(']');
        }
        other => out.push_str(&other.to_string()),
    }
}

fn amount(a: &Amount) -> Value {
    match a {
        Amount::Value(v) => Value::String(v.normalize().to_string()),
        Amount::Dash => Value::String("-".into()),
        Amount::Blank => Value::Null,
    }
}

impl Version {
    /// The canonical form as a JSON value.
    pub fn signed_form(&self) -> Value {
        let c = &self.content;
        let party = |p: &super::Party| json!({ "name": p.name, "position": p.position });
        let objectives: Vec<Value> = c
            .objectives
            .iter()
            .map(|o| {
                let indicators: Vec<Value> = o
                    .indicators
                    .iter()
                    .map(|i| {
                        let plan: Vec<Value> = i
                            .measurement
                            .plan
                            .iter()
                            .map(|p| p.as_ref().map_or(Value::Null, |t| Value::String(t.text().to_string())))
                            .collect();
                        json!({ "text": i.text, "target": i.target.text(), "plan": plan })
                    })
                    .collect();
                json!({ "text": o.text, "indicators": indicators })
            })
            .collect();
        let budget: Vec<Value> =
            c.budget.iter().map(|b| json!({ "program": b.program, "amount": amount(&b.amount) })).collect();
        let mut form = json!({
            "format": "kinerja-pk/1",
            "version": self.number,
            "signed_on": self.signed_on,
            "from_quarter": self.from_quarter,
            "year": c.year,
            "office": c.office,
            "unit": c.unit,
            "first_party": party(&c.first_party),
            "second_party": party(&c.second_party),
            "place": c.place,
            "date": c.date,
            "objectives": objectives,
            "budget": budget,
        });
        if let (Some(change), Value::Object(map)) = (&self.change, &mut form) {
            map.insert(
                "change".into(),
                json!({ "reason": change.reason.key(), "text": change.text, "basis": change.basis, "date": change.date }),
            );
        }
        form
    }

    /// The canonical text that is hashed.
    pub fn canonical(&self) -> String {
        let mut out = String::new();
        write(&self.signed_form(), &mut out);
        out
    }

    /// SHA-256 of the canonical form, 64 lower-case hex digits.
    pub fn compute_fingerprint(&self) -> String {
        let digest = Sha256::digest(self.canonical().as_bytes());
        digest.iter().map(|b| format!("{b:02x}")).collect()
    }

    /// Whether the stored fingerprint matches the content.
    pub fn verify(&self) -> bool {
        self.fingerprint == self.compute_fingerprint()
    }
}

/// The fingerprint as read out on the phone: the first 16 hex digits in groups of four, upper case
/// (`3F2A 9C1B 04D2 77E0`).
pub fn short(fingerprint: &str) -> String {
    let head: Vec<char> = fingerprint.chars().take(16).flat_map(char::to_uppercase).collect();
    head.chunks(4).map(|c| c.iter().collect::<String>()).collect::<Vec<_>>().join(" ")
}
