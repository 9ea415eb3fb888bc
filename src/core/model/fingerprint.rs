//! A short, stable fingerprint of an agreement's content, to tell whether a PK changed since it
//! arrived here (an import's base). Not a signature: the signed-version fingerprint (SHA-256 of a
//! canonical form) is a separate thing.

use super::Agreement;

/// FNV-1a, 64 bits: tiny, fast, stable across platforms and releases.
fn fnv1a(bytes: &[u8]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        hash ^= u64::from(*b);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    hash
}

impl Agreement {
    /// 16 hex digits over the agreement's content as stored, without `origin` (where it came from is
    /// not content): equal content gives an equal fingerprint.
    pub fn content_fingerprint(&self) -> String {
        let plain = Agreement { origin: None, ..self.clone() };
        let json = serde_json::to_vec(&plain).unwrap_or_default();
        format!("{:016x}", fnv1a(&json))
    }

    /// (Version 6) 16 hex digits over one quarter's figures: each indicator's id with its realisasi (value,
    /// note, evidence) and each program's realisasi anggaran of the quarter. A review records it
    /// (`reviews.rs`): the same figures give the same fingerprint in every office.
    pub fn quarter_fingerprint(&self, q: super::quarter::Quarter) -> String {
        let reports: Vec<(&str, Option<&super::measurement::Report>)> =
            self.indicators().map(|(_, i)| (i.id.as_str(), i.measurement.report(q))).collect();
        let spent: Vec<(&str, &super::Amount)> =
            self.budget.iter().map(|b| (b.program.as_str(), &b.actual[q.index()])).collect();
        let json = serde_json::to_vec(&(reports, spent)).unwrap_or_default();
        format!("{:016x}", fnv1a(&json))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::testing::agreement;
    use crate::core::model::Origin;

    #[test]
    fn fnv1a_reference_values() {
        // Published FNV-1a 64 test vectors.
        assert_eq!(fnv1a(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a(b"a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(fnv1a(b"foobar"), 0x8594_4171_f739_67e8);
    }

    #[test]
    fn content_not_origin() {
        let a = agreement("a", None, 2024);
        let mut imported = a.clone();
        imported.origin = Some(Origin { file: "x.json".into(), ..Default::default() });
        assert_eq!(a.content_fingerprint(), imported.content_fingerprint());
        assert_eq!(a.content_fingerprint().len(), 16);
        let mut edited = a.clone();
        edited.notes = "diubah".into();
        assert_ne!(a.content_fingerprint(), edited.content_fingerprint());
    }
}
