//! The workspace as it is kept in localStorage: one piece per agreement and an index, each a part of a
//! Kinerja file, so that saving after an edit writes only the agreements that changed, and reading
//! puts the pieces back together into one file for [`super::file::read`] (the same reader, with its
//! migrations, serves files and storage).
//!
//! - the index: `{"ids": [agreement ids in workspace order], "head": "<the file with an empty
//!   agreements list>"}`;
//! - each agreement: its JSON exactly as it stands in a file.
//!
//! Every piece is stored packed ([`super::pack`]); `src/store.rs` names the keys and writes them.

use super::file::{self, WriteOptions};
use crate::core::model::{Agreement, AgreementId, Workspace};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::sync::Arc;

/// The index of a stored workspace.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Index {
    pub ids: Vec<AgreementId>,
    /// The Kinerja file of the workspace without its agreements (`"agreements":[]`).
    pub head: String,
}

const EMPTY_LIST: &str = "\"agreements\":[]";

/// The index of `ws`.
pub fn index(ws: &Workspace) -> String {
    let bare = Workspace {
        office: ws.office.clone(),
        notes: ws.notes.clone(),
        agreements: Vec::new(),
        settings: ws.settings.clone(),
        letterhead: ws.letterhead.clone(),
        renstra: ws.renstra.clone(),
    };
    let index = Index {
        ids: ws.agreements.iter().map(|a| a.id.clone()).collect(),
        head: file::write(&bare, None, &WriteOptions::default()),
    };
    serde_json::to_string(&index).unwrap_or_default()
}

/// One agreement's piece.
pub fn agreement(a: &Agreement) -> String {
    serde_json::to_string(a).unwrap_or_default()
}

/// One agreement's piece as stored (packed).
pub fn packed(a: &Agreement) -> String {
    super::pack::pack(&agreement(a))
}

/// Pieces packed ahead of a save, each with the agreement it was packed from: an import packs
/// thousands of PKs a batch at a time, and the save then only writes them (a piece whose agreement has
/// changed since is packed again).
pub type Ready = HashMap<AgreementId, (Arc<Agreement>, String)>;

/// How much packing shrinks the agreements of a file, from a sample packed for real: the import's
/// storage estimate, before anything is stored.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Shrink {
    plain: usize,
    packed: usize,
}

impl Shrink {
    /// Packs up to eight agreements spread over `agreements`.
    pub fn sample(agreements: &[&Agreement]) -> Shrink {
        let step = agreements.len().div_ceil(8).max(1);
        let (mut plain, mut packed) = (0, 0);
        for a in agreements.iter().step_by(step) {
            let text = agreement(a);
            plain += text.len();
            packed += super::pack::pack(&text).chars().count();
        }
        Shrink { plain: plain.max(1), packed: packed.max(1) }
    }

    /// The characters an agreement of `json_bytes` bytes of compact JSON will take packed, a tenth
    /// more to be on the safe side.
    pub fn estimate(&self, json_bytes: usize) -> usize {
        // In u64: the product overflows the 32-bit usize of WebAssembly.
        let (bytes, packed, plain) = (json_bytes as u64, self.packed as u64, self.plain as u64);
        (bytes * packed * 11 / (plain * 10) + 1) as usize
    }
}

/// Reads an index; `None` when it is not one.
pub fn read_index(text: &str) -> Option<Index> {
    serde_json::from_str(text).ok()
}

/// The Kinerja file made of `head` and the agreements' pieces, in order; `None` when `head` has no
/// empty agreements list to fill. The list is the file's last field as written ([`file::write`]); a
/// literal `"agreements":[]` inside a text would be escaped, so the last match is the field.
pub fn assemble(head: &str, agreements: &[String]) -> Option<String> {
    let at = head.rfind(EMPTY_LIST)?;
    let size = head.len() + agreements.iter().map(|a| a.len() + 1).sum::<usize>();
    let mut out = String::with_capacity(size);
    out.push_str(&head[..at]);
    out.push_str("\"agreements\":[");
    for (i, a) in agreements.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(a);
    }
    out.push(']');
    out.push_str(&head[at + EMPTY_LIST.len()..]);
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::io::pack;

    fn pieces(ws: &Workspace) -> (Index, Vec<String>) {
        let index = read_index(&index(ws)).unwrap();
        let parts = ws.agreements.iter().map(|a| agreement(a)).collect();
        (index, parts)
    }

    #[test]
    fn pieces_put_together_are_the_file() {
        let mut ws = crate::core::seed::workspace().unwrap();
        ws.notes = "A note that quotes \"agreements\":[] and {braces}".into();
        let (index, parts) = pieces(&ws);
        assert_eq!(index.ids.len(), 10);
        assert_eq!(index.ids[0], ws.agreements[0].id);
        let text = assemble(&index.head, &parts).unwrap();
        assert_eq!(text, file::write(&ws, None, &WriteOptions::default()), "exactly the file");
        assert_eq!(file::read(&text).unwrap().workspace, ws);
    }

    #[test]
    fn an_empty_workspace_and_a_bad_head() {
        let ws = Workspace::default();
        let (index, parts) = pieces(&ws);
        assert_eq!(file::read(&assemble(&index.head, &parts).unwrap()).unwrap().workspace, ws);
        assert_eq!(assemble("{\"format\":\"kinerja-pk\"}", &[]), None);
        assert_eq!(read_index("{\"format\":\"kinerja-pk\"}"), None);
    }

    #[test]
    fn a_sample_estimates_the_whole() {
        let ws = crate::core::seed::workspace().unwrap();
        let all: Vec<&Agreement> = ws.agreements.iter().map(|a| a.as_ref()).collect();
        let shrink = Shrink::sample(&all);
        let estimated: usize = all.iter().map(|a| shrink.estimate(agreement(a).len())).sum();
        let packed: usize = all.iter().map(|a| pack::pack(&agreement(a)).chars().count()).sum();
        assert!(estimated >= packed && estimated * 10 <= packed * 13, "{estimated} for {packed}");
        assert_eq!(Shrink::sample(&[]).estimate(0), 1, "nothing to sample");
        // Large numbers stay exact on 32-bit targets (WebAssembly).
        let half = Shrink { plain: 1_000_000, packed: 500_000 };
        assert_eq!(half.estimate(40_000_000), 22_000_001);
    }

    #[test]
    fn packed_pieces_are_a_fraction_of_the_file() {
        // The embedded 2024 dataset (real text): the sum of its packed pieces in characters.
        let ws = crate::core::seed::workspace().unwrap();
        let (_, parts) = pieces(&ws);
        let plain: usize = parts.iter().map(|p| p.chars().count()).sum();
        let packed: usize = parts.iter().map(|p| pack::pack(p).chars().count()).sum();
        assert!(packed * 6 < plain, "{packed} of {plain} characters");
    }
}
