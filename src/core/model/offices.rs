//! The offices a workspace knows: its own, and those it collects from, as a hierarchy (KPU RI → KPU
//! Provinsi → KPU Kabupaten/Kota, and the units inside each Sekretariat). Carried in files under
//! `measure_settings.offices` (version 6). Names are matched tolerantly by one normaliser ([`key`]), so
//! `KPU Kab. Buru` and `Komisi Pemilihan Umum Kabupaten Buru` are one office, never two.

use serde::{Deserialize, Serialize};

/// Where an office stands in the hierarchy.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    /// KPU RI.
    Ri,
    /// A KPU Provinsi.
    Provinsi,
    /// A KPU Kabupaten or Kota.
    #[default]
    KabKota,
    /// A unit inside an office's Sekretariat (a Bagian, a Sub Bagian).
    Unit,
}

impl Level {
    pub const ALL: [Level; 4] = [Level::Ri, Level::Provinsi, Level::KabKota, Level::Unit];

    /// Its key in files: `ri`, `provinsi`, `kab_kota`, `unit`.
    pub fn key(self) -> &'static str {
        match self {
            Level::Ri => "ri",
            Level::Provinsi => "provinsi",
            Level::KabKota => "kab_kota",
            Level::Unit => "unit",
        }
    }

    pub fn from_key(key: &str) -> Option<Level> {
        Level::ALL.into_iter().find(|l| l.key() == key)
    }

    /// Whether an office of this level sits directly under one of `above` (a kab/kota under a province,
    /// a province under KPU RI).
    pub fn directly_below(self, above: Level) -> bool {
        matches!((self, above), (Level::Provinsi, Level::Ri) | (Level::KabKota, Level::Provinsi))
    }

    /// The level a name suggests (`KPU Kota Tual`: a kab/kota), for an office first met in a file.
    pub fn guess(name: &str) -> Level {
        let k = key(name);
        let first = k.split(' ').next().unwrap_or_default();
        match first {
            "ri" => Level::Ri,
            "prov" => Level::Provinsi,
            "kab" | "kota" => Level::KabKota,
            _ if k.contains("bagian") => Level::Unit,
            _ => Level::KabKota,
        }
    }
}

/// One office (or unit) of the list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Office {
    /// Its name as the office writes it: `KPU Kabupaten Buru`.
    pub name: String,
    #[serde(default)]
    pub level: Level,
    /// The office above it (its name as listed), or none at the top.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub parent: String,
}

impl Office {
    pub fn new(name: &str, level: Level, parent: &str) -> Office {
        Office { name: name.trim().to_string(), level, parent: parent.trim().to_string() }
    }

    /// What makes it one office: its normalised name, and for a unit its office's too (every Sekretariat
    /// has a Bagian Keuangan).
    pub fn identity(&self) -> String {
        match self.level {
            Level::Unit => format!("{} / {}", key(&self.parent), key(&self.name)),
            _ => key(&self.name),
        }
    }
}

/// The normalised form of an office's name, the one rule for matching names: case, spaces and
/// punctuation do not count, `KPU` and `Komisi Pemilihan Umum` are left out (every office is one),
/// `Kabupaten`/`Kab.`, `Provinsi`/`Prov.`, `Kepulauan`/`Kep.` and `Republik Indonesia`/`RI` are one word
/// each. `KPU` alone (or `Komisi Pemilihan Umum`) is KPU RI.
pub fn key(name: &str) -> String {
    let lower = without_brackets(&name.to_lowercase());
    let words: Vec<&str> = lower.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
    let mut out: Vec<&str> = Vec::new();
    let mut dropped = false;
    let mut i = 0;
    while i < words.len() {
        let rest = &words[i..];
        if rest.starts_with(&["komisi", "pemilihan", "umum"]) {
            dropped = true;
            i += 3;
            continue;
        }
        if rest.starts_with(&["republik", "indonesia"]) {
            out.push("ri");
            i += 2;
            continue;
        }
        match words[i] {
            "kpu" => dropped = true,
            "kabupaten" | "kab" => out.push("kab"),
            "provinsi" | "propinsi" | "prov" => out.push("prov"),
            "kep" | "kepulauan" => out.push("kepulauan"),
            w => out.push(w),
        }
        i += 1;
    }
    if out.is_empty() && dropped {
        return "ri".into();
    }
    let mut k = format!(" {} ", out.join(" "));
    for (short, long) in ALIASES {
        k = k.replace(&format!(" {short} "), &format!(" {long} "));
    }
    k.trim().to_string()
}

/// Names Maluku's offices are also written under: the usual short forms, and Maluku Tenggara Barat,
/// the name of Kepulauan Tanimbar until 2019 (PP 2/2019).
const ALIASES: [(&str, &str); 9] = [
    ("maluku tenggara barat", "kepulauan tanimbar"),
    ("mtb", "kepulauan tanimbar"),
    ("kkt", "kepulauan tanimbar"),
    ("sbb", "seram bagian barat"),
    ("sbt", "seram bagian timur"),
    ("mbd", "maluku barat daya"),
    ("bursel", "buru selatan"),
    ("malteng", "maluku tengah"),
    ("malra", "maluku tenggara"),
];

/// The text without what stands in brackets (`Buru Selatan (Bursel)`: a second name for the same office).
fn without_brackets(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut depth = 0usize;
    for c in text.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            c if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

/// The key without its level word (`kab buru` → `buru`), for a name written without one.
fn bare(k: &str) -> &str {
    ["kab ", "kota ", "prov "].iter().find_map(|p| k.strip_prefix(p)).unwrap_or(k)
}

/// Offices by normalised name: [`Offices::find`] without a walk of the list per look-up.
#[derive(Clone, Debug, Default)]
pub struct Index {
    /// Offices (not units) by key.
    exact: std::collections::HashMap<String, usize>,
    /// Offices (not units) by key without the level word, with whether they had one.
    bare: std::collections::HashMap<String, Vec<(usize, bool)>>,
    /// Units by identity.
    units: std::collections::HashMap<String, usize>,
}

impl Index {
    /// Adds the office at `i` (the first of a spelling stays).
    fn insert(&mut self, i: usize, o: &Office) {
        if o.level == Level::Unit {
            self.units.entry(o.identity()).or_insert(i);
            return;
        }
        let k = key(&o.name);
        if k.is_empty() {
            return;
        }
        let b = bare(&k).to_string();
        let worded = b != k;
        self.exact.entry(k).or_insert(i);
        self.bare.entry(b).or_default().push((i, worded));
    }

    /// The place of the office (not a unit) a name means, as [`Offices::find`].
    pub fn find(&self, name: &str) -> Option<usize> {
        let k = key(name);
        if k.is_empty() {
            return None;
        }
        if let Some(&i) = self.exact.get(&k) {
            return Some(i);
        }
        // Without its level word on one side only: `Buru` is `KPU Kabupaten Buru`, but `KPU Kota Bekasi`
        // is not `KPU Kabupaten Bekasi`.
        let b = bare(&k);
        let unworded = b == k;
        let mut found = self.bare.get(b)?.iter().filter(|(_, worded)| unworded || !worded);
        match (found.next(), found.next()) {
            (Some(&(i, _)), None) => Some(i),
            _ => None,
        }
    }

    /// The place of the office listed with the same identity as `office`.
    fn same(&self, office: &Office) -> Option<usize> {
        match office.level {
            Level::Unit => self.units.get(&office.identity()).copied(),
            _ => self.find(&office.name),
        }
    }
}

/// Why an office cannot be added.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum OfficeError {
    /// No name.
    Empty,
    /// Already listed, under this name.
    Listed(String),
    /// A unit needs the office it is part of.
    UnitWithoutParent,
}

/// The workspace's offices: its own and the list (in the order kept; the hierarchy is in `parent`).
#[derive(Clone, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Offices {
    /// This workspace's own office (its name as listed); empty: not chosen.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub own: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub list: Vec<Office>,
}

/// The 11 KPU Kabupaten/Kota of Maluku.
pub const MALUKU_KAB_KOTA: [&str; 11] = [
    "KPU Kabupaten Buru",
    "KPU Kabupaten Buru Selatan",
    "KPU Kabupaten Kepulauan Aru",
    "KPU Kabupaten Kepulauan Tanimbar",
    "KPU Kabupaten Maluku Barat Daya",
    "KPU Kabupaten Maluku Tengah",
    "KPU Kabupaten Maluku Tenggara",
    "KPU Kabupaten Seram Bagian Barat",
    "KPU Kabupaten Seram Bagian Timur",
    "KPU Kota Ambon",
    "KPU Kota Tual",
];

impl Offices {
    pub fn is_empty(&self) -> bool {
        self.own.is_empty() && self.list.is_empty()
    }

    /// The preset of KPU Provinsi Maluku: KPU RI above it, the 11 kab/kota below, its own office chosen.
    pub fn maluku() -> Offices {
        let province = "KPU Provinsi Maluku";
        let mut list =
            vec![Office::new("KPU RI", Level::Ri, ""), Office::new(province, Level::Provinsi, "KPU RI")];
        list.extend(MALUKU_KAB_KOTA.iter().map(|n| Office::new(n, Level::KabKota, province)));
        Offices { own: province.into(), list }
    }

    /// The office (not a unit) a name means, if listed: the same normalised name, else, for a name
    /// written without its level word (`Buru`), the one office whose name without it is the same.
    pub fn find(&self, name: &str) -> Option<&Office> {
        self.index().find(name).map(|i| &self.list[i])
    }

    /// The list indexed by normalised name, for many look-ups (a national list has 552 offices).
    pub fn index(&self) -> Index {
        let mut index = Index::default();
        for (i, o) in self.list.iter().enumerate() {
            index.insert(i, o);
        }
        index
    }

    /// The office listed with the same identity as `office`, if any.
    fn same(&self, office: &Office) -> Option<&Office> {
        self.index().same(office).map(|i| &self.list[i])
    }

    /// Adds an office; refused when it has no name, is a unit of no office, or is listed already
    /// (under any spelling).
    pub fn add(&mut self, office: Office) -> Result<(), OfficeError> {
        let office = Office::new(&office.name, office.level, &office.parent);
        if key(&office.name).is_empty() {
            return Err(OfficeError::Empty);
        }
        if office.level == Level::Unit && key(&office.parent).is_empty() {
            return Err(OfficeError::UnitWithoutParent);
        }
        if let Some(o) = self.same(&office) {
            return Err(OfficeError::Listed(o.name.clone()));
        }
        // The parent is written as listed.
        let parent = self.find(&office.parent).map(|p| p.name.clone()).unwrap_or(office.parent);
        self.list.push(Office { parent, ..office });
        Ok(())
    }

    /// Removes the office at `index` with the units inside it; offices below it move up to its parent.
    /// Whether anything changed.
    pub fn remove(&mut self, index: usize) -> bool {
        if index >= self.list.len() {
            return false;
        }
        let gone = self.list.remove(index);
        if gone.level == Level::Unit {
            return true;
        }
        let k = key(&gone.name);
        self.list.retain(|o| !(o.level == Level::Unit && key(&o.parent) == k));
        for o in self.list.iter_mut().filter(|o| key(&o.parent) == k) {
            o.parent = gone.parent.clone();
        }
        if key(&self.own) == k {
            self.own.clear();
        }
        true
    }

    /// Chooses the workspace's own office (a listed office's name); whether it changed.
    pub fn set_own(&mut self, name: &str) -> bool {
        let name = self.find(name).map(|o| o.name.clone()).unwrap_or_default();
        let changed = self.own != name;
        self.own = name;
        changed
    }

    /// The offices directly below `name` (not units), in list order.
    pub fn below<'a>(&'a self, name: &str) -> impl Iterator<Item = &'a Office> + 'a {
        let k = key(name);
        self.list.iter().filter(move |o| o.level != Level::Unit && !k.is_empty() && key(&o.parent) == k)
    }

    /// The units inside an office's Sekretariat, in list order.
    pub fn units<'a>(&'a self, name: &str) -> impl Iterator<Item = &'a Office> + 'a {
        let k = key(name);
        self.list.iter().filter(move |o| o.level == Level::Unit && key(&o.parent) == k)
    }

    /// The list as a tree, for showing: each office with its depth, top offices first, then what is
    /// below each (units before offices), in list order. An office whose parent is not listed is at the
    /// top.
    pub fn tree(&self) -> Vec<(usize, &Office)> {
        use std::collections::HashMap;
        let index = self.index();
        // What is below each office (by its place), units first.
        let mut below: HashMap<usize, (Vec<usize>, Vec<usize>)> = HashMap::new();
        let mut top = Vec::new();
        for (i, o) in self.list.iter().enumerate() {
            match index.find(&o.parent).filter(|&p| p != i) {
                Some(p) if o.level == Level::Unit => below.entry(p).or_default().0.push(i),
                Some(p) => below.entry(p).or_default().1.push(i),
                None => top.push(i),
            }
        }
        let mut out = Vec::with_capacity(self.list.len());
        let mut seen = vec![false; self.list.len()];
        // Depth first without recursion (a list may be deep or, from a file, loop).
        let mut stack: Vec<(usize, usize)> = Vec::new();
        for start in top.into_iter().chain(0..self.list.len()) {
            stack.push((start, 0));
            while let Some((i, depth)) = stack.pop() {
                if std::mem::replace(&mut seen[i], true) {
                    continue;
                }
                out.push((depth, &self.list[i]));
                if let Some((units, offices)) = below.get(&i) {
                    stack.extend(units.iter().chain(offices).rev().map(|&c| (c, depth + 1)));
                }
            }
        }
        out
    }

    /// The offices among `candidates` that are not listed here, each once (the first spelling met), for
    /// the import preview to offer. A candidate's parent is kept when it is listed here or among them.
    pub fn unknown(&self, candidates: impl IntoIterator<Item = Office>) -> Vec<Office> {
        let here = self.index();
        let mut out: Vec<Office> = Vec::new();
        let mut found = Index::default();
        for c in candidates {
            if key(&c.name).is_empty() || here.same(&c).is_some() {
                continue;
            }
            if c.level == Level::Unit && here.find(&c.parent).is_none() && found.find(&c.parent).is_none() {
                continue;
            }
            // Kept with the parent as written (it may be listed here).
            if found.same(&c).is_none() {
                let o = Office::new(&c.name, c.level, &c.parent);
                found.insert(out.len(), &o);
                out.push(o);
            }
        }
        let known = |p: &str| here.find(p).is_some() || found.find(p).is_some();
        let kept: Vec<bool> = out.iter().map(|o| known(&o.parent)).collect();
        out.into_iter()
            .zip(kept)
            .map(|(o, known)| if known { o } else { Office { parent: String::new(), ..o } })
            .collect()
    }

    /// The offices an imported file names that are not listed here, to offer in the import preview:
    /// its own list, the office it comes from and each PK's office (levels guessed from the names). A
    /// workspace that lists no office is offered only what a file lists.
    pub fn offered<'a>(&self, file: &Offices, names: impl IntoIterator<Item = &'a str>) -> Vec<Office> {
        if self.list.is_empty() && file.list.is_empty() {
            return Vec::new();
        }
        let named = names.into_iter().map(|n| Office::new(n, Level::guess(n), ""));
        // An office one level below this workspace's own (a kab/kota met by a province) is offered
        // under it, so the monitoring grid lists it once added; the preview says so, and it can be
        // changed in Data → Kantor.
        let own = self.find(&self.own).map(|o| (o.name.clone(), o.level));
        self.unknown(file.list.iter().cloned().chain(named))
            .into_iter()
            .map(|o| match &own {
                Some((name, level)) if o.parent.is_empty() && o.level.directly_below(*level) => {
                    Office { parent: name.clone(), ..o }
                }
                _ => o,
            })
            .collect()
    }

    /// Adds what [`Offices::unknown`] found (and the user kept); how many were added.
    pub fn add_all(&mut self, offices: &[Office]) -> usize {
        offices.iter().filter(|o| self.add((*o).clone()).is_ok()).count()
    }
}

/// The most offices a list holds (KPU RI hands out 552).
pub const MAX_OFFICES: usize = 10_000;

/// What is wrong with a list read from a file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ListProblem {
    /// An office without a name.
    NoName,
    /// The same office again (under any spelling); the name it is first listed under.
    Listed(String),
    /// A unit that names no office.
    UnitWithoutParent,
    /// The office above it is not in the list.
    ParentNotListed,
    /// The own office is not in the list.
    OwnNotListed,
}

impl Offices {
    /// Every problem of a list read from a file: by the office's place in the list (`None`: the own
    /// office). The rule for files, applied by the full check and the direct reading alike.
    pub fn problems(&self) -> Vec<(Option<usize>, ListProblem)> {
        let mut out = Vec::new();
        let all = self.index();
        let mut seen = Index::default();
        for (i, o) in self.list.iter().enumerate() {
            let problem = if key(&o.name).is_empty() {
                Some(ListProblem::NoName)
            } else if let Some(first) = seen.same(o) {
                Some(ListProblem::Listed(self.list[first].name.clone()))
            } else if o.level == Level::Unit && key(&o.parent).is_empty() {
                Some(ListProblem::UnitWithoutParent)
            } else if !o.parent.trim().is_empty() && all.find(&o.parent).is_none() {
                Some(ListProblem::ParentNotListed)
            } else {
                None
            };
            seen.insert(i, o);
            out.extend(problem.map(|p| (Some(i), p)));
        }
        if !self.own.trim().is_empty() && all.find(&self.own).is_none() {
            out.push((None, ListProblem::OwnNotListed));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_key_for_every_spelling() {
        let buru = "kab buru";
        for name in [
            "KPU Kabupaten Buru",
            "KPU Kab. Buru",
            "Komisi Pemilihan Umum Kabupaten Buru",
            "  kpu   KAB buru ",
            "Kabupaten Buru",
        ] {
            assert_eq!(key(name), buru, "{name}");
        }
        assert_eq!(key("Komisi Pemilihan Umum Provinsi Maluku"), "prov maluku");
        assert_eq!(key("KPU Prov. Maluku"), "prov maluku");
        assert_eq!(key("KPU Kab. Kep. Aru"), "kab kepulauan aru");
        assert_eq!(key("KPU Kabupaten Kepulauan Aru"), "kab kepulauan aru");
        assert_eq!(key("KPU RI"), "ri");
        assert_eq!(key("Komisi Pemilihan Umum Republik Indonesia"), "ri");
        assert_eq!(key("Komisi Pemilihan Umum"), "ri");
        assert_eq!(key("KPU Kota Ambon"), "kota ambon");
        assert_eq!(key(""), "");
        // Buru Selatan is another office than Buru.
        assert_ne!(key("KPU Kabupaten Buru Selatan"), buru);
    }

    #[test]
    fn the_maluku_preset() {
        let o = Offices::maluku();
        assert_eq!(o.list.len(), 13);
        assert_eq!(o.below("KPU Provinsi Maluku").count(), 11);
        assert_eq!(o.below("KPU RI").map(|o| o.name.as_str()).collect::<Vec<_>>(), ["KPU Provinsi Maluku"]);
        // The built-in PKs' office is the province.
        assert_eq!(
            o.find("Komisi Pemilihan Umum Provinsi Maluku").map(|o| o.name.as_str()),
            Some("KPU Provinsi Maluku")
        );
        assert_eq!(o.find("Komisi Pemilihan Umum Kota Tual").map(|o| o.level), Some(Level::KabKota));
        // Without the level word, when only one office fits.
        assert_eq!(o.find("Maluku Tengah").map(|o| o.name.as_str()), Some("KPU Kabupaten Maluku Tengah"));
        assert_eq!(o.find("Seram").map(|o| o.name.as_str()), None);
        assert_eq!(o.find("KPU Kabupaten Bekasi"), None);
        let tree = o.tree();
        assert_eq!(tree[0], (0, &o.list[0]));
        assert_eq!(tree[1], (1, &o.list[1]));
        assert_eq!(tree[12], (2, &o.list[12]));
    }

    #[test]
    fn never_listed_twice() {
        let mut o = Offices::maluku();
        assert_eq!(
            o.add(Office::new("Komisi Pemilihan Umum Kab. Buru", Level::KabKota, "KPU Provinsi Maluku")),
            Err(OfficeError::Listed("KPU Kabupaten Buru".into()))
        );
        assert_eq!(o.add(Office::new("  ", Level::KabKota, "")), Err(OfficeError::Empty));
        assert_eq!(o.add(Office::new("Bagian Umum", Level::Unit, "")), Err(OfficeError::UnitWithoutParent));
        // Units: one name in two offices is two units; the parent is written as listed.
        assert_eq!(
            o.add(Office::new("Bagian Umum", Level::Unit, "Komisi Pemilihan Umum Provinsi Maluku")),
            Ok(())
        );
        assert_eq!(o.list[13].parent, "KPU Provinsi Maluku");
        assert_eq!(o.add(Office::new("Sub Bagian Umum", Level::Unit, "KPU Kota Ambon")), Ok(()));
        assert_eq!(
            o.add(Office::new("Bagian  umum", Level::Unit, "KPU Prov. Maluku")),
            Err(OfficeError::Listed("Bagian Umum".into()))
        );
        assert_eq!(o.units("KPU Provinsi Maluku").count(), 1);
        // A new kab/kota (a KPU RI list): another province's Buru is not Maluku's.
        assert_eq!(
            o.add(Office::new("KPU Kabupaten Bekasi", Level::KabKota, "KPU Provinsi Jawa Barat")),
            Ok(())
        );
        assert_eq!(o.add(Office::new("KPU Kota Bekasi", Level::KabKota, "KPU Provinsi Jawa Barat")), Ok(()));
        assert_eq!(o.find("Bekasi"), None, "two offices fit: none is guessed");
    }

    #[test]
    fn removing_moves_what_is_below_up() {
        let mut o = Offices::maluku();
        o.add(Office::new("Bagian Umum", Level::Unit, "KPU Provinsi Maluku")).unwrap();
        assert!(o.remove(1));
        assert_eq!(o.own, "", "the own office was removed");
        assert_eq!(o.list.len(), 12, "its unit went with it");
        assert_eq!(o.below("KPU RI").count(), 11);
        assert!(!o.remove(12));
        assert!(o.set_own("kpu kota ambon"));
        assert_eq!(o.own, "KPU Kota Ambon");
        assert!(!o.set_own("KPU Kota Ambon"));
        assert!(o.set_own("Nowhere"));
        assert_eq!(o.own, "");
    }

    #[test]
    fn offices_met_in_a_file() {
        let o = Offices::maluku();
        let found = o.unknown([
            Office::new("Komisi Pemilihan Umum Kabupaten Buru", Level::KabKota, ""),
            Office::new("KPU Provinsi Papua", Level::Provinsi, "KPU RI"),
            Office::new("KPU Kab. Jayapura", Level::KabKota, "KPU Provinsi Papua"),
            Office::new("Komisi Pemilihan Umum Kabupaten Jayapura", Level::KabKota, "KPU Provinsi Papua"),
            Office::new("Bagian Umum", Level::Unit, "KPU Provinsi Maluku"),
            Office::new("Bagian Umum", Level::Unit, "KPU Provinsi Sulawesi"),
            Office::new("KPU Kota Sorong", Level::KabKota, "KPU Provinsi Papua Barat Daya"),
        ]);
        let names: Vec<(&str, &str)> = found.iter().map(|o| (o.name.as_str(), o.parent.as_str())).collect();
        assert_eq!(
            names,
            [
                ("KPU Provinsi Papua", "KPU RI"),
                ("KPU Kab. Jayapura", "KPU Provinsi Papua"),
                ("Bagian Umum", "KPU Provinsi Maluku"),
                ("KPU Kota Sorong", ""),
            ]
        );
        let mut here = o.clone();
        assert_eq!(here.add_all(&found), 4);
        assert!(here.unknown(found.clone()).is_empty(), "added once, never twice");
        assert_eq!(Level::guess("Komisi Pemilihan Umum Kota Tual"), Level::KabKota);
        assert_eq!(Level::guess("KPU Provinsi Maluku"), Level::Provinsi);
        assert_eq!(Level::guess("Komisi Pemilihan Umum"), Level::Ri);
        assert_eq!(Level::guess("Bagian Keuangan, Umum dan Logistik"), Level::Unit);
    }

    #[test]
    fn offered_on_import() {
        let none = Offices::default();
        let names = [
            "Komisi Pemilihan Umum Kabupaten Buru",
            "KPU Kota Ambon",
            "Komisi Pemilihan Umum Provinsi Maluku",
        ];
        assert!(none.offered(&Offices::default(), names).is_empty(), "no list here or in the file");
        // A file carrying only offices (KPU RI hands out its list) into a workspace that lists none.
        let offered = none.offered(&Offices::maluku(), ["KPU Provinsi Maluku"]);
        assert_eq!(offered.len(), 13);
        // The province's list: only the office it does not know, with the level its name says.
        let mut here = Offices::maluku();
        here.remove(2);
        // Its own office is the province: a kab/kota met in a file is offered under it.
        let offered = here.offered(&Offices::default(), names);
        assert_eq!(
            offered,
            [Office::new("Komisi Pemilihan Umum Kabupaten Buru", Level::KabKota, "KPU Provinsi Maluku")]
        );
        // With no own office chosen, under none.
        here.own.clear();
        let offered = here.offered(&Offices::default(), names);
        assert_eq!(offered, [Office::new("Komisi Pemilihan Umum Kabupaten Buru", Level::KabKota, "")]);
        // Short and old names are the listed offices, never offered again (the tester's three files).
        let maluku = Offices::maluku();
        for name in [
            "KPU Kab SBB",
            "KPU Kabupaten Buru Selatan (Bursel)",
            "Komisi Pemilihan Umum Kabupaten Maluku Tenggara Barat",
            "KPU Kab. MBD",
            "KPU Kab. Kep. Aru",
        ] {
            assert!(maluku.offered(&Offices::default(), [name]).is_empty(), "{name}");
        }
        assert_eq!(maluku.find("KPU Kab SBB").unwrap().name, "KPU Kabupaten Seram Bagian Barat");
        assert_eq!(
            maluku.find("KPU Kabupaten Maluku Tenggara Barat").unwrap().name,
            "KPU Kabupaten Kepulauan Tanimbar"
        );
        assert_eq!(key("KPU Kabupaten Maluku Tenggara"), "kab maluku tenggara", "not the old Tanimbar");
    }

    #[test]
    fn a_list_from_a_file_is_checked() {
        let mut o = Offices::maluku();
        assert!(o.problems().is_empty());
        o.list.push(Office::new("Komisi Pemilihan Umum Kota Ambon", Level::KabKota, "KPU Provinsi Maluku"));
        o.list.push(Office::new("", Level::KabKota, ""));
        o.list.push(Office::new("Bagian Umum", Level::Unit, ""));
        o.list.push(Office::new("KPU Kabupaten Jayapura", Level::KabKota, "KPU Provinsi Papua"));
        o.own = "KPU Provinsi Papua".into();
        assert_eq!(
            o.problems(),
            [
                (Some(13), ListProblem::Listed("KPU Kota Ambon".into())),
                (Some(14), ListProblem::NoName),
                (Some(15), ListProblem::UnitWithoutParent),
                (Some(16), ListProblem::ParentNotListed),
                (None, ListProblem::OwnNotListed),
            ]
        );
    }

    #[test]
    fn written_only_when_set() {
        let o = Offices::default();
        assert!(o.is_empty());
        assert_eq!(serde_json::to_string(&o).unwrap(), "{}");
        let mut o = Offices::default();
        o.add(Office::new("KPU RI", Level::Ri, "")).unwrap();
        o.add(Office::new("KPU Provinsi Maluku", Level::Provinsi, "KPU RI")).unwrap();
        let json = serde_json::to_string(&o).unwrap();
        assert_eq!(
            json,
            r#"{"list":[{"name":"KPU RI","level":"ri"},{"name":"KPU Provinsi Maluku","level":"provinsi","parent":"KPU RI"}]}"#
        );
        assert_eq!(serde_json::from_str::<Offices>(&json).unwrap(), o);
    }
}
