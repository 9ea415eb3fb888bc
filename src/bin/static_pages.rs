//! Writes the public view as static HTML pages into a build (`core::html`), from the data published in
//! its `data/` folder, as the public view reads it (`ui::services::published`): `data/index.json` is the
//! published data itself, or a list of Kinerja files next to it. Run by `.ci/postbuild.mjs`.
//!
//! `cargo run --locked --bin static_pages -- <dist> [--no-app] [--data <file>]`
//!
//! `--data` reads the published data from a Kinerja file elsewhere instead of `<dist>/data/index.json`
//! (the benchmark's national site: its pages without a 45 MB file beside them).
//!
//! The pages carry the app's scripts (it takes a page over once loaded) unless `--no-app`, or the data
//! holds more than 1 000 PKs (a whole country: the app would read every office's file first).

use kinerja::core::html::{site, Shell};
use kinerja::core::io::file;
use kinerja::core::model::Workspace;
use serde::Deserialize;
use std::collections::HashSet;
use std::path::Path;

/// Most PKs for which the app takes the pages over.
const APP_LIMIT: usize = 1000;

#[derive(Deserialize)]
#[serde(untagged)]
enum Index {
    Files { files: Vec<String> },
    List(Vec<String>),
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let dist = Path::new(args.first().map(String::as_str).unwrap_or("dist")).to_path_buf();
    let no_app = args.iter().any(|a| a == "--no-app");
    let data =
        args.iter().position(|a| a == "--data").and_then(|i| args.get(i + 1)).map(std::path::PathBuf::from);
    let read = |p: &Path| std::fs::read_to_string(p).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
    let index_html = read(&dist.join("index.html"));
    let index = read(&data.unwrap_or_else(|| dist.join("data/index.json")));
    let (ws, published_at) = match serde_json::from_str::<Index>(&index) {
        Ok(Index::Files { files }) | Ok(Index::List(files)) => {
            let mut ws = Workspace::default();
            let mut seen = HashSet::new();
            for name in files {
                let ok = name.ends_with(".json")
                    && !name.starts_with('.')
                    && name.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'));
                if !ok {
                    eprintln!("[static_pages] skipped {name}: not a plain file name");
                    continue;
                }
                let loaded = file::read(&read(&dist.join("data").join(&name)))
                    .unwrap_or_else(|e| panic!("data/{name} cannot be read: {e:?}"));
                if ws.office.is_empty() {
                    ws.office = loaded.meta.source.office.clone();
                }
                for a in loaded.workspace.agreements {
                    if seen.insert(a.id.clone()) {
                        ws.agreements.push(a);
                    }
                }
            }
            (ws, None)
        }
        Err(_) => {
            let loaded =
                file::read(&index).unwrap_or_else(|e| panic!("data/index.json cannot be read: {e:?}"));
            let mut ws = loaded.workspace;
            ws.office = loaded.meta.source.office.clone();
            (ws, loaded.meta.exported_at.filter(|d| !d.trim().is_empty()))
        }
    };
    let app = !no_app && ws.agreements.len() <= APP_LIMIT;
    let shell = Shell::from_index(&index_html, app);
    let mut count = 0;
    let mut bytes = 0;
    site(&ws, &shell, published_at.as_deref(), &mut |name, html| {
        bytes += html.len();
        count += 1;
        std::fs::write(dist.join(&name), html).unwrap_or_else(|e| panic!("{name}: {e}"));
    });
    let with = if app { "taken over by the app" } else { "plain HTML" };
    println!("[static_pages] {count} page(s), {} KB, {with}", bytes / 1024);
}
