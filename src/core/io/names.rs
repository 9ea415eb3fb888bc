//! File names for exports: unit, year and date, in lower case with dashes
//! (`kinerja-sekretariat-kpu-provinsi-maluku-2024-20261128.json`).

use crate::core::date::Date;
use crate::core::model::{Agreement, Workspace};

/// Lower case ASCII letters and digits joined by single dashes.
pub fn slug(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').chars().take(60).collect::<String>().trim_end_matches('-').to_string()
}

fn years(agreements: &[&Agreement]) -> String {
    let mut ys: Vec<i32> = agreements.iter().map(|a| a.year).collect();
    ys.sort_unstable();
    ys.dedup();
    match (ys.first(), ys.last()) {
        (Some(a), Some(b)) if a == b => a.to_string(),
        (Some(a), Some(b)) => format!("{a}-{b}"),
        _ => String::new(),
    }
}

fn join(parts: &[String], ext: &str) -> String {
    let parts: Vec<&str> = parts.iter().map(String::as_str).filter(|p| !p.is_empty()).collect();
    format!("{}.{ext}", parts.join("-"))
}

/// The office list alone: `kinerja-kantor-<own office>-<date>.json`.
pub fn offices_file_name(ws: &Workspace, today: Date) -> String {
    let own = &ws.settings.offices.own;
    let office = if own.is_empty() { &ws.office } else { own };
    join(&["kinerja-kantor".into(), slug(office), today.compact()], "json")
}

/// The whole workspace: `kinerja-<office>-<years>-<date>.json`.
pub fn workspace_file_name(ws: &Workspace, today: Date) -> String {
    let all: Vec<&Agreement> = ws.agreements.iter().map(|a| a.as_ref()).collect();
    join(&["kinerja".into(), slug(&ws.office), years(&all), today.compact()], "json")
}

/// One PK (or a PK with its subtree): `pk-<position or unit>-<year>-<date>.<ext>`.
pub fn agreement_file_name(a: &Agreement, subtree: bool, today: Date, ext: &str) -> String {
    let scope = if subtree { "dan-turunan".to_string() } else { String::new() };
    join(&["pk".into(), slug(a.title()), scope, a.year.to_string(), today.compact()], ext)
}

/// The pohon kinerja of a year or a subtree: `pohon-kinerja-<office or position>-<year>-<date>.<ext>`.
pub fn tree_file_name(what: &str, year: i32, today: Date, ext: &str) -> String {
    join(&["pohon-kinerja".into(), slug(what), year.to_string(), today.compact()], ext)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::testing::{agreement, workspace};

    #[test]
    fn readable_file_names() {
        assert_eq!(slug("Sekretariat KPU Provinsi Maluku"), "sekretariat-kpu-provinsi-maluku");
        assert_eq!(
            slug("  Kepala Bagian Keuangan, Umum dan Logistik "),
            "kepala-bagian-keuangan-umum-dan-logistik"
        );
        assert_eq!(slug("../../etc/passwd"), "etc-passwd");
        let day = Date::parse("2026-11-28").unwrap();
        let mut ws = workspace(vec![agreement("a", None, 2024), agreement("b", None, 2025)]);
        ws.office = "Komisi Pemilihan Umum Provinsi Maluku".into();
        assert_eq!(
            workspace_file_name(&ws, day),
            "kinerja-komisi-pemilihan-umum-provinsi-maluku-2024-2025-20261128.json"
        );
        let a = agreement("a", None, 2024);
        assert_eq!(agreement_file_name(&a, false, day, "csv"), "pk-jabatan-a-2024-20261128.csv");
        assert_eq!(agreement_file_name(&a, true, day, "json"), "pk-jabatan-a-dan-turunan-2024-20261128.json");
    }
}
