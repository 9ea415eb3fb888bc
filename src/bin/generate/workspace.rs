//! Realistic workspaces for the benchmark and stress tests, deterministic by seed.
//!
//! Every office gets the shape of the Maluku secretariat: a Sekretaris PK with up to `max_indicators`
//! indicators in sasaran of one to four, three Kepala Bagian carrying a share each, and two Kepala Sub
//! Bagian under each Kepala Bagian carrying a share of theirs (all linked). Budgets of two programs are
//! split exactly down the cascade, except for about one split in ten, which is off by a small amount.

use super::rng::Rng;
use kinerja::core::model::*;
use rust_decimal::Decimal;
use std::sync::Arc;

const MEASURES: [&str; 6] = ["Persentase", "Jumlah", "Persentase", "Tingkat", "Persentase", "Rasio"];
const SUBJECTS: [&str; 16] = [
    "laporan keuangan",
    "dokumen perencanaan",
    "pegawai",
    "arsip inaktif",
    "sarana transportasi",
    "fasilitas perkantoran",
    "pengaduan masyarakat",
    "produk hukum",
    "sengketa hukum",
    "logistik Pemilu",
    "data pemilih",
    "aplikasi KPU",
    "satuan kerja",
    "rekomendasi BPK",
    "badan adhoc",
    "informasi publik",
];
const PREDICATES: [&str; 10] = [
    "yang diselesaikan tepat waktu",
    "yang dikelola sesuai ketentuan",
    "yang ditindaklanjuti",
    "yang berfungsi dengan baik",
    "yang tersedia dengan akurat",
    "yang dipublikasikan",
    "yang dimutakhirkan secara berkelanjutan",
    "yang terverifikasi",
    "yang didistribusikan tepat jenis, jumlah dan waktu",
    "yang memenuhi standar",
];
const GOALS: [&str; 8] = [
    "Terwujudnya tata kelola",
    "Meningkatnya kualitas layanan",
    "Terlaksananya pengelolaan",
    "Tersedianya dukungan",
    "Meningkatnya akuntabilitas",
    "Terselenggaranya pembinaan",
    "Terwujudnya keterbukaan",
    "Meningkatnya efektivitas",
];
const AREAS: [&str; 10] = [
    "perencanaan dan anggaran",
    "keuangan dan perbendaharaan",
    "sumber daya manusia",
    "logistik Pemilu",
    "hukum dan pengawasan",
    "data dan informasi",
    "hubungan masyarakat",
    "umum dan rumah tangga",
    "teknis penyelenggaraan",
    "partisipasi masyarakat",
];
const UNITS: [&str; 6] = ["kali", "Lap", "Satker", "Orang", "Perkara", "Dokumen"];
const PLACES: [&str; 12] = [
    "Ambon", "Masohi", "Tual", "Namlea", "Saumlaki", "Dobo", "Piru", "Langgur", "Bula", "Tiakur", "Namrole",
    "Jakarta",
];
const PROGRAMS: [&str; 2] =
    ["Program Dukungan Manajemen", "Penyelenggaraan Pemilu dalam proses Konsolidasi Demokrasi"];

fn target(rng: &mut Rng) -> String {
    if rng.chance(70) {
        let v = rng.range(50, 100);
        if v < 100 && rng.chance(15) {
            format!("{v},5%")
        } else {
            format!("{v}%")
        }
    } else {
        format!("{} {}", rng.range(1, 12), rng.pick(&UNITS))
    }
}

/// Splits `total` (whole thousands of Rupiah) into `parts` exact shares.
fn split(rng: &mut Rng, total: Decimal, parts: usize) -> Vec<Decimal> {
    let thousand = Decimal::from(1000);
    let units = (total / thousand).trunc();
    let weights: Vec<u64> = (0..parts).map(|_| rng.range(1, 10)).collect();
    let sum: u64 = weights.iter().sum();
    let mut out: Vec<Decimal> =
        weights.iter().map(|w| (units * Decimal::from(*w) / Decimal::from(sum)).trunc() * thousand).collect();
    let rest = total - out.iter().copied().sum::<Decimal>();
    if let Some(last) = out.last_mut() {
        *last += rest;
    }
    out
}

fn party(rng: &mut Rng, position: String) -> Party {
    const FIRST: [&str; 10] =
        ["Ahmad", "Maria", "Yohanes", "Siti", "Rudi", "Theresia", "Hasan", "Agnes", "Samuel", "Fatimah"];
    const LAST: [&str; 10] = [
        "Latupono",
        "Rahawarin",
        "Kastanja",
        "Gaspersz",
        "Kotabanda",
        "Latuconsina",
        "Lisapaly",
        "Pattimura",
        "Wattimena",
        "Souhoka",
    ];
    Party { name: format!("{} {}", rng.pick(&FIRST), rng.pick(&LAST)), position }
}

struct Builder<'a> {
    rng: &'a mut Rng,
    prefix: String,
    year: i32,
    office: String,
    unit: String,
    place: String,
}

impl Builder<'_> {
    fn agreement(
        &mut self,
        key: &str,
        first: Party,
        second: Party,
        parent: Option<AgreementId>,
    ) -> Agreement {
        Agreement {
            id: AgreementId::new(format!("{}-{key}", self.prefix)),
            year: self.year,
            office: self.office.clone(),
            unit: self.unit.clone(),
            first_party: first,
            second_party: second,
            parent,
            place: self.place.clone(),
            date: format!("Januari {}", self.year),
            objectives: Vec::new(),
            budget: Vec::new(),
            notes: String::new(),
            origin: None,
            life: Default::default(),
            predecessor: None,
            transcribed_from: String::new(),
        }
    }

    fn budget(&mut self, amounts: &[Decimal]) -> Vec<BudgetLine> {
        PROGRAMS
            .iter()
            .zip(amounts)
            .map(|(p, a)| BudgetLine {
                actual: Default::default(),
                program: (*p).to_string(),
                amount: if a.is_zero() {
                    if self.rng.chance(50) {
                        Amount::Dash
                    } else {
                        Amount::Blank
                    }
                } else {
                    Amount::Value(*a)
                },
            })
            .collect()
    }

    /// Children's shares of each program, mostly exact.
    fn shares(&mut self, totals: &[Decimal], parts: usize) -> Vec<Vec<Decimal>> {
        let per_program: Vec<Vec<Decimal>> = totals
            .iter()
            .map(|t| {
                let mut s = split(self.rng, *t, parts);
                if self.rng.chance(10) {
                    let i = (self.rng.next_u64() % parts as u64) as usize;
                    s[i] += Decimal::from(self.rng.range(1, 50) * 10_000);
                }
                s
            })
            .collect();
        (0..parts).map(|c| per_program.iter().map(|p| p[c]).collect()).collect()
    }
}

/// One office: 10 PKs (1 Sekretaris, 3 Kepala Bagian, 6 Kepala Sub Bagian).
fn office(rng: &mut Rng, index: usize, name: &str, year: i32, max_indicators: usize) -> Vec<Agreement> {
    let short = name.trim_start_matches("Komisi Pemilihan Umum ").to_string();
    let mut b = Builder {
        prefix: format!("gen{index}-{year}"),
        year,
        office: name.to_string(),
        unit: format!("Sekretariat KPU {short}"),
        place: rng.pick(&PLACES).to_string(),
        rng,
    };
    let ketua = party(b.rng, format!("Ketua {name}"));
    let sek_party = party(b.rng, format!("Sekretaris {name}"));
    let mut top = b.agreement("sekretaris", sek_party.clone(), ketua, None);
    let total = b.rng.range((max_indicators as u64 / 2).max(3), max_indicators.max(3) as u64) as usize;
    let mut made = 0;
    let mut si = 0;
    while made < total {
        let count = (b.rng.range(1, 4) as usize).min(total - made);
        let goal = format!("{} {}", b.rng.pick(&GOALS), b.rng.pick(&AREAS));
        let indicators = (0..count)
            .map(|ii| Indicator {
                id: IndicatorId::new(format!("{}/s{si}/i{ii}", top.id)),
                text: format!(
                    "{} {} {} ({})",
                    b.rng.pick(&MEASURES),
                    b.rng.pick(&SUBJECTS),
                    b.rng.pick(&PREDICATES),
                    made + ii + 1
                ),
                target: Target::new(target(b.rng)),
                parent: None,
                measurement: Default::default(),
                predecessor: None,
            })
            .collect();
        top.objectives.push(Objective {
            id: ObjectiveId::new(format!("{}/s{si}", top.id)),
            text: goal,
            indicators,
        });
        made += count;
        si += 1;
    }
    let totals = [
        Decimal::from(b.rng.range(2_000_000, 12_000_000) * 1000),
        Decimal::from(b.rng.range(500_000, 5_000_000) * 1000),
    ];
    top.budget = b.budget(&totals);
    let top_id = top.id.clone();
    let mut ws = Workspace {
        office: name.to_string(),
        notes: String::new(),
        agreements: vec![Arc::new(top)],
        settings: Default::default(),
        letterhead: Default::default(),
        renstra: Vec::new(),
    };
    let kabag_shares = b.shares(&totals, 3);
    for (k, area) in [
        "Perencanaan, Data dan Informasi",
        "Keuangan, Umum dan Logistik",
        "Teknis Penyelenggaraan Pemilu dan Hukum",
    ]
    .iter()
    .enumerate()
    {
        let kabag_party = party(b.rng, format!("Kepala Bagian {area}"));
        let kabag_prefix = format!("{}-kabag{k}", b.prefix);
        let kabag = lower(&mut ws, &top_id, &kabag_prefix, kabag_party.clone(), &|n| n % 3 == k);
        let budget = b.budget(&kabag_shares[k]);
        ws.agreement_mut(&kabag).expect("just made").budget = budget;
        let sub_shares = b.shares(&kabag_shares[k], 2);
        for (s, shares) in sub_shares.iter().enumerate() {
            let sub_party = party(
                b.rng,
                format!("Kepala Sub Bagian {} {}", area.split(',').next().unwrap_or(area), s + 1),
            );
            let sub = lower(&mut ws, &kabag, &format!("{kabag_prefix}-sub{s}"), sub_party, &|n| n % 2 == s);
            let budget = b.budget(shares);
            ws.agreement_mut(&sub).expect("just made").budget = budget;
        }
    }
    ws.agreements.into_iter().map(Arc::unwrap_or_clone).collect()
}

/// A lower PK of `parent`, made as the app's *turunkan* makes it ([`Workspace::cascade_from`]): it
/// carries the parent's indicators whose running number `pick` chooses. Its id is `prefix` (the bench
/// opens PKs by these names), its sasaran's and indicators' ids start with it.
fn lower(
    ws: &mut Workspace,
    parent: &AgreementId,
    prefix: &str,
    first: Party,
    pick: &dyn Fn(usize) -> bool,
) -> AgreementId {
    let p = ws.agreement(parent).expect("the parent is in the workspace");
    let picked: Vec<IndicatorId> =
        p.indicators().enumerate().filter(|(n, _)| pick(*n)).map(|(_, (_, i))| i.id.clone()).collect();
    let made = ws.cascade_from(parent, &picked, first, &mut IdGen::new(prefix)).expect("the parent is here");
    // Nothing links to the new PK yet, so it can take its name.
    let id = AgreementId::new(prefix);
    ws.agreement_mut(&made).expect("just made").id = id.clone();
    id
}

/// The office names: province scale is one province and its 11 kabupaten/kota; larger counts add more.
pub fn office_name(index: usize) -> String {
    const PROVINCES: [&str; 4] = ["Maluku", "Maluku Utara", "Papua Barat", "Nusa Tenggara Timur"];
    const KABKOTA: [&str; 11] = [
        "Kota Ambon",
        "Kabupaten Maluku Tengah",
        "Kota Tual",
        "Kabupaten Buru",
        "Kabupaten Kepulauan Tanimbar",
        "Kabupaten Kepulauan Aru",
        "Kabupaten Seram Bagian Barat",
        "Kabupaten Maluku Tenggara",
        "Kabupaten Seram Bagian Timur",
        "Kabupaten Maluku Barat Daya",
        "Kabupaten Buru Selatan",
    ];
    let round = index / 12;
    let suffix = if round == 0 { String::new() } else { format!(" {}", round + 1) };
    match index % 12 {
        0 => format!("Komisi Pemilihan Umum Provinsi {}{suffix}", PROVINCES[round % PROVINCES.len()]),
        k => format!("Komisi Pemilihan Umum {}{suffix}", KABKOTA[k - 1]),
    }
}

/// A workspace of `offices` offices for `count` years from `first`; `measured`: each year signed, with
/// its Rencana Aksi and four quarters of realisasi.
pub fn years(
    offices: usize,
    max_indicators: usize,
    first: i32,
    count: i32,
    seed: u64,
    measured: bool,
) -> Workspace {
    let mut rng = Rng::new(seed);
    let mut ws = Workspace {
        office: office_name(0),
        notes: format!("Data uji Kinerja: {offices} kantor, benih {seed}."),
        agreements: Vec::new(),
        settings: Default::default(),
        letterhead: Default::default(),
        renstra: Vec::new(),
    };
    for year in first..first + count {
        let mut agreements = Vec::new();
        for i in 0..offices {
            let name = office_name(i);
            agreements.extend(office(&mut rng, i, &name, year, max_indicators).into_iter().map(Arc::new));
        }
        if measured {
            super::measured::measured(&mut rng, &mut agreements);
        }
        ws.agreements.extend(agreements);
    }
    ws
}

#[cfg(test)]
mod tests {
    use super::*;
    use kinerja::core::io::file::{self, WriteOptions};

    #[test]
    fn deterministic_valid_and_realistic() {
        let a = years(12, 60, 2025, 1, 7, false);
        assert_eq!(a, years(12, 60, 2025, 1, 7, false), "same seed, same data");
        assert_ne!(a, years(12, 60, 2025, 1, 8, false));
        assert_eq!(a.agreements.len(), 120);
        let text = file::write(&a, None, &WriteOptions::default());
        let back = file::read(&text).expect("a valid Kinerja file");
        assert!(back.warnings.is_empty());
        let r = kinerja::core::rollup::rollup(&a, 2025, None);
        assert_eq!(r.summary.per_level, vec![12, 36, 72]);
        assert_eq!(r.summary.cascaded, r.summary.cascadable, "full cascades");
        assert_eq!((r.summary.orphans, r.summary.target_differences), (0, 0));
        let lines = r.nodes.iter().map(|n| n.programs.len()).sum::<usize>();
        assert!(
            r.summary.budget_flags > 0 && r.summary.budget_flags * 4 < lines,
            "budgets mostly add up: {} of {lines}",
            r.summary.budget_flags
        );
        let max = a.agreements.iter().map(|x| x.indicator_count()).max().unwrap();
        assert!((30..=60).contains(&max));
    }

    #[test]
    fn measured_years_are_signed_reported_and_valid() {
        let ws = years(2, 20, 2024, 2, 3, true);
        assert_eq!(ws.years(), vec![2025, 2024]);
        assert_eq!(ws.agreements.len(), 40);
        let text = file::write(&ws, None, &WriteOptions::default());
        let back = file::read(&text).expect("a valid Kinerja file");
        assert!(back.warnings.is_empty(), "{:?}", back.warnings);
        for a in &ws.agreements {
            assert_eq!(a.stage(), Stage::Signed(0), "{}", a.id);
            assert!(a.tampered_versions().is_empty());
            let i = &a.objectives[0].indicators[0];
            assert!(i.measurement.plan.iter().all(Option::is_some));
            assert!(i.measurement.actual.iter().all(Option::is_some));
            assert!(a.budget.iter().any(|l| l.actual.iter().all(|x| matches!(x, Amount::Value(_)))));
        }
    }
}
