//! The Kinerja file format: the JSON that offices exchange and that the app keeps in localStorage.
//!
//! ```json
//! { "format": "kinerja-pk", "version": 2, "generator": "Kinerja 0.1.0", "exported_at": "…",
//!   "source": { "office": "…", "unit": "…", "scope": "workspace" }, "notes": "…", "agreements": [ … ] }
//! ```
//! Field by field in the README ("File format"). Every file, old or new, passes [`read`]: size and syntax
//! checks, version check and migration, strict validation, then deserialisation.

use super::problem::Problem;
use super::validate::validate;
use crate::core::model::letterhead::{check_logo, Letterhead};
use crate::core::model::renstra::Renstra;
use crate::core::model::{objects, Agreement, MeasureSettings, Workspace};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::sync::Arc;

/// The value of the `format` field.
pub const FORMAT: &str = "kinerja-pk";
/// The newest format version this app reads and the one it writes (defined with the upgrades that lead
/// to it, in [`super::migrate`]).
pub use super::migrate::VERSION;
/// The app that writes the files.
pub const GENERATOR: &str = concat!("Kinerja ", env!("CARGO_PKG_VERSION"));
/// Files larger than this are refused before parsing (64 MB: several times a national data set).
pub const MAX_FILE_BYTES: usize = 64 * 1024 * 1024;

/// Why a file cannot be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FileError {
    /// Nothing in it (or only spaces).
    Empty,
    /// Larger than [`MAX_FILE_BYTES`].
    TooLarge { bytes: usize },
    /// Not JSON at all; where the parser stopped.
    NotJson { line: usize, column: usize },
    /// JSON that stops in the middle (a download or copy cut short).
    Truncated,
    /// Stored data of which `pieces` pieces are missing or cannot be unpacked (`store`, layout v2).
    Damaged { pieces: usize },
    /// JSON, but not a Kinerja file (no `"format": "kinerja-pk"`).
    NotKinerja,
    /// Written by a newer version of the app.
    NewerVersion { found: u64 },
    /// The `version` field is missing or not a whole number.
    BadVersion,
    /// A Kinerja file with problems; every one is listed.
    Invalid(Vec<Problem>),
}

/// What a file holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Scope {
    /// Everything of a workspace.
    #[default]
    Workspace,
    /// One agreement.
    Agreement,
    /// One agreement and every agreement below it.
    Subtree,
}

/// Where a file comes from.
#[derive(Clone, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Source {
    /// The office that wrote it.
    #[serde(default)]
    pub office: String,
    /// The unit, when it holds one agreement or one subtree.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    #[serde(default)]
    pub scope: Scope,
}

/// What a file says about itself.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct FileMeta {
    /// The version the file was written in (before any upgrade).
    pub version: u64,
    pub generator: String,
    pub exported_at: Option<String>,
    pub source: Source,
}

/// A file that passed every check.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Loaded {
    pub workspace: Workspace,
    pub meta: FileMeta,
    /// Things worth knowing that do not refuse the file (e.g. a parent that must be in the workspace).
    pub warnings: Vec<Problem>,
}

#[derive(Serialize, Deserialize)]
struct FileRepr<A> {
    format: String,
    version: u64,
    #[serde(default)]
    generator: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    exported_at: Option<String>,
    #[serde(default, deserialize_with = "objects::only")]
    source: Source,
    #[serde(default)]
    notes: String,
    /// How capaian is shown (capping) and the predikat bands (absent: the defaults).
    #[serde(
        default,
        skip_serializing_if = "MeasureSettings::is_default",
        deserialize_with = "objects::only"
    )]
    measure_settings: MeasureSettings,
    /// (Version 6) the office's letterhead: its logo (absent: none).
    #[serde(default, skip_serializing_if = "Letterhead::is_empty", deserialize_with = "objects::only")]
    letterhead: Letterhead,
    /// (Version 6) the offices' Renstra and their IKU (absent: none).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    renstra: Vec<Renstra>,
    agreements: Vec<A>,
}

/// What to write into an exported file besides the agreements.
#[derive(Clone, Debug, Default)]
pub struct WriteOptions {
    /// ISO 8601 time of export; `None` for storage.
    pub exported_at: Option<String>,
    /// The unit the file comes from, when it holds one PK or one subtree.
    pub unit: Option<String>,
    pub scope: Scope,
    /// Indented, for files people may open; compact for storage.
    pub pretty: bool,
}

/// Writes the whole workspace, or only `agreements` of it when given (in workspace order).
pub fn write(
    ws: &Workspace,
    only: Option<&[crate::core::model::AgreementId]>,
    opts: &WriteOptions,
) -> String {
    let agreements: Vec<&Agreement> = ws
        .agreements
        .iter()
        .filter(|a| only.is_none_or(|ids| ids.contains(&a.id)))
        .map(|a| a.as_ref())
        .collect();
    let repr = FileRepr {
        format: FORMAT.into(),
        version: VERSION,
        generator: GENERATOR.into(),
        exported_at: opts.exported_at.clone(),
        source: Source { office: ws.office.clone(), unit: opts.unit.clone(), scope: opts.scope },
        // The workspace's notes are about all of its data: a file of one PK or one subtree leaves them out.
        notes: if opts.scope == Scope::Workspace { ws.notes.clone() } else { String::new() },
        // Reviews go with the PKs they are about: a file of some PKs carries theirs only.
        measure_settings: match only {
            Some(ids) if !ws.settings.reviews.is_empty() => {
                let mut s = ws.settings.clone();
                s.reviews = s.reviews.of_agreements(ids);
                s
            }
            _ => ws.settings.clone(),
        },
        // The office's own: written with its whole workspace (and kept in storage), not in a file of one PK.
        letterhead: if opts.scope == Scope::Workspace {
            ws.letterhead.clone()
        } else {
            Letterhead::default()
        },
        // A Renstra travels with a whole workspace (KPU RI hands its IKU to every province this way).
        renstra: if opts.scope == Scope::Workspace { ws.renstra.clone() } else { Vec::new() },
        agreements,
    };
    let out = if opts.pretty { serde_json::to_string_pretty(&repr) } else { serde_json::to_string(&repr) };
    // Serialising plain data with string keys cannot fail.
    out.unwrap_or_default()
}

/// Reads a file: every check, migration from older versions, then the model. A current-version file
/// without errors is read directly ([`super::fast`]); anything else takes [`read_checked`], which lists
/// every problem. Both give the same result.
pub fn read(text: &str) -> Result<Loaded, FileError> {
    read_direct(text).map_or_else(|| read_checked(text), Ok)
}

/// Size, byte-order mark and emptiness, before any parsing.
fn precheck(text: &str) -> Result<&str, FileError> {
    if text.len() > MAX_FILE_BYTES {
        return Err(FileError::TooLarge { bytes: text.len() });
    }
    let text = text.trim_start_matches('\u{feff}');
    if text.trim().is_empty() {
        return Err(FileError::Empty);
    }
    Ok(text)
}

fn loaded(repr: FileRepr<Agreement>, version: u64, warnings: Vec<Problem>) -> Loaded {
    Loaded {
        workspace: Workspace {
            office: repr.source.office.clone(),
            notes: repr.notes,
            agreements: repr.agreements.into_iter().map(Arc::new).collect(),
            settings: repr.measure_settings,
            letterhead: repr.letterhead,
            renstra: repr.renstra,
        },
        meta: FileMeta {
            version,
            generator: repr.generator,
            exported_at: repr.exported_at,
            source: repr.source,
        },
        warnings,
    }
}

/// The fast path: `None` when the file is not a current-version file that reads straight into the model
/// and breaks no rule. Alone, it is what the first page needs to read its storage: [`read`] with its
/// full path (the JSON tree, the migrations, the check that names every problem) is loaded on demand
/// (`ui::services::reader`).
pub fn read_direct(text: &str) -> Option<Loaded> {
    let text = precheck(text).ok()?;
    let repr: FileRepr<Agreement> = serde_json::from_str(text).ok()?;
    if repr.format != FORMAT || repr.version != VERSION {
        return None;
    }
    let source_unit = repr.source.unit.as_deref().unwrap_or_default();
    let texts = [
        repr.generator.as_str(),
        repr.exported_at.as_deref().unwrap_or_default(),
        repr.notes.as_str(),
        repr.source.office.as_str(),
        source_unit,
    ];
    if !super::fast::settings_ok(&repr.measure_settings)
        || !logo_ok(&repr.letterhead)
        || !crate::core::model::renstra::problems(&repr.renstra).is_empty()
    {
        return None;
    }
    let warnings = super::fast::check(&texts, &repr.agreements)?;
    Some(loaded(repr, VERSION, warnings))
}

/// The direct path's checks for a file read in steps ([`super::steps`]): `head` is the file read
/// without its agreements, `agreements` its agreements, each already checked on its own
/// ([`super::fast::agreement_ok`]) while read; `None` when anything needs the full path.
pub fn checked_in_full(mut head: Loaded, agreements: Vec<Agreement>) -> Option<Loaded> {
    let unit = head.meta.source.unit.clone().unwrap_or_default();
    let exported = head.meta.exported_at.clone().unwrap_or_default();
    let texts = [
        head.meta.generator.as_str(),
        exported.as_str(),
        head.workspace.notes.as_str(),
        head.meta.source.office.as_str(),
        unit.as_str(),
    ];
    if !logo_ok(&head.workspace.letterhead)
        || !crate::core::model::renstra::problems(&head.workspace.renstra).is_empty()
    {
        return None;
    }
    let warnings = super::fast::check_across(&texts, &agreements)?;
    head.workspace.agreements = agreements.into_iter().map(Arc::new).collect();
    head.warnings = warnings;
    Some(head)
}

/// Whether the letterhead's logo, if any, is one the app would keep (else the full path names the problem).
fn logo_ok(l: &Letterhead) -> bool {
    l.logo.as_deref().is_none_or(|logo| check_logo(logo).is_ok())
}

/// The full path: the file as a JSON tree, its version upgraded, every problem listed with its place,
/// then the model.
pub fn read_checked(text: &str) -> Result<Loaded, FileError> {
    let text = precheck(text)?;
    let value: Value = serde_json::from_str(text).map_err(|e| match e.classify() {
        serde_json::error::Category::Eof => FileError::Truncated,
        _ => FileError::NotJson { line: e.line(), column: e.column() },
    })?;
    let Value::Object(mut root) = value else { return Err(FileError::NotKinerja) };
    if root.get("format").and_then(Value::as_str) != Some(FORMAT) {
        return Err(FileError::NotKinerja);
    }
    let version = root.get("version").and_then(Value::as_u64).ok_or(FileError::BadVersion)?;
    if version == 0 {
        return Err(FileError::BadVersion);
    }
    if version > VERSION {
        return Err(FileError::NewerVersion { found: version });
    }
    super::migrate::upgrade(&mut root, version);

    let problems = validate(&root);
    if problems.iter().any(|p| !p.kind.is_warning()) {
        return Err(FileError::Invalid(problems));
    }
    let repr: FileRepr<Agreement> = serde_json::from_value(Value::Object(root)).map_err(|e| {
        FileError::Invalid(vec![Problem {
            path: e.to_string(),
            kind: super::problem::ProblemKind::WrongType(super::problem::Expected::Object),
        }])
    })?;
    Ok(loaded(repr, version, problems))
}

/// The warnings of a file that still matter in `ws`: a PK whose superior is already here needs no note
/// that its superior (or a superior's indicator) is not in the file; the preview's row for it says where
/// the superior is. A single PK exported for its superior's office would otherwise list a warning per
/// indicator. Likewise an indicator whose linked indicator is here (its PK pointing to a superior found
/// nowhere, which stays said once): only what is really missing is listed.
pub fn warnings_here(warnings: Vec<Problem>, agreements: &[Arc<Agreement>], ws: &Workspace) -> Vec<Problem> {
    use super::problem::ProblemKind;
    let index =
        |path: &str| -> Option<usize> { path.strip_prefix("agreements[")?.split(']').next()?.parse().ok() };
    let parent_here = |i: usize| {
        agreements.get(i).and_then(|a| a.parent.as_ref()).is_some_and(|p| ws.agreement(p).is_some())
    };
    // `agreements[a].objectives[s].indicators[i].parent.id`: the indicator it links to.
    let linked = |path: &str| -> Option<&crate::core::model::IndicatorId> {
        let numbers: Vec<usize> =
            path.split('[').skip(1).filter_map(|p| p.split(']').next()?.parse().ok()).collect();
        let [a, s, i] = numbers[..] else { return None };
        agreements.get(a)?.objectives.get(s)?.indicators.get(i)?.parent.as_ref().map(|l| &l.id)
    };
    let mut here: Option<std::collections::HashSet<&crate::core::model::IndicatorId>> = None;
    warnings
        .into_iter()
        .filter(|w| !(w.kind.is_warning() && index(&w.path).is_some_and(parent_here)))
        .filter(|w| {
            if w.kind != ProblemKind::ParentIndicatorNotInFile {
                return true;
            }
            let known = here.get_or_insert_with(|| {
                ws.agreements.iter().flat_map(|a| a.indicators().map(|(_, i)| &i.id)).collect()
            });
            !linked(&w.path).is_some_and(|id| known.contains(id))
        })
        .collect()
}
