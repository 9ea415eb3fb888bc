//! Writes a generated workspace as a Kinerja file, for the benchmark and stress tests.
//!
//! `cargo run --release --bin generate -- --offices 12 --seed 1 --out province.json`
//! (552 offices is the national scale). `--years 10 --measured` writes ten years from `--year`, each
//! signed, with its Rencana Aksi and four quarters of realisasi; `--compact` writes without indentation.

mod measured;
mod rng;
mod workspace;

use kinerja::core::io::file::{self, WriteOptions};
use workspace as generate;

fn main() {
    let mut offices = 12usize;
    let mut seed = 1u64;
    let mut max_indicators = 60usize;
    let mut year = 2025i32;
    let mut years = 1i32;
    let mut measured = false;
    let mut pretty = true;
    let mut out: Option<String> = None;
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut i = 0;
    while i < args.len() {
        let value = args.get(i + 1).cloned().unwrap_or_default();
        if args[i] == "--measured" || args[i] == "--compact" {
            measured |= args[i] == "--measured";
            pretty &= args[i] != "--compact";
            i += 1;
            continue;
        }
        match args[i].as_str() {
            "--offices" => offices = value.parse().expect("--offices <number>"),
            "--seed" => seed = value.parse().expect("--seed <number>"),
            "--indicators" => max_indicators = value.parse().expect("--indicators <number>"),
            "--year" => year = value.parse().expect("--year <number>"),
            "--years" => years = value.parse().expect("--years <number>"),
            "--out" => out = Some(value),
            other => panic!("unknown argument {other}; use --offices, --seed, --indicators, --year, --years, --measured, --compact, --out"),
        }
        i += 2;
    }
    let ws = generate::years(offices, max_indicators, year, years, seed, measured);
    let text = file::write(
        &ws,
        None,
        &WriteOptions { exported_at: Some(format!("{year}-01-15T08:00:00Z")), pretty, ..Default::default() },
    );
    match out {
        Some(path) => std::fs::write(&path, text).expect("write the output file"),
        None => print!("{text}"),
    }
}
