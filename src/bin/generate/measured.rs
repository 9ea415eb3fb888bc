//! A year as it stands in December: every PK with its Rencana Aksi, signed in January, then four
//! quarters of realisasi (value, often a note, sometimes evidence) and budget absorption per quarter.
//! Used to measure what years of data cost in the browser's storage.

use super::rng::Rng;
use kinerja::core::model::measurement::Report;
use kinerja::core::model::*;
use rust_decimal::Decimal;
use std::sync::Arc;

const NOTES: [&str; 8] = [
    "Sesuai jadwal",
    "Terkendala keterlambatan pencairan anggaran",
    "Dilaksanakan bersama Bagian Keuangan",
    "Menunggu tindak lanjut dari KPU RI",
    "Tercapai lebih cepat dari rencana",
    "Kegiatan dialihkan ke triwulan berikutnya",
    "Data dari aplikasi SIDALIH",
    "Sebagian dokumen masih dalam proses reviu",
];

/// The text of a number as the app shows it (`82,5`).
fn number(value: Decimal) -> String {
    value.normalize().to_string().replace('.', ",")
}

/// Rencana Aksi and realisasi of one indicator: percentages stay near the target each quarter; counts
/// are planned cumulatively (`2 kali`, `4 kali`, …) and reported near the plan.
fn measure(rng: &mut Rng, target: &Target, year: i32) -> Measurement {
    let text = target.text().trim().to_string();
    let (value, unit) = match text.split_once(' ') {
        Some((n, unit)) => (n.to_string(), format!(" {unit}")),
        None => (text.trim_end_matches('%').to_string(), "%".to_string()),
    };
    let Ok(total) = value.replace(',', ".").parse::<Decimal>() else { return Measurement::default() };
    let percent = unit == "%";
    let mut m = Measurement::default();
    for q in 0..4 {
        let planned = if percent { total } else { (total * Decimal::from(q + 1) / Decimal::from(4)).ceil() };
        m.plan[q] = Some(Target::new(format!("{}{unit}", number(planned))));
        let actual = if percent {
            let tenths = Decimal::from(rng.range(0, 150)) / Decimal::from(10);
            (planned - tenths + Decimal::from(5)).min(Decimal::from(100))
        } else {
            planned + Decimal::from(rng.range(0, 2)) - Decimal::from(1)
        };
        let note = if rng.chance(35) { rng.pick(&NOTES).to_string() } else { String::new() };
        let evidence = if rng.chance(30) {
            format!("https://jdih.kpu.go.id/data/{year}/tw{}-{}.pdf", q + 1, rng.range(100, 999))
        } else {
            String::new()
        };
        m.actual[q] = Some(Report {
            value: Target::new(format!("{}{unit}", number(actual.max(Decimal::ZERO)))),
            note,
            evidence,
        });
    }
    m
}

/// Signs every PK of `agreements` in January (with its Rencana Aksi) and fills the year's realisasi.
pub fn measured(rng: &mut Rng, agreements: &mut [Arc<Agreement>]) {
    for a in agreements.iter_mut() {
        let a = Arc::make_mut(a);
        let year = a.year;
        let mut actuals = Vec::new();
        for i in a.objectives.iter_mut().flat_map(|o| o.indicators.iter_mut()) {
            let mut m = measure(rng, &i.target, year);
            // Realisasi are not part of what is signed; the Rencana Aksi is.
            actuals.push(std::mem::take(&mut m.actual));
            i.measurement = m;
        }
        a.sign(&format!("{year}-01-{:02}", rng.range(2, 31)), false).expect("a complete generated PK");
        for (i, actual) in a.objectives.iter_mut().flat_map(|o| o.indicators.iter_mut()).zip(actuals) {
            i.measurement.actual = actual;
        }
        for line in &mut a.budget {
            if let Amount::Value(total) = line.amount {
                for q in 0..4 {
                    let share = Decimal::from(rng.range(15, 30)) / Decimal::from(100);
                    let spent = (total * share / Decimal::from(1000)).trunc() * Decimal::from(1000);
                    line.actual[q] = Amount::Value(spent);
                }
            }
        }
    }
}
