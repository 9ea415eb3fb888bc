//! The core's floors, kept by the tests below. A module may use modules of its own floor and of the
//! floors below, never one above:
//!
//! 0. `date`, `i18n`, `format`: days and moments, the translation table, numbers and dates per language;
//! 1. `model`: the domain;
//! 2. `measure`, `rollup`, `io`, `tree_chart`: what is worked out from the model, and its files;
//! 3. `text`: every sentence in the user's language, from the values the floors below return;
//! 4. `word`, `html`: documents (.docx) and static pages made of those words.
//!
//! `ui` is on top of all of them. Folders of the core, and files within a folder, use one another
//! without circles. Tests may read a higher floor (a table's test checks the words it is shown in), so
//! test code is left out: `#[cfg(test)]` items and the files `tests.rs`, `*_tests.rs`, `testing.rs`.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// The floor of each folder (or file) of the core that has one.
const FLOORS: [(&str, u8); 17] = [
    ("date", 0),
    ("i18n", 0),
    ("format", 0),
    ("model", 1),
    ("backup", 1),
    ("measure", 2),
    ("rollup", 2),
    ("io", 2),
    ("tree_chart", 2),
    ("typed", 2),
    ("route", 2),
    ("seed", 2),
    ("steps", 2),
    ("monitor", 2),
    ("text", 3),
    ("word", 4),
    ("html", 4),
];

/// A module of the core (a file), by its path below `core`, with its code without comments and tests.
struct Module {
    path: Vec<String>,
    code: String,
}

fn modules() -> Vec<Module> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/core");
    let mut out = Vec::new();
    for file in crate::source::rust_files(&root) {
        let relative = file.strip_prefix(&root).unwrap();
        let mut path: Vec<String> =
            relative.with_extension("").iter().map(|c| c.to_string_lossy().into_owned()).collect();
        let name = path.last().cloned().unwrap_or_default();
        if name == "tests" || name.ends_with("_tests") || name == "testing" || path == ["floors"] {
            continue;
        }
        if name == "mod" {
            path.pop();
        }
        let code = without_tests(&std::fs::read_to_string(&file).unwrap());
        out.push(Module { path, code });
    }
    out
}

/// The code without comment lines and without the items under `#[cfg(test)]`.
fn without_tests(text: &str) -> String {
    let mut out = String::new();
    let mut lines = text.lines().filter(|l| !l.trim_start().starts_with("//"));
    while let Some(line) = lines.next() {
        if line.trim() != "#[cfg(test)]" {
            out.push_str(line);
            out.push('\n');
            continue;
        }
        // Skip the next item: one line ending in `;`, or up to its closing brace.
        let mut depth = 0i32;
        for l in lines.by_ref() {
            depth += l.matches('{').count() as i32 - l.matches('}').count() as i32;
            if depth <= 0 && (l.trim_end().ends_with(';') || l.trim_end().ends_with('}')) {
                break;
            }
        }
    }
    out
}

/// The paths named after `prefix` each time it occurs: `x::y` in `prefix x::y(…)`, `a` and `b::c` in
/// `prefix {a, b::c}`. Each path is its names (`self` and `*` left out).
fn paths_after(code: &str, prefix: &str) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    for (at, _) in code.match_indices(prefix) {
        if code[..at].ends_with(|c: char| c.is_alphanumeric() || c == '_' || c == ':') {
            continue;
        }
        out.extend(tree(&code[at + prefix.len()..]));
    }
    out.retain(|p| !p.is_empty());
    out
}

/// The paths of a use tree at the start of `text` (`a::b`, `a::{b, c::d}`), up to where it ends.
fn tree(text: &str) -> Vec<Vec<String>> {
    let mut names = Vec::new();
    let mut rest = text;
    loop {
        let name: String = rest.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
        rest = &rest[name.len()..];
        if !name.is_empty() && name != "self" {
            names.push(name);
        }
        if let Some(after) = rest.strip_prefix("::") {
            rest = after;
            continue;
        }
        break;
    }
    let Some(list) = rest.strip_prefix('{') else { return vec![names] };
    // The items of the list, split at its own commas.
    let mut items = vec![String::new()];
    let mut depth = 0;
    for c in list.chars() {
        match c {
            '{' => depth += 1,
            '}' if depth == 0 => break,
            '}' => depth -= 1,
            ',' if depth == 0 => {
                items.push(String::new());
                continue;
            }
            _ => {}
        }
        items.last_mut().unwrap().push(c);
    }
    let mut out = vec![names.clone()];
    for item in items {
        for path in tree(item.trim_start()) {
            out.push(names.iter().cloned().chain(path).collect());
        }
    }
    out
}

/// The modules each module uses, as paths below `core` cut to `depth` parts (1: folders, 2: files).
fn uses(depth: usize) -> BTreeMap<Vec<String>, BTreeSet<Vec<String>>> {
    let modules = modules();
    let known: BTreeSet<Vec<String>> = modules.iter().map(|m| m.path.clone()).collect();
    let cut = |p: &[String]| p[..p.len().min(depth)].to_vec();
    let mut graph: BTreeMap<Vec<String>, BTreeSet<Vec<String>>> = BTreeMap::new();
    // Spelled in two halves, so that this file does not read as using what it names.
    let core = format!("{}::{}::", "crate", "core");
    for m in &modules {
        let mut targets = Vec::new();
        targets.extend(paths_after(&m.code, &core));
        // `super::x` from `io/csv.rs` (the module `io::csv`) is `io::x`; from `io/mod.rs`, `x`.
        for supers in 1..=3 {
            let prefix = "super::".repeat(supers);
            for path in paths_after(&m.code, &prefix) {
                if path[0] == "super" || m.path.len() < supers {
                    continue;
                }
                targets.push(m.path[..m.path.len() - supers].iter().cloned().chain(path).collect());
            }
        }
        let from = cut(&m.path);
        for mut target in targets {
            // `model::Agreement` is the folder's own `mod.rs`.
            while !target.is_empty() && !known.contains(&target) {
                target.pop();
            }
            let to = cut(&target);
            // A module and its own folder's `mod.rs` are one unit.
            if to.is_empty() || from.starts_with(&to) || to.starts_with(&from) {
                continue;
            }
            graph.entry(from.clone()).or_default().insert(to);
        }
        graph.entry(from).or_default();
    }
    graph
}

/// A circle in `graph`, if there is one.
fn circle(graph: &BTreeMap<Vec<String>, BTreeSet<Vec<String>>>) -> Option<Vec<String>> {
    fn visit(
        node: &Vec<String>,
        graph: &BTreeMap<Vec<String>, BTreeSet<Vec<String>>>,
        done: &mut BTreeSet<Vec<String>>,
        stack: &mut Vec<Vec<String>>,
    ) -> Option<Vec<String>> {
        if let Some(at) = stack.iter().position(|n| n == node) {
            return Some(stack[at..].iter().chain([node]).map(|p| p.join("/")).collect());
        }
        if !done.insert(node.clone()) {
            return None;
        }
        stack.push(node.clone());
        for next in graph.get(node).into_iter().flatten() {
            if let Some(found) = visit(next, graph, done, stack) {
                return Some(found);
            }
        }
        stack.pop();
        None
    }
    let mut done = BTreeSet::new();
    graph.keys().find_map(|n| visit(n, graph, &mut done, &mut Vec::new()))
}

#[test]
fn no_floor_uses_a_higher_one() {
    let floor =
        |p: &[String]| FLOORS.iter().find(|(name, _)| p.first().is_some_and(|f| f == name)).map(|f| f.1);
    let graph = uses(1);
    assert!(graph.contains_key(&vec!["text".to_string()]), "found the modules: {graph:?}");
    let mut wrong = Vec::new();
    for (from, tos) in &graph {
        for to in tos {
            if let (Some(a), Some(b)) = (floor(from), floor(to)) {
                if b > a {
                    wrong.push(format!("{} (floor {a}) uses {} (floor {b})", from.join("/"), to.join("/")));
                }
            }
        }
    }
    assert!(wrong.is_empty(), "{wrong:#?}");
}

#[test]
fn no_circles_between_folders_or_files() {
    for depth in [1, 2] {
        let graph = uses(depth);
        assert!(circle(&graph).is_none(), "a circle: {:?}", circle(&graph).unwrap());
    }
}

#[test]
fn finds_what_a_module_uses() {
    let prefix = format!("{}::{}::", "crate", "core");
    let code =
        format!("use {prefix}model::{{Agreement, links::Links}};\nlet q = {prefix}text::quarter(q);\n");
    let found = paths_after(&code, &prefix);
    assert_eq!(
        found,
        [vec!["model"], vec!["model", "Agreement"], vec!["model", "links", "Links"], vec!["text", "quarter"]]
    );
    let found = paths_after("use super::{a, b::{self, c}};", "super::");
    assert_eq!(found, [vec!["a"], vec!["b"], vec!["b"], vec!["b", "c"]]);
    let code = "fn a() {}\n#[cfg(test)]\nmod tests {\n    fn b() {\n    }\n}\nfn c() {}\n";
    assert_eq!(without_tests(code), "fn a() {}\nfn c() {}\n");
}
